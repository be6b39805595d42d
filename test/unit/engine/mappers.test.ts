import * as assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { healthFromStatus, mapContainer, mapImage, mapNetwork, mapVolume } from '../../../src/engine/mappers';

function containerDto(overrides: Partial<Docker.ContainerInfo> = {}): Docker.ContainerInfo {
  return {
    Id: 'a'.repeat(64),
    Names: ['/web', '/app/web-alias'],
    Image: 'nginx:1.27',
    ImageID: 'sha256:' + 'b'.repeat(64),
    Command: 'nginx -g daemon off;',
    Created: 1_700_000_000,
    Ports: [
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { PrivatePort: 443, Type: 'tcp' } as Docker.Port,
    ],
    Labels: { 'com.docker.compose.project': 'shop' },
    State: 'running',
    Status: 'Up 5 minutes (healthy)',
    HostConfig: { NetworkMode: 'shop_default' },
    NetworkSettings: { Networks: { shop_default: { NetworkID: 'n1', IPAddress: '172.18.0.2', GlobalIPv6Address: '', MacAddress: '02:42:ac:12:00:02', Gateway: '172.18.0.1' } as Docker.NetworkInfo } },
    Mounts: [{ Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Driver: 'local', Mode: '', RW: false, Propagation: '' }],
    ...overrides,
  } as Docker.ContainerInfo;
}

describe('model mapping', () => {
  it('maps a container list entry', () => {
    const c = mapContainer(containerDto());
    assert.equal(c.name, 'web', 'the primary name, not the link alias');
    assert.equal(c.created, 1_700_000_000_000);
    assert.equal(c.state, 'running');
    assert.equal(c.health, 'healthy');
    assert.equal(c.composeProject, 'shop');
    assert.deepEqual(c.ports, [
      { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp' },
      { privatePort: 443, publicPort: undefined, ip: undefined, protocol: 'tcp' },
    ]);
    assert.deepEqual(c.networks, [{ name: 'shop_default', networkId: 'n1', ipAddress: '172.18.0.2', ipv6Address: undefined, macAddress: '02:42:ac:12:00:02', gateway: '172.18.0.1' }]);
    assert.deepEqual(c.mounts, [{ type: 'volume', name: 'data', source: '/var/lib/docker/volumes/data/_data', destination: '/data', readOnly: true }]);
  });

  it('reads health from the status text', () => {
    assert.equal(healthFromStatus('Up 3 seconds (health: starting)'), 'starting');
    assert.equal(healthFromStatus('Up 1 hour (unhealthy)'), 'unhealthy');
    assert.equal(healthFromStatus('Exited (0) 2 days ago'), 'none');
  });

  it('falls back to "created" for a state it does not know', () => {
    assert.equal(mapContainer(containerDto({ State: 'weird' })).state, 'created');
  });

  it('maps a dangling image and drops <none> references', () => {
    const i = mapImage({ Id: 'sha256:1', ParentId: '', RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>'], Created: 10, Size: 5, VirtualSize: 5, SharedSize: -1, Labels: {}, Containers: -1 });
    assert.deepEqual(i.repoTags, []);
    assert.deepEqual(i.repoDigests, []);
    assert.equal(i.dangling, true);
    assert.equal(i.containers, undefined);
    assert.equal(i.created, 10_000);
  });

  it('marks the engine’s own networks as built in', () => {
    const base = { Id: 'x', Scope: 'local', EnableIPv6: false, Internal: false, Attachable: false, Ingress: false, ConfigOnly: false, Created: '2026-01-01T00:00:00Z', Options: {}, Labels: {}, IPAM: { Driver: 'default', Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] } };
    const bridge = mapNetwork({ ...base, Name: 'bridge', Driver: 'bridge' } as unknown as Docker.NetworkInspectInfo);
    assert.equal(bridge.builtIn, true);
    assert.deepEqual(bridge.ipam, [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1', ipRange: undefined }]);
    assert.equal(mapNetwork({ ...base, Name: 'bridge', Driver: 'macvlan' } as unknown as Docker.NetworkInspectInfo).builtIn, false);
    assert.equal(mapNetwork({ ...base, Name: 'app', Driver: 'bridge' } as unknown as Docker.NetworkInspectInfo).builtIn, false);
  });

  it('maps a volume with and without usage data', () => {
    const v = mapVolume({ Name: 'data', Driver: 'local', Mountpoint: '/m', Scope: 'local', Labels: {}, CreatedAt: '2026-01-01T00:00:00Z', UsageData: { Size: 42, RefCount: 1 } } as never);
    assert.equal(v.size, 42);
    assert.equal(v.refCount, 1);
    assert.equal(v.created, Date.parse('2026-01-01T00:00:00Z'));
    const unknown = mapVolume({ Name: 'x', Driver: 'local', Mountpoint: '/m', Scope: 'local', Labels: null, UsageData: { Size: -1, RefCount: -1 } } as never);
    assert.equal(unknown.size, undefined);
    assert.deepEqual(unknown.labels, {});
  });
});
