// A `die` after SIGKILL waits for its `destroy` (docker rm -f) before it is read; every other event passes.
import * as assert from 'node:assert/strict';
import type { EngineEvent } from '../../../src/models/engineEvent';
import { DieAfterKill } from '../../../src/tree/dieAfterKill';

const ev = (action: string, actorId = 'c1', attributes: Record<string, string> = {}): EngineEvent => ({ type: 'container', action, actorId, attributes, time: 0 });
const GRACE = 40;
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Plays events through a DieAfterKill the way the coordinator does: what is not held is planned now. */
function player() {
  const planned: string[] = [];
  const grace = new DieAfterKill((e) => planned.push(`${e.action} ${e.actorId}`), GRACE);
  const play = (...events: EngineEvent[]) => events.forEach((e) => grace.hold(e) || planned.push(`${e.action} ${e.actorId}`));
  return { planned, play, grace };
}

describe('a die after SIGKILL', () => {
  it('is never read when the destroy of docker rm -f follows', async () => {
    const { planned, play } = player();
    play(ev('kill', 'c1', { signal: '9' }), ev('die'));
    assert.deepEqual(planned, ['kill c1']);
    play(ev('destroy'));
    await later(GRACE * 2);
    assert.deepEqual(planned, ['kill c1', 'destroy c1']);
  });

  it('is read after the grace when no destroy comes (docker kill)', async () => {
    const { planned, play } = player();
    play(ev('kill', 'c1', { signal: '9' }), ev('die'));
    await later(GRACE / 4);
    assert.deepEqual(planned, ['kill c1']);
    await later(GRACE * 2);
    assert.deepEqual(planned, ['kill c1', 'die c1']);
  });

  it('is released before any later event of its container, in the engine order', () => {
    const { planned, play } = player();
    play(ev('kill', 'c1', { signal: '9' }), ev('die'), ev('stop'));
    assert.deepEqual(planned, ['kill c1', 'die c1', 'stop c1']);
  });

  it('holds only the die of the container that was killed with SIGKILL', () => {
    const { planned, play } = player();
    play(ev('kill', 'c1', { signal: '15' }), ev('die', 'c1'), ev('kill', 'c2', { signal: '9' }), ev('die', 'c3'));
    assert.deepEqual(planned, ['kill c1', 'die c1', 'kill c2', 'die c3']);
  });

  it('holds one die per SIGKILL: a restart policy\'s later die is read at once', async () => {
    const { planned, play } = player();
    play(ev('kill', 'c1', { signal: '9' }), ev('die'));
    await later(GRACE * 2);
    play(ev('start'), ev('die'));
    assert.deepEqual(planned, ['kill c1', 'die c1', 'start c1', 'die c1']);
  });

  it('forgets what it held when the stream closes', async () => {
    const { planned, play, grace } = player();
    play(ev('kill', 'c1', { signal: '9' }), ev('die'));
    grace.clear();
    await later(GRACE * 2);
    play(ev('die'));
    assert.deepEqual(planned, ['kill c1', 'die c1']);
  });
});
