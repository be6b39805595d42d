// Checks a run before anything is created, and says exactly what is wrong and where. Pure: what the engine
// knows (networks, ports already published, CPUs) comes in as `EngineFacts`.
import * as l10n from '@vscode/l10n';
import { capabilityName } from '../models/run/capabilities';
import {
  isIPv4,
  isIPv6,
  isUserDefinedNetwork,
  parseCpus,
  parseDeviceSpec,
  parseMemory,
  parsePortSpec,
  parseRestart,
  parseVolumeSpec,
  splitKeyValue,
  type RunOptions,
} from '../models/run/runOptions';
import { splitShellWords } from '../models/run/shellWords';
import { SECRET_VARIABLE } from './secretEnvironment';

export type RunField = keyof RunOptions;

export interface RunProblem {
  readonly field: RunField;
  readonly message: string;
  /** Warnings (e.g. --privileged) are shown but do not block the run. */
  readonly severity: 'error' | 'warning';
}

export interface PublishedPort {
  readonly hostIp: string;
  readonly hostPort: string;
  readonly protocol: string;
  readonly containerName: string;
}

export interface EngineFacts {
  readonly networks?: readonly { readonly name: string; readonly driver: string; readonly subnets: readonly string[] }[];
  readonly publishedPorts?: readonly PublishedPort[];
  readonly cpus?: number;
}

const MINIMUM_MEMORY = 6 * 1024 * 1024;
const SECURITY_OPTS = /^(seccomp[=:].+|apparmor[=:].+|label[=:].+|no-new-privileges(:(true|false))?|systempaths=unconfined|writable-cgroups=(true|false))$/;

export function validateRunOptions(o: RunOptions, facts: EngineFacts = {}): RunProblem[] {
  const problems: RunProblem[] = [];
  const error = (field: RunField, message: string) => problems.push({ field, message, severity: 'error' });
  const list = (values: readonly string[] | undefined) => (values ?? []).map((v) => v.trim()).filter(Boolean);

  if (!o.image?.trim()) error('image', l10n.t('Choose an image to run.'));
  else if (!/^[a-z0-9]+([._/:@-][A-Za-z0-9_.-]+)*$/.test(o.image.trim())) error('image', l10n.t('"{0}" is not an image reference (repository[:tag] or repository@digest).', o.image));
  if (o.name?.trim() && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(o.name.trim())) {
    error('name', l10n.t('The name "{0}" may only use letters, digits, "_", "." and "-", must start with a letter or digit and be at least two characters long.', o.name.trim()));
  }

  if (o.restart?.trim()) {
    const policy = parseRestart(o.restart);
    if (!policy) error('restart', l10n.t('Restart policy "{0}" is not one of no, on-failure[:N], always, unless-stopped.', o.restart.trim()));
    else if (o.remove && policy.name !== 'no') error('restart', l10n.t('--rm removes the container when it stops, so it cannot also restart ({0}). Choose one.', o.restart.trim()));
  }

  checkPorts(list(o.ports), facts, error);

  for (const v of list(o.volumes)) {
    const spec = parseVolumeSpec(v);
    if (!('error' in spec)) continue;
    const messages = {
      syntax: l10n.t('Volume "{0}" is not in the form source:destination[:options].', v),
      target: l10n.t('Volume "{0}": the destination inside the container must be an absolute path.', v),
      source: l10n.t('Volume "{0}": the source must be an absolute host path or a volume name (letters, digits, "_", "." and "-").', v),
      option: l10n.t('Volume "{0}": unknown option "{1}" (use ro, rw, z, Z, nocopy or a propagation mode).', v, spec.detail ?? ''),
    };
    error('volumes', messages[spec.error]);
  }
  for (const t of list(o.tmpfs)) {
    if (!t.startsWith('/')) error('tmpfs', l10n.t('tmpfs "{0}": the path must be absolute, optionally followed by :options (e.g. /run:size=64m).', t));
  }
  for (const e of list(o.env)) {
    if (!splitKeyValue(e).key.trim() || /\s/.test(splitKeyValue(e).key)) error('env', l10n.t('Environment entry "{0}" needs a variable name before "=", without spaces.', e));
  }
  const envKeys = new Set(list(o.env).map((e) => splitKeyValue(e).key.trim()));
  for (const v of list(o.secretEnv)) {
    if (!SECRET_VARIABLE.test(v)) error('secretEnv', l10n.t('Secret variable "{0}" must be a variable name (letters, digits and "_", not starting with a digit), without a value.', v));
    else if (envKeys.has(v)) error('secretEnv', l10n.t('{0} is set both in Environment and in Secret environment. Keep it in one.', v));
  }
  for (const l of list(o.labels)) {
    if (!splitKeyValue(l).key.trim()) error('labels', l10n.t('Label "{0}" needs a key before "=".', l));
  }

  checkNetwork(o, facts, error);
  if (o.hostname?.trim() && !/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(o.hostname.trim())) {
    error('hostname', l10n.t('Hostname "{0}" may only use letters, digits, "-" and dots, at most 63 characters a label.', o.hostname.trim()));
  }

  for (const [field, values] of [['capAdd', o.capAdd], ['capDrop', o.capDrop]] as const) {
    for (const c of list(values)) {
      if (!capabilityName(c)) error(field, l10n.t('"{0}" is not a Linux capability (for example SYS_ADMIN, NET_ADMIN, SYS_PTRACE).', c));
    }
  }
  const both = list(o.capAdd).map(capabilityName).filter((c) => c && list(o.capDrop).map(capabilityName).includes(c));
  if (both.length) error('capDrop', l10n.t('{0} is both added and dropped.', both.join(', ')));
  if (o.privileged) {
    problems.push({ field: 'privileged', severity: 'warning', message: l10n.t('--privileged gives the container every capability and all host devices: it removes the isolation between the container and this machine.') });
  }
  for (const s of list(o.securityOpt)) {
    if (!SECURITY_OPTS.test(s)) error('securityOpt', l10n.t('Security option "{0}" is not one of seccomp=…, apparmor=…, label=…, no-new-privileges, systempaths=unconfined.', s));
  }

  if (o.cpus?.trim()) {
    const nano = parseCpus(o.cpus);
    if (nano === undefined || nano <= 0) error('cpus', l10n.t('--cpus "{0}" must be a positive number such as 2 or 0.5.', o.cpus.trim()));
    else if (facts.cpus && nano > facts.cpus * 1e9) error('cpus', l10n.t('--cpus {0} is more than the {1} CPUs the engine has.', o.cpus.trim(), facts.cpus));
  }
  if (o.memory?.trim()) {
    const bytes = parseMemory(o.memory);
    if (bytes === undefined) error('memory', l10n.t('Memory "{0}" is not a size: use a number with b, k, m or g (for example 4096M or 2g).', o.memory.trim()));
    else if (bytes < MINIMUM_MEMORY) error('memory', l10n.t('Memory "{0}" is below the 6 MiB the engine accepts.', o.memory.trim()));
  }
  for (const d of list(o.devices)) {
    if (!parseDeviceSpec(d)) error('devices', l10n.t('Device "{0}" is not in the form /host/path[:/container/path[:rwm]].', d));
  }
  if (o.workdir?.trim() && !o.workdir.trim().startsWith('/')) error('workdir', l10n.t('The working directory must be an absolute path.'));
  if (o.user?.trim() && !/^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*(:[a-zA-Z0-9_.][a-zA-Z0-9_.-]*)?$/.test(o.user.trim())) {
    error('user', l10n.t('User "{0}" is not in the form name|uid[:group|gid].', o.user.trim()));
  }
  if (o.command?.trim() && !splitShellWords(o.command)) error('command', l10n.t('The command has a quote that is never closed.'));
  return problems;
}

