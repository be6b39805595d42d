// The explorer snapshots a window saved (src/tree/explorerSnapshots.ts) and the engine bundle's code cache
// (src/session/engineBundle.ts), read from the launch's user data (User/globalStorage/<extension>/…): tests
// and benchmarks wait for them instead of sleeping.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The texts of the snapshot files under `userData` (none when it does not exist yet). */
export function savedSnapshots(userData: string): string[] {
  const files = fs.existsSync(userData) ? (fs.readdirSync(userData, { recursive: true }) as string[]).filter((f) => /(^|[\\/])explorer[\\/][0-9a-f]+\.json$/.test(f)) : [];
  return files.map((f) => fs.readFileSync(path.join(userData, f), 'utf8'));
}

/** Whether a window wrote the engine bundle's code cache under `userData`. */
export function hasEngineCodeCache(userData: string): boolean {
  return fs.existsSync(userData) && (fs.readdirSync(userData, { recursive: true }) as string[]).some((f) => /(^|[\\/])code-cache[\\/][0-9a-f]+\.v8cache$/.test(f));
}
