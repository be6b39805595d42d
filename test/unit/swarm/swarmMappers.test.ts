// The swarm mappers (issue 17): service modes, replica counts, update status and progress, task states,
// node role, availability and leader, and the service-log line format with details.
import * as assert from 'node:assert/strict';
import { parseServiceLogLine } from '../../../src/engine/serviceLogs';
import { isTaskSettling } from '../../../src/models/swarm';
import { isCurrentTask, mapNode, mapService, mapSwarmState, mapTask, replicaCounts, taskName, updateProgress, withoutDigest } from '../../../src/models/swarmMappers';

const web = (extra: object = {}) => mapService({ ID: 's1', Version: { Index: 7 }, Spec: { Name: 'web', Mode: { Replicated: { Replicas: 3 } }, TaskTemplate: { ContainerSpec: { Image: 'app:2@sha256:abc' } } }, ...extra });
const task = (id: string, state: string, desired = 'running', image = 'app:2', slot = 1) => mapTask({ ID: id, ServiceID: 's1', Slot: slot, NodeID: 'n1', DesiredState: desired, Spec: { ContainerSpec: { Image: image } }, Status: { State: state, Message: state, Err: state === 'failed' ? 'exit 1' : undefined } });

describe('swarm mappers', () => {
  it('tells the modes apart and drops the digest the manager pinned', () => {
    assert.equal(web().mode, 'replicated');
    assert.equal(web().replicas, 3);
    assert.equal(web().image, 'app:2');
    assert.equal(mapService({ ID: 'g', Spec: { Mode: { Global: {} } } }).mode, 'global');
    assert.equal(mapService({ ID: 'g', Spec: { Mode: { Global: {} } } }).replicas, undefined);
    assert.equal(mapService({ ID: 'j', Spec: { Mode: { ReplicatedJob: {} } } }).mode, 'replicated-job');
    assert.equal(withoutDigest('registry:5000/app@sha256:1'), 'registry:5000/app');
  });

  it('reads the stack label, ports and whether a rollback is possible', () => {
    const s = mapService({ ID: 'x', PreviousSpec: {}, Spec: { Name: 'st_web', Labels: { 'com.docker.stack.namespace': 'st' } }, Endpoint: { Ports: [{ TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp', PublishMode: 'ingress' }] } });
    assert.equal(s.stack, 'st');
    assert.equal(s.canRollback, true);
    assert.deepEqual(s.ports, [{ published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' }]);
    assert.equal(web().canRollback, false);
  });

  it('calls a task settling while the manager has not brought it where it should be (the views read again then)', () => {
    assert.equal(isTaskSettling(task('a', 'starting')), true);
    assert.equal(isTaskSettling(task('a', 'pending')), true);
    assert.equal(isTaskSettling(task('a', 'running')), false);
    assert.equal(isTaskSettling(task('a', 'running', 'shutdown')), true);
    assert.equal(isTaskSettling(task('a', 'shutdown', 'shutdown')), false);
    assert.equal(isTaskSettling(task('a', 'failed', 'shutdown')), false);
    assert.equal(isTaskSettling(task('a', 'complete', 'running')), false);
  });

  it('counts running over desired replicas as docker service ls does', () => {
    const tasks = [task('a', 'running'), task('b', 'running'), task('c', 'preparing'), task('d', 'running', 'shutdown')];
    assert.deepEqual(replicaCounts(web(), tasks), { running: 2, desired: 3 });
    const global = mapService({ ID: 's1', Spec: { Mode: { Global: {} } } });
    assert.deepEqual(replicaCounts(global, tasks), { running: 2, desired: 3 });
  });

  it('maps the update status and measures a rolling update by the tasks on the new image', () => {
    const updating = web({ UpdateStatus: { State: 'updating', Message: 'update in progress', StartedAt: '2026-01-01T00:00:00Z' } });
    assert.equal(updating.updateStatus?.state, 'updating');
    assert.equal(updating.updateStatus?.startedAt, Date.parse('2026-01-01T00:00:00Z'));
    const tasks = [task('a', 'running'), task('b', 'running', 'running', 'app:1'), task('c', 'starting')];
    assert.deepEqual(updateProgress(updating, tasks), { done: 1, total: 3 });
    assert.equal(updateProgress(web({ UpdateStatus: { State: 'completed' } }), tasks), undefined);
    assert.equal(web({ UpdateStatus: { State: 'bogus' } }).updateStatus, undefined);
    assert.equal(web({ UpdateStatus: null }).updateStatus, undefined);
  });

  it('keeps task states, errors and names; unknown states read as new', () => {
    const failed = task('f', 'failed', 'shutdown');
    assert.equal(failed.state, 'failed');
    assert.equal(failed.error, 'exit 1');
    assert.equal(isCurrentTask(failed), false);
    assert.equal(isCurrentTask(task('r', 'running')), true);
    assert.equal(task('u', 'weird').state, 'new');
    assert.equal(taskName(web(), task('r', 'running', 'running', 'app:2', 2)), 'web.2');
    assert.equal(taskName(web(), mapTask({ ID: 't', NodeID: 'node9' })), 'web.node9');
  });

  it('maps node role, availability, status and the leader mark', () => {
    const leader = mapNode({ ID: 'n1', Spec: { Role: 'manager', Availability: 'drain', Labels: { zone: 'a' } }, Description: { Hostname: 'vm', Engine: { EngineVersion: '20.10' } }, Status: { State: 'ready', Addr: '10.0.0.1' }, ManagerStatus: { Leader: true, Reachability: 'reachable' } });
    assert.deepEqual([leader.role, leader.availability, leader.status, leader.leader, leader.reachability, leader.hostname, leader.engineVersion], ['manager', 'drain', 'ready', true, 'reachable', 'vm', '20.10']);
    const worker = mapNode({ ID: 'n2', Spec: { Role: 'worker', Availability: 'odd' } });
    assert.deepEqual([worker.role, worker.availability, worker.leader, worker.status], ['worker', 'active', false, 'unknown']);
  });

  it('says where the engine stands in a swarm', () => {
    assert.equal(mapSwarmState(undefined).role, 'none');
    assert.equal(mapSwarmState({ LocalNodeState: 'inactive' }).role, 'none');
    assert.equal(mapSwarmState({ LocalNodeState: 'active', ControlAvailable: false }).role, 'worker');
    assert.equal(mapSwarmState({ LocalNodeState: 'active', ControlAvailable: true, NodeAddr: '10.1.1.1' }).role, 'manager');
    assert.equal(mapSwarmState({ LocalNodeState: 'pending' }).role, 'none');
  });

  it('splits a service log line into timestamp, task details and text', () => {
    const { line, details } = parseServiceLogLine('stdout', '2026-12-02T04:56:39.6Z com.docker.swarm.node.id=n1,com.docker.swarm.task.id=t1 hello world');
    assert.equal(line.timestamp, '2026-12-02T04:56:39.6Z');
    assert.equal(line.text, 'hello world');
    assert.equal(details['com.docker.swarm.task.id'], 't1');
    assert.equal(parseServiceLogLine('stderr', '2026-12-02T04:56:39.6Z k=v ').line.text, '');
  });
});
