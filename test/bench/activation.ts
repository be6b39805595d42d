// Activation cost in the real VS Code (code-server's Node extension host): the time `activate()` takes,
// module loading included, in a fresh host each round, and the time until the engine has answered.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runInCodeServer } from '../launchers/codeServer';


export async function run(rounds = Number(process.env.DOCKSIDE_BENCH_ROUNDS ?? 5)): Promise<void> {
  const samples: { activateMs: number; connectedMs: number; own: { bundleEvaluationMs: number; activateMs: number } }[] = [];
  for (let i = 0; i < rounds; i++) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-bench-activation-'));
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    const results = path.join(tmp, 'results.json');
    const code = await runInCodeServer({
      testsModule: path.join(__dirname, 'host', 'activationProbe'),
      workspace,
      env: { DOCKSIDE_BENCH_RESULTS: results },
    });
    if (code !== 0 || !fs.existsSync(results)) throw new Error(`activation probe failed (${code})`);
    samples.push(JSON.parse(fs.readFileSync(results, 'utf8')));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const activate = samples.map((s) => s.activateMs);
  const connected = samples.map((s) => s.connectedMs);
  console.log(`activation (activate() incl. module load), ${rounds} fresh hosts: median ${median(activate).toFixed(1)} ms, min ${Math.min(...activate).toFixed(1)}, max ${Math.max(...activate).toFixed(1)}`);
  const own = samples.map((s) => s.own.bundleEvaluationMs + s.own.activateMs);
  console.log(`  of which Dockside's own code (bundle evaluation + activate()): median ${median(own).toFixed(1)} ms; the rest is VS Code preparing the extension context`);
  console.log(`activation → engine answered: median ${median(connected).toFixed(1)} ms`);
  console.log(`baseline (Microsoft Container Tools 2.4.5): ~500 ms activation; target ≤ 50 ms`);
}
