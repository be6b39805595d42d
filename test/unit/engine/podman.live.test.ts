// Debian's podman (4.3) serving its Docker-compatible API (`podman system service`) with storage of its
// own: detected, recognised as Podman, read like a Docker engine, and offered only the classic builder.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { preferredBuilder } from '../../../src/engine/build';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { detectPodmanSockets, engineFlavorOf } from '../../../src/engine/podman';

describe('Podman', function () {
  this.timeout(60_000);

  describe('socket detection', () => {
    const present = (files: string[]) => (file: string) => files.includes(file);
    it('offers the rootful socket and the rootless one under XDG_RUNTIME_DIR', () => {
      const env = { XDG_RUNTIME_DIR: '/run/user/1000' };
      assert.deepEqual(detectPodmanSockets(env, 1000, present(['/run/podman/podman.sock', '/run/user/1000/podman/podman.sock'])), [
        'unix:///run/podman/podman.sock',
        'unix:///run/user/1000/podman/podman.sock',
      ]);
      assert.deepEqual(detectPodmanSockets({}, 1000, present(['/run/user/1000/podman/podman.sock'])), ['unix:///run/user/1000/podman/podman.sock']);
      assert.deepEqual(detectPodmanSockets({}, 0, present([])), []);
    });

    it('tells Podman from Docker by the components /version lists', () => {
      assert.equal(engineFlavorOf({ Components: [{ Name: 'Podman Engine' }, { Name: 'Conmon' }] }), 'podman');
      assert.equal(engineFlavorOf({ Components: [{ Name: 'Engine' }, { Name: 'containerd' }] }), 'docker');
      assert.equal(engineFlavorOf({}), 'docker');
    });
  });

  describe('podman system service (live)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-podman-'));
    const socket = path.join(root, 'podman.sock');
    let service: ChildProcess | undefined;

    before(async function () {
      const podman = ['/usr/bin/podman', '/usr/local/bin/podman'].find((p) => fs.existsSync(p));
      if (!podman) throw new Error('podman is not installed: scripts/prepare-remote-engines.sh installs it');
      // vfs: no overlay mount is left behind in the temporary folder.
      service = spawn(podman, ['--storage-driver', 'vfs', '--root', path.join(root, 'storage'), '--runroot', path.join(root, 'run'), 'system', 'service', '--time=0', `unix://${socket}`], {
        detached: true,
        stdio: ['ignore', 'ignore', fs.openSync(path.join(root, 'podman.log'), 'a')],
      });
      const deadline = Date.now() + 20_000;
      while (!fs.existsSync(socket)) {
        if (Date.now() > deadline) throw new Error(`podman system service did not create ${socket}: ${fs.readFileSync(path.join(root, 'podman.log'), 'utf8')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    });

    after(async () => {
      if (service && service.exitCode === null) {
        const exited = new Promise((r) => service!.once('exit', r));
        process.kill(-service.pid!, 'SIGTERM');
        await exited;
      }
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('answers the Docker API, says it is Podman, lists, and offers only the classic builder', async () => {
      const client = new EngineClient(resolveEndpoint({ settingHost: `unix://${socket}`, env: {} }));
      const version = await client.ping();
      assert.equal(version.flavor, 'podman');
      assert.deepEqual(await client.listContainers(), []);
      await client.listImages();
      assert.ok((await client.listNetworks()).length >= 1);
      await client.listVolumes();
      assert.equal(await preferredBuilder(client), 'classic');
    });
  });
});
