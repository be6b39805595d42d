// ssh:// engines the way the docker CLI reaches them: ssh to the host and run `docker system dial-stdio`,
// whose stdin/stdout is a connection to the remote engine's socket. Unlike docker-modem's own ssh agent
// (one ssh handshake per request, any host key accepted), this keeps a few ssh connections open, runs one
// dial-stdio channel per HTTP connection, and checks the host key against known_hosts first.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import type { ClientChannel, ConnectConfig } from 'ssh2';
import { EngineError } from '../errors';
import { appendKnownHost, fingerprint, keyTypeOf, knownHostsName, readKnownHosts, verifyHostKey } from './knownHosts';
import { resolveSshTarget, type SshTarget } from './sshTarget';

type Ssh2 = typeof import('ssh2');

export interface HostKeyQuestion {
  readonly host: string;
  readonly port: number;
  readonly keyType: string;
  readonly fingerprint: string;
  readonly knownHostsFile: string;
}

/** Asks the user about a host key that is in no known_hosts file; true to trust it (and remember it). */
export type ConfirmHostKey = (question: HostKeyQuestion) => Promise<boolean>;

export interface SshDialOptions {
  readonly confirmHostKey?: ConfirmHostKey;
  /** The command run on the remote host; the CLI's own. */
  readonly remoteCommand?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** An ssh_config read instead of ~/.ssh/config. */
  readonly configFile?: string;
}

/** sshd's default MaxSessions is 10: stay below it on one connection, open another past it. */
const CHANNELS_PER_CONNECTION = 8;

interface PooledConnection {
  readonly client: import('ssh2').Client;
  readonly ready: Promise<void>;
  channels: number;
  closed: boolean;
}

export class SshDialAgent extends http.Agent {
  private readonly pool: PooledConnection[] = [];
  private target?: Promise<SshTarget>;

  constructor(
    private readonly url: string,
    private readonly options: SshDialOptions = {},
  ) {
    super({ keepAlive: true });
  }

  // Node's Agent calls this for every new HTTP connection; the callback form lets us dial asynchronously.
  override createConnection(_options: unknown, callback: (error: Error | null, socket?: Duplex) => void): undefined {
    this.openChannel().then(
      (channel) => callback(null, channel),
      (error: Error) => callback(error),
    );
    return undefined;
  }

  private async openChannel(): Promise<Duplex> {
    const connection = await this.connection();
    connection.channels++;
    try {
      const channel = await new Promise<ClientChannel>((resolve, reject) =>
        connection.client.exec(this.options.remoteCommand ?? 'docker system dial-stdio', (error, stream) => (error ? reject(error) : resolve(stream))),
      );
      channel.once('close', () => connection.channels--);
      channel.stderr.on('data', () => undefined);
      return asSocket(channel);
    } catch (error) {
      connection.channels--;
      throw error;
    }
  }

  private async connection(): Promise<PooledConnection> {
    const open = this.pool.find((c) => !c.closed && c.channels < CHANNELS_PER_CONNECTION);
    if (open) {
      await open.ready;
      return open;
    }
    const created = await this.connect();
    this.pool.push(created);
    try {
      await created.ready;
    } catch (error) {
      this.pool.splice(this.pool.indexOf(created), 1);
      throw error;
    }
    return created;
  }

  private async connect(): Promise<PooledConnection> {
    this.target ??= resolveSshTarget(this.url, this.options.env, this.options.configFile);
    const target = await this.target;
    // Loaded here: ssh2 and its crypto are only paid for by users of ssh engines.
    const ssh2 = require('ssh2') as Ssh2;
    const client = new ssh2.Client();
    let refusal: EngineError | undefined;
    const config: ConnectConfig = {
      host: target.hostname,
      port: target.port,
      username: target.username,
      readyTimeout: target.connectTimeoutMs ?? 20_000,
      keepaliveInterval: 15_000,
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        this.checkHostKey(target, key).then(
          () => verify(true),
          (error: EngineError) => {
            refusal = error;
            verify(false);
          },
        );
      },
      authHandler: authMethods(ssh2, target),
    } as ConnectConfig;
    const pooled: PooledConnection = {
      client,
      channels: 0,
      closed: false,
      ready: new Promise<void>((resolve, reject) => {
        client.once('ready', () => resolve());
        client.once('error', (error: Error & { level?: string }) => {
          pooled.closed = true;
          if (refusal) reject(refusal);
          else if (error.level === 'client-authentication') reject(new EngineError('sshAuthFailed', error.message, { endpoint: this.url, cause: error }));
          else reject(error);
        });
      }),
    };
    client.on('error', () => (pooled.closed = true));
    client.on('close', () => {
      pooled.closed = true;
      const index = this.pool.indexOf(pooled);
      if (index >= 0) this.pool.splice(index, 1);
    });
    client.connect(config);
    return pooled;
  }

  /** Resolves when the key may be used; rejects with hostKeyChanged / hostKeyUnknown otherwise. */
  private async checkHostKey(target: SshTarget, key: Buffer): Promise<void> {
    const name = knownHostsName(target.hostKeyName, target.port);
    const verdict = verifyHostKey(readKnownHosts(target.knownHostsFiles), name, key);
    const details = { endpoint: this.url, fingerprint: fingerprint(key) };
    if (verdict.kind === 'known') return;
    if (verdict.kind === 'changed' || verdict.kind === 'revoked') {
      throw new EngineError('hostKeyChanged', `host key of ${name} differs from ${verdict.entry.file}:${verdict.entry.line}`, {
        ...details,
        knownHostsFile: `${verdict.entry.file}:${verdict.entry.line}`,
      });
    }
    const question = { host: name, port: target.port, keyType: keyTypeOf(key), fingerprint: details.fingerprint, knownHostsFile: target.userKnownHostsFile };
    const accepted = this.options.confirmHostKey ? await this.options.confirmHostKey(question).catch(() => false) : false;
    if (!accepted) throw new EngineError('hostKeyUnknown', `${name} is not in known_hosts`, { ...details, knownHostsFile: target.userKnownHostsFile });
    appendKnownHost(target.userKnownHostsFile, name, key);
  }

  override destroy(): void {
    for (const c of this.pool.splice(0)) c.client.end();
    super.destroy();
  }
}

/** The agent first (it holds the user's keys, as with `ssh`), then each unencrypted IdentityFile. */
function authMethods(ssh2: Ssh2, target: SshTarget): unknown[] {
  const methods: unknown[] = [];
  if (target.agentSocket) methods.push({ type: 'agent', username: target.username, agent: target.agentSocket });
  for (const file of target.identityFiles) {
    let key: Buffer;
    try {
      key = fs.readFileSync(file);
    } catch {
      continue;
    }
    // An encrypted key needs a passphrase we do not ask for here: ssh-agent is the way for those.
    if (ssh2.utils.parseKey(key) instanceof Error) continue;
    methods.push({ type: 'publickey', username: target.username, key });
  }
  return methods;
}

/** Node's http client calls these socket methods on its connections; an ssh channel has no such knobs. */
function asSocket(channel: ClientChannel): Duplex {
  const socket = channel as unknown as Record<string, unknown>;
  for (const method of ['setTimeout', 'setNoDelay', 'setKeepAlive', 'ref', 'unref']) {
    if (typeof socket[method] !== 'function') socket[method] = () => channel;
  }
  return channel;
}
