// Issue 12, items 6-8: the endpoint used is the endpoint shown, TLS switches as the docker CLI reads them,
// and a malformed address says what is wrong and how to fix it.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint } from '../../../src/engine/connection';
import { describeEngineError, EngineError } from '../../../src/engine/errors';

const home = '/home/dev';
const noFiles = () => undefined;

function withEnv<T>(vars: Record<string, string>, body: () => T): T {
  const saved = Object.keys(vars).map((k) => [k, process.env[k]] as const);
  Object.assign(process.env, vars);
  const restore = () => saved.forEach(([k, v]) => (v === undefined ? delete process.env[k] : (process.env[k] = v)));
  try {
    const result = body();
    if (result instanceof Promise) return result.finally(restore) as T;
    restore();
    return result;
  } catch (error) {
    restore();
    throw error;
  }
}

function thrown(body: () => unknown): EngineError {
  try {
    body();
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an error');
}

describe('endpoint trust (issue 12: 6-8)', () => {
  describe('the endpoint used is the endpoint shown', () => {
    it('dials an explicit unix socket even when DOCKER_HOST names a tcp engine', async () => {
      const endpoint = resolveEndpoint({ settingHost: 'unix:///var/run/docker.sock', env: { DOCKER_HOST: 'tcp://127.0.0.1:9' } });
      await withEnv({ DOCKER_HOST: 'tcp://127.0.0.1:9' }, async () => {
        const client = new EngineClient(endpoint, { requestTimeoutMs: 5000 });
        const version = await client.ping();
        assert.match(version.apiVersion, /^1\./);
      });
    });

    it('is not broken by a DOCKER_CERT_PATH without certificates in the environment', async () => {
      const endpoint = resolveEndpoint({ settingHost: 'unix:///var/run/docker.sock', env: {} });
      await withEnv({ DOCKER_HOST: 'tcp://127.0.0.1:9', DOCKER_CERT_PATH: '/nonexistent-dockside-certs' }, async () => {
        await new EngineClient(endpoint, { requestTimeoutMs: 5000 }).ping();
      });
    });
  });

  describe('TLS switches as the docker CLI reads them', () => {
    it('DOCKER_TLS=1 means TLS without verification', () => {
      const e = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://build:2376', DOCKER_TLS: '1', DOCKER_CERT_PATH: '/certs' }, homeDir: home, readFile: noFiles });
      assert.equal(e.tls, true);
      assert.equal(e.tlsFiles?.verify, false);
      assert.equal(e.warning, 'tlsUnverified');
    });

    it('DOCKER_TLS_VERIFY=0 still means TLS, verified as the docker CLI does, with a warning that says so', () => {
      const e = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://build:2376', DOCKER_TLS_VERIFY: '0' }, homeDir: home, readFile: noFiles });
      assert.equal(e.tls, true);
      assert.equal(e.tlsFiles?.verify, true);
      assert.equal(e.warning, 'tlsVerifyZero');
    });

    it('plain tcp carries a warning', () => {
      const e = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://build:2375' }, homeDir: home, readFile: noFiles });
      assert.equal(e.tls, false);
      assert.equal(e.warning, 'plainTcp');
    });

    it('a SkipTLSVerify context without TLS material connects with TLS, unverified', () => {
      const digest = createHash('sha256').update('skip').digest('hex');
      const meta = path.join(home, '.docker', 'contexts', 'meta', digest, 'meta.json');
      const e = resolveEndpoint({
        env: { DOCKER_CONTEXT: 'skip' },
        homeDir: home,
        readFile: (f) => (f === meta ? JSON.stringify({ Name: 'skip', Endpoints: { docker: { Host: 'tcp://10.1.2.3:2376', SkipTLSVerify: true } } }) : undefined),
      });
      assert.equal(e.tls, true);
      assert.equal(e.tlsFiles?.verify, false);
    });

    it('DOCKER_CERT_PATH without ca.pem gives a sentence naming the folder and the file, not ENOENT', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-certs-'));
      try {
        const endpoint = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir } });
        const error = thrown(() => new EngineClient(endpoint));
        assert.equal(error.code, 'tlsMaterialMissing');
        const sentence = describeEngineError(error);
        assert.ok(sentence.includes('DOCKER_CERT_PATH') && sentence.includes(dir) && sentence.includes('ca.pem'), sentence);
        assert.doesNotMatch(sentence, /ENOENT/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('a malformed engine host says what is wrong', () => {
    it('localhost:2375 in the setting: no scheme, write tcp://localhost:2375', () => {
      const error = thrown(() => resolveEndpoint({ settingHost: 'localhost:2375', env: {}, homeDir: home, readFile: noFiles }));
      assert.equal(error.code, 'invalidHost');
      const sentence = describeEngineError(error);
      assert.ok(sentence.includes('tcp://localhost:2375') && sentence.includes('dockside.engine.host'), sentence);
    });

    it('names DOCKER_HOST when the bad value came from there', () => {
      const error = thrown(() => resolveEndpoint({ env: { DOCKER_HOST: 'localhost:2375' }, homeDir: home, readFile: noFiles }));
      assert.match(describeEngineError(error), /DOCKER_HOST/);
    });

    it('refuses unknown schemes and tcp addresses with a path', () => {
      assert.equal(thrown(() => resolveEndpoint({ settingHost: 'ftp://x:1', env: {}, homeDir: home, readFile: noFiles })).details.problem, 'scheme');
      assert.equal(thrown(() => resolveEndpoint({ settingHost: 'tcp://x:1/v1.41', env: {}, homeDir: home, readFile: noFiles })).details.problem, 'path');
      assert.equal(thrown(() => resolveEndpoint({ settingHost: 'unix://', env: {}, homeDir: home, readFile: noFiles })).details.problem, 'noPath');
    });
  });
});
