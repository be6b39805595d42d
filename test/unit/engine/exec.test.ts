// Shell sessions and attach through the engine API, against the real engine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar-fs';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { attachContainer, containerRuntime, findShell, startShell, type InteractiveSession } from '../../../src/engine/exec';
import { TEST_LABEL, createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';

const NO_SHELL_IMAGE = `dockside-test/noshell-terminals-${process.pid}:latest`;

/** Collects what a session prints, and waits until a pattern shows up in it. */
function collect(session: InteractiveSession): { text: () => string; until: (pattern: RegExp) => Promise<string> } {
  let text = '';
  session.onOutput((chunk) => (text += chunk.data.toString('utf8')));
  return {
    text: () => text,
    until: async (pattern) => {
      const deadline = Date.now() + 10_000;
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return text;
    },
  };
}

describe('engine exec and attach (live engine)', function () {
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));

  after(async () => {
    await removeTestContainers(docker);
    await docker.getImage(NO_SHELL_IMAGE).remove({ force: true }).catch(() => undefined);
  });

  it('finds sh in busybox, and no shell in an image built FROM scratch with one file', async () => {
    const withShell = await createTestContainer(docker, { name: testName('term-shell') });
    assert.equal(await findShell(client, withShell.id), '/bin/sh');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-noshell-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
    fs.writeFileSync(path.join(dir, 'hello.txt'), 'hello\n');
    const build = await docker.buildImage(tar.pack(dir) as unknown as NodeJS.ReadableStream, { t: NO_SHELL_IMAGE, labels: { [TEST_LABEL]: 'true' } });
    await new Promise((resolve, reject) => docker.modem.followProgress(build, (error) => (error ? reject(error) : resolve(undefined))));
    const bare = await docker.createContainer({ name: testName('term-noshell'), Image: NO_SHELL_IMAGE, Cmd: ['/hello.txt'], Labels: { [TEST_LABEL]: 'true' } });
    assert.equal(await findShell(client, bare.id), undefined);
  });

  it('runs a shell with a TTY: answers a command, follows a resize, Ctrl-C interrupts, and reports exit 3', async () => {
    const container = await createTestContainer(docker, { name: testName('term-exec') });
    const session = await startShell(client, container.id, { cmd: ['/bin/sh'] }, { columns: 100, rows: 30 });
    const out = collect(session);
    await out.until(/\/ # /); // the first prompt, printed before anyone listened, is not lost
    session.write('echo $((6*7))\r');
    await out.until(/\r\n42\r\n/);
    session.write('stty size\r');
    await out.until(/30 100/);
    await session.resize(132, 43);
    session.write('stty size\r');
    await out.until(/43 132/);
    session.write('sleep 30\r');
    await new Promise((r) => setTimeout(r, 300));
    session.write('\x03');
    session.write('echo after-interrupt\r');
    await out.until(/\r\nafter-interrupt\r\n/);
    session.write('exit 3\r');
    await session.ended;
    assert.equal(await session.exitCode(), 3);
  });

  it('runs as the given user in the given directory', async () => {
    const container = await createTestContainer(docker, { name: testName('term-user') });
    const session = await startShell(client, container.id, { cmd: ['/bin/sh', '-c', 'id -u; pwd'], user: '1234', workdir: '/bin' });
    const out = collect(session);
    await session.ended;
    assert.match(out.text(), /1234\r\n\/bin/);
    assert.equal(await session.exitCode(), 0);
  });

  it('attaches with stdin to a container that keeps it open, and read-only to one that does not', async () => {
    const name = testName('term-attach');
    const interactive = await docker.createContainer({ name, Image: 'dockside-test/busybox:latest', Cmd: ['/bin/sh'], Tty: true, OpenStdin: true, Labels: { [TEST_LABEL]: 'true' } });
    await interactive.start();
    const runtime = await containerRuntime(client, interactive.id);
    assert.ok(runtime.openStdin && runtime.tty && runtime.running);
    const session = await attachContainer(client, runtime);
    assert.equal(session.writable, true);
    const out = collect(session);
    session.write('echo attached-$((2+3))\r');
    await out.until(/attached-5/);
    session.write('exit 4\r');
    await session.ended;
    assert.equal(await session.exitCode(), 4);

    const quiet = await createTestContainer(docker, { name: testName('term-attach-ro'), cmd: ['sh', '-c', 'while true; do echo tick; sleep 0.2; done'] });
    const readOnly = await attachContainer(client, await containerRuntime(client, quiet.id));
    assert.equal(readOnly.writable, false);
    const ticks = collect(readOnly);
    await ticks.until(/tick\n/);
    readOnly.close();
  });
});
