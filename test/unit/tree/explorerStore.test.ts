// The store reports exactly which items were added, changed or removed.
import * as assert from 'node:assert/strict';
import type { VolumeSummary } from '../../../src/models/volume';
import { ExplorerStore, type StoreChange } from '../../../src/tree/explorerStore';
import { container } from './fixtures';

const volume = (name: string, size?: number): VolumeSummary => ({ name, driver: 'local', mountpoint: `/v/${name}`, scope: 'local', labels: {}, size });

describe('explorer store', () => {
  it('diffs a full read against what it held', () => {
    const store = new ExplorerStore();
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    store.replaceAll('containers', [container('a'), container('b')]);
    const diff = store.replaceAll('containers', [container('a'), container('b', { state: 'exited' }), container('c')]);
    assert.deepEqual(diff.added.map((c) => c.id), ['c']);
    assert.deepEqual(diff.changed.map((c) => [c.before.state, c.after.state]), [['running', 'exited']]);
    assert.deepEqual(diff.removed, []);
    assert.equal(changes.length, 2);
    store.replaceAll('containers', [container('a'), container('b', { state: 'exited' }), container('c')]);
    assert.equal(changes.length, 2, 'an identical read emits nothing');
  });

  it('applies a read of some ids: missing ones are gone, others untouched', () => {
    const store = new ExplorerStore();
    store.replaceAll('containers', [container('a'), container('b'), container('c')]);
    const diff = store.applyPartial('containers', ['a', 'b'], [container('a', { status: 'Up 2 seconds' })]);
    assert.deepEqual(diff.changed.map((c) => c.after.id), ['a']);
    assert.deepEqual(diff.removed.map((c) => c.id), ['b']);
    assert.deepEqual(store.all('containers').map((c) => c.id).sort(), ['a', 'c']);
  });

  it('keeps a volume size learnt earlier when a later list does not carry sizes', () => {
    const store = new ExplorerStore();
    store.replaceAll('volumes', [volume('v')]);
    store.patch('volumes', volume('v', 4096));
    const diff = store.replaceAll('volumes', [volume('v')]);
    assert.equal(diff.changed.length, 0);
    assert.equal(store.get('volumes', 'v')?.size, 4096);
  });

  it('reports everything removed when cleared (another engine)', () => {
    const store = new ExplorerStore();
    store.replaceAll('containers', [container('a')]);
    store.replaceAll('volumes', [volume('v')]);
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    store.clear();
    assert.deepEqual(changes.map((c) => [c.containers?.removed.length, c.volumes?.removed.length]), [[1, 1]]);
    assert.equal(store.all('containers').length, 0);
  });
});
