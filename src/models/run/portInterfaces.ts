// Which network interfaces the published ports listen on, and the Run form's switch between this machine
// only (127.0.0.1) and every interface (0.0.0.0). The ports stay `-p` strings, rewritten one by one, so
// a saved configuration says exactly where it listens. Pure: the form and unit tests use it.
import { parsePortSpec } from './runOptions';

export type PortScope = 'loopback' | 'all';

const LOOPBACK = '127.0.0.1';
const ALL = '0.0.0.0';
/** An empty host IP is the engine's default: every interface, as the docker CLI publishes `-p 8080:80`. */
const ALL_INTERFACES = new Set(['', '0.0.0.0', '::']);
const LEADING_IP = /^(\[[0-9a-fA-F:.]+\]|\d+\.\d+\.\d+\.\d+):/;

/** True when some well-formed port is reachable from other machines. */
export function publishesOnAllInterfaces(ports: readonly string[] | undefined): boolean {
  return (ports ?? []).some((p) => {
    const specs = parsePortSpec(p);
    return !('error' in specs) && specs.some((s) => ALL_INTERFACES.has(s.hostIp));
  });
}

/** Every well-formed port bound to 127.0.0.1 (`loopback`) or 0.0.0.0 (`all`); lines that do not parse stay as typed. */
export function publishPortsOn(ports: readonly string[] | undefined, scope: PortScope): string[] {
  const ip = scope === 'loopback' ? LOOPBACK : ALL;
  return (ports ?? []).map((line) => {
    const p = line.trim();
    if (!p || 'error' in parsePortSpec(p)) return line;
    const rest = p.replace(LEADING_IP, '');
    // `6379` alone is a container port: the engine picks the host port, written `ip::6379` once an ip leads.
    return rest.includes(':') ? `${ip}:${rest}` : `${ip}::${rest}`;
  });
}
