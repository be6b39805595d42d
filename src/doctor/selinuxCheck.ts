// SELinux in enforcing mode denies containers access to bind-mounted host folders unless they are
// relabelled: `:z` (shared between containers) or `:Z` (private to one). Read from selinuxfs, else getenforce.
import * as path from 'node:path';
import { engineIsLocal, type DoctorInput } from './doctorInput';
import { finding, type Finding } from './finding';

export type SelinuxMode = 'enforcing' | 'permissive' | 'disabled';

/** /sys/fs/selinux/enforce holds 1 or 0; getenforce prints Enforcing, Permissive or Disabled. */
export function parseSelinuxMode(enforceFile: string | undefined, getenforce: string | undefined): SelinuxMode {
  const flag = enforceFile?.trim();
  if (flag === '1') return 'enforcing';
  if (flag === '0') return 'permissive';
  const word = getenforce?.trim().toLowerCase();
  if (word === 'enforcing' || word === 'permissive') return word;
  return 'disabled';
}

export async function selinuxFindings(input: DoctorInput): Promise<Finding[]> {
  if (!engineIsLocal(input)) return [];
  const enforce = await input.host.readFile(path.join(input.host.roots.sys, 'fs', 'selinux', 'enforce'));
  const getenforce = enforce === undefined ? (await input.host.run('getenforce', []))?.stdout : undefined;
  const mode = parseSelinuxMode(enforce, getenforce);
  const facts = input.engine.kind === 'answered' ? input.engine.facts : undefined;
  const engineLabels = String(!!facts?.securityOptions.some((o) => o.includes('selinux')));
  if (mode === 'enforcing') return [finding('selinuxEnforcing', 'info', { mode, engineLabels }, { command: 'sudo chcon -Rt container_file_t "$PWD"' })];
  return [finding('selinuxEnforcing', 'ok', { mode, engineLabels })];
}
