// A second Docker engine for tests and benchmarks: its own data root, exec root, pid file and a private
// unix socket under /tmp, no bridge and no iptables rules. It runs in a network namespace of its own
// (`unshare --net`): dockerd started with `--bridge=none` deletes the host's `docker0`, which would break
// the main engine (containers fail with "could not find bridge docker0").
// Stopping it and starting it again (same data root) plays an engine outage and recovery. With `netns`, it
// runs in a named namespace (`ip netns add`) that outlives each daemon: helpers the test starts there (a
// registry on the namespace's loopback) stay reachable to the engine across restarts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';

export class PrivateEngine {
  readonly socket: string;
  private readonly pidFile: string;

  constructor(
    readonly root: string,
    private readonly options: {
      readonly netns?: string;
      /** Replaces the default `--bridge=none --iptables=false` (a swarm node in its own namespace keeps a bridge there). */
      readonly daemonArgs?: readonly string[];
    } = {},
  ) {
    this.socket = path.join(root, 'docker.sock');
    this.pidFile = path.join(root, 'docker.pid');
  }

  /** Runs `command` inside the engine's named network namespace (nsenter execs it in place: its pid is the helper's). */
  spawnInNamespace(command: string, args: readonly string[], logFile: string): ChildProcess {
    const netns = this.requireNetns();
    const log = fs.openSync(logFile, 'a');
    const child = spawn('nsenter', [`--net=/run/netns/${netns}`, '--', command, ...args], { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    fs.closeSync(log);
    return child;
  }

  /** Runs a short command inside the namespace and returns its output. */
  execInNamespace(command: string, args: readonly string[]): string {
    return execFileSync('nsenter', [`--net=/run/netns/${this.requireNetns()}`, '--', command, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  }

  private requireNetns(): string {
    if (!this.options.netns) throw new Error('this private engine has no named network namespace');
    return this.options.netns;
  }

  private ensureNetns(netns: string): void {
    if (!fs.existsSync(`/run/netns/${netns}`)) {
      execFileSync('ip', ['netns', 'add', netns]);
      execFileSync('ip', ['netns', 'exec', netns, 'ip', 'link', 'set', 'lo', 'up']);
    }
  }

  get host(): string {
    return `unix://${this.socket}`;
  }

  async start(timeoutMs = 30_000): Promise<void> {
    fs.mkdirSync(this.root, { recursive: true });
    const log = fs.openSync(path.join(this.root, 'dockerd.log'), 'a');
    const args = [
      '--data-root', path.join(this.root, 'data'),
      '--exec-root', path.join(this.root, 'exec'),
      '--pidfile', this.pidFile,
      '-H', this.host,
      ...(this.options.daemonArgs ?? ['--bridge=none', '--iptables=false']),
    ];
    // unshare and nsenter exec dockerd in place, so the pid file names the daemon itself.
    const netns = this.options.netns;
    if (netns) this.ensureNetns(netns);
    const [command, prefix] = netns ? ['nsenter', [`--net=/run/netns/${netns}`, '--']] : ['unshare', ['--net']];
    const child = spawn(command, [...prefix, 'dockerd', ...args], { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    fs.closeSync(log);
    const deadline = Date.now() + timeoutMs;
    while (!(await this.answers())) {
      if (Date.now() > deadline) throw new Error(`the private engine did not answer on ${this.socket} within ${timeoutMs} ms (see ${this.root}/dockerd.log)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Stops the daemon (SIGTERM to the pid it wrote) and waits until it has exited. */
  async stop(timeoutMs = 30_000): Promise<void> {
    let pid: number;
    try {
      pid = Number(fs.readFileSync(this.pidFile, 'utf8').trim());
    } catch {
      return;
    }
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }

  /** Stops the daemon and deletes everything it stored (and its named namespace). */
  async destroy(): Promise<void> {
    await this.stop();
    removeRoot(this.root);
    if (this.options.netns && fs.existsSync(`/run/netns/${this.options.netns}`)) execFileSync('ip', ['netns', 'delete', this.options.netns]);
  }

  answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const req = http.get({ socketPath: this.socket, path: '/_ping', timeout: 1000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => (req.destroy(), resolve(false)));
    });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Deletes a daemon's root. A swarm node's exec/netns holds namespace mounts the daemon may leave behind when it
 * stops (EBUSY on unlink): they are unmounted lazily and the delete tried again.
 */
function removeRoot(root: string): void {
  try {
    fs.rmSync(root, { recursive: true, force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EBUSY') throw error;
    const netns = path.join(root, 'exec', 'netns');
    for (const name of fs.existsSync(netns) ? fs.readdirSync(netns) : []) {
      try {
        execFileSync('umount', ['-l', path.join(netns, name)], { stdio: 'ignore' });
      } catch {
        // not a mount point: the delete below says so if it still fails
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
}
