// Working-session benchmark (issue 20): every engine request Dockside sends during a short working session
// played at a person's pace in a real VS Code (code-server), through a counting proxy to a private engine
// holding 20 other containers: the views opened, 20 containers run and stopped and removed, a shell, a logs
// terminal, the terminals closed, and a quiet stretch (host/explorerSessionProbe.ts). Prints the requests
// per minute (the median of DOCKSIDE_BENCH_SESSIONS, 3 sessions) and, for the median session, the requests
// of each phase grouped by endpoint, so that a read that changes nothing the user sees stands out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInCodeServer } from '../launchers/codeServer';
import { median, range } from './figures';
import { TEST_IMAGE } from '../support/testEngine';
import { withProxiedEngine, type ProxiedRequest } from './explorerProxy';
import type { SessionProbeResults } from './host/explorerSessionProbe';

const SESSIONS = Number(process.env.DOCKSIDE_BENCH_SESSIONS ?? 3);

export async function run(): Promise<void> {
  await withProxiedEngine('session', async ({ tmp, engine, proxy, docker }) => {
    for (let i = 0; i < 20; i++) await docker.createContainer({ name: `other-${String(i).padStart(2, '0')}`, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' } });
    const sessions: { results: SessionProbeResults; requests: ProxiedRequest[]; perMinute: number }[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const file = path.join(tmp, `results-${i}.json`);
      const code = await runInCodeServer({
        testsModule: path.join(__dirname, 'host', 'explorerSessionProbe'),
        workspace: fs.mkdtempSync(path.join(tmp, 'ws-')),
        // Tall enough for all 40 rows of the Containers section to be in the page at once.
        viewport: { width: 1400, height: 6000 },
        env: { DOCKER_HOST: proxy.host, DOCKSIDE_BENCH_RESULTS: file, DOCKSIDE_BENCH_ENGINE_SOCKET: engine.socket },
      });
      if (code !== 0 || !fs.existsSync(file)) {
        const progress = fs.existsSync(`${file}.progress`) ? fs.readFileSync(`${file}.progress`, 'utf8') : 'no phase began';
        throw new Error(`session probe failed (${code}); its phases:\n${progress}see artifacts/code-server.log`);
      }
      const results = JSON.parse(fs.readFileSync(file, 'utf8')) as SessionProbeResults;
      const requests = proxy.between(results.from, results.to);
      sessions.push({ results, requests, perMinute: requests.length / ((results.to - results.from) / 60_000) });
    }
    const rates = sessions.map((s) => s.perMinute);
    const mid = sessions.find((s) => s.perMinute === median(rates)) ?? sessions[0];
    const minutes = (mid.results.to - mid.results.from) / 60_000;
    console.log(`engine requests in a working session, ${sessions.length} sessions: median ${median(rates).toFixed(1)} per minute (${range(rates)}); the median one sent ${mid.requests.length} in ${minutes.toFixed(1)} min`);
    const phases = mid.results.phases;
    for (const [i, p] of phases.entries()) {
      const end = phases[i + 1]?.at ?? mid.results.to;
      const inPhase = mid.requests.filter((r) => r.time >= p.at && r.time < end);
      console.log(`  ${p.phase} (${((end - p.at) / 1000).toFixed(0)} s): ${inPhase.length} requests`);
      for (const [endpoint, n] of byEndpoint(inPhase)) console.log(`    ${String(n).padStart(4)}  ${endpoint}`);
    }
  });
}

/** Requests grouped by method and path, with ids and names folded, most frequent first. */
function byEndpoint(requests: readonly ProxiedRequest[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const [method, target] = r.line.split(' ');
    const [pathname, query] = target.split('?');
    const folded = pathname.replace(/^\/v[\d.]+/, '').replace(/\/(containers|exec|images|networks|volumes)\/(?!json$|create$|prune$)[^/]+/, '/$1/{id}');
    const keys = query ? ` ?${[...new URLSearchParams(query).keys()].sort().join('&')}` : '';
    const key = `${method} ${folded}${keys}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}
