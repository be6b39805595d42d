// Engine events → the smallest reads: which container ids, whether the image list, which networks/volumes.
import * as assert from 'node:assert/strict';
import type { EngineEvent } from '../../../src/models/engineEvent';
import { isEmptyPlan, planFor } from '../../../src/tree/eventPlan';

const ev = (type: EngineEvent['type'], action: string, actorId: string, attributes: Record<string, string> = {}): EngineEvent => ({ type, action, actorId, attributes, time: 0 });

describe('event plan', () => {
  it('reads each changed container once, however many events it had in the window', () => {
    const plan = planFor([ev('container', 'create', 'c1'), ev('container', 'start', 'c1'), ev('container', 'health_status: healthy', 'c1'), ev('container', 'die', 'c2')]);
    assert.deepEqual([...plan.containers].sort(), ['c1', 'c2']);
    assert.equal(plan.images, false);
  });

  it('drops a destroyed container without reading it, even after earlier events for it', () => {
    const plan = planFor([ev('container', 'create', 'c1'), ev('container', 'destroy', 'c1')]);
    assert.deepEqual([...plan.containers], []);
    assert.deepEqual([...plan.goneContainers], ['c1']);
  });

  it('ignores exec sessions, attaches, resizes and copies: nothing the explorer shows changes', () => {
    const plan = planFor(['exec_create: sh', 'exec_start: sh', 'exec_die', 'attach', 'resize', 'top', 'archive-path', 'extract-to-dir'].map((a) => ev('container', a, 'c1')));
    assert.ok(isEmptyPlan(plan));
  });

  it('reads nothing for a signal: `kill` changes no state, the `die` it may cause is read', () => {
    assert.ok(isEmptyPlan(planFor([ev('container', 'kill', 'c1', { signal: '15' })])));
    assert.deepEqual([...planFor([ev('container', 'kill', 'c1', { signal: '9' }), ev('container', 'die', 'c1')]).containers], ['c1']);
  });

  it('reads the image list once for any image change, and after a commit', () => {
    assert.equal(planFor([ev('image', 'tag', 'sha256:1'), ev('image', 'untag', 'sha256:2')]).images, true);
    assert.equal(planFor([ev('container', 'commit', 'c1')]).images, true);
    assert.equal(planFor([ev('image', 'push', 'sha256:1')]).images, false);
  });

  it('turns network connect/disconnect into a read of the container, create into a read of the network', () => {
    const plan = planFor([ev('network', 'connect', 'n1', { container: 'c9' }), ev('network', 'create', 'n2'), ev('network', 'destroy', 'n3')]);
    assert.deepEqual([...plan.containers], ['c9']);
    assert.deepEqual([...plan.networks], ['n2']);
    assert.deepEqual([...plan.goneNetworks], ['n3']);
  });

  it('ignores volume mount/unmount (every container start) and reads created volumes by name', () => {
    assert.ok(isEmptyPlan(planFor([ev('volume', 'mount', 'v1', { container: 'c1' }), ev('volume', 'unmount', 'v1')])));
    const plan = planFor([ev('volume', 'create', 'v2'), ev('volume', 'destroy', 'v3')]);
    assert.deepEqual([...plan.volumes], ['v2']);
    assert.deepEqual([...plan.goneVolumes], ['v3']);
  });
});
