// A second real engine (a private dockerd in its own network namespace) reached over the three transports
// of issue 15: its unix socket, tcp://127.0.0.1 with TLS (openssl-made CA, server and client certificates),
// and ssh:// through Debian's openssh-server on 127.0.0.1 running `docker system dial-stdio`.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineClient } from '../../../src/engine/client';
import { resolveEndpoint, type EngineEndpoint } from '../../../src/engine/connection';
import { describeEngineError, EngineError } from '../../../src/engine/errors';
import type { HostKeyQuestion } from '../../../src/engine/ssh/sshDialAgent';
import { resolveSshTarget } from '../../../src/engine/ssh/sshTarget';
import { PrivateEngine } from '../../support/privateEngine';
import { SshServer, type SshFixture } from '../../support/sshServer';
import { TlsEngineProxy } from '../../support/tlsEngineProxy';
import { makeTlsMaterial, type TlsMaterial } from '../../support/tlsMaterial';

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the connection to be refused');
}

describe('remote engines over unix, TLS and ssh (private engine)', function () {
  this.timeout(60_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockside-remote-'));
  const engine = new PrivateEngine(path.join(root, 'engine'));
  let material: TlsMaterial;
  let proxy: TlsEngineProxy;
  let sshd: SshServer;
  let ssh: SshFixture;
  let engineId: string;

  before(async () => {
    await engine.start();
    material = makeTlsMaterial(path.join(root, 'tls'));
    proxy = new TlsEngineProxy(engine.socket, material);
    await proxy.start();
    sshd = new SshServer(path.join(root, 'ssh'), engine.host);
    ssh = await sshd.start();
    engineId = (await new EngineClient(resolveEndpoint({ settingHost: engine.host, env: {} })).info()).name;
  });

  after(async () => {
    await sshd?.stop();
    await proxy?.stop();
    await engine.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** The engine's own name tells which engine answered: the private one, never the main one. */
  async function answersAsPrivateEngine(client: EngineClient): Promise<void> {
    const info = await client.info();
    assert.equal(info.name, engineId);
    assert.deepEqual(await client.listContainers(), []);
  }

  it('(a) reaches the private engine over its unix socket', async () => {
    await answersAsPrivateEngine(new EngineClient(resolveEndpoint({ settingHost: engine.host, env: {} })));
  });

  describe('(b) tcp with TLS', () => {
    const tlsEnv = (certPath: string) => ({ DOCKER_HOST: proxy.host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath });

    it('verifies the server against the CA and presents the client certificate', async () => {
      const endpoint = resolveEndpoint({ env: tlsEnv(material.clientDir) });
      assert.equal(endpoint.tls, true);
      await answersAsPrivateEngine(new EngineClient(endpoint));
    });

    it('refuses a server whose certificate another CA signed', async () => {
      const wrong = path.join(root, 'wrong-ca');
      fs.mkdirSync(wrong, { recursive: true });
      fs.copyFileSync(material.wrongCa, path.join(wrong, 'ca.pem'));
      fs.copyFileSync(path.join(material.clientDir, 'cert.pem'), path.join(wrong, 'cert.pem'));
      fs.copyFileSync(path.join(material.clientDir, 'key.pem'), path.join(wrong, 'key.pem'));
      const error = await failure(new EngineClient(resolveEndpoint({ env: tlsEnv(wrong) }), { requestTimeoutMs: 5000 }).ping());
      assert.equal(error.code, 'tlsFailure');
    });

    it('is refused by the server without a client certificate', async () => {
      const noClient = path.join(root, 'ca-only');
      fs.mkdirSync(noClient, { recursive: true });
      fs.copyFileSync(material.ca, path.join(noClient, 'ca.pem'));
      const error = await failure(new EngineClient(resolveEndpoint({ env: tlsEnv(noClient) }), { requestTimeoutMs: 5000 }).ping());
      assert.ok(['tlsFailure', 'unreachable'].includes(error.code), error.code);
    });

    it('reads DOCKER_TLS_VERIFY=0 and DOCKER_TLS=1 exactly as the docker CLI does', async () => {
      const wrong = path.join(root, 'wrong-ca');
      for (const env of [{ DOCKER_TLS_VERIFY: '0' }, { DOCKER_TLS: '1' }]) {
        const vars = { DOCKER_HOST: proxy.host, DOCKER_CERT_PATH: wrong, ...env };
        const cli = await new Promise<boolean>((resolve) =>
          execFile('docker', ['version', '--format', '{{.Server.Version}}'], { env: { ...process.env, ...vars }, timeout: 20_000 }, (error) => resolve(!error)),
        );
        const ours = await new EngineClient(resolveEndpoint({ env: vars }), { requestTimeoutMs: 5000 }).ping().then(() => true, () => false);
        assert.equal(ours, cli, `${JSON.stringify(env)}: the CLI ${cli ? 'connected' : 'refused'}, Dockside ${ours ? 'connected' : 'refused'}`);
      }
    });

    it('connects without verification when asked (DOCKER_TLS=1), still presenting the client certificate', async () => {
      const wrong = path.join(root, 'wrong-ca');
      const endpoint = resolveEndpoint({ env: { DOCKER_HOST: proxy.host, DOCKER_TLS: '1', DOCKER_CERT_PATH: wrong } });
      assert.equal(endpoint.warning, 'tlsUnverified');
      await answersAsPrivateEngine(new EngineClient(endpoint));
    });
  });

  describe('(c) ssh', () => {
    const url = 'ssh://dockside-test';
    const endpoint = (): EngineEndpoint => resolveEndpoint({ settingHost: url, env: {} });
    /** A client whose ~/.ssh/config is the test's, so known_hosts, key, host and port come from there. */
    function client(options: { knownHosts?: string; confirm?: (q: HostKeyQuestion) => Promise<boolean> } = {}): EngineClient {
      const config = options.knownHosts === undefined ? ssh.configFile : writeConfig(options.knownHosts);
      return new EngineClient(endpoint(), { requestTimeoutMs: 20_000, confirmHostKey: options.confirm, sshConfigFile: config });
    }
    let configs = 0;
    function writeConfig(knownHosts: string): string {
      const file = path.join(root, 'ssh', `config-${++configs}`);
      const known = path.join(root, 'ssh', `known_hosts-${configs}`);
      fs.writeFileSync(known, knownHosts);
      fs.writeFileSync(file, fs.readFileSync(ssh.configFile, 'utf8').replace(ssh.knownHostsFile, known));
      return file;
    }

    it('reads host, port, user, key and known_hosts from the ssh config (ssh -G)', async () => {
      const target = await resolveSshTarget(url, process.env, ssh.configFile);
      assert.equal(target.hostname, '127.0.0.1');
      assert.equal(target.port, ssh.port);
      assert.equal(target.username, 'root');
      assert.deepEqual(target.identityFiles, [ssh.clientKey]);
      assert.deepEqual(target.knownHostsFiles, [ssh.knownHostsFile]);
    });

    it('runs docker system dial-stdio on a host whose key is in known_hosts', async () => {
      const c = client();
      try {
        await answersAsPrivateEngine(c);
        // Several requests at once share the kept ssh connection.
        await Promise.all([c.listImages(), c.listNetworks(), c.listVolumes(), c.version()]);
      } finally {
        c.close();
      }
    });

    it('accepts a hashed known_hosts entry', async () => {
      const salt = randomBytes(20);
      const name = `[127.0.0.1]:${ssh.port}`;
      const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
      const c = client({ knownHosts: `${ssh.knownHostsLine.replace(name, hashed)}\n` });
      try {
        await answersAsPrivateEngine(c);
      } finally {
        c.close();
      }
    });

    it('refuses an unknown host when nobody confirms, and says its fingerprint', async () => {
      const error = await failure(client({ knownHosts: '' }).ping());
      assert.equal(error.code, 'hostKeyUnknown');
      assert.ok(describeEngineError(error).includes(ssh.hostKeyFingerprint), describeEngineError(error));
    });

    it('asks about an unknown host with the fingerprint; a refusal does not connect', async () => {
      const questions: HostKeyQuestion[] = [];
      const error = await failure(client({ knownHosts: '', confirm: async (q) => (questions.push(q), false) }).ping());
      assert.equal(error.code, 'hostKeyUnknown');
      assert.equal(questions.length, 1);
      assert.equal(questions[0]!.fingerprint, ssh.hostKeyFingerprint);
      assert.equal(questions[0]!.host, `[127.0.0.1]:${ssh.port}`);
    });

    it('connects after the user accepts the key, and remembers it in known_hosts like ssh', async () => {
      const c = client({ knownHosts: '', confirm: async () => true });
      try {
        await answersAsPrivateEngine(c);
      } finally {
        c.close();
      }
      const known = fs.readFileSync(path.join(root, 'ssh', `known_hosts-${configs}`), 'utf8');
      assert.equal(known.trim(), ssh.knownHostsLine);
    });

    it('refuses a changed host key without asking', async () => {
      const other = ssh.knownHostsLine.replace(/ \S+$/, ' AAAAC3NzaC1lZDI1NTE5AAAAIKk4xIu+R4Jb0oA6bJ0Kc3QzGJcmQ2QJb0n8u3Z0yPzL');
      let asked = false;
      const error = await failure(client({ knownHosts: `${other}\n`, confirm: async () => (asked = true) }).ping());
      assert.equal(error.code, 'hostKeyChanged');
      assert.equal(asked, false);
      assert.match(describeEngineError(error), /changed/);
    });
  });
});
