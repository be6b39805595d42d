// Create Service's mounts, constraints and resources: how the typed text reads (with the Run form's parsers)
// and how it maps onto the engine's service spec (Mounts, Placement.Constraints, Resources).
import * as assert from 'node:assert/strict';
import { serviceSpecOf, type ServiceRequest } from '../../../src/engine/swarm';
import { checkResources, parseConstraints, parseResourcePair, parseServiceMounts, problemOf } from '../../../src/swarm/serviceOptions';

const BASE: ServiceRequest = { name: 'web', image: 'dockside-test/busybox:latest', replicas: 2, ports: [], env: [] };

describe('swarm service options', () => {
  it('reads volume, bind and anonymous mounts, read-only and nocopy', () => {
    assert.deepEqual(parseServiceMounts('data:/var/data, /srv/conf:/etc/app:ro, /cache, cache:/c:nocopy'), {
      value: [
        { type: 'volume', source: 'data', target: '/var/data', readOnly: false },
        { type: 'bind', source: '/srv/conf', target: '/etc/app', readOnly: true },
        { type: 'volume', source: undefined, target: '/cache', readOnly: false },
        { type: 'volume', source: 'cache', target: '/c', readOnly: false, noCopy: true },
      ],
    });
    assert.deepEqual(parseServiceMounts('  '), { value: [] });
  });
  it('says what is wrong with a mount', () => {
    assert.match(problemOf(parseServiceMounts('data:relative'))!, /destination inside the container must be an absolute path/);
    assert.match(problemOf(parseServiceMounts('bad name:/x'))!, /absolute host path \(bind\) or a volume name/);
    assert.match(problemOf(parseServiceMounts('data:/x:z'))!, /takes only ro, rw or nocopy/);
    assert.match(problemOf(parseServiceMounts('/srv:/x:nocopy'))!, /nocopy is for volumes/);
    assert.match(problemOf(parseServiceMounts('a:b:c:d'))!, /not in the form source:destination/);
  });
  it('reads placement constraints and refuses what the engine would not place', () => {
    assert.deepEqual(parseConstraints('node.role == manager, node.labels.zone!=east, engine.labels.ssd==true'), { value: ['node.role==manager', 'node.labels.zone!=east', 'engine.labels.ssd==true'] });
    assert.match(problemOf(parseConstraints('node.role=manager'))!, /attribute==value or attribute!=value/);
    assert.match(problemOf(parseConstraints('node.colour==red'))!, /the attribute must be node\.id/);
    assert.match(problemOf(parseConstraints('node.role==boss'))!, /node\.role is manager or worker/);
  });
  it('reads cpus and memory as --cpus and --memory do', () => {
    assert.deepEqual(parseResourcePair('cpus=0.5, memory=256m'), { value: { nanoCpus: 500_000_000, memoryBytes: 256 * 1024 ** 2 } });
    assert.deepEqual(parseResourcePair('memory=1g'), { value: { nanoCpus: undefined, memoryBytes: 1024 ** 3 } });
    assert.deepEqual(parseResourcePair(''), { value: undefined });
    assert.match(problemOf(parseResourcePair('cpus=-1'))!, /not a CPU count/);
    assert.match(problemOf(parseResourcePair('memory=lots'))!, /not a size/);
    assert.match(problemOf(parseResourcePair('memory=1m'))!, /below the 6 MiB/);
    assert.match(problemOf(parseResourcePair('gpus=1'))!, /not cpus=<number> or memory=<size>/);
  });
  it('refuses a reservation above its limit', () => {
    assert.match(checkResources({ limits: { nanoCpus: 5e8 }, reservations: { nanoCpus: 1e9 } })!, /CPU reservation is more than the CPU limit/);
    assert.match(checkResources({ limits: { memoryBytes: 64 }, reservations: { memoryBytes: 128 } })!, /memory reservation/);
    assert.equal(checkResources({ limits: { nanoCpus: 1e9 }, reservations: { memoryBytes: 128 } }), undefined);
  });
  it('maps mounts, constraints, limits and reservations onto the service spec', () => {
    const spec = serviceSpecOf({
      ...BASE,
      mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: false, noCopy: true }, { type: 'bind', source: '/etc', target: '/host-etc', readOnly: true }, { type: 'volume', target: '/scratch', readOnly: false }],
      constraints: ['node.role==manager'],
      resources: { limits: { nanoCpus: 5e8, memoryBytes: 64 * 1024 ** 2 }, reservations: { memoryBytes: 16 * 1024 ** 2 } },
    }) as { TaskTemplate: Record<string, any> };
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Mounts, [
      { Type: 'volume', Source: 'data', Target: '/data', ReadOnly: false, VolumeOptions: { NoCopy: true } },
      { Type: 'bind', Source: '/etc', Target: '/host-etc', ReadOnly: true },
      { Type: 'volume', Target: '/scratch', ReadOnly: false },
    ]);
    assert.deepEqual(spec.TaskTemplate.Placement, { Constraints: ['node.role==manager'] });
    assert.deepEqual(spec.TaskTemplate.Resources, { Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * 1024 ** 2 }, Reservations: { MemoryBytes: 16 * 1024 ** 2 } });
  });
  it('leaves Mounts, Placement and Resources out when none are given', () => {
    const spec = serviceSpecOf({ ...BASE, resources: { limits: undefined, reservations: {} } }) as { TaskTemplate: Record<string, any> };
    assert.deepEqual(Object.keys(spec.TaskTemplate), ['ContainerSpec']);
    assert.equal(spec.TaskTemplate.ContainerSpec.Mounts, undefined);
  });
});
