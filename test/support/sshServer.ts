// A real OpenSSH server (Debian's openssh-server) on 127.0.0.1 for ssh:// engine tests: its own config,
// host key, port, pid file and authorized key, started in the foreground of its own process group. Its
// sessions get DOCKER_HOST pointing at the private engine, so `docker system dial-stdio` reaches that one.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { freePort } from '../launchers/network';

export interface SshFixture {
  readonly port: number;
  /** The client's private key (unencrypted ed25519) and a known_hosts line for this server. */
  readonly clientKey: string;
  readonly knownHostsLine: string;
  /** An ssh_config for `ssh -F`: Host dockside-test → 127.0.0.1:port, the client key, the test known_hosts. */
  readonly configFile: string;
  readonly knownHostsFile: string;
  readonly hostKeyFingerprint: string;
}

export class SshServer {
  private child?: ChildProcess;
  fixture?: SshFixture;

  constructor(
    private readonly dir: string,
    private readonly dockerHost: string,
  ) {}

  async start(): Promise<SshFixture> {
    const dir = this.dir;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    const keygen = (file: string, comment: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], { stdio: 'pipe' });
    const hostKey = path.join(dir, 'host_ed25519');
    const clientKey = path.join(dir, 'client_ed25519');
    keygen(hostKey, 'dockside test host');
    keygen(clientKey, 'dockside test client');
    fs.copyFileSync(`${clientKey}.pub`, path.join(dir, 'authorized_keys'));
    const port = await freePort();
    const config = path.join(dir, 'sshd_config');
    fs.writeFileSync(config, [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      `SetEnv DOCKER_HOST=${this.dockerHost}`,
      '',
    ].join('\n'));
    this.child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { detached: true, stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'sshd.log'), 'a')] });
    const deadline = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (Date.now() > deadline) throw new Error(`sshd did not listen on 127.0.0.1:${port} (see ${dir}/sshd.log)`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const hostPublic = fs.readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/);
    const knownHostsLine = `[127.0.0.1]:${port} ${hostPublic[0]} ${hostPublic[1]}`;
    const knownHostsFile = path.join(dir, 'known_hosts');
    fs.writeFileSync(knownHostsFile, `${knownHostsLine}\n`);
    const configFile = path.join(dir, 'ssh_config');
    fs.writeFileSync(configFile, [
      'Host dockside-test',
      '  HostName 127.0.0.1',
      `  Port ${port}`,
      '  User root',
      `  IdentityFile ${clientKey}`,
      `  UserKnownHostsFile ${knownHostsFile}`,
      '  GlobalKnownHostsFile none',
      '',
    ].join('\n'));
    const printed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`], { encoding: 'utf8' });
    this.fixture = { port, clientKey, knownHostsLine, configFile, knownHostsFile, hostKeyFingerprint: printed.split(/\s+/)[1]! };
    return this.fixture;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('data', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
