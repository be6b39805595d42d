// Registries in a real VS Code against the real engine and a real private registry (Debian's
// docker-registry with htpasswd auth on 127.0.0.1, started by scripts/prepare-registry.sh): a wrong password
// is refused and stores nothing; login, push, remove locally, pull back; the Registries view lists them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { listRepositories, listTags } from '../../../src/registries/registryApi';
import { TEST_IMAGE, testDocker } from '../../support/testEngine';
import { uiBridge } from '../support/uiBridge';
import { startLocalRegistry, stopLocalRegistry, type LocalRegistry } from './registryProcess';
import { waitFor } from '../support/waitFor';

describe('Registries (issue 5): login, push, pull back, and the Registries view', function () {
  this.timeout(180_000);
  const docker = testDocker();
  let registry: LocalRegistry;
  let reference: string;
  const savedDockerConfig = process.env.DOCKER_CONFIG;
  const dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-docker-config-'));

  before(async () => {
    await vscode.extensions.getExtension('dockside.dockside')!.activate();
    // An empty docker config of our own: the test never reads or writes the user's ~/.docker.
    process.env.DOCKER_CONFIG = dockerConfig;
    registry = startLocalRegistry();
    reference = `${registry.url}/dockside-test/registry-busybox:${process.pid}`;
  });

  after(async () => {
    await vscode.commands.executeCommand('dockside.registries.logout', registry?.url).then(undefined, () => undefined);
    await docker.getImage(reference).remove({ force: true }).catch(() => undefined);
    stopLocalRegistry(registry);
    if (savedDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = savedDockerConfig;
    fs.rmSync(dockerConfig, { recursive: true, force: true });
  });

  it('refuses a wrong password clearly and stores nothing', async () => {
    const home = await vscode.commands.executeCommand('dockside.registries.login', { registry: registry.url, username: registry.username, password: 'wrong-password' });
    assert.equal(home, undefined, 'the login did not succeed');
    if (uiBridge.available) {
      await waitFor('the refusal', async () => (await uiBridge.notificationTexts()).some((t) => t.includes(`${registry.url} refused the user name or password. Nothing was saved.`)));
    }
    assert.deepEqual(fs.readdirSync(dockerConfig), [], 'nothing written to the docker config');
    await vscode.commands.executeCommand('dockside.registries.focus');
    if (uiBridge.available) {
      const rows = await uiBridge.viewRows('dockside', 'Registries');
      assert.ok(!rows.some((r) => r.includes(registry.url)), rows.join(' | '));
    }
  });

  it('logs in, pushes with progress, removes the local tag and pulls it back', async () => {
    const home = await vscode.commands.executeCommand('dockside.registries.login', { registry: registry.url, username: registry.username, password: registry.password });
    assert.equal(home, 'secretStorage', 'no credential helper is configured, so VS Code keeps the secret');
    const pushed = await vscode.commands.executeCommand<string>('dockside.images.push', TEST_IMAGE, reference);
    assert.equal(pushed, reference);
    assert.deepEqual(await listTags(registry.url, 'dockside-test/registry-busybox', { username: registry.username, secret: registry.password }), [String(process.pid)]);

    await docker.getImage(reference).remove();
    await assert.rejects(docker.getImage(reference).inspect());
    const pulled = await vscode.commands.executeCommand<string>('dockside.images.pull', reference);
    assert.equal(pulled, reference);
    const image = await docker.getImage(reference).inspect();
    const original = await docker.getImage(TEST_IMAGE).inspect();
    assert.equal(image.Id, original.Id, 'the same image came back');
  });

  it('lists the registry, its repository and the tag in the Registries view', async () => {
    const login = { username: registry.username, secret: registry.password };
    assert.ok((await listRepositories(registry.url, login)).includes('dockside-test/registry-busybox'));
    await vscode.commands.executeCommand('dockside.registries.refresh');
    await vscode.commands.executeCommand('dockside.registries.focus');
    if (!uiBridge.available) return;
    await waitFor('the registry row', async () => (await uiBridge.viewRows('dockside', 'Registries')).some((r) => r.includes(registry.url)));
    await uiBridge.clickViewRow('dockside', 'Registries', registry.url);
    await waitFor('the repository row', async () => (await uiBridge.viewRows('dockside', 'Registries')).some((r) => r.includes('dockside-test/registry-busybox')));
    await uiBridge.clickViewRow('dockside', 'Registries', 'dockside-test/registry-busybox');
    const rows = await waitFor('the tag row', async () => {
      const all = await uiBridge.viewRows('dockside', 'Registries');
      return all.some((r) => r.includes(reference)) ? all : undefined;
    });
    assert.ok(rows.some((r) => r.startsWith(String(process.pid))), rows.join(' | '));
    await uiBridge.screenshot('registries-view');
  });

  it('logs out: the registry leaves the view and nothing is left in the docker config', async () => {
    await vscode.commands.executeCommand('dockside.registries.logout', registry.url);
    await vscode.commands.executeCommand('dockside.registries.refresh');
    assert.deepEqual(fs.readdirSync(dockerConfig), []);
    if (!uiBridge.available) return;
    await waitFor('the registry row to go', async () => !(await uiBridge.viewRows('dockside', 'Registries')).some((r) => r.includes(registry.url)));
  });

  it('refuses a malformed reference to pull', async () => {
    const result = await vscode.commands.executeCommand('dockside.images.pull', 'UPPER/Case:tag');
    assert.equal(result, undefined);
  });
});
