// dockside-lint over the shared corpus (all files in one process), against dockerfile-utils' validate of
// the same files in one process: ShellCheck off (not on PATH) and on. Whole processes are timed, start-up
// included, as CI runs them. Goals (issue 14): <= 1.5x off, <= 3x on.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../unit/server/lspTestClient';

const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'dockerfiles');

function wall(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

export async function run(rounds = Number(process.env.DOCKSIDE_BENCH_CLI_ROUNDS ?? 3)): Promise<void> {
  if (!fs.existsSync(corpus)) throw new Error(`The corpus of real Dockerfiles is missing: expected it at ${corpus}`);
  const files = (fs.readdirSync(corpus, { recursive: true }) as string[])
    .map((file) => path.join(corpus, file))
    .filter((file) => fs.statSync(file).isFile() && !/LICENSE|\.md$/.test(file))
    .sort();
  const bin = path.join(repoRoot, 'bin', 'dockside-lint');
  const utilsScript = `const { validate } = require('dockerfile-utils'); const fs = require('node:fs');
    for (const file of process.argv.slice(1)) validate(fs.readFileSync(file, 'utf8'));`;
  // A PATH with node and nothing else: no shellcheck to find.
  const nodeOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-bench-path-'));
  fs.symlinkSync(process.execPath, path.join(nodeOnly, 'node'));
  const lint = (env: NodeJS.ProcessEnv) => () => {
    try {
      execFileSync(process.execPath, [bin, '-f', 'json', '-t', 'none', ...files], { env: { ...process.env, ...env }, maxBuffer: 256 << 20, stdio: ['ignore', 'ignore', 'ignore'] });
    } catch (error) {
      if ((error as { status?: number }).status !== 3) throw error;
    }
  };
  const utils: number[] = [];
  const off: number[] = [];
  const on: number[] = [];
  for (let round = 0; round < rounds; round++) {
    utils.push(wall(() => execFileSync(process.execPath, ['-e', utilsScript, ...files], { cwd: repoRoot, stdio: 'ignore' })));
    off.push(wall(lint({ PATH: nodeOnly })));
    // ShellCheck's cache lives in the process: every round starts cold, as a CI run does.
    on.push(wall(lint({})));
  }
  fs.rmSync(nodeOnly, { recursive: true, force: true });
  const [u, a, b] = [median(utils), median(off), median(on)];
  console.log(`${files.length} corpus files, one process each, median of ${rounds}:`);
  console.log(`dockerfile-utils validate: ${u.toFixed(0)} ms`);
  console.log(`dockside-lint, ShellCheck off: ${a.toFixed(0)} ms (${(a / u).toFixed(2)}x, goal <= 1.5x)`);
  console.log(`dockside-lint, ShellCheck on (batch mode): ${b.toFixed(0)} ms (${(b / u).toFixed(2)}x, goal <= 3x)`);
}
