// Registry credentials and transfers against the real engine and a real local registry: docker's config
// formats and credential helpers are read as docker reads them, the engine checks logins, and push/pull
// progress folds into layers and bytes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { pullImage, pushImage, type TransferProgress } from '../../../src/engine/imageTransfer';
import { buildImage } from '../../../src/engine/build';
import {
  configuredRegistries,
  dockerCredentials,
  engineAuthConfig,
  helperFor,
  normaliseRegistry,
  readDockerConfig,
  registryOfReference,
  storeWithHelper,
  verifyLogin,
} from '../../../src/engine/registryAuth';
import { listRepositories, listTags } from '../../../src/registries/registryApi';
import { startLocalRegistry, stopLocalRegistry } from '../../integration/suite/registryProcess';
import { TEST_IMAGE, testDocker } from '../../support/testEngine';

describe('registry credentials (docker config formats)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-cred-'));
  const savedPath = process.env.PATH;
  after(() => {
    process.env.PATH = savedPath;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads auths, credsStore and credHelpers, and talks to a docker-credential helper', async () => {
    // A credential helper speaking docker's protocol, keeping its store in a file.
    const helper = path.join(dir, 'docker-credential-dockside-test');
    fs.writeFileSync(helper, `#!/bin/sh\nstore="${dir}/store.json"\ncase "$1" in\n  store) cat > "$store" ;;\n  get) read host; if [ -f "$store" ]; then sed 's/"ServerURL":"[^"]*",//' "$store"; else echo "credentials not found in native keychain"; exit 1; fi ;;\n  erase) rm -f "$store" ;;\nesac\n`, { mode: 0o755 });
    process.env.PATH = `${dir}:${savedPath}`;
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({
      auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hubsecret').toString('base64') }, 'registry.example.com:5000': {} },
      credHelpers: { 'helped.example.com': 'dockside-test' },
    }));
    const config = readDockerConfig(dir);
    assert.deepEqual(configuredRegistries(config).sort(), ['docker.io', 'helped.example.com', 'registry.example.com:5000']);
    assert.deepEqual(await dockerCredentials(config, 'docker.io'), { username: 'hubuser', secret: 'hubsecret' });
    assert.equal(helperFor(config, 'helped.example.com'), 'dockside-test');
    assert.equal(helperFor(config, 'docker.io'), undefined);
    assert.equal(await dockerCredentials(config, 'helped.example.com'), undefined);
    await storeWithHelper('dockside-test', 'helped.example.com', { username: 'u', secret: 's3cret' });
    assert.deepEqual(await dockerCredentials(config, 'helped.example.com'), { username: 'u', secret: 's3cret' });
  });

  it('names registries as docker does', () => {
    assert.equal(normaliseRegistry('https://index.docker.io/v1/'), 'docker.io');
    assert.equal(registryOfReference('nginx:1.27'), 'docker.io');
    assert.equal(registryOfReference('library/nginx'), 'docker.io');
    assert.equal(registryOfReference('127.0.0.1:5000/team/app:1'), '127.0.0.1:5000');
    assert.equal(registryOfReference('localhost/app'), 'localhost');
    assert.deepEqual(engineAuthConfig('docker.io', { username: 'a', secret: 'b' }), { username: 'a', password: 'b', serveraddress: 'https://index.docker.io/v1/' });
  });
});

describe('registry (live engine and local registry)', function () {
  this.timeout(120_000);
  const docker = testDocker();
  const client = new EngineClient(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } }));
  let registry: ReturnType<typeof startLocalRegistry>;
  let reference: string;

  before(() => {
    registry = startLocalRegistry();
    reference = `${registry.url}/dockside-test/unit-busybox:${process.pid}`;
  });
  after(async () => {
    await docker.getImage(reference).remove({ force: true }).catch(() => undefined);
    stopLocalRegistry(registry);
  });

  it('has the engine refuse a wrong password without echoing it', async () => {
    await assert.rejects(verifyLogin(client, registry.url, { username: registry.username, secret: 'not-the-password' }), (error: Error) => {
      assert.doesNotMatch(`${error.message} ${JSON.stringify(error)}`, /not-the-password/);
      assert.match(`${(error as { details?: { engineMessage?: string } }).details?.engineMessage}`, /unauthorized|401/i);
      return true;
    });
    await verifyLogin(client, registry.url, { username: registry.username, secret: registry.password });
  });

  it('pushes and pulls with progress folded into layers and bytes', async () => {
    const auth = engineAuthConfig(registry.url, { username: registry.username, secret: registry.password });
    // A layer of random bytes no other image has, so the pull really downloads it.
    const context = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-blob-'));
    fs.writeFileSync(path.join(context, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN head -c 800000 /dev/urandom > /blob\nLABEL dockside.test=true\n`);
    await buildImage(client, { contextDir: context, dockerfile: path.join(context, 'Dockerfile'), tag: reference, builder: 'classic' }, () => undefined);
    fs.rmSync(context, { recursive: true, force: true });
    const pushed: TransferProgress[] = [];
    const push = await pushImage(client, reference, auth, (p) => pushed.push(p));
    assert.match(push.digest ?? '', /^sha256:/);
    assert.ok(pushed.some((p) => p.layers >= 1));
    assert.deepEqual(await listRepositories(registry.url, { username: registry.username, secret: registry.password }), ['dockside-test/unit-busybox']);
    assert.deepEqual(await listTags(registry.url, 'dockside-test/unit-busybox', { username: registry.username, secret: registry.password }), [String(process.pid)]);

    await docker.getImage(reference).remove();
    const pulled: TransferProgress[] = [];
    const pull = await pullImage(client, reference, auth, (p) => pulled.push(p));
    const last = pulled[pulled.length - 1];
    assert.equal(last.layersDone, last.layers);
    assert.ok(last.totalBytes > 700_000 && last.bytes === last.totalBytes, `bytes: ${last.bytes}/${last.totalBytes}`);
    assert.equal(pull.bytes, last.totalBytes);
    await assert.rejects(listTags(registry.url, 'dockside-test/unit-busybox', { username: registry.username, secret: 'wrong' }), /not authorised/);
  });
});
