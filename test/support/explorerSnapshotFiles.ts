// The explorer snapshots a window saved (src/tree/explorerSnapshots.ts), read from the launch's user data
// (User/globalStorage/<extension>/explorer/*.json): tests and benchmarks wait for them instead of sleeping.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The texts of the snapshot files under `userData` (none when it does not exist yet). */
export function savedSnapshots(userData: string): string[] {
  const files = fs.existsSync(userData) ? (fs.readdirSync(userData, { recursive: true }) as string[]).filter((f) => /(^|[\\/])explorer[\\/][0-9a-f]+\.json$/.test(f)) : [];
  return files.map((f) => fs.readFileSync(path.join(userData, f), 'utf8'));
}
