// What a `docker run` line can say, as the Run… form and saved run configurations hold it: plain JSON,
// each list entry written the way the docker CLI takes it (`-p 127.0.0.1:8080:80`), so users can type
// what they already know. No vscode import: the engine bundle and unit tests use it too.

/** -d: in the background; -it: a terminal opens on it; -itd: a terminal is kept open but not attached. */
export type RunMode = 'detached' | 'interactive' | 'interactiveDetached';

export interface RunOptions {
  readonly image: string;
  readonly name?: string;
  readonly mode?: RunMode;
  /** --rm */
  readonly remove?: boolean;
  /** no | on-failure[:N] | always | unless-stopped */
  readonly restart?: string;
  /** -p [ip:][hostPort:]containerPort[/proto] */
  readonly ports?: readonly string[];
  /** -P */
  readonly publishAll?: boolean;
  /** -v src:dst[:opts], src a host path (bind) or a volume name */
  readonly volumes?: readonly string[];
  /** --tmpfs /path[:options] */
  readonly tmpfs?: readonly string[];
  /** -e KEY=VALUE (or KEY to pass the value through from the environment) */
  readonly env?: readonly string[];
  /**
   * Variable names whose values Dockside keeps in VS Code's secret storage (asked once, at the first run):
   * a password never sits in settings, state or a docker run line, and reaches the engine only in the
   * create call. The docker run line passes them as bare `-e NAME`, taken from the shell's environment.
   */
  readonly secretEnv?: readonly string[];
  /** --env-file paths; relative paths are taken from the workspace folder */
  readonly envFiles?: readonly string[];
  readonly network?: string;
  readonly ip?: string;
  readonly hostname?: string;
  readonly capAdd?: readonly string[];
  readonly capDrop?: readonly string[];
  readonly privileged?: boolean;
  readonly securityOpt?: readonly string[];
  /** --cpus, e.g. "2" or "0.5" */
  readonly cpus?: string;
  /** --memory, e.g. "4096M", "2g" */
  readonly memory?: string;
  /** --device host[:container[:perms]] */
  readonly devices?: readonly string[];
  readonly entrypoint?: string;
  /** The command and its arguments, written as in a shell: `sh -c 'echo hi'`. */
  readonly command?: string;
  readonly workdir?: string;
  readonly user?: string;
  /** --label key=value */
  readonly labels?: readonly string[];
}

export interface PortSpec {
  readonly hostIp: string;
  /** Empty: the engine picks a free port. */
  readonly hostPort: string;
  readonly containerPort: number;
  readonly protocol: 'tcp' | 'udp' | 'sctp';
}

/** Parses one `-p` value; one entry per port of a range. Returns a reason key on malformed input. */
export function parsePortSpec(spec: string): PortSpec[] | { error: 'syntax' | 'range' | 'protocol' | 'rangeMismatch' } {
  const m = /^(?:(\[[0-9a-fA-F:.]+\]|\d+\.\d+\.\d+\.\d+):)?(?:(\d*(?:-\d+)?):)?(\d+(?:-\d+)?)(?:\/(\w+))?$/.exec(spec.trim());
  if (!m) return { error: 'syntax' };
  const [, ip = '', host = '', container, proto = 'tcp'] = m;
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return { error: 'protocol' };
  if (ip && !ip.startsWith('[') && !isIPv4(ip)) return { error: 'syntax' };
  const containerRange = portRange(container);
  const hostRange = host ? portRange(host) : undefined;
  if (!containerRange || (host && !hostRange)) return { error: 'range' };
  const count = containerRange[1] - containerRange[0];
  // A host range for one container port lets the engine pick one free port from it.
  if (hostRange && count > 0 && hostRange[1] - hostRange[0] !== count) return { error: 'rangeMismatch' };
  const hostIp = ip.replace(/^\[|\]$/g, '');
  const out: PortSpec[] = [];
  for (let i = 0; i <= count; i++) {
    const hostPort = !hostRange ? '' : count === 0 ? host : String(hostRange[0] + i);
    out.push({ hostIp, hostPort, containerPort: containerRange[0] + i, protocol: proto });
  }
  return out;
}

function portRange(text: string): [number, number] | undefined {
  const [a, b = a] = text.split('-').map(Number);
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b > 65535 || b < a) return undefined;
  return [a, b];
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function isIPv6(text: string): boolean {
  return /^[0-9a-fA-F:.]+$/.test(text) && text.includes(':') && (text.match(/::/g)?.length ?? 0) <= 1;
}

