// The event stream: parsing, backoff, and the real engine's /events (open, deliver, drop once, retry).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import type { EngineError } from '../../../src/engine/errors';
import { EngineEventStream, backoffDelay, parseEventChunk, toEngineEvent } from '../../../src/engine/events';
import type { EngineEvent } from '../../../src/models/engineEvent';
import { createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';

const line = (o: object) => JSON.stringify(o) + '\n';

describe('engine events: parsing', () => {
  it('maps an engine event, preferring nanosecond time and the Actor id', () => {
    const event = toEngineEvent({ Type: 'container', Action: 'start', Actor: { ID: 'abc', Attributes: { name: 'web' } }, time: 1700000000, timeNano: 1700000000123456789 });
    assert.deepEqual(event, { type: 'container', action: 'start', actorId: 'abc', attributes: { name: 'web' }, time: 1700000000123 });
  });

  it('falls back to the legacy status/id fields and drops kinds the explorer does not show', () => {
    assert.equal(toEngineEvent({ Type: 'image', status: 'tag', id: 'sha256:1', time: 5 })?.action, 'tag');
    assert.equal(toEngineEvent({ Type: 'daemon', Action: 'reload', Actor: { ID: 'd' } }), undefined);
    assert.equal(toEngineEvent({ Type: 'plugin', Action: 'enable', Actor: { ID: 'p' } }), undefined);
    assert.equal(toEngineEvent({ Type: 'container', Action: 'start' }), undefined, 'no actor');
  });

  it('splits newline-delimited JSON across chunks and keeps the unfinished tail', () => {
    const whole = line({ Type: 'container', Action: 'create', Actor: { ID: 'a' } }) + line({ Type: 'volume', Action: 'create', Actor: { ID: 'v' } });
    const first = parseEventChunk(whole.slice(0, whole.length - 10));
    assert.equal(first.events.length, 1);
    const second = parseEventChunk(first.rest + whole.slice(whole.length - 10));
    assert.deepEqual(second.events.map((e) => e.actorId), ['v']);
    assert.equal(second.rest, '');
  });

  it('skips a garbled line without losing the next one', () => {
    const { events } = parseEventChunk('{not json\n' + line({ Type: 'network', Action: 'create', Actor: { ID: 'n' } }));
    assert.deepEqual(events.map((e) => e.actorId), ['n']);
  });

  it('backs off by doubling up to a cap, and never gives up', () => {
    const options = { initialMs: 250, maxMs: 15_000 };
    assert.deepEqual([0, 1, 2, 3].map((n) => backoffDelay(n, options)), [250, 500, 1000, 2000]);
    assert.equal(backoffDelay(10, options), 15_000);
    assert.equal(backoffDelay(10_000, options), 15_000);
  });
});

describe('engine events: live stream', function () {
  const docker = testDocker();
  after(() => removeTestContainers(docker));

  it('opens on the real engine and delivers the events of a container it creates and starts', async () => {
    const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
    const seen: EngineEvent[] = [];
    let opened!: () => void;
    const open = new Promise<void>((r) => (opened = r));
    const stream = new EngineEventStream(client, { onOpen: () => opened(), onEvent: (e) => seen.push(e), onDrop: (e) => assert.fail(`dropped: ${e.message}`) });
    stream.start();
    try {
      await open;
      assert.ok(stream.isOpen);
      const container = await createTestContainer(docker, { name: testName('events') });
      const deadline = Date.now() + 10_000;
      while (!seen.some((e) => e.actorId === container.id && e.action === 'start') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const mine = seen.filter((e) => e.actorId === container.id).map((e) => e.action);
      assert.ok(mine.includes('create') && mine.includes('start'), mine.join(','));
    } finally {
      stream.stop();
    }
    assert.equal(stream.isOpen, false);
  });

  it('reports an engine that does not answer once, then keeps retrying quietly until one answers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-events-'));
    const socket = path.join(dir, 'engine.sock');
    const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: `unix://${socket}` } }));
    const drops: EngineError[] = [];
    let opens = 0;
    const stream = new EngineEventStream(client, { onOpen: () => opens++, onEvent: () => undefined, onDrop: (e) => drops.push(e) }, { initialMs: 10, maxMs: 40 });
    stream.start();
    // A fake engine that answers /events with 200 and keeps the response open.
    const server = net.createServer((conn) => conn.once('data', () => conn.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n')));
    try {
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(drops.length, 1, 'one report for the whole outage, not one per retry');
      assert.equal(drops[0].code, 'unreachable');
      assert.equal(opens, 0);
      await new Promise<void>((r) => server.listen(socket, r));
      const deadline = Date.now() + 5_000;
      while (opens === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.equal(opens, 1, 'the stream found the engine by itself');
    } finally {
      stream.stop();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
