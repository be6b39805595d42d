// Which engine to talk to, decided the way the docker CLI decides (docker/cli resolveContextName):
// a Dockside setting first, then DOCKER_HOST, then DOCKER_CONTEXT, then the current context in
// config.json, then the platform's default socket.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EndpointSource, EngineEndpointDescription } from '../models/engine';
import { EngineError } from './errors';

export interface TlsFiles {
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  /** False only when the user asked to skip verification. */
  readonly verify: boolean;
  /** Set when the files come from DOCKER_CERT_PATH, so a missing file can be explained in those terms. */
  readonly certPathVariable?: 'DOCKER_CERT_PATH';
}

export interface EngineEndpoint extends EngineEndpointDescription {
  readonly tlsFiles?: TlsFiles;
}

export interface EndpointInputs {
  /** `dockside.engine.host`: a DOCKER_HOST-style URL. */
  readonly settingHost?: string;
  /** `dockside.engine.context`: a docker context name. */
  readonly settingContext?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly homeDir?: string;
  readonly platform?: NodeJS.Platform;
  readonly readFile?: (file: string) => string | undefined;
}

const DEFAULT_UNIX = 'unix:///var/run/docker.sock';
const DEFAULT_NPIPE = 'npipe:////./pipe/docker_engine';

/** The socket or named pipe a unix:// or npipe:// host is dialled on; undefined for network hosts. */
export function localSocketPath(host: string): string | undefined {
  if (host.startsWith('unix://')) return host.slice('unix://'.length);
  if (host.startsWith('npipe://')) return host.slice('npipe://'.length).replace(/\//g, '\\');
  return undefined;
}

export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir = os.homedir()): string {
  return env.DOCKER_CONFIG || path.join(homeDir, '.docker');
}

/** Files whose change can change the chosen engine: watch these to follow `docker context use`. */
export function endpointSourceFiles(env: NodeJS.ProcessEnv, homeDir = os.homedir()): string[] {
  const dir = dockerConfigDir(env, homeDir);
  return [path.join(dir, 'config.json'), path.join(dir, 'contexts', 'meta')];
}

export function resolveEndpoint(inputs: EndpointInputs): EngineEndpoint {
  const env = inputs.env;
  const platform = inputs.platform ?? process.platform;
  const readFile = inputs.readFile ?? readFileIfPresent;
  const configDir = dockerConfigDir(env, inputs.homeDir);

  const settingHost = inputs.settingHost?.trim();
  if (settingHost) return hostEndpoint(settingHost, 'setting', env, configDir);
  const settingContext = inputs.settingContext?.trim();
  if (settingContext) return contextEndpoint(settingContext, 'settingContext', env, configDir, platform, readFile);
  if (env.DOCKER_HOST) return hostEndpoint(env.DOCKER_HOST, 'DOCKER_HOST', env, configDir);
  if (env.DOCKER_CONTEXT) return contextEndpoint(env.DOCKER_CONTEXT, 'DOCKER_CONTEXT', env, configDir, platform, readFile);

  const current = readCurrentContext(configDir, readFile);
  if (current) return contextEndpoint(current, 'currentContext', env, configDir, platform, readFile);
  return defaultEndpoint(platform, 'default');
}

function defaultEndpoint(platform: NodeJS.Platform, source: EndpointSource, contextName?: string): EngineEndpoint {
  const host = platform === 'win32' ? DEFAULT_NPIPE : DEFAULT_UNIX;
  return { label: contextName ?? 'default', host, source, contextName, tls: false };
}

function hostEndpoint(host: string, source: EndpointSource, env: NodeJS.ProcessEnv, configDir: string): EngineEndpoint {
  const url = parseEngineHost(host, source);
  const isTcp = url.startsWith('tcp://') || url.startsWith('https://');
  const tls = tlsFromEnvironment(env, url.startsWith('https://'));
  if (isTcp && tls) {
    const certDir = env.DOCKER_CERT_PATH || configDir;
    const tlsFiles: TlsFiles = {
      ca: path.join(certDir, 'ca.pem'),
      cert: path.join(certDir, 'cert.pem'),
      key: path.join(certDir, 'key.pem'),
      verify: tls.verify,
      certPathVariable: env.DOCKER_CERT_PATH ? 'DOCKER_CERT_PATH' : undefined,
    };
    const warning = tls.verifyDespiteZero ? 'tlsVerifyZero' : tls.verify ? undefined : 'tlsUnverified';
    return { label: url, host: url, source, tls: true, tlsFiles, warning };
  }
  return { label: url, host: url, source, tls: false, warning: isTcp ? 'plainTcp' : undefined };
}

/**
 * The docker CLI's TLS switches (cli/flags/options.go: `os.Getenv("DOCKER_TLS_VERIFY") != ""`): any non-empty
 * DOCKER_TLS_VERIFY, "0" and "false" included, means TLS *with* verification (checked against docker 28 in
 * remoteEngines.live.test.ts); DOCKER_TLS set to anything means TLS without verification. Dockside follows
 * the CLI, the stricter reading, and says so when the value looks like an attempt to turn verification off.
 * Returns undefined when the connection is plain.
 */
