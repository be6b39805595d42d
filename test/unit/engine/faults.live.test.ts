// Fault injection (issue 12): a private engine, in a network namespace of its own, is stopped while every
// kind of long request is in flight at once: the event stream, a log follower, a shell, a build, a pull and
// a push (through a slow link to a real registry, so they are still running). Five times. Each must end
// the way a user should see it: the mapped "no engine answers" sentence, a connection-lost marker or
// outcome, never a silent success or a raw error; and the streams that follow the engine (events, logs)
// must resume once it answers again. The resume figures are printed; only generous bounds are asserted.
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { buildImage } from '../../../src/engine/build';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { EngineReturnWatch } from '../../../src/engine/engineReturn';
import { describeEngineError, isEngineError, type EngineError } from '../../../src/engine/errors';
import { EngineEventStream } from '../../../src/engine/events';
import { startShell, type SessionOutcome } from '../../../src/engine/exec';
import { pullImage, pushImage } from '../../../src/engine/imageTransfer';
import { LogFollower, type LogEvent } from '../../../src/engine/logs';
import { waitFor } from '../../integration/support/waitFor';
import { PrivateEngine } from '../../support/privateEngine';
import { TEST_IMAGE } from '../../support/testEngine';

const REPETITIONS = 5;
const REGISTRY_PORT = 5000;
/** The slow link to the registry: pulls and pushes wait this long for each connection. */
const PROXY_PORT = 5001;
const PROXY_DELAY_MS = 20_000;
/** Generous: the engine restarts in about 1.5 s and the followers are woken within a quarter second. */
const RESUME_BOUND_MS = 10_000;

/** Settles with the error a promise rejects with (or a marker when it resolves: that must not happen here). */
function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    (value) => ({ resolved: value }),
    (error: unknown) => error,
  );
}

