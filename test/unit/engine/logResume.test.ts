// Log following across an outage (issue 12, item 13): a waiting follower resumes when told the engine is
// back, not on its next backoff timer, and its retries leave no listener behind.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { EngineReturnWatch } from '../../../src/engine/engineReturn';
import { EngineError } from '../../../src/engine/errors';
import { LogFollower, type LogEvent } from '../../../src/engine/logs';
import { waitFor } from '../../integration/support/waitFor';
import { createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';

describe('log following across outages', function () {
  this.timeout(30_000);
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  after(() => removeTestContainers(docker));

  it('retries for as long as the engine is away without piling up abort listeners', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    let attempts = 0;
    const away = async (): Promise<EngineClient> => {
      attempts++;
      throw new EngineError('unreachable', 'engine away for the test');
    };
    const follower = new LogFollower(away, 'no-such-container', { retryDelayMs: 1 }, () => undefined);
    try {
      // The delay doubles from 1 ms up to 10 s: the first dozen retries come quickly.
      await waitFor('a dozen retries', () => attempts >= 12);
      const signal = (follower as unknown as { abort: AbortController }).abort.signal;
      assert.ok(getEventListeners(signal, 'abort').length <= 1, `${getEventListeners(signal, 'abort').length} abort listeners after ${attempts} retries`);
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message), []);
    } finally {
      follower.dispose();
      process.off('warning', onWarning);
    }
    await follower.done;
  });

  it('resumes as soon as it hears the engine is back, long before its next retry', async () => {
    const container = await createTestContainer(docker, { name: testName('logs-wake'), cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "n $i"; sleep 0.1; done'] });
    let down = false;
    const wakers = new Set<() => void>();
    const engineBack = (listener: () => void) => {
      wakers.add(listener);
      return { dispose: () => wakers.delete(listener) };
    };
    const events: { at: number; event: LogEvent }[] = [];
    const follower = new LogFollower(
      async () => {
        if (down) throw new EngineError('unreachable', 'engine away for the test');
        return client;
      },
      container.id,
      // A minute between retries: only the wake-up can bring it back within the test.
      { tail: 0, retryDelayMs: 60_000, engineBack },
      (event) => events.push({ at: Date.now(), event }),
    );
    try {
      await waitFor('some lines', () => events.filter((e) => e.event.kind === 'line').length >= 2);
      down = true;
      await container.restart({ t: 0 });
      await waitFor('the outage', () => events.some((e) => e.event.kind === 'connectionLost'));
      await waitFor('the follower to wait', () => wakers.size === 1);
      down = false;
      const back = Date.now();
      [...wakers].forEach((wake) => wake());
      const reconnected = await waitFor('the reconnect', () => events.find((e) => e.event.kind === 'reconnected'), 10_000);
      console.log(`      resumed ${reconnected.at - back} ms after the wake-up (the backoff timer was 60 s)`);
      assert.equal(wakers.size, 0, 'the wake-up subscription is released');
      await waitFor('lines after it', () => events.filter((e) => e.at >= reconnected.at && e.event.kind === 'line').length >= 2);
    } finally {
      follower.dispose();
    }
  });

  it('EngineReturnWatch pings only while someone waits and tells each waiter once', async () => {
    let pings = 0;
    let answers = false;
    const watch = new EngineReturnWatch({ ping: async () => (pings++, answers), intervalMs: 10 });
    let told = 0;
    const waiting = watch.onReturn(() => told++);
    await waitFor('a few pings', () => pings >= 3);
    answers = true;
    await waitFor('the return', () => told === 1);
    assert.equal(watch.waiting, 0);
    const after = pings;
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(pings, after, 'no pings without waiters');
    waiting.dispose();
    watch.dispose();
  });
});
