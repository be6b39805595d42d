// Explorer benchmark, through the real VS Code (code-server) and the real engine: event-to-row latency
// (p50/p95 over 20 container starts), engine requests per idle minute with the views visible (counted by
// a proxy socket between the extension and the engine), and the time to show 1,000 containers and 1,000
// images. Prints figures; it does not pass or fail.
// The idle minute is measured twice: on the main engine (where other work may cause events, and so
// reads), and on a private engine started for the purpose, where nothing else happens.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runInCodeServer } from '../launchers/codeServer';
import { PrivateEngine } from '../support/privateEngine';
import { CountingProxy } from './explorerProxy';

export interface ExplorerProbeResults {
  readonly latencies: { readonly eventToRowMs: number; readonly startCallToRowMs: number }[];
  readonly idle: { readonly from: number; readonly to: number; readonly eventsSeen: number };
  readonly privateIdle: { readonly from: number; readonly to: number };
  readonly bulk: { readonly containers: number; readonly images: number; readonly containersMs: number; readonly imagesMs: number };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export async function run(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-bench-explorer-'));
  const proxy = new CountingProxy(path.join(tmp, 'engine-proxy.sock'));
  await proxy.listen();
  const quiet = new PrivateEngine(path.join(tmp, 'quiet-engine'));
  await quiet.start();
  const quietProxy = new CountingProxy(path.join(tmp, 'quiet-proxy.sock'), quiet.socket);
  await quietProxy.listen();
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const resultsFile = path.join(tmp, 'results.json');
  try {
    const code = await runInCodeServer({
      testsModule: path.join(__dirname, 'host', 'explorerProbe'),
      workspace,
      env: { DOCKSIDE_BENCH_RESULTS: resultsFile, DOCKSIDE_BENCH_ENGINE_HOST: proxy.host, DOCKSIDE_BENCH_QUIET_ENGINE_HOST: quietProxy.host },
    });
    if (code !== 0 || !fs.existsSync(resultsFile)) throw new Error(`explorer probe failed (${code}); see artifacts/code-server.log`);
    const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as ExplorerProbeResults;
    const eventToRow = r.latencies.map((l) => l.eventToRowMs);
    const callToRow = r.latencies.map((l) => l.startCallToRowMs);
    const idleRequests = proxy.between(r.idle.from, r.idle.to);
    const idleMinutes = (r.idle.to - r.idle.from) / 60_000;
    console.log(`event-to-row latency over ${eventToRow.length} container starts: p50 ${percentile(eventToRow, 50).toFixed(0)} ms, p95 ${percentile(eventToRow, 95).toFixed(0)} ms (target p50 ≤ 150 ms)`);
    console.log(`  start call → row in the page: p50 ${percentile(callToRow, 50).toFixed(0)} ms, p95 ${percentile(callToRow, 95).toFixed(0)} ms`);
    console.log(
      `engine requests while visible and idle: ${idleRequests.length} in ${idleMinutes.toFixed(1)} min = ${(idleRequests.length / idleMinutes).toFixed(1)} per minute` +
        ` (engine events in that window from other work on the engine: ${r.idle.eventsSeen}; each costs one item read)`,
    );
    const quietRequests = quietProxy.between(r.privateIdle.from, r.privateIdle.to);
    const quietMinutes = (r.privateIdle.to - r.privateIdle.from) / 60_000;
    console.log(`  on a private engine nobody else uses: ${quietRequests.length} in ${quietMinutes.toFixed(1)} min = ${(quietRequests.length / quietMinutes).toFixed(1)} per minute`);
    for (const req of quietRequests.slice(0, 10)) console.log(`    ${new Date(req.time).toISOString()} ${req.line}`);
    console.log(`time to show ${r.bulk.containers} containers: ${r.bulk.containersMs.toFixed(0)} ms; ${r.bulk.images} images: ${r.bulk.imagesMs.toFixed(0)} ms (from opening the view; target ≤ 1000 ms)`);
    console.log(`baseline (Microsoft Container Tools): polls every 60 s, 500 ms debounce, whole-list reloads`);
  } finally {
    proxy.close();
    quietProxy.close();
    await quiet.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
