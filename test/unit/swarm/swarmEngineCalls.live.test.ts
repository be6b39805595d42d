// The swarm engine calls (src/engine/swarm.ts) against a real two-node swarm: two private engines in two
// network namespaces joined by a veth pair, a manager and a worker (test/support/swarmEngine.ts).
import * as assert from 'node:assert/strict';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import * as swarmCalls from '../../../src/engine/swarm';
import type { SwarmSnapshot } from '../../../src/models/swarm';
import { replicaCounts } from '../../../src/models/swarmMappers';
import { SWARM_IMAGE_V2, SwarmEngine } from '../../support/swarmEngine';
import { TEST_IMAGE } from '../../support/testEngine';

async function until(what: string, client: EngineClient, probe: (s: SwarmSnapshot) => boolean, timeoutMs = 60_000): Promise<SwarmSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let snapshot = await swarmCalls.readSwarmSnapshot(client);
  while (!probe(snapshot)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(snapshot.tasks.map((t) => [t.slot, t.state, t.desiredState, t.nodeId?.slice(0, 6), t.image]))}`);
    await new Promise((r) => setTimeout(r, 250));
    snapshot = await swarmCalls.readSwarmSnapshot(client);
  }
  return snapshot;
}

describe('swarm: engine calls on a two-node swarm', function () {
  this.timeout(120_000);
  let manager: SwarmEngine;
  let worker: SwarmEngine;
  let client: EngineClient;
  let workerClient: EngineClient;
  let serviceId = '';

  before(async function () {
    this.timeout(180_000);
    [manager, worker] = await SwarmEngine.pair(`swarm-p${process.pid}`);
    client = new EngineClient(resolveEndpoint({ settingHost: manager.host, env: {} }));
    workerClient = new EngineClient(resolveEndpoint({ settingHost: worker.host, env: {} }));
  });

  after(async () => {
    await worker?.destroy();
    await manager?.destroy();
  });

  it('tells a manager from a worker and lists both nodes', async () => {
    assert.equal((await swarmCalls.readSwarmState(client)).role, 'manager');
    assert.equal((await swarmCalls.readSwarmState(workerClient)).role, 'worker');
    const snapshot = await until('two ready nodes', client, (s) => s.nodes.length === 2 && s.nodes.every((n) => n.status === 'ready'));
    assert.deepEqual(snapshot.nodes.map((n) => `${n.role}${n.leader ? '+leader' : ''}`).sort(), ['manager+leader', 'worker']);
  });

  it('creates, scales, updates and rolls back a service', async () => {
    serviceId = await swarmCalls.createService(client, { name: `swarm-calls-${process.pid}`, image: TEST_IMAGE, replicas: 4, ports: [], env: ['A=1'], command: ['sleep', '3600'] });
    let snapshot = await until('4 running tasks on both nodes', client, (s) => {
      const running = s.tasks.filter((t) => t.state === 'running' && t.desiredState === 'running');
      return running.length === 4 && new Set(running.map((t) => t.nodeId)).size === 2;
    });
    const service = () => snapshot.services.find((s) => s.id === serviceId)!;
    assert.equal(service().env[0], 'A=1');
    await swarmCalls.scaleService(client, serviceId, 2);
    snapshot = await until('2 replicas', client, (s) => replicaCounts(s.services.find((x) => x.id === serviceId)!, s.tasks).running === 2 && s.tasks.filter((t) => t.desiredState === 'running').length === 2);
    await swarmCalls.updateServiceImage(client, serviceId, SWARM_IMAGE_V2, { parallelism: 2, delaySeconds: 0 });
    snapshot = await until('the update to complete', client, (s) => s.services.find((x) => x.id === serviceId)?.updateStatus?.state === 'completed', 90_000);
    assert.equal(service().image, SWARM_IMAGE_V2);
    assert.equal(service().canRollback, true);
    await swarmCalls.rollbackService(client, serviceId);
    snapshot = await until('the rollback to complete', client, (s) => s.services.find((x) => x.id === serviceId)?.updateStatus?.state === 'rollback_completed', 90_000);
    assert.equal(service().image, TEST_IMAGE);
  });

  it('drains the worker: its tasks move to the manager', async () => {
    const before = await swarmCalls.readSwarmSnapshot(client);
    const workerNode = before.nodes.find((n) => n.role === 'worker')!;
    const managerNode = before.nodes.find((n) => n.role === 'manager')!;
    await swarmCalls.setNodeAvailability(client, workerNode.id, 'drain');
    const after = await until('every running task on the manager', client, (s) => {
      const running = s.tasks.filter((t) => t.serviceId === serviceId && t.state === 'running' && t.desiredState === 'running');
      return running.length === 2 && running.every((t) => t.nodeId === managerNode.id);
    });
    assert.equal(after.nodes.find((n) => n.id === workerNode.id)?.availability, 'drain');
    await swarmCalls.setNodeAvailability(client, workerNode.id, 'active');
    await swarmCalls.forceUpdateService(client, serviceId);
    await until('tasks on both nodes again after a forced update', client, (s) => {
      const running = s.tasks.filter((t) => t.serviceId === serviceId && t.state === 'running' && t.desiredState === 'running');
      return running.length === 2 && new Set(running.map((t) => t.nodeId)).size === 2;
    }, 90_000);
  });

  it('promotes the worker and demotes it again', async () => {
    const workerNode = (await swarmCalls.readSwarmSnapshot(client)).nodes.find((n) => n.role === 'worker')!;
    await swarmCalls.setNodeRole(client, workerNode.id, 'manager');
    // The new manager must have joined the raft group before it can be demoted again.
    await until('two reachable managers', client, (s) => s.nodes.filter((n) => n.role === 'manager' && n.reachability === 'reachable').length === 2);
    await swarmCalls.setNodeRole(client, workerNode.id, 'worker');
    await until('one manager', client, (s) => s.nodes.filter((n) => n.role === 'manager').length === 1);
  });

  it('adds and removes a node label', async () => {
    const workerNode = (await swarmCalls.readSwarmSnapshot(client)).nodes.find((n) => n.role === 'worker')!;
    await swarmCalls.setNodeLabel(client, workerNode.id, 'zone', 'b');
    await until('the label', client, (s) => s.nodes.find((n) => n.id === workerNode.id)?.labels.zone === 'b');
    await swarmCalls.setNodeLabel(client, workerNode.id, 'zone', undefined);
    await until('the label gone', client, (s) => !('zone' in (s.nodes.find((n) => n.id === workerNode.id)?.labels ?? {})));
  });

  it('creates a secret and a config whose inspect carries no data, and removes them', async () => {
    const value = `value-${process.pid}-${Math.random()}`;
    const secretId = await swarmCalls.createSwarmObject(client, 'secret', `s-${process.pid}`, Buffer.from(value));
    const configId = await swarmCalls.createSwarmObject(client, 'config', `c-${process.pid}`, Buffer.from(value));
    for (const [kind, id] of [['secret', secretId], ['config', configId]] as const) {
      const text = JSON.stringify(await swarmCalls.inspectSwarmObject(client, kind, id));
      assert.ok(!text.includes(Buffer.from(value).toString('base64')) && !text.includes(value), `${kind} inspect holds no data`);
      assert.match(text, new RegExp(`${kind[0]}-${process.pid}`));
    }
    const snapshot = await swarmCalls.readSwarmSnapshot(client);
    assert.ok(snapshot.secrets.some((s) => s.id === secretId) && snapshot.configs.some((c) => c.id === configId));
    await swarmCalls.removeSwarmObject(client, 'secret', secretId);
    await swarmCalls.removeSwarmObject(client, 'config', configId);
    const after = await swarmCalls.readSwarmSnapshot(client);
    assert.ok(!after.secrets.some((s) => s.id === secretId) && !after.configs.some((c) => c.id === configId));
  });

  it('creates a service with a volume mount, a manager-only constraint and limits, and inspect shows them', async () => {
    const id = await swarmCalls.createService(client, {
      name: `swarm-mounts-${process.pid}`,
      image: TEST_IMAGE,
      replicas: 2,
      ports: [],
      env: [],
      command: ['sh', '-c', 'echo hi > /data/hello; sleep 3600'],
      labels: { 'dockside.test': 'swarm' },
      mounts: [{ type: 'volume', source: `swarm-data-${process.pid}`, target: '/data', readOnly: false }, { type: 'bind', source: '/etc', target: '/host-etc', readOnly: true }],
      constraints: ['node.role==manager'],
      resources: { limits: { nanoCpus: 500_000_000, memoryBytes: 64 * 1024 * 1024 }, reservations: { nanoCpus: 100_000_000, memoryBytes: 16 * 1024 * 1024 } },
    });
    try {
      const nodes = (await swarmCalls.readSwarmSnapshot(client)).nodes;
      const managerId = nodes.find((n) => n.role === 'manager')!.id;
      const snapshot = await until('2 running tasks', client, (s) => s.tasks.filter((t) => t.serviceId === id && t.state === 'running' && t.desiredState === 'running').length === 2);
      // The constraint holds: both tasks are on the manager although the worker is free.
      assert.deepEqual([...new Set(snapshot.tasks.filter((t) => t.serviceId === id && t.desiredState === 'running').map((t) => t.nodeId))], [managerId]);
      const spec = ((await swarmCalls.inspectService(client, id)) as { Spec: { TaskTemplate: Record<string, any> } }).Spec.TaskTemplate;
      assert.deepEqual(spec.ContainerSpec.Mounts, [
        { Type: 'volume', Source: `swarm-data-${process.pid}`, Target: '/data' },
        { Type: 'bind', Source: '/etc', Target: '/host-etc', ReadOnly: true },
      ]);
      assert.deepEqual(spec.Placement.Constraints, ['node.role==manager']);
      assert.deepEqual(spec.Resources, { Limits: { NanoCPUs: 500_000_000, MemoryBytes: 64 * 1024 * 1024 }, Reservations: { NanoCPUs: 100_000_000, MemoryBytes: 16 * 1024 * 1024 } });
    } finally {
      await swarmCalls.removeService(client, id);
    }
  });

  it('gives join tokens and removes the service', async () => {
    const tokens = await swarmCalls.joinTokens(client);
    assert.match(tokens.worker, /^SWMTKN-/);
    assert.equal(tokens.managerAddress, `${manager.address}:2377`);
    await swarmCalls.removeService(client, serviceId);
    await until('no service', client, (s) => !s.services.some((x) => x.id === serviceId));
  });
});
