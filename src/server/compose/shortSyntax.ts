// The short string forms the compose specification leaves to the engine: ports (`[IP:][HOST:]CONTAINER[/PROTO]`),
// volumes (`[SOURCE:]TARGET[:MODE]`), durations (Go's `1m30s`) and restart policies. The schema types them as
// plain strings; compose v2 and `docker run` reject malformed ones only when the project starts. These parsers
// follow docker's own rules (nat.ParsePortSpec, the volume spec parser, time.ParseDuration) for Linux engines.
import * as l10n from '@vscode/l10n';

export interface PortBinding {
  /** Host address, empty for all interfaces. */
  readonly ip: string;
  readonly hostStart?: number;
  readonly hostEnd?: number;
  readonly containerStart: number;
  readonly containerEnd: number;
  readonly protocol: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

function portRange(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start >= 1 && end <= 65535 && start <= end ? [start, end] : undefined;
}

export function parsePort(spec: string): Parsed<PortBinding> {
  let rest = spec;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (!PROTOCOLS.includes(protocol)) return { ok: false, reason: l10n.t('"{0}" is not a protocol (tcp, udp or sctp)', protocol) };
  }
  let ip = '';
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return { ok: false, reason: l10n.t('an IPv6 address in brackets must be followed by ":"') };
    ip = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  const containerText = parts.pop()!;
  const hostText = parts.length > 0 ? parts.pop()! : undefined;
  if (!ip && parts.length > 0) ip = parts.join(':');
  if (ip && !isIpAddress(ip)) return { ok: false, reason: l10n.t('"{0}" is not an IP address', ip) };
  const container = portRange(containerText);
  if (!container) return { ok: false, reason: l10n.t('"{0}" is not a port or port range (1-65535)', containerText) };
  let host: [number, number] | undefined;
  if (hostText !== undefined && hostText !== '') {
    host = portRange(hostText);
    if (!host) return { ok: false, reason: l10n.t('"{0}" is not a port or port range (1-65535)', hostText) };
    const containerCount = container[1] - container[0];
    const hostCount = host[1] - host[0];
    // docker allows a host range for one container port (it picks one), never a container range it cannot pair.
    if (containerCount !== hostCount && containerCount !== 0) return { ok: false, reason: l10n.t('the host and container port ranges differ in length') };
  }
  return { ok: true, value: { ip, hostStart: host?.[0], hostEnd: host?.[1], containerStart: container[0], containerEnd: container[1], protocol } };
}

function isIpAddress(text: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text)) return text.split('.').every((octet) => Number(octet) <= 255);
  return /^[0-9a-fA-F:.]+$/.test(text) && text.includes(':');
}

export interface VolumeSpec {
  readonly source?: string;
  readonly target: string;
  readonly modes: readonly string[];
  /** True when the source names a volume rather than a host path. */
  readonly named: boolean;
}

const VOLUME_MODES = new Set(['rw', 'ro', 'z', 'Z', 'nocopy', 'copy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'consistent', 'cached', 'delegated']);

export function parseVolume(spec: string): Parsed<VolumeSpec> {
  const parts = spec.split(':');
  if (parts.length > 3) return { ok: false, reason: l10n.t('too many ":" (expected [SOURCE:]TARGET[:MODE])') };
  if (parts.some((part) => part === '')) return { ok: false, reason: l10n.t('an empty part (expected [SOURCE:]TARGET[:MODE])') };
  const [source, target, mode] = parts.length === 1 ? [undefined, parts[0], undefined] : parts;
  if (!target.startsWith('/')) return { ok: false, reason: l10n.t('the container path "{0}" is not absolute', target) };
  const modes = mode ? mode.split(',') : [];
  const badMode = modes.find((m) => !VOLUME_MODES.has(m));
  if (badMode !== undefined) return { ok: false, reason: l10n.t('"{0}" is not a mount mode (ro, rw, z, Z, nocopy, …)', badMode) };
  if (modes.includes('ro') && modes.includes('rw')) return { ok: false, reason: l10n.t('"ro" and "rw" together') };
  const named = source !== undefined && !/^[./~]/.test(source) && !source.includes('/');
  if (named && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source)) return { ok: false, reason: l10n.t('"{0}" is neither a path nor a volume name', source) };
  return { ok: true, value: { source, target, modes, named } };
}

const DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;

/** Go's time.ParseDuration syntax, which compose uses for every duration. */
export function isDuration(text: string): boolean {
  return text === '0' || DURATION.test(text);
}

export function isRestartPolicy(text: string): boolean {
  return /^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(text);
}
