// Where an ssh:// engine really is, as the user's own ssh would see it: `ssh -G` prints OpenSSH's fully
// evaluated configuration (Host/Match blocks, Include, HostName, User, Port, IdentityFile, known_hosts
// files), so Dockside honours ~/.ssh/config exactly, without a config parser of its own.
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError } from '../errors';

export interface SshTarget {
  /** The name known_hosts is checked under (HostKeyAlias, else the real host name). */
  readonly hostKeyName: string;
  readonly hostname: string;
  readonly port: number;
  readonly username: string;
  readonly identityFiles: readonly string[];
  readonly knownHostsFiles: readonly string[];
  /** Where new keys are written when the user accepts one: the first user known_hosts file. */
  readonly userKnownHostsFile: string;
  readonly agentSocket?: string;
  readonly connectTimeoutMs?: number;
}

export interface SshUrl {
  readonly host: string;
  readonly port?: number;
  readonly user?: string;
}

export function parseSshUrl(url: string): SshUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new EngineError('invalidHost', `cannot parse ${url}`, { endpoint: url, problem: 'unparsable', cause });
  }
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : undefined,
    user: decodeURIComponent(parsed.username) || undefined,
  };
}

/** Runs `ssh -G` (no connection is made; `configFile` stands for ~/.ssh/config); falls back to OpenSSH's defaults when no ssh client is installed. */
export async function resolveSshTarget(url: string, env: NodeJS.ProcessEnv = process.env, configFile?: string): Promise<SshTarget> {
  const target = parseSshUrl(url);
  const args = ['-G'];
  if (configFile) args.push('-F', configFile);
  if (target.port) args.push('-p', String(target.port));
  if (target.user) args.push('-l', target.user);
  args.push(target.host);
  const printed = await new Promise<string | undefined>((resolve) => {
    execFile('ssh', args, { env, timeout: 5000 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
  return fromSshConfig(target, printed === undefined ? new Map() : parseSshG(printed), env);
}

export function parseSshG(printed: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const line of printed.split('\n')) {
    const m = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    values.set(key, [...(values.get(key) ?? []), m[2]!]);
  }
  return values;
}

export function fromSshConfig(target: SshUrl, config: Map<string, string[]>, env: NodeJS.ProcessEnv, home = os.homedir()): SshTarget {
  const one = (key: string) => config.get(key)?.[0];
  const many = (key: string) => (config.get(key) ?? []).flatMap((v) => v.split(/\s+/)).filter(Boolean);
  const expand = (file: string) => (file.startsWith('~/') ? path.join(home, file.slice(2)) : file);
  const hostname = one('hostname') ?? target.host;
  const userFiles = many('userknownhostsfile').map(expand);
  const defaultUserFile = path.join(home, '.ssh', 'known_hosts');
  const userKnownHosts = userFiles.length ? userFiles : [defaultUserFile];
  const globalKnownHosts = config.has('globalknownhostsfile') ? many('globalknownhostsfile') : ['/etc/ssh/ssh_known_hosts'];
  const identities = many('identityfile').map(expand);
  const agent = one('identityagent');
  const timeout = Number(one('connecttimeout'));
  return {
    hostKeyName: one('hostkeyalias') ?? hostname,
    hostname,
    port: Number(one('port') ?? target.port ?? 22),
    username: one('user') ?? target.user ?? os.userInfo().username,
    identityFiles: identities.length ? identities : ['id_rsa', 'id_ecdsa', 'id_ed25519'].map((f) => path.join(home, '.ssh', f)),
    knownHostsFiles: [...userKnownHosts, ...globalKnownHosts].filter((f) => f !== 'none'),
    userKnownHostsFile: userKnownHosts[0]!,
    agentSocket: agent === 'none' ? undefined : agent && agent !== 'SSH_AUTH_SOCK' ? expand(agent) : env.SSH_AUTH_SOCK,
    connectTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : undefined,
  };
}
