// The management calls against the real engine: every effect is read back from the engine itself.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { commitContainer, containerLimits, killContainer, pauseContainer, removeContainer, renameContainer, startContainer, stopContainer, unpauseContainer, updateContainer } from '../../../src/engine/lifecycle';
import { containersUsingImage, imageHistory, loadImages, removeImage, saveImages, tagImage } from '../../../src/engine/images';
import { inspectObject } from '../../../src/engine/inspect';
import { connectContainer, containersOnNetwork, createNetwork, disconnectContainer, removeNetwork } from '../../../src/engine/networks';
import { containersUsingVolume, createVolume, removeVolume } from '../../../src/engine/volumes';
import { diskUsage, prune, prunePreview } from '../../../src/engine/system';
import { TEST_IMAGE, TEST_LABEL, createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';
import { tarEntryNames } from './tarEntries';

describe('engine management calls (live engine)', function () {
  this.timeout(60_000);
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  const labels = { [TEST_LABEL]: 'true', 'dockside.test.manage': String(process.pid) };
  const state = async (id: string) => (await docker.getContainer(id).inspect()).State;
  const madeImages: string[] = [];
  const madeNetworks: string[] = [];
  const madeVolumes: string[] = [];

  after(async () => {
    await removeTestContainers(docker);
    for (const n of madeNetworks) await docker.getNetwork(n).remove().catch(() => undefined);
    for (const v of madeVolumes) await docker.getVolume(v).remove().catch(() => undefined);
    for (const i of madeImages) await docker.getImage(i).remove({ force: true }).catch(() => undefined);
  });

  it('stops, starts, pauses, resumes, kills and renames a container', async () => {
    const c = await createTestContainer(docker, { name: testName('manage-life') });
    await stopContainer(client, c.id, 1);
    assert.equal((await state(c.id)).Running, false);
    await stopContainer(client, c.id, 1); // already stopped: not an error
    await startContainer(client, c.id);
    assert.equal((await state(c.id)).Running, true);
    await pauseContainer(client, c.id);
    assert.equal((await state(c.id)).Paused, true);
    await unpauseContainer(client, c.id);
    assert.equal((await state(c.id)).Paused, false);
    const renamed = testName('manage-renamed');
    await renameContainer(client, c.id, renamed);
    assert.equal((await docker.getContainer(c.id).inspect()).Name, `/${renamed}`);
    await killContainer(client, c.id, 'SIGKILL');
    assert.equal((await state(c.id)).Running, false);
  });

  it('refuses to remove a running container without force (conflict) and leaves it running', async () => {
    const c = await createTestContainer(docker, { name: testName('manage-rm') });
    await assert.rejects(removeContainer(client, c.id, { force: false, anonymousVolumes: false }), (e: Error & { code?: string }) => e.name === 'EngineError' && e.code === 'conflict');
    assert.equal((await state(c.id)).Running, true);
    await removeContainer(client, c.id, { force: true, anonymousVolumes: true });
    await assert.rejects(docker.getContainer(c.id).inspect(), /no such container/i);
  });

  it('updates limits and restart policy, and reads them back as defaults', async () => {
    const c = await createTestContainer(docker, { name: testName('manage-update') });
    await updateContainer(client, c.id, { cpuShares: 512, nanoCpus: 500_000_000, memoryBytes: 64 * 1024 ** 2, memorySwapBytes: 128 * 1024 ** 2, restartPolicy: { name: 'on-failure', maximumRetryCount: 3 } });
    const host = (await docker.getContainer(c.id).inspect()).HostConfig as { CpuShares: number; NanoCpus: number; Memory: number; MemorySwap: number; RestartPolicy: { Name: string; MaximumRetryCount: number } };
    assert.deepEqual([host.CpuShares, host.NanoCpus, host.Memory, host.MemorySwap], [512, 500_000_000, 64 * 1024 ** 2, 128 * 1024 ** 2]);
    assert.deepEqual(host.RestartPolicy, { Name: 'on-failure', MaximumRetryCount: 3 });
    const limits = await containerLimits(client, c.id);
    assert.deepEqual(limits.restartPolicy, { name: 'on-failure', maximumRetryCount: 3 });
    assert.equal(limits.memoryBytes, 64 * 1024 ** 2);
  });

  it('commits with message and author; an image in use cannot be removed and says by whom', async () => {
    const c = await createTestContainer(docker, { name: testName('manage-commit') });
    const repository = `dockside-test-manage-${process.pid}`;
    const id = await commitContainer(client, c.id, { repository, tag: 'snap', message: 'handbook step', author: 'Li Lei <lilei@example.com>' });
    madeImages.push(id);
    const info = await docker.getImage(`${repository}:snap`).inspect();
    assert.equal(info.Comment, 'handbook step');
    assert.equal(info.Author, 'Li Lei <lilei@example.com>');
    const user = await docker.createContainer({ name: testName('manage-user'), Image: `${repository}:snap`, Cmd: ['true'], Labels: labels });
    assert.deepEqual((await containersUsingImage(client, id)).map((u) => u.id), [user.id]);
    await assert.rejects(removeImage(client, id, false), (e: Error & { code?: string }) => e.code === 'conflict');
    assert.ok(await docker.getImage(id).inspect(), 'the image is still there');
  });

  it('tags an image, shows its history, and removes only the tag', async () => {
    const reference = `dockside-test-manage-${process.pid}:tagged`;
    await tagImage(client, TEST_IMAGE, reference);
    const tagged = await docker.getImage(reference).inspect();
    assert.equal(tagged.Id, (await docker.getImage(TEST_IMAGE).inspect()).Id);
    const layers = await imageHistory(client, reference);
    assert.ok(layers.some((l) => /busybox/.test(l.createdBy)), layers.map((l) => l.createdBy).join(' | '));
    const removed = await removeImage(client, reference, false);
    assert.deepEqual(removed, [`Untagged: ${reference}`]);
    assert.ok(await docker.getImage(TEST_IMAGE).inspect(), 'the original tag stays');
  });

  it('saves two references to one tar and loads it back', async () => {
    const a = `dockside-test-manage-${process.pid}:save-a`;
    const b = `dockside-test-manage-${process.pid}:save-b`;
    await tagImage(client, TEST_IMAGE, a);
    await tagImage(client, TEST_IMAGE, b);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-save-')), 'images.tar');
    let written = 0;
    await saveImages(client, [a, b], file, (n) => (written = n));
    assert.equal(written, fs.statSync(file).size);
    const entries = tarEntryNames(fs.readFileSync(file));
    assert.ok(entries.includes('manifest.json'), entries.join(','));
    const manifest = JSON.parse(execFileSync('tar', ['-xOf', file, 'manifest.json'], { encoding: 'utf8' })) as { RepoTags: string[] }[];
    assert.deepEqual(manifest.flatMap((m) => m.RepoTags).sort(), [a, b].sort());
    await removeImage(client, a, false);
    await removeImage(client, b, false);
    let sent = 0;
    const loaded = await loadImages(client, file, (n) => (sent = n));
    assert.equal(sent, fs.statSync(file).size);
    assert.deepEqual([...loaded].sort(), [a, b].sort());
    await removeImage(client, a, false);
    await removeImage(client, b, false);
  });

  it('creates a bridge network with addressing and labels, connects with a static IP and alias, disconnects', async () => {
    const name = testName('manage-net');
    const id = await createNetwork(client, { name, driver: 'bridge', subnet: '10.176.241.0/24', ipRange: '10.176.241.128/25', gateway: '10.176.241.1', internal: true, attachable: false, labels });
    madeNetworks.push(id);
    const info = await docker.getNetwork(id).inspect();
    assert.deepEqual(info.IPAM?.Config, [{ Subnet: '10.176.241.0/24', IPRange: '10.176.241.128/25', Gateway: '10.176.241.1' }]);
    assert.equal(info.Internal, true);
    assert.equal(info.Labels?.['dockside.test.manage'], String(process.pid));
    const c = await createTestContainer(docker, { name: testName('manage-netc') });
    await connectContainer(client, id, c.id, { ipv4Address: '10.176.241.200', aliases: ['db'] });
    const endpoint = (await docker.getContainer(c.id).inspect()).NetworkSettings.Networks[name];
    assert.equal(endpoint.IPAddress, '10.176.241.200');
    assert.ok(endpoint.Aliases?.includes('db'));
    assert.deepEqual((await containersOnNetwork(client, id)).map((x) => x.id), [c.id]);
    await disconnectContainer(client, id, c.id);
    assert.deepEqual(await containersOnNetwork(client, id), []);
    await removeNetwork(client, id);
    await assert.rejects(docker.getNetwork(id).inspect(), /not found/i);
  });

  it('creates a macvlan network on a veth pair made for the test, never a real interface', async () => {
    const parent = `dkt${process.pid % 10000}`;
    execFileSync('ip', ['link', 'add', parent, 'type', 'veth', 'peer', 'name', `${parent}p`]);
    try {
      execFileSync('ip', ['link', 'set', parent, 'up']);
      execFileSync('ip', ['link', 'set', `${parent}p`, 'up']);
      const id = await createNetwork(client, { name: testName('manage-macvlan'), driver: 'macvlan', subnet: '10.176.242.0/24', parent, internal: false, attachable: false, labels });
      madeNetworks.push(id);
      const info = await docker.getNetwork(id).inspect();
      assert.equal(info.Driver, 'macvlan');
      assert.equal(info.Options?.parent, parent);
      await removeNetwork(client, id);
    } finally {
      execFileSync('ip', ['link', 'del', parent]);
    }
  });

  it('refuses to remove a built-in network and keeps it', async () => {
    await assert.rejects(removeNetwork(client, 'bridge'), (e: Error & { code?: string }) => e.name === 'EngineError');
    assert.ok(await docker.getNetwork('bridge').inspect());
  });

  it('creates a labelled volume, names the containers using it, and removes it once free', async () => {
    const name = testName('manage-vol');
    assert.equal(await createVolume(client, { name, driver: 'local', labels }), name);
    madeVolumes.push(name);
    assert.equal((await docker.getVolume(name).inspect()).Labels['dockside.test.manage'], String(process.pid));
    const c = await docker.createContainer({ name: testName('manage-volc'), Image: TEST_IMAGE, Cmd: ['true'], Labels: labels, HostConfig: { Binds: [`${name}:/data`] } });
    assert.deepEqual((await containersUsingVolume(client, name)).map((u) => u.id), [c.id]);
    await assert.rejects(removeVolume(client, name), (e: Error & { code?: string }) => e.code === 'conflict');
    await c.remove();
    await removeVolume(client, name);
    await assert.rejects(docker.getVolume(name).inspect(), /no such volume|not found/i);
  });

  it('inspects every kind of object', async () => {
    const c = await createTestContainer(docker, { name: testName('manage-inspect') });
    assert.equal(((await inspectObject(client, 'container', c.id)) as { Id: string }).Id, c.id);
    assert.ok(((await inspectObject(client, 'image', TEST_IMAGE)) as { RepoTags: string[] }).RepoTags.includes(TEST_IMAGE));
    assert.equal(((await inspectObject(client, 'network', 'bridge')) as { Name: string }).Name, 'bridge');
    await assert.rejects(inspectObject(client, 'volume', 'dockside-test-no-such-volume'), (e: Error & { code?: string }) => e.code === 'notFound');
  });

  it('previews and prunes only what carries the test label, reporting what went', async () => {
    // A label of its own: other tests' leftovers (and other processes' resources) are out of scope.
    const pruneLabels = { [TEST_LABEL]: 'true', 'dockside.test.manage': `${process.pid}-prune` };
    const scope = { label: `dockside.test.manage=${process.pid}-prune` };
    const stopped = await createTestContainer(docker, { name: testName('manage-prune'), start: false, labels: pruneLabels });
    const netName = testName('manage-prunenet');
    madeNetworks.push(await createNetwork(client, { name: netName, driver: 'bridge', internal: false, attachable: false, labels: pruneLabels }));
    const volName = testName('manage-prunevol');
    madeVolumes.push(await createVolume(client, { name: volName, driver: 'local', labels: pruneLabels }));
    assert.deepEqual(await prunePreview(client, 'containers', scope), [(await stopped.inspect()).Name.slice(1)]);
    assert.deepEqual(await prunePreview(client, 'networks', scope), [netName]);
    assert.deepEqual(await prunePreview(client, 'volumes', scope), [volName]);
    assert.deepEqual((await prune(client, 'containers', scope)).removed, [stopped.id]);
    assert.deepEqual((await prune(client, 'networks', scope)).removed, [netName]);
    assert.deepEqual((await prune(client, 'volumes', scope)).removed, [volName]);
    assert.deepEqual(await prunePreview(client, 'containers', scope), []);
  });

  it('reports disk usage for every kind', async () => {
    const usage = await diskUsage(client);
    assert.ok(usage.images.total >= 1 && usage.images.size > 0);
    for (const row of [usage.images, usage.containers, usage.volumes, usage.buildCache]) assert.ok(row.reclaimable <= row.size || row.size === 0);
  });
});
