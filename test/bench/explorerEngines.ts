// Several engines benchmark (issue 15): the Containers view of a fresh window showing two private engines of
// 150 containers each (the second pinned), against one private engine of 300; alternating, the median of
// DOCKSIDE_BENCH_RUNS (5) windows each. Prints the time from opening the view to the first row and to all
// rows (per engine), and from a create call to its row on each engine. Figures only; the goal of the issue
// is that two engines are no worse than 1.2× one.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { runInCodeServer } from '../launchers/codeServer';
import { median, range } from './figures';
import { PrivateEngine } from '../support/privateEngine';
import { loadTestImageInto, TEST_IMAGE } from '../support/testEngine';
import type { EnginesProbeResults, ProbeEngine } from './host/explorerEnginesProbe';

const RUNS = Number(process.env.DOCKSIDE_BENCH_RUNS ?? 5);
/**
 * Tall enough for the Containers section (a fifth of the side bar) to render all 302 rows at once: the rows
 * of the second engine come after the first engine's 150, and a row counts only once it is in the page.
 */
const VIEWPORT = { width: 1400, height: 36_000 };


export async function run(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-bench-engines-'));
  const solo = new PrivateEngine(path.join(tmp, 'solo'));
  const first = new PrivateEngine(path.join(tmp, 'first'));
  const second = new PrivateEngine(path.join(tmp, 'second'));
  const all = [solo, first, second];
  try {
    for (const e of all) await e.start();
    const cases = {
      one: { engines: [{ socket: solo.socket, prefix: 'solo-', count: 300 }], host: solo.host, pin: undefined },
      two: { engines: [{ socket: first.socket, prefix: 'duo-a-', count: 150 }, { socket: second.socket, prefix: 'duo-b-', count: 150 }], host: first.host, pin: second.host },
    };
    for (const c of Object.values(cases)) {
      for (const e of c.engines) {
        const docker = new Docker({ socketPath: e.socket });
        await loadTestImageInto(docker);
        await fill(docker, e.prefix, e.count);
      }
    }
    const results: Record<keyof typeof cases, EnginesProbeResults[]> = { one: [], two: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const [name, c] of Object.entries(cases) as [keyof typeof cases, (typeof cases)[keyof typeof cases]][]) {
        const file = path.join(tmp, `results-${name}-${i}.json`);
        const workspace = fs.mkdtempSync(path.join(tmp, 'ws-'));
        const code = await runInCodeServer({
          testsModule: path.join(__dirname, 'host', 'explorerEnginesProbe'),
          workspace,
          viewport: VIEWPORT,
          env: { DOCKER_HOST: c.host, DOCKSIDE_BENCH_RESULTS: file, DOCKSIDE_BENCH_ENGINES: JSON.stringify(c.engines satisfies ProbeEngine[]), ...(c.pin ? { DOCKSIDE_BENCH_PIN: c.pin } : {}) },
        });
        if (code !== 0 || !fs.existsSync(file)) throw new Error(`engines probe failed (${code}); see artifacts/code-server.log`);
        results[name].push(JSON.parse(fs.readFileSync(file, 'utf8')) as EnginesProbeResults);
      }
    }
    report('one engine of 300 containers', results.one);
    report('two engines of 150 containers each', results.two);
    const allOf = (runs: EnginesProbeResults[]) => median(runs.map((r) => Math.max(...r.engines.map((e) => e.allRowsAt)) - r.clickedAt));
    const firstOf = (runs: EnginesProbeResults[]) => median(runs.map((r) => Math.min(...r.engines.map((e) => e.firstRowAt)) - r.clickedAt));
    const eventOf = (runs: EnginesProbeResults[]) => median(runs.flatMap((r) => r.engines.map((e) => e.eventToRowMs)));
    console.log(`two engines ÷ one: first row ${(firstOf(results.two) / firstOf(results.one)).toFixed(2)}×, all listed ${(allOf(results.two) / allOf(results.one)).toFixed(2)}×, create → row ${(eventOf(results.two) / eventOf(results.one)).toFixed(2)}× (goal ≤ 1.2×)`);
  } finally {
    for (const e of all) await e.destroy().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function report(label: string, runs: EnginesProbeResults[]): void {
  console.log(`${label}, ${runs.length} fresh windows:`);
  const prefixes = runs[0]?.engines.map((e) => e.prefix) ?? [];
  for (const [i, prefix] of prefixes.entries()) {
    const first = runs.map((r) => r.engines[i].firstRowAt - r.clickedAt);
    const all = runs.map((r) => r.engines[i].allRowsAt - r.clickedAt);
    const event = runs.map((r) => r.engines[i].eventToRowMs);
    console.log(`  ${prefix}*: open the view → first row ${median(first).toFixed(0)} ms (${range(first)}), all listed ${median(all).toFixed(0)} ms (${range(all)}); create → row ${median(event).toFixed(0)} ms (${range(event)})`);
  }
}


/** `count` containers named `<prefix>NNNN` (created, a few running). */
async function fill(docker: Docker, prefix: string, count: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < count) {
      const i = next++;
      const c = await docker.createContainer({ name: `${prefix}${String(i).padStart(4, '0')}`, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' } });
      if (i % 50 === 0) await c.start();
    }
  }));
}
