// The quick read of a local engine's containers (no engine bundle) against the real engine: the same rows the
// session's first read maps, and nothing (never an error) from whatever is not an engine answering in time.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { quickContainerList } from '../../../src/engine/quickContainerList';
import { createTestContainer, removeTestContainers, testDocker, testName } from '../../support/testEngine';

const ENGINE = 'unix:///var/run/docker.sock';

describe('quick container list (live engine)', function () {
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: ENGINE } }));
  let dir: string;

  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-quick-'))));
  after(async () => {
    await removeTestContainers(docker);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the same containers, mapped the same way, as the engine client', async () => {
    const created = await createTestContainer(docker, { name: testName('quick'), labels: { 'com.docker.compose.project': 'dockside-quick' } });
    const [quick, full] = [await quickContainerList(ENGINE, 2000), await client.listContainers()];
    assert.ok(quick, 'the local engine answered');
    const byId = (list: readonly { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(byId(quick), byId(full));
    assert.equal(quick.find((c) => c.id === created.id)?.composeProject, 'dockside-quick');
  });

  it('reads nothing from a network engine: only local sockets are read without the session', async () => {
    assert.equal(await quickContainerList('tcp://127.0.0.1:2375', 2000), undefined);
    assert.equal(await quickContainerList('ssh://someone@localhost', 2000), undefined);
  });

  it('gives nothing for a socket nobody listens on', async () => {
    assert.equal(await quickContainerList(`unix://${path.join(dir, 'nobody.sock')}`, 2000), undefined);
  });

  it('gives nothing for a socket that accepts and never answers, once its wait is over', async () => {
    const sock = path.join(dir, 'silent.sock');
    const silent = net.createServer(() => undefined).listen(sock);
    try {
      const started = Date.now();
      assert.equal(await quickContainerList(`unix://${sock}`, 200), undefined);
      assert.ok(Date.now() - started < 5000);
    } finally {
      silent.close();
    }
  });

  for (const [what, status, body] of [
    ['an error status', 500, '{"message":"boom"}'],
    ['a body that is not JSON', 200, '<html>not an engine</html>'],
    ['JSON that is not a list', 200, '{"message":"page not found"}'],
  ] as const) {
    it(`gives nothing for ${what}`, async () => {
      const sock = path.join(dir, `${status}-${body.length}.sock`);
      const server = http.createServer((_request, response) => response.writeHead(status, { 'content-type': 'application/json' }).end(body)).listen(sock);
      try {
        assert.equal(await quickContainerList(`unix://${sock}`, 2000), undefined);
      } finally {
        server.close();
      }
    });
  }
});
