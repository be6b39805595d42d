// Mounts, placement constraints and resources of a swarm service as the user types them in Create Service,
// read with the Run form's own parsers (`-v`, `--cpus`, `--memory`) so that a value means the same in both
// places. Each reader gives the requests or one sentence saying what to change. No vscode.
import * as l10n from '@vscode/l10n';
import { parseCpus, parseMemory, parseVolumeSpec } from '../models/run/runOptions';
import type { MountRequest, ResourceRequest } from '../engine/swarm';

type Read<T> = { value: T } | { error: string };

/** The engine refuses a smaller memory limit (same floor as the Run form). */
const MINIMUM_MEMORY = 6 * 1024 * 1024;
/** What a service mount's third part may say; SELinux relabels and propagation are not service mount options here. */
const SERVICE_MOUNT_OPTIONS = new Set(['ro', 'rw', 'nocopy']);

function entries(text: string): string[] {
  return text.split(',').map((e) => e.trim()).filter(Boolean);
}

/** "data:/var/data, /srv/conf:/etc/app:ro, /cache" → mounts: a name is a volume, an absolute path a bind, a lone target an anonymous volume. */
export function parseServiceMounts(text: string): Read<MountRequest[]> {
  const mounts: MountRequest[] = [];
  for (const entry of entries(text)) {
    const spec = parseVolumeSpec(entry);
    if ('error' in spec) {
      const messages = {
        syntax: l10n.t('Mount "{0}" is not in the form source:destination[:ro].', entry),
        target: l10n.t('Mount "{0}": the destination inside the container must be an absolute path.', entry),
        source: l10n.t('Mount "{0}": the source must be an absolute host path (bind) or a volume name (letters, digits, "_", "." and "-").', entry),
        option: l10n.t('Mount "{0}": a service mount takes only ro, rw or nocopy.', entry),
      };
      return { error: messages[spec.error] };
    }
    const bad = spec.options.find((o) => !SERVICE_MOUNT_OPTIONS.has(o));
    if (bad) return { error: l10n.t('Mount "{0}": a service mount takes only ro, rw or nocopy.', entry) };
    if (spec.kind === 'bind' && spec.options.includes('nocopy')) return { error: l10n.t('Mount "{0}": nocopy is for volumes, not for a host path.', entry) };
    mounts.push({
      type: spec.kind === 'bind' ? 'bind' : 'volume',
      source: spec.source || undefined,
      target: spec.target,
      readOnly: spec.options.includes('ro'),
      ...(spec.options.includes('nocopy') ? { noCopy: true } : {}),
    });
  }
  return { value: mounts };
}

const CONSTRAINT = /^\s*([a-zA-Z][\w.-]*)\s*(==|!=)\s*(\S.*?)\s*$/;
const CONSTRAINT_ATTRIBUTE = /^(node\.(id|hostname|role|platform\.os|platform\.arch)|node\.labels\.[\w.-]+|engine\.labels\.[\w.-]+)$/;

/** "node.role==manager, node.labels.zone!=east" → the engine's constraint strings. */
export function parseConstraints(text: string): Read<string[]> {
  const constraints: string[] = [];
  for (const entry of entries(text)) {
    const m = CONSTRAINT.exec(entry);
    if (!m) return { error: l10n.t('Constraint "{0}" is not in the form attribute==value or attribute!=value.', entry) };
    const [, attribute, operator, value] = m;
    if (!CONSTRAINT_ATTRIBUTE.test(attribute)) return { error: l10n.t('Constraint "{0}": the attribute must be node.id, node.hostname, node.role, node.platform.os, node.platform.arch, node.labels.<name> or engine.labels.<name>.', entry) };
    if (attribute === 'node.role' && value !== 'manager' && value !== 'worker') return { error: l10n.t('Constraint "{0}": node.role is manager or worker.', entry) };
    constraints.push(`${attribute}${operator}${value}`);
  }
  return { value: constraints };
}

/** A CPU count as --cpus reads it ("0.5", "2"); empty is none. */
export function parseServiceCpus(text: string): Read<number | undefined> {
  if (!text.trim()) return { value: undefined };
  const nano = parseCpus(text);
  return nano === undefined || nano <= 0 ? { error: l10n.t('"{0}" is not a CPU count: write a positive number such as 2 or 0.5.', text.trim()) } : { value: nano };
}

/** A memory size as --memory reads it ("256m", "1g"); empty is none. */
export function parseServiceMemory(text: string): Read<number | undefined> {
  if (!text.trim()) return { value: undefined };
  const bytes = parseMemory(text);
  if (bytes === undefined) return { error: l10n.t('Memory "{0}" is not a size: use a number with b, k, m or g (for example 4096M or 2g).', text.trim()) };
  if (bytes < MINIMUM_MEMORY) return { error: l10n.t('Memory "{0}" is below the 6 MiB the engine accepts.', text.trim()) };
  return { value: bytes };
}

/** "cpus=0.5, memory=256m" (either part may be left out) → NanoCPUs and bytes; empty is none. */
export function parseResourcePair(text: string): Read<{ nanoCpus?: number; memoryBytes?: number } | undefined> {
  const parts = entries(text);
  if (!parts.length) return { value: undefined };
  let nanoCpus: number | undefined;
  let memoryBytes: number | undefined;
  for (const part of parts) {
    const m = /^(cpus|memory)\s*=\s*(.*)$/i.exec(part);
    if (!m || !m[2].trim()) return { error: l10n.t('"{0}" is not cpus=<number> or memory=<size> (for example cpus=0.5, memory=256m).', part) };
    const read = m[1].toLowerCase() === 'cpus' ? parseServiceCpus(m[2]) : parseServiceMemory(m[2]);
    if ('error' in read) return read;
    if (m[1].toLowerCase() === 'cpus') nanoCpus = read.value;
    else memoryBytes = read.value;
  }
  return { value: { nanoCpus, memoryBytes } };
}

/** A reservation above its limit can never be met by a task; the engine would only say so when scheduling. */
export function checkResources(resources: ResourceRequest): string | undefined {
  const { limits, reservations } = resources;
  if (limits?.nanoCpus !== undefined && reservations?.nanoCpus !== undefined && reservations.nanoCpus > limits.nanoCpus) return l10n.t('The CPU reservation is more than the CPU limit.');
  if (limits?.memoryBytes !== undefined && reservations?.memoryBytes !== undefined && reservations.memoryBytes > limits.memoryBytes) return l10n.t('The memory reservation is more than the memory limit.');
  return undefined;
}

/** The error of a read, for an input box's validation (undefined when it reads). */
export function problemOf<T>(read: Read<T>): string | undefined {
  return 'error' in read ? read.error : undefined;
}

export function valueOf<T>(read: Read<T>): T {
  if ('error' in read) throw new Error(read.error);
  return read.value;
}
