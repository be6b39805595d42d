// Free space of the filesystem holding the engine's data root (/info DockerRootDir; statfs), the storage
// driver, and what a prune would give back (/system/df). A full data root makes pulls, builds and even
// container starts fail with "no space left on device".
import { engineIsLocal, type DoctorInput } from './doctorInput';
import { finding, type Finding } from './finding';

/** Below this share of free space the data root is reported, as an error below the second. */
export const LOW_FREE_SHARE = 0.1;
export const CRITICAL_FREE_SHARE = 0.05;
/** On big disks a share is too lenient: under this many bytes free is low whatever the size. */
export const LOW_FREE_BYTES = 2 * 1024 ** 3;
const BIG_DISK_BYTES = 20 * 1024 ** 3;

/** Drivers that work but cost: vfs copies every layer whole; devicemapper and aufs are gone from current engines. */
const COSTLY_DRIVERS = new Set(['vfs', 'devicemapper', 'aufs', 'overlay']);

export function freeSpaceSeverity(total: number, available: number): 'error' | 'warning' | 'ok' {
  if (total <= 0) return 'ok';
  const share = available / total;
  if (share < CRITICAL_FREE_SHARE) return 'error';
  if (share < LOW_FREE_SHARE || (total >= BIG_DISK_BYTES && available < LOW_FREE_BYTES)) return 'warning';
  return 'ok';
}

/** Mebibytes with one decimal for the sentences; the UI formats nothing itself. */
export function mebibytes(bytes: number): string {
  return (bytes / 1024 ** 2).toFixed(1);
}

export async function diskFindings(input: DoctorInput): Promise<Finding[]> {
  if (input.engine.kind !== 'answered') return [];
  const facts = input.engine.facts;
  const findings: Finding[] = [];
  if (COSTLY_DRIVERS.has(facts.storageDriver)) findings.push(finding('storageDriver', 'warning', { driver: facts.storageDriver }));
  // Unknown (the background run skips /system/df) is not "nothing": prune stays on offer.
  const reclaimable = facts.reclaimable ? facts.reclaimable.images + facts.reclaimable.containers + facts.reclaimable.volumes + facts.reclaimable.buildCache : undefined;
  const space = engineIsLocal(input) && facts.dockerRootDir ? await input.host.statfs(facts.dockerRootDir) : undefined;
  if (!space) return findings;
  const severity = freeSpaceSeverity(space.total, space.available);
  const details = {
    root: facts.dockerRootDir,
    driver: facts.storageDriver,
    freeMiB: mebibytes(space.available),
    totalMiB: mebibytes(space.total),
    percentFree: ((100 * space.available) / Math.max(1, space.total)).toFixed(1),
    reclaimableMiB: reclaimable === undefined ? '' : mebibytes(reclaimable),
  };
  const fix = reclaimable === undefined || reclaimable > 0 ? { command: 'docker system prune', fix: 'prune' as const } : { command: `df -h ${facts.dockerRootDir}` };
  findings.push(finding(severity === 'ok' ? 'diskSpace' : 'diskLow', severity, details, severity === 'ok' ? {} : fix));
  return findings;
}
