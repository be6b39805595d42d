// Grouping and ordering of the Containers view.
import * as assert from 'node:assert/strict';
import { compareContainers, compareGroupKeys, groupKeysOf, sortKeyOf } from '../../../src/tree/containers/containerOrder';
import { container } from './fixtures';

const net = (name: string) => ({ name, networkId: `id-${name}` });

describe('container grouping and order', () => {
  it('groups by compose project only the compose containers; the rest stay at the top level', () => {
    assert.deepEqual(groupKeysOf(container('a', { composeProject: 'shop' }), 'composeProject'), ['shop']);
    assert.deepEqual(groupKeysOf(container('b'), 'composeProject'), []);
    assert.deepEqual(groupKeysOf(container('b'), 'none'), []);
  });

  it('groups by state, image, and by every network a container is on', () => {
    assert.deepEqual(groupKeysOf(container('a', { state: 'paused' }), 'state'), ['paused']);
    assert.deepEqual(groupKeysOf(container('a', { image: 'nginx:1' }), 'image'), ['nginx:1']);
    assert.deepEqual(groupKeysOf(container('a', { networks: [net('front'), net('back')] }), 'network'), ['front', 'back']);
  });

  it('sorts by name, by newest first, or running first', () => {
    const list = [container('b', { created: 3, state: 'exited' }), container('a', { created: 1, state: 'running' }), container('c', { created: 2, state: 'paused' })];
    assert.deepEqual([...list].sort(compareContainers('name')).map((c) => c.id), ['a', 'b', 'c']);
    assert.deepEqual([...list].sort(compareContainers('created')).map((c) => c.id), ['b', 'c', 'a']);
    assert.deepEqual([...list].sort(compareContainers('state')).map((c) => c.id), ['a', 'c', 'b']);
    assert.deepEqual(['exited', 'running', 'paused'].sort(compareGroupKeys('state')), ['running', 'paused', 'exited']);
  });

  it('changes the sort key only when the order may change', () => {
    const before = container('a', { status: 'Up 1 second' });
    const after = container('a', { status: 'Up 2 seconds' });
    assert.equal(sortKeyOf(before, 'state'), sortKeyOf(after, 'state'));
    assert.notEqual(sortKeyOf(before, 'state'), sortKeyOf(container('a', { state: 'exited' }), 'state'));
  });
});
