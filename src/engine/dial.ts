// Turns a resolved endpoint into dockerode's connection options.
import * as fs from 'node:fs';
import Docker from 'dockerode';
import { localSocketPath, type EngineEndpoint, type TlsFiles } from './connection';
import { EngineError } from './errors';
import { SshDialAgent, type ConfirmHostKey } from './ssh/sshDialAgent';
import { DIALLED_BY_AGENT, TcpDialAgent, type TcpTarget } from './tcpDialAgent';

export interface DialSettings {
  /** Asked when an ssh host's key is in no known_hosts file; without it such hosts are refused. */
  readonly confirmHostKey?: ConfirmHostKey;
  readonly sshConfigFile?: string;
}

/** The variables docker-modem reads as defaults and merges under our options (see createDocker). */
const MODEM_ENVIRONMENT = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT', 'DOCKER_PATH_PREFIX'] as const;

export function createDocker(endpoint: EngineEndpoint, settings: DialSettings = {}): Docker {
  const options = dialOptions(endpoint, settings);
  // docker-modem builds its defaults from process.env and lays our options over them: with DOCKER_HOST=tcp://…
  // in the environment its `host` wins over our `socketPath`, and a DOCKER_CERT_PATH without ca.pem throws
  // ENOENT while constructing. The endpoint we resolved (and show) must be the one dialled, so the modem is
  // built with those variables hidden; the constructor is synchronous, so nothing else runs meanwhile.
  const saved = MODEM_ENVIRONMENT.map((name) => [name, process.env[name]] as const);
  for (const [name] of saved) delete process.env[name];
  try {
    return new Docker(options);
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}

export function dialOptions(endpoint: EngineEndpoint, settings: DialSettings = {}): Docker.DockerOptions {
  const url = endpoint.host;
  const socketPath = localSocketPath(url);
  if (socketPath) return { socketPath };

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new EngineError('invalidHost', `cannot parse engine host "${url}"`, { endpoint: url, problem: 'unparsable', cause });
  }
  if (parsed.protocol === 'ssh:') {
    // Plain HTTP over the dial-stdio channels the agent opens; the host name is only the Host header.
    return { socketPath: DIALLED_BY_AGENT, agent: new SshDialAgent(url, { confirmHostKey: settings.confirmHostKey, configFile: settings.sshConfigFile }) } as Docker.DockerOptions;
  }
  if (parsed.protocol === 'tcp:' || parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    const tls = endpoint.tls;
    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = parsed.port ? Number(parsed.port) : tls ? 2376 : 2375;
    return { socketPath: DIALLED_BY_AGENT, agent: new TcpDialAgent({ host, port, tls: tls ? tlsOptions(endpoint, endpoint.tlsFiles) : undefined }) } as Docker.DockerOptions;
  }
  throw new EngineError('invalidHost', `unsupported engine host scheme "${parsed.protocol}" in ${url}`, { endpoint: url, problem: 'scheme' });
}

/**
 * The CLI's rules (cli/flags/options.go, go-connections/tlsconfig): verification needs the CA file and fails
 * clearly without it; a client certificate is presented when cert.pem and key.pem are there.
 */
function tlsOptions(endpoint: EngineEndpoint, files: TlsFiles | undefined): NonNullable<TcpTarget['tls']> {
  if (!files) return { rejectUnauthorized: false };
  const missing = (file: string) =>
    new EngineError('tlsMaterialMissing', `${file} does not exist`, { endpoint: endpoint.host, file, variable: files.certPathVariable });
  const read = (file: string | undefined) => (file && fs.existsSync(file) ? fs.readFileSync(file) : undefined);
  const ca = read(files.ca);
  if (files.verify && !ca) throw missing(files.ca ?? 'ca.pem');
  const cert = read(files.cert);
  const key = read(files.key);
  if (cert && !key) throw missing(files.key ?? 'key.pem');
  return { ca: files.verify ? ca : undefined, cert, key, rejectUnauthorized: files.verify };
}