export function tlsFromEnvironment(env: NodeJS.ProcessEnv, https = false): { verify: boolean; verifyDespiteZero: boolean } | undefined {
  const verify = env.DOCKER_TLS_VERIFY;
  if (verify !== undefined && verify !== '') return { verify: true, verifyDespiteZero: !isTruthy(verify) };
  if ((env.DOCKER_TLS !== undefined && env.DOCKER_TLS !== '') || https) return { verify: false, verifyDespiteZero: false };
  return undefined;
}

function contextEndpoint(
  name: string,
  source: EndpointSource,
  env: NodeJS.ProcessEnv,
  configDir: string,
  platform: NodeJS.Platform,
  readFile: (file: string) => string | undefined,
): EngineEndpoint {
  // "default" is the CLI's built-in context: DOCKER_HOST or the platform socket.
  if (name === 'default') {
    return env.DOCKER_HOST ? hostEndpoint(env.DOCKER_HOST, source, env, configDir) : defaultEndpoint(platform, source, 'default');
  }
  const digest = createHash('sha256').update(name).digest('hex');
  const metaFile = path.join(configDir, 'contexts', 'meta', digest, 'meta.json');
  const raw = readFile(metaFile);
  if (raw === undefined) {
    throw new EngineError('contextNotFound', `docker context "${name}" has no ${metaFile}`, { context: name });
  }
  let docker: { Host?: string; SkipTLSVerify?: boolean } | undefined;
  try {
    docker = (JSON.parse(raw) as { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } }).Endpoints?.docker;
  } catch (cause) {
    throw new EngineError('contextNotFound', `docker context "${name}": ${metaFile} is not valid JSON`, { context: name, cause });
  }
  if (!docker?.Host) {
    throw new EngineError('contextNotFound', `docker context "${name}" has no docker endpoint`, { context: name });
  }
  const url = parseEngineHost(docker.Host, source, name);
  const tlsDir = path.join(configDir, 'contexts', 'tls', digest, 'docker');
  const ca = path.join(tlsDir, 'ca.pem');
  const hasTls = readFile(ca) !== undefined || readFile(path.join(tlsDir, 'cert.pem')) !== undefined;
  const base = { label: name, host: url, source, contextName: name };
  // The CLI uses TLS for a context with TLS material or with SkipTLSVerify (cli/context/docker/load.go).
  if (url.startsWith('tcp://') && (hasTls || docker.SkipTLSVerify)) {
    const cert = path.join(tlsDir, 'cert.pem');
    const tlsFiles: TlsFiles = {
      ca: readFile(ca) !== undefined ? ca : undefined,
      cert: readFile(cert) !== undefined ? cert : undefined,
      key: readFile(cert) !== undefined ? path.join(tlsDir, 'key.pem') : undefined,
      verify: !docker.SkipTLSVerify,
    };
    return { ...base, tls: true, tlsFiles, warning: docker.SkipTLSVerify ? 'tlsUnverified' : undefined };
  }
  return { ...base, tls: false, warning: url.startsWith('tcp://') ? 'plainTcp' : undefined };
}

function readCurrentContext(configDir: string, readFile: (file: string) => string | undefined): string | undefined {
  const raw = readFile(path.join(configDir, 'config.json'));
  if (!raw) return undefined;
  try {
    const name = (JSON.parse(raw) as { currentContext?: unknown }).currentContext;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    // A broken config.json does not stop the CLI from using the default engine; it does not stop us either.
    return undefined;
  }
}

const SCHEMES = ['unix:', 'npipe:', 'tcp:', 'ssh:', 'http:', 'https:'];

/**
 * Checks an engine address the way the CLI's ParseHost does and says what is wrong with a bad one. A bare
 * path is what people paste from `ls /var/run`: it is taken as a unix socket.
 */
export function parseEngineHost(host: string, source: EndpointSource, context?: string): string {
  const trimmed = host.trim();
  if (trimmed.startsWith('/')) return `unix://${trimmed}`;
  const fail = (problem: InvalidHostProblem) => {
    throw new EngineError('invalidHost', `engine host "${trimmed}" (${source}): ${problem}`, { endpoint: trimmed, context, origin: source, problem });
  };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) fail('noScheme');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return fail('unparsable');
  }
  if (!SCHEMES.includes(parsed.protocol)) fail('scheme');
  if (parsed.protocol === 'unix:' || parsed.protocol === 'npipe:') {
    if (trimmed.length <= parsed.protocol.length + 2) fail('noPath');
    return trimmed;
  }
  if (!parsed.hostname) fail('noHostname');
  if (parsed.protocol !== 'ssh:' && parsed.pathname && parsed.pathname !== '/') fail('path');
  return trimmed;
}

export type InvalidHostProblem = 'noScheme' | 'unparsable' | 'scheme' | 'noPath' | 'noHostname' | 'path';

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function readFileIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