function assertEngineLost(what: string, error: unknown, host: string): EngineError {
  assert.ok(isEngineError(error), `${what}: expected the mapped engine error, got ${error instanceof Error ? error.stack : JSON.stringify(error)}`);
  assert.equal(error.code, 'unreachable', `${what}: ${error.code} ${error.message}`);
  assert.equal(describeEngineError(error), `No Docker engine answers at ${host}. Start Docker, or choose another engine in the Dockside settings.`);
  return error;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

describe('fault injection: the engine stops while requests are in flight (private engine)', function () {
  this.timeout(60_000);
  const netns = `dockside-faults-${process.pid}`;
  const root = path.join(os.tmpdir(), `dockside-test-faults-${process.pid}`);
  const engine = new PrivateEngine(root, { netns });
  const helpers: ChildProcess[] = [];
  const figures = { events: [] as number[], logs: [] as number[], lost: [] as number[] };
  let docker: Docker;
  let client: EngineClient;
  let watch: EngineReturnWatch;
  let loggerId = '';
  let shellId = '';
  const contextDir = path.join(root, 'build-context');
  const pulled = `127.0.0.1:${PROXY_PORT}/faults/busybox:base`;

  before(async function () {
    this.timeout(120_000);
    await engine.start();
    docker = new Docker({ socketPath: engine.socket });
    client = new EngineClient(resolveEndpoint({ settingHost: engine.host, env: {} }), { requestTimeoutMs: 5000 });
    watch = new EngineReturnWatch({ ping: () => engine.answers() });
    // The test image, from the main engine (nothing is ever pulled from outside).
    const tar = await new Docker({ socketPath: '/var/run/docker.sock' }).getImage(TEST_IMAGE).get();
    await new Promise<void>((resolve, reject) =>
      docker.loadImage(tar, (error: unknown, stream?: NodeJS.ReadableStream) => (error || !stream ? reject(error) : (stream.resume(), stream.on('end', () => resolve())))),
    );
    // A real registry on the namespace's loopback, and the slow link in front of it.
    const registryDir = path.join(root, 'registry');
    fs.mkdirSync(registryDir, { recursive: true });
    fs.writeFileSync(path.join(registryDir, 'config.yml'), `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${registryDir}/data\nhttp:\n  addr: 127.0.0.1:${REGISTRY_PORT}\n`);
    helpers.push(engine.spawnInNamespace('docker-registry', ['serve', path.join(registryDir, 'config.yml')], path.join(registryDir, 'registry.log')));
    helpers.push(engine.spawnInNamespace(process.execPath, [path.join(__dirname, '..', '..', 'support', 'slowProxy.js'), String(PROXY_PORT), String(REGISTRY_PORT), String(PROXY_DELAY_MS)], path.join(root, 'proxy.log')));
    await waitFor('the registry', () => {
      try {
        return engine.execInNamespace('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${REGISTRY_PORT}/v2/`]) === '200';
      } catch {
        return false;
      }
    });
    // The image to pull, pushed once straight to the registry (no slow link).
    const direct = `127.0.0.1:${REGISTRY_PORT}/faults/busybox`;
    await docker.getImage(TEST_IMAGE).tag({ repo: direct, tag: 'base' });
    await pushImage(client, `${direct}:base`, undefined, () => undefined);
    // StopTimeout 0: a stopping daemon kills them at once instead of waiting ten seconds each.
    const create = async (name: string, cmd: string[]) => {
      const container = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: cmd, StopTimeout: 0, HostConfig: { NetworkMode: 'none', RestartPolicy: { Name: 'always' } } } as Docker.ContainerCreateOptions);
      await container.start();
      return container.id;
    };
    loggerId = await create('faults-logger', ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "line $i"; sleep 0.1; done']);
    shellId = await create('faults-shell', ['sleep', '3600']);
    fs.mkdirSync(contextDir, { recursive: true });
    fs.writeFileSync(path.join(contextDir, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN trap 'exit 143' TERM; echo building; sleep 60 & wait\n`);
  });

  after(async function () {
    this.timeout(60_000);
    watch?.dispose();
    for (const helper of helpers) {
      try {
        if (helper.pid) process.kill(helper.pid);
      } catch {
        // Already gone.
      }
    }
    await engine.destroy();
    if (figures.events.length) {
      const line = (name: string, values: number[]) =>
        `      ${name}: median ${median(values)} ms, max ${Math.max(...values)} ms over ${values.length} (${values.join(', ')})`;
      console.log('      fault suite figures (from the engine answering again):');
      console.log(line('event stream reopened', figures.events));
      console.log(line('log following resumed', figures.logs));
      console.log(line('every in-flight request reported the loss, after the stop began', figures.lost));
    }
  });

  for (let repetition = 1; repetition <= REPETITIONS; repetition++) {
    it(`stop ${repetition} of ${REPETITIONS}: events, logs, a shell, a build, a pull and a push each report the lost engine; events and logs resume`, async () => {
      // Events: the explorer's stream, woken by the quiet ping as the extension wakes it (retryNow on reconnect).
      const eventLog: { at: number; kind: 'open' | 'reopen' | 'drop'; error?: EngineError }[] = [];
      const events = new EngineEventStream(client, {
        onOpen: (reopened) => eventLog.push({ at: Date.now(), kind: reopened ? 'reopen' : 'open' }),
        onEvent: () => undefined,
        onDrop: (error) => {
          eventLog.push({ at: Date.now(), kind: 'drop', error });
          const waiting = watch.onReturn(() => {
            waiting.dispose();
            events.retryNow();
          });
        },
      });
      events.start();
      // Logs: the follower the logs terminal runs, woken the same way.
      const logLog: { at: number; event: LogEvent }[] = [];
      const follower = new LogFollower(async () => client, loggerId, { tail: 0, engineBack: (listener) => watch.onReturn(listener) }, (event) => logLog.push({ at: Date.now(), event }));
      // A shell, a build, a pull and a push.
      const shell = await startShell(client, shellId, { cmd: ['sh'] }, { columns: 80, rows: 24 });
      const shellOutcome: Promise<SessionOutcome> = shell.outcome();
      const buildSteps: string[] = [];
      const build = failureOf(buildImage(client, { contextDir, dockerfile: path.join(contextDir, 'Dockerfile'), builder: 'classic', tag: `faults/built:${repetition}` }, (e) => {
        if (e.kind === 'step') buildSteps.push(e.instruction);
      }));
      const pull = failureOf(pullImage(client, pulled, undefined, () => undefined));
      await docker.getImage(TEST_IMAGE).tag({ repo: `127.0.0.1:${PROXY_PORT}/faults/pushed`, tag: String(repetition) });
      const push = failureOf(pushImage(client, `127.0.0.1:${PROXY_PORT}/faults/pushed:${repetition}`, undefined, () => undefined));
      try {
        await waitFor('the event stream to open', () => eventLog.some((e) => e.kind === 'open'));
        await waitFor('log lines', () => logLog.filter((e) => e.event.kind === 'line').length >= 2);
        await waitFor('the build to reach RUN', () => buildSteps.some((s) => /echo building/.test(s)));
        // The pull and the push are held on the slow link (20 s); give the engine a moment to be waiting on it.
        await new Promise((r) => setTimeout(r, 300));

        const stoppedAt = Date.now();
        const debug = (what: string) => process.env.DOCKSIDE_FAULTS_DEBUG && console.log(`      ${what} +${Date.now() - stoppedAt} ms`);
        void build.then(() => debug('build settled'));
        void pull.then(() => debug('pull settled'));
        void push.then(() => debug('push settled'));
        void shellOutcome.then(() => debug('shell settled'));
        await engine.stop();
        debug('engine stopped');
        const [buildError, pullError, pushError, outcome] = await Promise.all([build, pull, push, shellOutcome]);
        await waitFor('the event stream to report the drop', () => eventLog.some((e) => e.kind === 'drop'));
        await waitFor('the log follower to report the lost connection', () => logLog.some((e) => e.event.kind === 'connectionLost'));
        figures.lost.push(Math.max(...[...eventLog.filter((e) => e.kind === 'drop'), ...logLog.filter((e) => e.event.kind === 'connectionLost')].map((e) => e.at - stoppedAt)));

        if (process.env.DOCKSIDE_FAULTS_DEBUG) console.log({ buildError, pullError, pushError, outcome });
        assertEngineLost('build', buildError, engine.host);
        assertEngineLost('pull', pullError, engine.host);
        assertEngineLost('push', pushError, engine.host);
        assertEngineLost('event stream', eventLog.find((e) => e.kind === 'drop')?.error, engine.host);
        assert.equal(outcome.kind, 'connectionLost', `the shell: ${JSON.stringify(outcome)}`);
        assertEngineLost('shell', outcome.kind === 'connectionLost' ? outcome.error : undefined, engine.host);

        // The moment the engine answers again, seen by a fine poll of our own while it starts.
        let answeredAt = 0;
        const starting = engine.start();
        while (!answeredAt) {
          if (await engine.answers()) answeredAt = Date.now();
          else await new Promise((r) => setTimeout(r, 20));
        }
        await starting;
        debug('engine answers');
        const reopened = await waitFor('the event stream to reopen', () => eventLog.find((e) => e.kind === 'reopen'), RESUME_BOUND_MS);
        const resumed = await waitFor('log following to resume', () => logLog.find((e) => e.event.kind === 'reconnected'), RESUME_BOUND_MS);
        figures.events.push(Math.max(0, reopened.at - answeredAt));
        figures.logs.push(Math.max(0, resumed.at - answeredAt));
        // The container restarted with the engine (restart: always): its new lines arrive, none twice.
        await waitFor('lines after the restart', () => logLog.filter((e) => e.at >= resumed.at && e.event.kind === 'line').length >= 2, RESUME_BOUND_MS);
        const texts = logLog.flatMap((e) => (e.event.kind === 'line' ? [`${e.event.line.timestamp} ${e.event.line.text}`] : []));
        assert.equal(new Set(texts).size, texts.length, 'no log line delivered twice');
      } finally {
        events.stop();
        follower.dispose();
        shell.close();
        if (!(await engine.answers())) await engine.start();
      }
    });
  }
});
