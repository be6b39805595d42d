// Terminals benchmark: log following throughput and peak memory while a container writes a million lines
// (the same pipeline a logs terminal runs: follower → bounded window → rendered, batched text), and the
// keystroke echo latency of a shell over a TTY exec. Measured against the real engine, without the editor's
// renderer (that part is VS Code's own).
import * as engine from '../../src/engine/index';
import { LogPipeline } from '../../src/terminals/logPipeline';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../support/testEngine';

const LINES = 1_000_000;

function client(): engine.EngineClient {
  return new engine.EngineClient(engine.resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
}

async function logThroughput(): Promise<void> {
  const docker = testDocker();
  const name = testName('bench-terminals-logs');
  const container = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['seq', '1', String(LINES)], Labels: { [TEST_LABEL]: 'true' } });
  let outputBytes = 0;
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 20);
  const markers = { restarted: () => 'restarted', stopped: () => 'stopped', connectionLost: () => 'lost', reconnected: () => 'back', removed: () => 'removed' };
  const c = client();
  const pipeline = new LogPipeline({ engine, client: async () => c, sources: [{ id: container.id, name }], timestamps: false, windowLines: 10_000, markers, output: (t) => (outputBytes += t.length) });
  pipeline.start();
  const started = performance.now();
  await container.start();
  while (pipeline.linesReceived < LINES) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  pipeline.dispose();
  clearInterval(sampler);
  await removeTestContainers(docker);
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  console.log(`log following: ${LINES.toLocaleString('en')} lines in ${seconds.toFixed(2)} s = ${Math.round(LINES / seconds).toLocaleString('en')} lines/s (${mb(outputBytes)} MiB of terminal text)`);
  console.log(`  peak memory while following: heap ${mb(peakHeap)} MiB (+${mb(peakHeap - before.heapUsed)} MiB), rss ${mb(peakRss)} MiB (+${mb(peakRss - before.rss)} MiB); window holds ${pipeline.window.size.toLocaleString('en')} lines`);
}

async function echoLatency(): Promise<void> {
  const docker = testDocker();
  const container = await docker.createContainer({ name: testName('bench-terminals-echo'), Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { [TEST_LABEL]: 'true' } });
  await container.start();
  const session = await engine.startShell(client(), container.id, { cmd: ['/bin/sh'] }, { columns: 120, rows: 40 });
  let received = '';
  session.onOutput((chunk) => (received += chunk.data.toString('utf8')));
  await new Promise((r) => setTimeout(r, 300)); // the first prompt
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const key = 'abcdefghijklmnopqrstuvwxyz'[i % 26];
    received = '';
    const sent = performance.now();
    session.write(key);
    while (!received.includes(key)) await new Promise((r) => setImmediate(r));
    samples.push(performance.now() - sent);
    if (i % 26 === 25) session.write('\x15'); // Ctrl-U: keep the line short
  }
  session.write('exit\r');
  await session.ended;
  await removeTestContainers(docker);
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(2);
  console.log(`keystroke echo over a TTY exec (${samples.length} keys): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
}

export async function run(): Promise<void> {
  await echoLatency();
  await logThroughput();
}
