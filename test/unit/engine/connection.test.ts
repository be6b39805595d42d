import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { resolveEndpoint } from '../../../src/engine/connection';
import { EngineError } from '../../../src/engine/errors';

const home = '/home/dev';
const configDir = path.join(home, '.docker');

/** A fake file system holding docker's config.json and context metadata, as the CLI writes them. */
function files(entries: Record<string, string>): (file: string) => string | undefined {
  return (file) => entries[file];
}

function contextMeta(name: string, host: string, skipTls = false): Record<string, string> {
  const digest = createHash('sha256').update(name).digest('hex');
  return {
    [path.join(configDir, 'contexts', 'meta', digest, 'meta.json')]: JSON.stringify({
      Name: name,
      Metadata: {},
      Endpoints: { docker: { Host: host, SkipTLSVerify: skipTls } },
    }),
  };
}

function tlsFiles(name: string): Record<string, string> {
  const digest = createHash('sha256').update(name).digest('hex');
  const dir = path.join(configDir, 'contexts', 'tls', digest, 'docker');
  return { [path.join(dir, 'ca.pem')]: 'CA', [path.join(dir, 'cert.pem')]: 'CERT', [path.join(dir, 'key.pem')]: 'KEY' };
}

describe('engine endpoint resolution', () => {
  it('uses the default socket when nothing is configured', () => {
    const e = resolveEndpoint({ env: {}, homeDir: home, platform: 'linux', readFile: files({}) });
    assert.equal(e.host, 'unix:///var/run/docker.sock');
    assert.equal(e.source, 'default');
    assert.equal(e.label, 'default');
  });

  it('uses the Windows named pipe by default on Windows', () => {
    const e = resolveEndpoint({ env: {}, homeDir: home, platform: 'win32', readFile: files({}) });
    assert.equal(e.host, 'npipe:////./pipe/docker_engine');
  });

  it('follows DOCKER_HOST for unix sockets and plain tcp', () => {
    assert.equal(resolveEndpoint({ env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, homeDir: home, readFile: files({}) }).host, 'unix:///run/user/1000/docker.sock');
    const tcp = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' }, homeDir: home, readFile: files({}) });
    assert.equal(tcp.host, 'tcp://10.0.0.5:2375');
    assert.equal(tcp.tls, false);
    assert.equal(tcp.source, 'DOCKER_HOST');
  });

  it('turns on TLS with DOCKER_TLS_VERIFY and reads certificates from DOCKER_CERT_PATH', () => {
    const e = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://build:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, homeDir: home, readFile: files({}) });
    assert.equal(e.tls, true);
    assert.deepEqual(e.tlsFiles, { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem', verify: true, certPathVariable: 'DOCKER_CERT_PATH' });
  });

  it('defaults the certificate folder to ~/.docker', () => {
    const e = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://build:2376', DOCKER_TLS_VERIFY: '1' }, homeDir: home, readFile: files({}) });
    assert.equal(e.tlsFiles?.ca, path.join(configDir, 'ca.pem'));
  });

  it('keeps ssh:// hosts as they are', () => {
    const e = resolveEndpoint({ env: { DOCKER_HOST: 'ssh://deploy@build.example:2222' }, homeDir: home, readFile: files({}) });
    assert.equal(e.host, 'ssh://deploy@build.example:2222');
  });

  it('reads the current context from config.json and its endpoint from the context metadata', () => {
    const e = resolveEndpoint({
      env: {},
      homeDir: home,
      readFile: files({ [path.join(configDir, 'config.json')]: JSON.stringify({ currentContext: 'colima' }), ...contextMeta('colima', 'unix:///home/dev/.colima/docker.sock') }),
    });
    assert.equal(e.host, 'unix:///home/dev/.colima/docker.sock');
    assert.equal(e.label, 'colima');
    assert.equal(e.contextName, 'colima');
    assert.equal(e.source, 'currentContext');
  });

  it('uses TLS material stored with a tcp context, honouring SkipTLSVerify', () => {
    const e = resolveEndpoint({
      env: { DOCKER_CONTEXT: 'remote' },
      homeDir: home,
      readFile: files({ ...contextMeta('remote', 'tcp://10.1.2.3:2376', true), ...tlsFiles('remote') }),
    });
    assert.equal(e.tls, true);
    assert.equal(e.tlsFiles?.verify, false);
    assert.match(e.tlsFiles?.cert ?? '', /contexts\/tls\/[0-9a-f]{64}\/docker\/cert\.pem$/);
  });

  it('lets DOCKER_HOST win over DOCKER_CONTEXT and the current context, as the CLI does', () => {
    const e = resolveEndpoint({
      env: { DOCKER_HOST: 'unix:///tmp/a.sock', DOCKER_CONTEXT: 'remote' },
      homeDir: home,
      readFile: files({ [path.join(configDir, 'config.json')]: JSON.stringify({ currentContext: 'colima' }) }),
    });
    assert.equal(e.host, 'unix:///tmp/a.sock');
  });

  it('lets DOCKER_CONTEXT win over the current context', () => {
    const e = resolveEndpoint({
      env: { DOCKER_CONTEXT: 'b' },
      homeDir: home,
      readFile: files({ [path.join(configDir, 'config.json')]: JSON.stringify({ currentContext: 'a' }), ...contextMeta('a', 'unix:///a.sock'), ...contextMeta('b', 'unix:///b.sock') }),
    });
    assert.equal(e.host, 'unix:///b.sock');
    assert.equal(e.source, 'DOCKER_CONTEXT');
  });

  it('lets the settings win over everything, host before context', () => {
    const readFile = files(contextMeta('b', 'unix:///b.sock'));
    const env = { DOCKER_HOST: 'unix:///env.sock' };
    assert.equal(resolveEndpoint({ settingHost: '/custom.sock', settingContext: 'b', env, homeDir: home, readFile }).host, 'unix:///custom.sock');
    const byContext = resolveEndpoint({ settingContext: 'b', env, homeDir: home, readFile });
    assert.equal(byContext.host, 'unix:///b.sock');
    assert.equal(byContext.source, 'settingContext');
  });

  it('treats the "default" context as DOCKER_HOST or the default socket', () => {
    const e = resolveEndpoint({ env: { DOCKER_CONTEXT: 'default' }, homeDir: home, platform: 'linux', readFile: files({}) });
    assert.equal(e.host, 'unix:///var/run/docker.sock');
  });

  it('honours DOCKER_CONFIG for the config folder', () => {
    const e = resolveEndpoint({
      env: { DOCKER_CONFIG: '/etc/dockercfg' },
      homeDir: home,
      readFile: files({ '/etc/dockercfg/config.json': JSON.stringify({ currentContext: 'x' }), ...Object.fromEntries(Object.entries(contextMeta('x', 'unix:///x.sock')).map(([k, v]) => [k.replace(configDir, '/etc/dockercfg'), v])) }),
    });
    assert.equal(e.host, 'unix:///x.sock');
  });

  it('fails with contextNotFound for a context that does not exist', () => {
    assert.throws(
      () => resolveEndpoint({ env: { DOCKER_CONTEXT: 'nope' }, homeDir: home, readFile: files({}) }),
      (e: unknown) => e instanceof EngineError && e.code === 'contextNotFound' && e.details.context === 'nope',
    );
  });

  it('ignores a config.json that is not valid JSON', () => {
    const e = resolveEndpoint({ env: {}, homeDir: home, platform: 'linux', readFile: files({ [path.join(configDir, 'config.json')]: '{ not json' }) });
    assert.equal(e.source, 'default');
  });
});
