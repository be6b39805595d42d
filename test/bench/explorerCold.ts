// Cold explorer benchmark (issue 20), in a real VS Code (code-server) with a counting proxy between
// Dockside and a private engine holding exactly the containers under test: a fresh window, the Dockside
// view opened → first row and all rows, the cold timeline from the extension host's start, `docker rm -f`
// returned → row gone, engine requests during a burst of 280 creates, and a manual refresh; at 20, 300 and
// 1,000 containers, the median of DOCKSIDE_BENCH_RUNS (5) fresh windows each; then as many windows opened
// again on one user data (they paint the last window's containers while they connect). Prints figures only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Docker from 'dockerode';
import { runInCodeServer } from '../launchers/codeServer';
import { median, range } from './figures';
import { TEST_IMAGE } from '../support/testEngine';
import { withProxiedEngine, type CountingProxy } from './explorerProxy';
import type { ColdProbeResults } from './host/explorerColdProbe';

const SIZES = (process.env.DOCKSIDE_BENCH_SIZES ?? '20,300,1000').split(',').map(Number);
const RUNS = Number(process.env.DOCKSIDE_BENCH_RUNS ?? 5);
const PREFIX = 'cold';


export async function run(): Promise<void> {
  await withProxiedEngine('cold', async ({ tmp, engine, proxy, docker }) => {
    let made = 0;
    for (const size of SIZES) {
      made = await fillTo(docker, made, size);
      const window = async (name: string, options: { more?: boolean; userDataDir?: string } = {}): Promise<ColdProbeResults> => {
        const results = path.join(tmp, `results-${name}.json`);
        const workspace = fs.mkdtempSync(path.join(tmp, 'ws-'));
        const code = await runInCodeServer({
          testsModule: path.join(__dirname, 'host', 'explorerColdProbe'),
          workspace,
          userDataDir: options.userDataDir,
          env: {
            DOCKER_HOST: proxy.host, DOCKSIDE_BENCH_RESULTS: results, DOCKSIDE_BENCH_COUNT: String(size), DOCKSIDE_BENCH_PREFIX: PREFIX,
            DOCKSIDE_BENCH_ENGINE_SOCKET: engine.socket, ...(options.more ? { DOCKSIDE_BENCH_MORE: '1' } : {}),
            ...(options.userDataDir ? { DOCKSIDE_BENCH_USER_DATA: options.userDataDir } : {}),
          },
        });
        if (code !== 0 || !fs.existsSync(results)) throw new Error(`cold explorer probe failed (${code}); see artifacts/code-server.log`);
        return JSON.parse(fs.readFileSync(results, 'utf8')) as ColdProbeResults;
      };
      const runs: ColdProbeResults[] = [];
      for (let i = 0; i < RUNS; i++) {
        // The last run of the largest size also measures removal, a burst and a refresh.
        const more = size !== 20 && i === RUNS - 1;
        runs.push(await window(`${size}-${i}`, { more }));
        if (more) await removeBurst(docker);
      }
      report(size, runs, proxy, 'fresh windows');
      // The same user's window opened again: its user data holds the containers the last window saved
      // (explorerSnapshots.ts). One window first makes the snapshot; the next ones are measured.
      const userDataDir = path.join(tmp, `user-data-${size}`);
      await window(`${size}-prime`, { userDataDir });
      const reopened: ColdProbeResults[] = [];
      for (let i = 0; i < RUNS; i++) reopened.push(await window(`${size}-reopened-${i}`, { userDataDir }));
      report(size, reopened, proxy, 'windows opened again');
    }
  });
}

function report(size: number, runs: ColdProbeResults[], proxy: CountingProxy, kind: string): void {
  const first = runs.map((r) => r.firstRowAt - r.clickedAt);
  const all = runs.map((r) => r.allRowsAt - r.clickedAt);
  console.log(`${size} containers, ${runs.length} ${kind}: open the view → first row ${median(first).toFixed(0)} ms (${range(first)}), all listed ${median(all).toFixed(0)} ms (${range(all)})`);
  // Whether VS Code's first ask was answered before the connect (an earlier window's rows or the quick read).
  const early = runs.filter((r) => r.timeline.some((m) => m.mark === 'last known rows returned')).length;
  const quickFailed = runs.filter((r) => r.timeline.some((m) => m.mark === 'quick read gave nothing')).length;
  console.log(`  first ask answered without the session in ${early} of ${runs.length} windows${quickFailed ? ` (the quick read gave nothing in ${quickFailed})` : ''}; first row per window: ${first.map((f) => f.toFixed(0)).join(', ')} ms`);
  // The cold timeline of the median run (by "all listed"), relative to the click.
  const mid = runs[all.indexOf(median(all))] ?? runs[0];
  const marks = [...mid.timeline.map((m) => ({ mark: m.mark, at: m.at })), { mark: 'click (view opened)', at: mid.clickedAt }, { mark: 'first row in the page', at: mid.firstRowAt }, { mark: `all ${size} rows in the page`, at: mid.allRowsAt }].sort((a, b) => a.at - b.at);
  console.log('  cold timeline (ms from the click):');
  for (const m of marks) console.log(`    ${(m.at - mid.clickedAt).toFixed(0).padStart(7)}  ${m.mark}`);
  const badge = (b: ColdProbeResults['badge']) => `"${b?.text}" (${b?.label})`;
  console.log(`  badge on first open: ${runs.map((r) => `${badge(r.badge)}, 2 s later ${badge(r.badgeLater)}`).join('; ')}`);
  const more = runs.find((r) => r.removals);
  if (more?.removals) console.log(`  docker rm -f returned → row gone: median ${median(more.removals).toFixed(0)} ms (${range(more.removals)}) of 5 containers`);
  if (more?.burst) {
    const requests = proxy.between(more.burst.from, more.burst.to).filter((r) => !r.line.includes('/containers/create'));
    console.log(`  engine requests while ${more.burst.count} containers are created: ${requests.length} (the creates themselves not counted)`);
  }
  if (more?.refresh) console.log(`  manual refresh at ${size} containers → done: median ${median(more.refresh).toFixed(0)} ms (${range(more.refresh)}) of 5 presses`);
  if (more?.refreshAfterBurst) console.log(`  manual refresh at ${size + 280} containers → done: median ${median(more.refreshAfterBurst).toFixed(0)} ms (${range(more.refreshAfterBurst)}) of 5 presses`);
}


/** Creates containers (not started; a few running) until the engine holds `size`. */
async function fillTo(docker: Docker, made: number, size: number): Promise<number> {
  let next = made;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < size) {
      const i = next++;
      const c = await docker.createContainer({ name: `${PREFIX}-${String(i).padStart(4, '0')}`, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' } });
      if (i % 50 === 0) await c.start();
    }
  }));
  return size;
}

async function removeBurst(docker: Docker): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [`${PREFIX}-burst-`] }) });
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < list.length) await docker.getContainer(list[next++].Id).remove({ force: true });
  }));
}
