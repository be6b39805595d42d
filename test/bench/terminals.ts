// Terminals benchmark: log following throughput and peak memory while a container writes a million lines
// (the same pipeline a logs terminal runs: follower → bounded window → rendered, batched text), and the
// keystroke echo latency of a shell terminal at two levels: as the user sees it in VS Code's terminal
// (code-server in headless Chromium, key pressed in the page → character rendered in the terminal), and the
// engine pipeline alone (a TTY exec's stream, no editor). Against the real engine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as engine from '../../src/engine/index';
import { LogPipeline } from '../../src/terminals/logPipeline';
import { runInCodeServer } from '../launchers/codeServer';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../support/testEngine';
import type { TerminalEchoProbeResults } from './host/terminalEchoProbe';

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
  const engineAlone = await rawLogRead(container);
  await removeTestContainers(docker);
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  console.log(`log following: ${LINES.toLocaleString('en')} lines in ${seconds.toFixed(2)} s = ${Math.round(LINES / seconds).toLocaleString('en')} lines/s (${mb(outputBytes)} MiB of terminal text)`);
  console.log(`  peak memory while following: heap ${mb(peakHeap)} MiB (+${mb(peakHeap - before.heapUsed)} MiB), rss ${mb(peakRss)} MiB (+${mb(peakRss - before.rss)} MiB); window holds ${pipeline.window.size.toLocaleString('en')} lines`);
  console.log(`  the engine alone, the same log read again with nothing done to it: ${Math.round(LINES / engineAlone).toLocaleString('en')} lines/s (${engineAlone.toFixed(2)} s; a finished log, which the engine sends faster than a live one)`);
}

/** Seconds the engine takes to send the finished container's whole log to a reader that only counts bytes. */
async function rawLogRead(container: import('dockerode').Container): Promise<number> {
  const started = performance.now();
  const stream = (await container.logs({ follow: true, stdout: true, stderr: true, timestamps: true })) as unknown as NodeJS.ReadableStream;
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (b: Buffer) => (bytes += b.length));
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  if (bytes === 0) throw new Error('the engine sent no log');
  return (performance.now() - started) / 1000;
}

/** The keys both echo measurements press: 10-letter words, with Ctrl-U before each to keep the line short. */
const ECHO_KEYS = Array.from({ length: 100 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join('');
const ECHO_WORD = 10;
const PROMPT = '/ # '; // busybox ash's, in the test image

/** Waits (polling every few ms) until `condition` holds; the engine level has no page to wait on. */
async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** The engine pipeline alone: a TTY exec's stream through dockerode, no editor and no renderer. */
async function engineEchoLatency(): Promise<number[]> {
  const docker = testDocker();
  const container = await docker.createContainer({ name: testName('benchecho-engine'), Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { [TEST_LABEL]: 'true' } });
  try {
    await container.start();
    const session = await engine.startShell(client(), container.id, { cmd: ['/bin/sh'] }, { columns: 120, rows: 40 });
    let received = '';
    session.onOutput((chunk) => (received += chunk.data.toString('utf8')));
    await until('the first prompt', () => received.includes(PROMPT));
    const samples: number[] = [];
    for (let i = 0; i < ECHO_KEYS.length; i++) {
      if (i > 0 && i % ECHO_WORD === 0) {
        // Ctrl-U: ash clears the line and redraws the prompt (on an empty line it writes nothing).
        received = '';
        session.write('\x15');
        await until('the redrawn prompt', () => received.includes(PROMPT));
      }
      const key = ECHO_KEYS[i];
      received = '';
      const sent = performance.now();
      session.write(key);
      while (!received.includes(key)) await new Promise((r) => setImmediate(r));
      samples.push(performance.now() - sent);
    }
    session.write('\x15exit\r');
    await session.ended;
    return samples;
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/**
 * As the user experiences it: in VS Code's terminal (code-server, headless Chromium), a Dockside shell
 * terminal; each key is pressed in the page and timed in the page, from its keydown to the echoed character
 * in the terminal's rendered rows (see terminalEchoLatency in ../launchers/uiBridgeServer.ts).
 */
async function vscodeEchoLatency(): Promise<TerminalEchoProbeResults> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-bench-echo-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  // code-server 4.100.3 (VS Code 1.100, @xterm/xterm 5.6) may draw the terminal with xterm's WebGL addon
  // (a canvas: no text in the DOM) when gpuAcceleration is "auto" or "on"; "off" selects xterm's DOM
  // renderer, whose rows (`.xterm-rows`) the measurement watches. The launcher's user settings say the same;
  // stated here too, for this measurement's sake (the figures line reports what the page had). Typeahead
  // local echo is off: with "auto", VS Code loads it in remote windows (code-server's are) and draws
  // predicted characters once it measures more than 30 ms of latency; the figure would then time the
  // prediction, not the shell's echo.
  fs.writeFileSync(
    path.join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'terminal.integrated.gpuAcceleration': 'off', 'terminal.integrated.localEchoEnabled': 'off' }, null, 2),
  );
  const resultsFile = path.join(tmp, 'results.json');
  try {
    const code = await runInCodeServer({
      testsModule: path.join(__dirname, 'host', 'terminalEchoProbe'),
      workspace,
      env: { DOCKSIDE_BENCH_RESULTS: resultsFile, DOCKSIDE_BENCH_ECHO_KEYS: ECHO_KEYS, DOCKSIDE_BENCH_ECHO_WORD: String(ECHO_WORD) },
    });
    if (code !== 0 || !fs.existsSync(resultsFile)) throw new Error(`terminal echo probe failed (${code}); see artifacts/code-server.log`);
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as TerminalEchoProbeResults;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

async function echoLatency(): Promise<void> {
  const engineSamples = await engineEchoLatency();
  const inVsCode = await vscodeEchoLatency();
  console.log(`keystroke echo in the shell terminal, ${ECHO_KEYS.length} keys (${ECHO_WORD}-letter words, Ctrl-U between them):`);
  console.log(`  in VS Code's terminal (code-server, headless Chromium): ${summary(inVsCode.samples.map((s) => s.keydownToRowMs))}`);
  console.log(`    (keydown in the page → the character in xterm's DOM rows; from the key event's own timestamp: ${summary(inVsCode.samples.map((s) => s.eventTimestampToRowMs))})`);
  const { renderer, settings } = inVsCode;
  console.log(`    (xterm DOM renderer: ${renderer.domRows} rows, canvases: ${renderer.canvases.join(', ') || 'none'}; gpuAcceleration ${String(settings.gpuAcceleration)}, localEchoEnabled ${String(settings.localEchoEnabled)})`);
  console.log(`  engine pipeline only (TTY exec stream through dockerode, no editor): ${summary(engineSamples)}`);
}

/** DOCKSIDE_BENCH_TERMINALS=logs or =echo runs one of the two. */
export async function run(only = process.env.DOCKSIDE_BENCH_TERMINALS): Promise<void> {
  if (only !== 'logs') await echoLatency();
  if (only !== 'echo') await logThroughput();
}
