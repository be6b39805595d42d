// The engine's file calls against the real engine: listing (exec and archive agree), reading and writing
// bytes exactly, folders, copy, move, delete, shell-less and stopped containers, uploads and downloads that
// keep mode, owner and mtime, and the volume helper.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as tarHeaders from 'tar-stream/headers';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import * as files from '../../../src/engine/files/containerFiles';
import { downloadPath, uploadPath } from '../../../src/engine/files/transfers';
import { HELPER_LABEL, VOLUME_MOUNT, removeVolumeHelper, startVolumeHelper } from '../../../src/engine/files/volumeHelper';
import { buildNoShellImage, dkName, execIn, filesContainer, removeFileFixtures, sha256, sha256OfFile } from '../../support/fileFixtures';
import { testDocker } from '../../support/testEngine';

const NAMES = ['plain.txt', 'with space.txt', '中文 名字.md', `${'长'.repeat(60)}.txt`];

describe('container files (live engine)', function () {
  this.timeout(60_000);
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dkfiles-unit-'));
  let id: string;

  const facts = () => files.fileTargetFacts(client, id);
  const names = (entries: readonly { name: string }[]) => entries.map((e) => e.name).sort();

  before(async () => {
    const container = await filesContainer(docker, 'unit');
    id = container.id;
    const script = ['mkdir -p /data/sub /data/empty', ...NAMES.map((n) => `printf 'content of %s' '${n}' > '/data/${n}'`), 'ln -s sub /data/link', 'ln -s nowhere /data/dangling', 'chown 123:45 /data/plain.txt', 'chmod 640 /data/plain.txt'].join(' && ');
    await execIn(docker, id, script);
  });

  after(async () => {
    await removeFileFixtures(docker);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lists a directory the same way through exec and through the archive, owners, modes and links included', async () => {
    const running = await facts();
    assert.equal(running.shell, '/bin/sh');
    const viaExec = await files.listDirectory(client, running, '/data');
    const viaArchive = await files.listDirectory(client, { ...running, shell: undefined }, '/data');
    assert.equal(viaExec.via, 'exec');
    assert.equal(viaArchive.via, 'archive');
    assert.deepEqual(names(viaExec.entries), [...NAMES, 'dangling', 'empty', 'link', 'sub'].sort());
    assert.deepEqual(names(viaArchive.entries), names(viaExec.entries));
    for (const entry of viaExec.entries) {
      const other = viaArchive.entries.find((e) => e.name === entry.name)!;
      assert.deepEqual([other.type, other.size, other.mode, other.uid, other.gid, other.linkTarget], [entry.type, entry.size, entry.mode, entry.uid, entry.gid, entry.linkTarget], entry.name);
    }
    const plain = viaExec.entries.find((e) => e.name === 'plain.txt')!;
    assert.deepEqual([plain.mode, plain.uid, plain.gid], [0o640, 123, 45]);
    assert.equal(viaExec.entries.find((e) => e.name === 'link')!.targetType, 'directory');
    assert.equal(viaArchive.entries.find((e) => e.name === 'link')!.targetType, 'directory');
    assert.equal(viaExec.entries.find((e) => e.name === 'dangling')!.targetType, 'other');
    assert.ok(viaArchive.tree?.has('sub'), 'the archive listing knows the folders below');
  });

  it('reads and writes binary files byte for byte, keeping the owner and mode of a replaced file', async () => {
    const bytes = randomBytes(300_000);
    await files.writeFile(client, id, '/data', { name: 'plain.txt', mode: 0o640, uid: 123, gid: 45, mtime: new Date('2023-01-02T03:04:05Z') }, bytes);
    const read = await files.readFile(client, id, '/data/plain.txt');
    const chunks: Buffer[] = [];
    for await (const chunk of read.content) chunks.push(chunk as Buffer);
    assert.equal(sha256(Buffer.concat(chunks)), sha256(bytes));
    assert.equal((await execIn(docker, id, "stat -c '%u:%g %a %Y' /data/plain.txt")).trim(), `123:45 640 ${Date.parse('2023-01-02T03:04:05Z') / 1000}`);
    const streamed = randomBytes(70_000);
    await files.writeFile(client, id, '/data/sub', { name: '流.bin', mode: 0o600, uid: 0, gid: 0, mtime: new Date() }, { stream: Readable.from([streamed.subarray(0, 1000), streamed.subarray(1000)]), size: streamed.length });
    assert.equal((await execIn(docker, id, "sha256sum '/data/sub/流.bin'")).split(' ')[0], sha256(streamed));
  });

  it('follows symlinks when reading, refuses folders, and reports missing paths as not found', async () => {
    await execIn(docker, id, "echo linked > /data/sub/target.txt && ln -sf target.txt /data/sub/alias.txt");
    const read = await files.readFile(client, id, '/data/sub/alias.txt');
    assert.equal(read.path, '/data/sub/target.txt');
    read.content.destroy();
    await assert.rejects(files.readFile(client, id, '/data/sub'), /is a directory/);
    await assert.rejects(files.statPath(client, id, '/data/absent'), (e: { code?: string }) => e.code === 'notFound');
    const stat = await files.statPath(client, id, '/data/link');
    assert.equal(stat.type, 'symlink');
  });

  it('creates folders, copies through the archive alone, moves and deletes through exec', async () => {
    await files.makeDirectory(client, id, '/data', { name: '新 目录', mode: 0o750, uid: 7, gid: 8, mtime: new Date() });
    assert.equal((await execIn(docker, id, "stat -c '%F %a %u:%g' '/data/新 目录'")).trim(), 'directory 750 7:8');
    await files.copyPath(client, id, '/data/sub', '/data', 'sub copy');
    assert.equal((await execIn(docker, id, "cat '/data/sub copy/target.txt'")).trim(), 'linked');
    const running = await facts();
    await files.movePath(client, running, '/data/sub copy', '/data/moved', false);
    await assert.rejects(files.movePath(client, running, '/data/moved', '/data/sub', false), /exists/);
    await files.removePath(client, running, '/data/moved', true);
    assert.equal((await execIn(docker, id, "ls /data/moved 2>&1 || echo gone")).trim().split('\n').pop(), 'gone');
  });

  it('reads and writes a stopped container, and says exec is unavailable there', async () => {
    const stopped = await filesContainer(docker, 'stopped', { start: false });
    const stoppedFacts = await files.fileTargetFacts(client, stopped.id);
    assert.equal(stoppedFacts.running, false);
    assert.equal(files.execUnavailable(stoppedFacts), 'notRunning');
    await files.makeDirectory(client, stopped.id, '/', { name: 'tmp', mode: 0o1777, uid: 0, gid: 0, mtime: new Date() });
    await files.writeFile(client, stopped.id, '/tmp', { name: 'note.txt', mode: 0o644, uid: 0, gid: 0, mtime: new Date() }, Buffer.from('stopped but written'));
    const listing = await files.listDirectory(client, stoppedFacts, '/tmp');
    assert.equal(listing.via, 'archive');
    assert.deepEqual(names(listing.entries), ['note.txt']);
    await assert.rejects(files.removePath(client, stoppedFacts, '/tmp/note.txt', false), /notRunning/);
  });

  it('browses a running FROM scratch image without a shell through the archive', async () => {
    const image = await buildNoShellImage(docker);
    const bare = await filesContainer(docker, 'scratch', { image, cmd: ['/busybox', 'sleep', '3600'] });
    const bareFacts = await files.fileTargetFacts(client, bare.id);
    assert.equal(bareFacts.running, true);
    assert.equal(bareFacts.shell, undefined);
    assert.equal(files.execUnavailable(bareFacts), 'noShell');
    const root = await files.listDirectory(client, bareFacts, '/');
    assert.equal(root.via, 'archive');
    assert.ok(names(root.entries).includes('busybox'));
  });

  it('uploads and downloads a folder keeping mode, owner and mtime, bytes exact', async () => {
    const source = path.join(tmp, 'up load');
    fs.mkdirSync(path.join(source, '子目录'), { recursive: true });
    const blob = randomBytes(2 * 1024 * 1024);
    fs.writeFileSync(path.join(source, '子目录', 'blob.bin'), blob);
    fs.chmodSync(path.join(source, '子目录', 'blob.bin'), 0o751);
    fs.chownSync(path.join(source, '子目录', 'blob.bin'), 1234, 2345);
    const mtime = new Date('2022-02-03T04:05:06Z');
    fs.utimesSync(path.join(source, '子目录', 'blob.bin'), mtime, mtime);
    const seen: number[] = [];
    await uploadPath(client, id, source, '/data', { onProgress: (p) => seen.push(p.bytes) });
    assert.ok(seen.at(-1)! >= blob.length, 'progress reached the whole size');
    const inside = (await execIn(docker, id, "cd '/data/up load/子目录' && stat -c '%a %u:%g %Y' blob.bin && sha256sum blob.bin")).trim().split('\n');
    assert.equal(inside[0], `751 1234:2345 ${mtime.getTime() / 1000}`);
    assert.equal(inside[1].split(' ')[0], sha256(blob));

    const back = fs.mkdtempSync(path.join(tmp, 'down-'));
    await downloadPath(client, id, '/data/up load', back);
    const file = path.join(back, 'up load', '子目录', 'blob.bin');
    assert.equal(sha256OfFile(file), sha256(blob));
    const stat = fs.statSync(file);
    assert.deepEqual([stat.mode & 0o777, stat.uid, stat.gid, stat.mtime.getTime()], [0o751, 1234, 2345, mtime.getTime()]);
  });

  it('uploads and downloads a single file streamed directly, keeping mode, owner and mtime', async () => {
    const file = path.join(tmp, '单个 file.bin');
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    fs.writeFileSync(file, bytes);
    fs.chmodSync(file, 0o604);
    fs.chownSync(file, 321, 432);
    const mtime = new Date('2021-06-07T08:09:10Z');
    fs.utimesSync(file, mtime, mtime);
    await uploadPath(client, id, file, '/data');
    assert.equal((await execIn(docker, id, "stat -c '%a %u:%g %Y' '/data/单个 file.bin'")).trim(), `604 321:432 ${mtime.getTime() / 1000}`);
    const back = fs.mkdtempSync(path.join(tmp, 'single-'));
    let last = 0;
    await downloadPath(client, id, '/data/单个 file.bin', back, { onProgress: (p) => (last = p.bytes) });
    const copy = path.join(back, '单个 file.bin');
    assert.equal(sha256OfFile(copy), sha256(bytes));
    assert.equal(last, bytes.length);
    const stat = fs.statSync(copy);
    assert.deepEqual([stat.mode & 0o777, stat.uid, stat.gid, stat.mtime.getTime()], [0o604, 321, 432, mtime.getTime()]);
  });

  it('cancels an upload when asked', async () => {
    const big = path.join(tmp, 'big.bin');
    fs.writeFileSync(big, randomBytes(32 * 1024 * 1024));
    const controller = new AbortController();
    const upload = uploadPath(client, id, big, '/data', { signal: controller.signal, onProgress: (p) => p.bytes > 1024 * 1024 && controller.abort() });
    await assert.rejects(upload, (e: { code?: string }) => e.code === 'cancelled');
  });

  it('cancels a download when asked, leaving no partial file behind', async () => {
    await execIn(docker, id, 'head -c 33554432 /dev/urandom > /data/big-down.bin');
    const back = fs.mkdtempSync(path.join(tmp, 'cancel-'));
    const controller = new AbortController();
    const download = downloadPath(client, id, '/data/big-down.bin', back, { signal: controller.signal, onProgress: (p) => p.bytes > 1024 * 1024 && controller.abort() });
    await assert.rejects(download, (e: { code?: string }) => e.code === 'cancelled');
    assert.deepEqual(fs.readdirSync(back), []);
  });

  it('reads a file whose archive ends early as an error, not as a short file', async () => {
    // The first member's header promises more bytes than the archive carries.
    const entry = await new Promise<{ content: Readable }>((resolve, reject) => {
      const original = client.docker.getContainer.bind(client.docker);
      const header = tarHeaders.encode({ name: 'cut.bin', type: 'file', size: 1024, mode: 0o644, uid: 0, gid: 0, mtime: new Date(0) })!;
      const cut = Readable.from([header, Buffer.alloc(100, 7)], { objectMode: false });
      (client.docker as { getContainer: unknown }).getContainer = () => ({ getArchive: async () => cut });
      files.readFile(client, id, '/cut.bin').then(resolve, reject).finally(() => ((client.docker as { getContainer: unknown }).getContainer = original));
    });
    await assert.rejects(async () => {
      for await (const chunk of entry.content) void chunk;
    }, /ended inside its first member/);
  });

  it('starts a volume helper from a local image, mounting the volume read-write, and removes it', async () => {
    const volume = dkName('vol');
    await docker.createVolume({ Name: volume, Labels: { 'dockside.test': 'true' } });
    const helper = await startVolumeHelper(client, volume);
    try {
      assert.equal(helper.hasShell, true);
      const info = await docker.getContainer(helper.id).inspect();
      assert.equal(info.Config.Labels[HELPER_LABEL], volume);
      assert.ok(info.Mounts.some((m) => m.Name === volume && m.Destination === VOLUME_MOUNT && m.RW));
      await files.writeFile(client, helper.id, VOLUME_MOUNT, { name: 'in-volume.txt', mode: 0o644, uid: 0, gid: 0, mtime: new Date() }, Buffer.from('kept'));
    } finally {
      await removeVolumeHelper(client, helper.id);
    }
    await assert.rejects(docker.getContainer(helper.id).inspect(), /no such container/i);
    const reader = await filesContainer(docker, 'volreader', { host: { Binds: [`${volume}:/v`] } });
    assert.equal((await execIn(docker, reader.id, 'cat /v/in-volume.txt')).trim(), 'kept');
  });
});
