// The engine client against the real engine on this machine (scripts/prepare-engine.sh starts it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { EngineError, toEngineError } from '../../../src/engine/errors';
import { TEST_IMAGE, TEST_LABEL, createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';

describe('engine client (live engine)', function () {
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));

  after(() => removeTestContainers(docker));

  it('pings and reports the server version', async () => {
    const version = await client.ping();
    assert.match(version.version, /^\d+\.\d+/);
    assert.match(version.apiVersion, /^1\.\d+$/);
    const info = await client.info();
    assert.equal(info.serverVersion, version.version);
  });

  it('lists a container it just created, with name, image, state and labels', async () => {
    const name = testName('list');
    const created = await createTestContainer(docker, { name, labels: { 'com.docker.compose.project': 'dockside-demo' } });
    const list = await client.listContainers({ label: [TEST_LABEL] });
    const mine = list.find((c) => c.id === created.id);
    assert.ok(mine, 'the new container is listed');
    assert.equal(mine.name, name);
    assert.equal(mine.image, TEST_IMAGE);
    assert.equal(mine.state, 'running');
    assert.equal(mine.composeProject, 'dockside-demo');
  });

  it('lists images, networks and volumes', async () => {
    const images = await client.listImages();
    assert.ok(images.some((i) => i.repoTags.includes(TEST_IMAGE)));
    const networks = await client.listNetworks();
    const bridge = networks.find((n) => n.name === 'bridge');
    assert.ok(bridge?.builtIn);
    const volumeName = testName('vol');
    await docker.createVolume({ Name: volumeName, Labels: { [TEST_LABEL]: 'true' } });
    try {
      const volumes = await client.listVolumes();
      assert.ok(volumes.some((v) => v.name === volumeName && v.driver === 'local'));
    } finally {
      await docker.getVolume(volumeName).remove();
    }
  });

  it('reports notFound for a container that does not exist', async () => {
    const attempt = client.docker.getContainer('dockside-test-missing').inspect().catch((e: unknown) => {
      throw toEngineError(e);
    });
    await assert.rejects(attempt, (e: EngineError) => e.code === 'notFound' && /No such container/i.test(e.details.engineMessage ?? ''));
  });

  it('reports unreachable for a socket nobody listens on', async () => {
    const dead = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: `unix://${path.join(os.tmpdir(), 'dockside-no-engine.sock')}` } }));
    await assert.rejects(dead.ping(), (e: EngineError) => e instanceof EngineError && e.code === 'unreachable');
  });

  it('reports a timeout when the engine accepts but never answers', async () => {
    const sock = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-')), 'silent.sock');
    const silent = net.createServer(() => undefined).listen(sock);
    try {
      const slow = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: `unix://${sock}` } }), { requestTimeoutMs: 300 });
      await assert.rejects(slow.ping(), (e: EngineError) => e.code === 'timeout' && e.details.timeoutMs === 300);
    } finally {
      silent.close();
    }
  });

  it('uses only the local test image: nothing is pulled', async () => {
    const images = await client.listImages();
    assert.ok(images.find((i) => i.repoTags.includes(TEST_IMAGE))?.labels['dockside.test'] === 'true');
  });
});
