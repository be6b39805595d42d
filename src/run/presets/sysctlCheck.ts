// A preset's kernel needs (Elasticsearch: vm.max_map_count ≥ 262144), checked on this machine when the engine
// runs here: a value below the minimum stops the service at start, so the form says it before the run.
import * as fs from 'node:fs/promises';
import * as l10n from '@vscode/l10n';

/** The value of a sysctl such as vm.max_map_count, read from /proc/sys; undefined when unreadable. */
export async function readSysctl(name: string): Promise<number | undefined> {
  try {
    const value = Number((await fs.readFile(`/proc/sys/${name.replace(/\./g, '/')}`, 'utf8')).trim());
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** One sentence on the value found; undefined when it is enough. */
export function sysctlShortfall(name: string, value: number, minimum: number): string | undefined {
  if (value >= minimum) return undefined;
  return l10n.t('On this machine {0} is {1}, below {2}: the container will stop at start until you raise it.', name, value, minimum);
}
