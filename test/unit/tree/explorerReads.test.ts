// The ordering of events and reads (issue 13, item 1): the engine reports `die`/`stop`/`pause`/`unpause`
// before its list endpoint shows them, so a read right after such an event can say what was true before
// it. The fake engine below behaves as Docker 20.10 does (measured: a list right after `die` said
// "running" for up to 2.4 s under load; an inspect waits for the container's lock and so for the commit).
// Real-engine churn is covered by the extension-host suite (containersChurn.test.ts).
import * as assert from 'node:assert/strict';
import type { ContainerSummary } from '../../../src/models/container';
import type { EngineEvent } from '../../../src/models/engineEvent';
import { planFor } from '../../../src/tree/eventPlan';
import { readPlan, type ExplorerReadSource } from '../../../src/tree/explorerReads';
import { ExplorerStore } from '../../../src/tree/explorerStore';
import { container } from './fixtures';

const ev = (action: string, actorId: string, attributes: Record<string, string> = {}): EngineEvent => ({ type: 'container', action, actorId, attributes, time: 0 });

/** An engine whose list endpoint reads a snapshot that lags behind: `settleContainer` commits. */
class LaggingEngine implements ExplorerReadSource {
  readonly live = new Map<string, ContainerSummary>();
  readonly listed = new Map<string, ContainerSummary>();
  readonly requests: string[] = [];
  /** Runs while a list request is in flight (after its answer was taken): for interleavings. */
  duringList?: () => void;

  /** The engine changes a container and reports it; the list snapshot is not updated yet. */
  change(c: ContainerSummary): void {
    this.live.set(c.id, c);
  }
  commit(id: string): void {
    const c = this.live.get(id);
    if (c) this.listed.set(id, c);
    else this.listed.delete(id);
  }
  remove(id: string): void {
    this.live.delete(id);
    this.listed.delete(id);
  }
  async listContainers(filter?: { id?: string[] }): Promise<ContainerSummary[]> {
    this.requests.push(`list ${filter?.id?.join(',') ?? 'all'}`);
    const answer = [...this.listed.values()].filter((c) => !filter?.id || filter.id.includes(c.id));
    const during = this.duringList;
    this.duringList = undefined;
    during?.();
    return answer;
  }
  async settleContainer(id: string): Promise<void> {
    this.requests.push(`inspect ${id}`);
    this.commit(id);
  }
  async listImages() { return []; }
  async listNetworks() { return []; }
  async listVolumes() { return []; }
  async listNetworksById() { return []; }
  async listVolumesByName() { return []; }
}

function engineWith(...containers: ContainerSummary[]): { engine: LaggingEngine; store: ExplorerStore } {
  const engine = new LaggingEngine();
  const store = new ExplorerStore();
  for (const c of containers) {
    engine.change(c);
    engine.commit(c.id);
  }
  store.replaceAll('containers', containers);
  return { engine, store };
}

describe('explorer reads: events and reads in order', () => {
  it('does not keep a container running when the read after its `die` still lists it running', async () => {
    const { engine, store } = engineWith(container('c1', { status: 'Up 2 seconds' }));
    engine.change(container('c1', { state: 'exited', status: 'Exited (0) Less than a second ago' }));
    await readPlan(engine, store, planFor([ev('die', 'c1', { exitCode: '0' })]));
    assert.equal(store.get('containers', 'c1')?.state, 'exited');
    assert.equal(store.get('containers', 'c1')?.status, 'Exited (0) Less than a second ago');
    assert.deepEqual(engine.requests, ['list c1', 'inspect c1', 'list c1'], 'one barrier, then one list of the stale container');
  });

  it('reads paused after `pause` and running after `unpause`, however the snapshot lags', async () => {
    const { engine, store } = engineWith(container('c1'));
    engine.change(container('c1', { state: 'paused', status: 'Up 3 seconds (Paused)' }));
    await readPlan(engine, store, planFor([ev('pause', 'c1')]));
    assert.equal(store.get('containers', 'c1')?.state, 'paused');
    engine.change(container('c1', { state: 'running', status: 'Up 4 seconds' }));
    await readPlan(engine, store, planFor([ev('unpause', 'c1')]));
    assert.equal(store.get('containers', 'c1')?.state, 'running');
  });

  it('trusts the last event of the window: start after die needs no barrier', async () => {
    const { engine, store } = engineWith(container('c1', { state: 'exited', status: 'Exited (1) 1 second ago' }));
    engine.change(container('c1', { status: 'Up Less than a second' }));
    engine.commit('c1');
    await readPlan(engine, store, planFor([ev('die', 'c1'), ev('start', 'c1')]));
    assert.equal(store.get('containers', 'c1')?.state, 'running');
    assert.deepEqual(engine.requests, ['list c1']);
  });

  it('accepts what the engine says after the barrier (a restart policy started it again)', async () => {
    const { engine, store } = engineWith(container('c1', { status: 'Up 1 second' }));
    engine.change(container('c1', { status: 'Up Less than a second' }));
    await readPlan(engine, store, planFor([ev('die', 'c1')]));
    assert.equal(store.get('containers', 'c1')?.status, 'Up Less than a second');
    assert.equal(engine.requests.length, 3, 'no loop: one barrier only');
  });

  it('reads a renamed container until it shows its new name', async () => {
    const { engine, store } = engineWith(container('c1', { name: 'old' }));
    engine.change(container('c1', { name: 'new' }));
    await readPlan(engine, store, planFor([ev('rename', 'c1', { name: '/new', oldName: '/old' })]));
    assert.equal(store.get('containers', 'c1')?.name, 'new');
  });

  it('reads only the stale containers again; fresh ones are applied from the first read', async () => {
    const { engine, store } = engineWith(container('c1'), container('c2', { state: 'created', status: 'Created' }));
    engine.change(container('c1', { state: 'exited', status: 'Exited (0) Less than a second ago' }));
    engine.change(container('c2', { status: 'Up Less than a second' }));
    engine.commit('c2');
    await readPlan(engine, store, planFor([ev('die', 'c1'), ev('start', 'c2')]));
    assert.deepEqual(store.all('containers').map((c) => `${c.id} ${c.state}`).sort(), ['c1 exited', 'c2 running']);
    assert.deepEqual(engine.requests, ['list c1,c2', 'inspect c1', 'list c1']);
  });

  it('drops a container gone between the two reads', async () => {
    const { engine, store } = engineWith(container('c1'));
    engine.change(container('c1', { state: 'exited', status: 'Exited (0) Less than a second ago' }));
    engine.duringList = () => engine.remove('c1');
    await readPlan(engine, store, planFor([ev('die', 'c1')]));
    assert.equal(store.get('containers', 'c1'), undefined);
  });

  it('keeps a destroyed container out when a read that started before the `destroy` answers after it', async () => {
    const { engine, store } = engineWith(container('c1'));
    engine.change(container('c1', { status: 'Up 5 seconds' }));
    engine.commit('c1');
    // The read of an earlier event answers "Up 5 seconds"; meanwhile `rm -f` ended and `destroy` came.
    engine.duringList = () => {
      engine.remove('c1');
      store.drop('containers', ['c1']);
    };
    await readPlan(engine, store, planFor([ev('health_status: healthy', 'c1')]));
    assert.equal(store.get('containers', 'c1'), undefined);
  });
});
