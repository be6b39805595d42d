// What a saved run configuration will do to this machine, said before it runs the first time. Saved
// configurations can come from a cloned repository's `.vscode/settings.json`: one Enter on a harmless name
// must not mount `/` into a container. Pure (no vscode): the command asks, unit tests check the wording.
import { createHash } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { capabilityName } from '../models/run/capabilities';
import { parseDeviceSpec, parsePortSpec, parseVolumeSpec, type RunOptions } from '../models/run/runOptions';
import { validateRunOptions } from './validateRunOptions';

/** Security options that switch a protection off rather than tune it. */
const UNCONFINED = /^(seccomp[=:]unconfined|apparmor[=:]unconfined|label[=:]disable|systempaths=unconfined)$/;
const ALL_INTERFACES = new Set(['', '0.0.0.0', '[::]', '::']);

/** One sentence per thing that reaches beyond the container: host paths, privileges, host namespaces, devices, open ports. */
export function runConfigurationEffects(o: RunOptions): string[] {
  const effects: string[] = [];
  const list = (values: readonly string[] | undefined) => (values ?? []).map((v) => v.trim()).filter(Boolean);
  for (const v of list(o.volumes)) {
    const spec = parseVolumeSpec(v);
    if ('error' in spec || spec.kind !== 'bind') continue;
    effects.push(spec.options.includes('ro')
      ? l10n.t('Mounts the host folder {0} at {1}, read-only.', spec.source, spec.target)
      : l10n.t('Mounts the host folder {0} at {1}, writable: the container can change these files on this machine.', spec.source, spec.target));
  }
  if (o.privileged) effects.push(l10n.t('Runs privileged (--privileged): every capability and all host devices.'));
  const added = list(o.capAdd).map((c) => capabilityName(c) ?? c);
  if (added.length) effects.push(l10n.t('Adds Linux capabilities: {0}.', added.join(', ')));
  const network = o.network?.trim();
  if (network === 'host') effects.push(l10n.t("Shares this machine's network (--network host)."));
  else if (network?.startsWith('container:')) effects.push(l10n.t('Shares the network of container {0}.', network.slice('container:'.length)));
  for (const d of list(o.devices)) {
    const device = parseDeviceSpec(d);
    effects.push(l10n.t('Gives the container the host device {0}.', device?.pathOnHost ?? d));
  }
  for (const p of list(o.ports)) {
    const parsed = parsePortSpec(p);
    if ('error' in parsed || !parsed.some((spec) => ALL_INTERFACES.has(spec.hostIp))) continue;
    effects.push(l10n.t('Publishes port {0} on all network interfaces: other machines can reach it.', p));
  }
  if (o.publishAll) effects.push(l10n.t('Publishes every port the image exposes on all network interfaces (-P).'));
  for (const s of list(o.securityOpt).filter((s) => UNCONFINED.test(s))) effects.push(l10n.t('Turns a protection off: --security-opt {0}.', s));
  const secrets = list(o.secretEnv);
  if (secrets.length) effects.push(l10n.t('Gives the container values from your secret storage: {0}.', secrets.join(', ')));
  return effects;
}

/** The validation findings known without the engine (warnings such as --privileged, and errors). */
export function runConfigurationFindings(o: RunOptions): string[] {
  return validateRunOptions(o).map((p) => p.message);
}

/** Identifies a configuration by its content: a changed configuration is a new one and is reviewed again. */
export function runConfigurationFingerprint(configuration: { name: string; options: RunOptions }): string {
  return createHash('sha256').update(canonicalJson(configuration)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
