// A private registry for the tests: scripts/prepare-registry.sh starts Debian's docker-registry with
// htpasswd auth on a free 127.0.0.1 port; the test stops it by the pid it was given.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LocalRegistry {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly pid: number;
  readonly dir: string;
}

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Starts the registry (the test's own process: stopped by its pid in after()). */
export function startLocalRegistry(): LocalRegistry {
  const out = execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'prepare-registry.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as LocalRegistry;
}

export function stopLocalRegistry(registry: LocalRegistry | undefined): void {
  if (!registry) return;
  try {
    process.kill(registry.pid);
  } catch {
    // Already gone.
  }
  fs.rmSync(registry.dir, { recursive: true, force: true });
}
