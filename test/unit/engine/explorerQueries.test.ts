// The explorer's item-level reads against the real engine, and the tooltip details mapping.
import * as assert from 'node:assert/strict';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { fetchContainerDetails, listNetworksById, listVolumesByName, mapContainerDetails } from '../../../src/engine/explorerQueries';
import { TEST_IMAGE, TEST_LABEL, removeTestContainers, testDocker, testName } from '../../support/testEngine';

describe('explorer queries', function () {
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  const volume = testName('q-vol');
  let networkId = '';

  after(async () => {
    await removeTestContainers(docker);
    await docker.getVolume(volume).remove().catch(() => undefined);
    await docker.getVolume(`${volume}-longer`).remove().catch(() => undefined);
    if (networkId) await docker.getNetwork(networkId).remove().catch(() => undefined);
  });

  it('maps restart policy, limits and start time; a never-started container has no start time', () => {
    const d = mapContainerDetails({
      Id: 'x',
      State: { StartedAt: '0001-01-01T00:00:00Z', ExitCode: 0 },
      HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 }, Memory: 268435456, NanoCpus: 1_500_000_000, PidsLimit: 0 },
    });
    assert.deepEqual(d, { id: 'x', restartPolicy: 'on-failure', maximumRetryCount: 3, memoryLimit: 268435456, cpus: 1.5, pidsLimit: undefined, startedAt: undefined, exitCode: 0 });
  });

  it('reads one container details from the engine', async () => {
    const c = await docker.createContainer({ name: testName('q'), Image: TEST_IMAGE, Cmd: ['sleep', '60'], Labels: { [TEST_LABEL]: 'true' }, HostConfig: { RestartPolicy: { Name: 'unless-stopped' }, Memory: 64 * 1024 * 1024 } });
    const d = await fetchContainerDetails(client, c.id);
    assert.equal(d.restartPolicy, 'unless-stopped');
    assert.equal(d.memoryLimit, 64 * 1024 * 1024);
    assert.equal(d.startedAt, undefined);
  });

  it('lists volumes by exact name, though the engine filter matches substrings', async () => {
    await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: 'true' } } as never);
    await docker.createVolume({ Name: `${volume}-longer`, Labels: { [TEST_LABEL]: 'true' } } as never);
    const list = await listVolumesByName(client, [volume]);
    assert.deepEqual(list.map((v) => v.name), [volume]);
  });

  it('lists networks by exact id', async () => {
    const n = await docker.createNetwork({ Name: testName('q-net'), Labels: { [TEST_LABEL]: 'true' } });
    networkId = n.id;
    const list = await listNetworksById(client, [n.id]);
    assert.deepEqual(list.map((x) => x.id), [n.id]);
    assert.equal(list[0].driver, 'bridge');
  });
});
