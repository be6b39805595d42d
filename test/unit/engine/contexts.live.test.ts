// Docker contexts written by Dockside read back exactly as the real docker CLI reads them, and the other
// way round: `docker context inspect`, `docker context show` and `docker context ls` against a test
// DOCKER_CONFIG.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportContext, importContext } from '../../../src/engine/contextArchive';
import { ContextStore } from '../../../src/engine/contexts';
import { resolveEndpoint } from '../../../src/engine/connection';
import { EngineError } from '../../../src/engine/errors';

describe('docker contexts (compared with the docker CLI)', function () {
  this.timeout(30_000);
  let dir: string;
  let store: ContextStore;
  const cli = (...args: string[]) => execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: dir, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, encoding: 'utf8' });
  const cliInspect = (name: string) => (JSON.parse(cli('context', 'inspect', name)) as unknown[])[0];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-contexts-'));
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: {} }));
    store = new ContextStore({ DOCKER_CONFIG: dir });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates unix, tcp+TLS and ssh contexts that the CLI inspects exactly as Dockside does', () => {
    store.create({ name: 'local-sock', host: 'unix:///tmp/dockside.sock' });
    store.create({ name: 'build-tls', description: 'build host', host: 'tcp://127.0.0.1:2376', tls: { ca: 'CA\n', cert: 'CERT\n', key: 'KEY\n' } });
    store.create({ name: 'over-ssh', host: 'ssh://deploy@127.0.0.1:2222' });
    store.create({ name: 'skip', host: 'tcp://127.0.0.1:2376', skipTlsVerify: true });
    for (const name of ['default', 'local-sock', 'build-tls', 'over-ssh', 'skip']) assert.deepEqual(store.inspect(name), cliInspect(name), name);
    const listed = cli('context', 'ls', '--format', '{{.Name}} {{.DockerEndpoint}}').trim().split('\n');
    assert.deepEqual(listed, store.list().map((c) => `${c.name} ${c.host}`));
    // And the endpoint Dockside dials for the TLS context uses the stored files.
    const endpoint = resolveEndpoint({ settingContext: 'build-tls', env: { DOCKER_CONFIG: dir } });
    assert.equal(endpoint.tls, true);
    assert.equal(fs.readFileSync(endpoint.tlsFiles!.ca!, 'utf8'), 'CA\n');
  });

  it('reads contexts the CLI created', () => {
    cli('context', 'create', 'from-cli', '--description', 'made by docker', '--docker', 'host=tcp://127.0.0.1:2375');
    const c = store.get('from-cli');
    assert.equal(c?.host, 'tcp://127.0.0.1:2375');
    assert.equal(c?.description, 'made by docker');
    assert.deepEqual(store.inspect('from-cli'), cliInspect('from-cli'));
  });

  it('use writes currentContext as docker context use does, keeping the rest of config.json', () => {
    store.create({ name: 'other', host: 'unix:///tmp/other.sock' });
    store.use('other');
    assert.equal(cli('context', 'show').trim(), 'other');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')), { auths: {}, currentContext: 'other' });
    store.use('default');
    assert.equal(cli('context', 'show').trim(), 'default');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')), { auths: {} });
  });

  it('remove deletes the context and its TLS files; removing the current one falls back to default like rm -f', () => {
    store.create({ name: 'gone', host: 'tcp://127.0.0.1:2376', tls: { ca: 'CA' } });
    store.use('gone');
    store.remove('gone');
    assert.equal(cli('context', 'show').trim(), 'default');
    assert.ok(!cli('context', 'ls', '--format', '{{.Name}}').includes('gone'));
    assert.ok(!fs.existsSync(store.tlsDir('gone')));
  });

  it('exports a context the CLI imports, and imports what the CLI exported', async () => {
    store.create({ name: 'travels', description: 'with TLS', host: 'tcp://127.0.0.1:2376', tls: { ca: 'CA\n', cert: 'CERT\n', key: 'KEY\n' } });
    const ours = path.join(dir, 'ours.dockercontext');
    await exportContext(store, 'travels', ours);
    cli('context', 'import', 'imported-by-cli', ours);
    const expected = { ...(store.inspect('travels') as object), Name: 'imported-by-cli' } as Record<string, unknown>;
    const byCli = cliInspect('imported-by-cli') as Record<string, unknown>;
    assert.deepEqual({ ...byCli, Storage: undefined }, { ...expected, Storage: undefined });

    const theirs = path.join(dir, 'theirs.dockercontext');
    cli('context', 'export', 'imported-by-cli', theirs);
    await importContext(store, 'back-again', theirs);
    assert.deepEqual(store.inspect('back-again'), cliInspect('back-again'));
    assert.equal(fs.readFileSync(path.join(store.tlsDir('back-again'), 'docker', 'key.pem'), 'utf8'), 'KEY\n');
  });

  it('refuses an archive that is not a context export', async () => {
    const bogus = path.join(dir, 'bogus.dockercontext');
    fs.writeFileSync(bogus, Buffer.alloc(1024));
    await assert.rejects(importContext(store, 'bogus', bogus), (e: EngineError) => e instanceof EngineError);
    assert.equal(store.get('bogus'), undefined);
  });

  it('refuses bad names, duplicates, bad hosts and removing default, with a reason', () => {
    assert.throws(() => store.create({ name: '-bad', host: 'unix:///x' }), EngineError);
    store.create({ name: 'twice', host: 'unix:///x' });
    assert.throws(() => store.create({ name: 'twice', host: 'unix:///x' }), /already exists/);
    assert.throws(() => store.create({ name: 'nohost', host: 'localhost:2375' }), (e: EngineError) => e.code === 'invalidHost');
    assert.throws(() => store.remove('default'), /cannot be removed/);
  });
});
