// Whether Debian's docker-compose (v1) answers on this machine: the compose tests that run the real CLI skip
// without it (scripts/test.sh installs it).
import { execFileSync } from 'node:child_process';

export function composeAvailable(): boolean {
  try {
    execFileSync('docker-compose', ['version', '--short'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