type Report = (field: RunField, message: string) => void;

function checkPorts(ports: string[], facts: EngineFacts, error: Report): void {
  const seen = new Map<string, string>();
  for (const p of ports) {
    const parsed = parsePortSpec(p);
    if ('error' in parsed) {
      const messages = {
        syntax: l10n.t('Port "{0}" is not in the form [ip:][hostPort:]containerPort[/tcp|udp|sctp].', p),
        range: l10n.t('Port "{0}": port numbers go from 1 to 65535.', p),
        protocol: l10n.t('Port "{0}": the protocol must be tcp, udp or sctp.', p),
        rangeMismatch: l10n.t('Port "{0}": the host and container ranges have different lengths.', p),
      };
      error('ports', messages[parsed.error]);
      continue;
    }
    for (const spec of parsed) {
      if (!spec.hostPort || spec.hostPort.includes('-')) continue;
      const key = `${spec.hostPort}/${spec.protocol}`;
      const ip = spec.hostIp || '0.0.0.0';
      const clash = [...seen.entries()].find(([k, otherIp]) => k === key && (otherIp === ip || otherIp === '0.0.0.0' || ip === '0.0.0.0'));
      if (clash) error('ports', l10n.t('Host port {0} is published twice.', key));
      seen.set(key, ip);
      const taken = facts.publishedPorts?.find(
        (u) => u.hostPort === spec.hostPort && u.protocol === spec.protocol && (!u.hostIp || u.hostIp === ip || ['0.0.0.0', '::'].includes(u.hostIp) || ip === '0.0.0.0'),
      );
      if (taken) error('ports', l10n.t('Host port {0} is already published by container {1}.', key, taken.containerName));
    }
  }
}

function checkNetwork(o: RunOptions, facts: EngineFacts, error: Report): void {
  const network = o.network?.trim();
  const known = network && facts.networks?.find((n) => n.name === network);
  if (network && facts.networks && !known && !network.startsWith('container:') && network !== 'default') {
    error('network', l10n.t('There is no network "{0}" on this engine.', network));
  }
  const ip = o.ip?.trim();
  if (!ip) return;
  if (!isIPv4(ip) && !isIPv6(ip)) return error('ip', l10n.t('"{0}" is not an IP address.', ip));
  if (!isUserDefinedNetwork(network)) {
    return error('ip', l10n.t('--ip works only on a user-defined network; "{0}" is not one. Create a network with a subnet and choose it.', network || 'bridge'));
  }
  if (known && isIPv4(ip) && known.subnets.length && !known.subnets.some((s) => ipv4InSubnet(ip, s))) {
    error('ip', l10n.t('{0} is outside the subnets of network "{1}" ({2}).', ip, network!, known.subnets.join(', ')));
  }
}

function ipv4InSubnet(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  if (!isIPv4(base)) return true;
  const toInt = (a: string) => a.split('.').reduce((n, p) => n * 256 + Number(p), 0);
  const mask = Number(bits) === 0 ? 0 : 2 ** 32 - 2 ** (32 - Number(bits));
  return (toInt(ip) & mask) >>> 0 === (toInt(base) & mask) >>> 0;
}
