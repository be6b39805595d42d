// Logs as lines and the follower across restarts and lost connections, against the real engine.
import * as assert from 'node:assert/strict';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { EngineError } from '../../../src/engine/errors';
import { LogFollower, readLogs, timestampKey, timestampToSince, type LogEvent, type LogLine } from '../../../src/engine/logs';
import { createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('engine logs (live engine)', function () {
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));

  after(() => removeTestContainers(docker));

  it('compares timestamps with any number of fraction digits, and turns them into "since"', () => {
    assert.ok(timestampKey('2024-01-01T00:00:00.1Z') > timestampKey('2024-01-01T00:00:00.09Z'));
    assert.ok(timestampKey('2024-01-01T00:00:01Z') > timestampKey('2024-01-01T00:00:00.999999999Z'));
    assert.equal(timestampToSince('2024-01-01T00:00:00.5Z'), '1704067200.500000000');
  });

  it('reads stdout and stderr as separate lines with timestamps, colours kept, and honours tail', async () => {
    const container = await createTestContainer(docker, {
      name: testName('logs-read'),
      cmd: ['sh', '-c', 'for i in 1 2 3 4 5; do echo "out $i"; done; echo "bad" >&2; printf "\\033[32mgreen\\033[0m\\n"; sleep 3600'],
    });
    await until('the output', async () => (await container.logs({ stdout: true })).toString().includes('green') || undefined);
    const all: LogLine[] = [];
    await readLogs(client, container.id, false, { follow: false }, (l) => all.push(l));
    assert.deepEqual(all.filter((l) => l.stream === 'stdout').map((l) => l.text), ['out 1', 'out 2', 'out 3', 'out 4', 'out 5', '\x1b[32mgreen\x1b[0m']);
    assert.deepEqual(all.filter((l) => l.stream === 'stderr').map((l) => l.text), ['bad']);
    assert.ok(all.every((l) => /^\d{4}-\d\d-\d\dT.*Z$/.test(l.timestamp)));
    const tail: LogLine[] = [];
    await readLogs(client, container.id, false, { follow: false, tail: 2 }, (l) => tail.push(l));
    assert.equal(tail.length, 2);
  });

  it('follows across a stop and a start: both runs once each, a restart event between them', async () => {
    const container = await createTestContainer(docker, { name: testName('logs-restart'), cmd: ['sh', '-c', 'echo "run at $(date +%s)"; sleep 0.3; echo "warn" >&2; sleep 1'] });
    const events: LogEvent[] = [];
    const follower = new LogFollower(async () => client, container.id, { tail: 100 }, (e) => events.push(e));
    try {
      await until('the first run to stop', () => events.some((e) => e.kind === 'stopped'));
      await container.start();
      await until('the second run', () => events.filter((e) => e.kind === 'line' && e.line.text.startsWith('run at')).length === 2);
      await until('the second stop', () => events.filter((e) => e.kind === 'stopped').length === 2);
      const kinds = events.map((e) => (e.kind === 'line' ? `${e.line.stream}:${e.line.text.replace(/\d+/g, 'N')}` : e.kind));
      assert.deepEqual(kinds, ['stdout:run at N', 'stderr:warn', 'stopped', 'restarted', 'stdout:run at N', 'stderr:warn', 'stopped']);
    } finally {
      follower.dispose();
    }
  });

  it('says when the engine connection is lost, retries, and resumes without repeating lines', async () => {
    const container = await createTestContainer(docker, { name: testName('logs-reconnect'), cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "n $i"; sleep 0.1; done'] });
    const events: LogEvent[] = [];
    let calls = 0;
    const flaky = async () => {
      calls++;
      // The second connection attempt fails as if the engine were away.
      if (calls === 2) throw new EngineError('unreachable', 'engine away for the test');
      return client;
    };
    const follower = new LogFollower(flaky, container.id, { tail: 0, retryDelayMs: 50 }, (e) => events.push(e));
    try {
      await until('some lines', () => events.filter((e) => e.kind === 'line').length >= 3);
      // Cut the stream under the follower, as an engine restart would.
      await container.restart({ t: 0 });
      await until('a reconnect', () => events.some((e) => e.kind === 'reconnected'));
      await until('lines after it', () => events.slice(events.findIndex((e) => e.kind === 'reconnected')).filter((e) => e.kind === 'line').length >= 3);
      assert.ok(events.some((e) => e.kind === 'connectionLost'));
      const texts = events.flatMap((e) => (e.kind === 'line' ? [`${e.line.timestamp} ${e.line.text}`] : []));
      assert.equal(new Set(texts).size, texts.length, 'no line delivered twice');
    } finally {
      follower.dispose();
    }
  });

  it('reports a removed container and stops following', async () => {
    const container = await createTestContainer(docker, { name: testName('logs-removed'), cmd: ['sh', '-c', 'echo once'] });
    const events: LogEvent[] = [];
    const follower = new LogFollower(async () => client, container.id, {}, (e) => events.push(e));
    await until('the stop', () => events.some((e) => e.kind === 'stopped'));
    await container.remove({ force: true });
    await follower.done;
    assert.equal(events[events.length - 1].kind, 'removed');
  });
});