const MEMORY_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** Bytes for a docker memory value ("4096M", "2g", "512mb", "1.5G"), as the CLI's RAMInBytes reads it. */
export function parseMemory(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([kmgtpb]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) return undefined;
  return Math.floor(Number(m[1]) * MEMORY_UNITS[m[2].toLowerCase()]);
}

/** NanoCPUs for a --cpus value, as the CLI computes it. */
export function parseCpus(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?|\.\d+)$/.test(text.trim())) return undefined;
  return Math.round(Number(text) * 1e9);
}

export interface RestartPolicy {
  readonly name: 'no' | 'on-failure' | 'always' | 'unless-stopped';
  readonly maximumRetryCount: number;
}

export function parseRestart(text: string): RestartPolicy | undefined {
  const m = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  if (m[2] !== undefined && m[1] !== 'on-failure') return undefined;
  return { name: m[1] as RestartPolicy['name'], maximumRetryCount: m[2] ? Number(m[2]) : 0 };
}

export interface VolumeSpec {
  readonly source: string;
  readonly target: string;
  readonly options: readonly string[];
  readonly kind: 'bind' | 'volume' | 'anonymous';
}

const VOLUME_OPTIONS = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'shared', 'slave', 'private', 'rshared', 'rslave', 'rprivate', 'consistent', 'cached', 'delegated']);
export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function parseVolumeSpec(spec: string): VolumeSpec | { error: 'syntax' | 'target' | 'source' | 'option'; detail?: string } {
  const parts = spec.trim().split(':');
  if (parts.some((p) => p === '') || parts.length > 3) return { error: 'syntax' };
  if (parts.length === 1) {
    return parts[0].startsWith('/') ? { source: '', target: parts[0], options: [], kind: 'anonymous' } : { error: 'target' };
  }
  const [source, target, opts] = parts;
  if (!target.startsWith('/')) return { error: 'target' };
  const kind = source.startsWith('/') ? 'bind' : 'volume';
  if (kind === 'volume' && !VOLUME_NAME.test(source)) return { error: 'source' };
  const options = opts ? opts.split(',') : [];
  const bad = options.find((o) => !VOLUME_OPTIONS.has(o));
  if (bad) return { error: 'option', detail: bad };
  return { source, target, options, kind };
}

export interface DeviceSpec {
  readonly pathOnHost: string;
  readonly pathInContainer: string;
  readonly permissions: string;
}

export function parseDeviceSpec(spec: string): DeviceSpec | undefined {
  const parts = spec.trim().split(':');
  if (parts.length > 3 || !parts[0].startsWith('/')) return undefined;
  let [host, container = host, perms = 'rwm'] = parts;
  // "--device /dev/sdb:r" means permissions, not a path.
  if (parts.length === 2 && !container.startsWith('/')) [container, perms] = [host, parts[1]];
  if (!container.startsWith('/') || !/^[rwm]{1,3}$/.test(perms) || new Set(perms).size !== perms.length) return undefined;
  return { pathOnHost: host, pathInContainer: container, permissions: perms };
}

/** Splits `KEY=VALUE` at the first `=`; `value` is undefined for a bare `KEY`. */
export function splitKeyValue(entry: string): { key: string; value?: string } {
  const i = entry.indexOf('=');
  return i < 0 ? { key: entry } : { key: entry.slice(0, i), value: entry.slice(i + 1) };
}

/** Networks that are not user-defined: `--ip` is refused on them. */
export function isUserDefinedNetwork(network: string | undefined): boolean {
  if (!network) return false;
  return !['bridge', 'default', 'host', 'none'].includes(network) && !network.startsWith('container:');
}

/** Drops empty strings, empty lists and false flags, so saved configurations stay short. */
export function compactRunOptions(options: RunOptions): RunOptions {
  const entries = Object.entries(options)
    .map(([k, v]) => [k, Array.isArray(v) ? v.map((s: string) => s.trim()).filter(Boolean) : typeof v === 'string' ? v.trim() : v] as const)
    .filter(([, v]) => v !== undefined && v !== false && v !== '' && !(Array.isArray(v) && v.length === 0));
  return Object.fromEntries(entries) as unknown as RunOptions;
}
