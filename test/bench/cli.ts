// dockside-lint over the shared corpus (all files in one process), against dockerfile-utils' validate of
// the same files in one process: ShellCheck off (not on PATH) and on. Whole processes are timed, start-up
// included, as CI runs them. Goals (issue 14): <= 1.5x off, <= 3x on. The machine these run on is often
// shared, so beside wall time each figure has the CPU time the run took (its own and its child processes',
// ShellCheck's included), which the other users' load changes much less.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../unit/server/lspTestClient';

const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'dockerfiles');

interface Sample {
  wallMs: number;
  cpuMs: number;
}

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time of this process's reaped children (user + system, grandchildren they waited for included). */
function childrenCpuMs(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5), cutime and cstime, are at 13 and 14 counting from field 3.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks;
}

function measure(work: () => void): Sample {
  const cpu = childrenCpuMs();
  const start = performance.now();
  work();
  return { wallMs: performance.now() - start, cpuMs: childrenCpuMs() - cpu };
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
  // The command's V8 compile cache (bin/dockside-lint) goes to a folder of this run: warm after the first run,
  // as on a CI machine that lints again; `cold` starts each time from an empty one, as a fresh machine does.
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-bench-cache-'));
  const coldHome = (round: number) => path.join(cacheHome, `cold${round}`);
  const utils: Sample[] = [];
  const off: Sample[] = [];
  const cold: Sample[] = [];
  const on: Sample[] = [];
  const load = [os.loadavg()[0]];
  for (let round = 0; round < rounds; round++) {
    utils.push(measure(() => execFileSync(process.execPath, ['-e', utilsScript, ...files], { cwd: repoRoot, stdio: 'ignore' })));
    off.push(measure(lint({ PATH: nodeOnly, XDG_CACHE_HOME: cacheHome })));
    cold.push(measure(lint({ PATH: nodeOnly, XDG_CACHE_HOME: coldHome(round) })));
    // ShellCheck's cache lives in the process: every round starts cold, as a CI run does.
    on.push(measure(lint({ XDG_CACHE_HOME: cacheHome })));
    load.push(os.loadavg()[0]);
  }
  fs.rmSync(nodeOnly, { recursive: true, force: true });
  fs.rmSync(cacheHome, { recursive: true, force: true });
  const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  const figures = (samples: Sample[]) => ({
    wall: median(samples.map((s) => s.wallMs)), cpu: median(samples.map((s) => s.cpuMs)),
    wallSpread: spread(samples.map((s) => s.wallMs)), cpuSpread: spread(samples.map((s) => s.cpuMs)),
  });
  const [u, a, c, b] = [figures(utils), figures(off), figures(cold), figures(on)];
  const line = (name: string, x: ReturnType<typeof figures>, goal?: string) =>
    `${name}: ${x.wall.toFixed(0)} ms wall [${x.wallSpread}]${goal ? ` (${(x.wall / u.wall).toFixed(2)}x, goal <= ${goal})` : ''}, ` +
    `${x.cpu.toFixed(0)} ms CPU [${x.cpuSpread}]${goal ? ` (${(x.cpu / u.cpu).toFixed(2)}x)` : ''}`;
  console.log(`${files.length} corpus files, one process each, median of ${rounds}; ${os.availableParallelism()} cores, ` +
    `load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} during the runs:`);
  console.log(line('dockerfile-utils validate', u));
  console.log(line('dockside-lint, ShellCheck off', a, '1.5x'));
  console.log(line('dockside-lint, ShellCheck off, compile cache cold', c, '1.5x'));
  console.log(line('dockside-lint, ShellCheck on (batch mode)', b, '3x'));
}
