// Runs dockside-lint as users run it: the bin shim over the bundle, in a plain English, colourless terminal.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './lspTestClient';

const bin = path.join(repoRoot, 'bin', 'dockside-lint');

export function lint(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
