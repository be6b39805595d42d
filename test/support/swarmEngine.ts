// A private single-node swarm for tests (issue 17): a dockerd in a named network namespace of its own, with a
// veth pair inside that namespace carrying an address the test assigns (10.201.N.1/24, N from the pid), so
// `swarm init --advertise-addr` has an address that exists nowhere else. The main engine is never a swarm.
// Its bridge, local address pool and overlay pool are 10.202.N.0/24, 10.203.0.0/16 and 10.204.0.0/16: they,
// too, live only in the namespace. pair() makes a two-node swarm of two such engines.
// The test image is copied in from the main engine (save | load): nothing is pulled.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { PrivateEngine } from './privateEngine';
import { loadTestImageInto, TEST_IMAGE } from './testEngine';

/** A second tag of the test image, for rolling updates. */
export const SWARM_IMAGE_V2 = 'dockside-test/busybox:swarm-v2';

export class SwarmEngine {
  readonly netns: string;
  readonly address: string;
  readonly root: string;
  readonly engine: PrivateEngine;
  readonly docker: Docker;

  /** `node`: 1 for a lone manager or the first of a pair, 2 for the second of a pair (see pair()). */
  constructor(
    name = `swarm-${process.pid}`,
    node: 1 | 2 = 1,
  ) {
    const n = (process.pid % 250) + 1;
    this.netns = name;
    this.address = `10.201.${n}.${node}`;
    // Made by start(): suites build their engine when mocha loads them, also when a grep skips their tests.
    this.root = path.join(os.tmpdir(), `${name}-engine`);
    this.engine = new PrivateEngine(this.root, {
      netns: this.netns,
      daemonArgs: ['--iptables=false', '--ip-masq=false', '--bip', `10.202.${n}.${node}/24`, '--default-address-pool', 'base=10.203.0.0/16,size=24'],
    });
    this.docker = new Docker({ socketPath: this.engine.socket });
  }

  get host(): string {
    return this.engine.host;
  }

  /**
   * Two engines in two namespaces joined by one veth pair (10.201.N.1 and .2): the first manages a swarm the
   * second joins as a worker. Both daemons share the machine's UTS namespace, so both nodes have its hostname.
   */
  static async pair(name = `swarm-${process.pid}`): Promise<[SwarmEngine, SwarmEngine]> {
    const manager = new SwarmEngine(`${name}a`, 1);
    const worker = new SwarmEngine(`${name}b`, 2);
    for (const e of [manager, worker]) {
      execFileSync('ip', ['netns', 'add', e.netns]);
      execFileSync('ip', ['netns', 'exec', e.netns, 'ip', 'link', 'set', 'lo', 'up']);
    }
    execFileSync('ip', ['netns', 'exec', manager.netns, 'ip', 'link', 'add', 'swarm0', 'type', 'veth', 'peer', 'name', 'swarm1', 'netns', worker.netns]);
    for (const [e, dev] of [[manager, 'swarm0'], [worker, 'swarm1']] as const) {
      execFileSync('ip', ['netns', 'exec', e.netns, 'ip', 'addr', 'add', `${e.address}/24`, 'dev', dev]);
      execFileSync('ip', ['netns', 'exec', e.netns, 'ip', 'link', 'set', dev, 'up']);
    }
    await Promise.all([manager.start(), worker.start({ init: false })]);
    const tokens = (await manager.docker.swarmInspect()) as { JoinTokens: { Worker: string } };
    await worker.docker.swarmJoin({ ListenAddr: `${worker.address}:2377`, AdvertiseAddr: worker.address, RemoteAddrs: [`${manager.address}:2377`], JoinToken: tokens.JoinTokens.Worker });
    return [manager, worker];
  }

  /** Starts the daemon, loads the test images and (unless `init` is false) makes it a swarm manager. */
  async start(options: { init?: boolean } = {}): Promise<void> {
    if (!fs.existsSync(`/run/netns/${this.netns}`)) {
      execFileSync('ip', ['netns', 'add', this.netns]);
      const inNs = (...args: string[]) => execFileSync('ip', ['netns', 'exec', this.netns, 'ip', ...args]);
      inNs('link', 'set', 'lo', 'up');
      inNs('link', 'add', 'swarm0', 'type', 'veth', 'peer', 'name', 'swarm1');
      inNs('addr', 'add', `${this.address}/24`, 'dev', 'swarm0');
      inNs('link', 'set', 'swarm0', 'up');
      inNs('link', 'set', 'swarm1', 'up');
    }
    await this.engine.start();
    await this.loadTestImage();
    if (options.init !== false) await this.init();
  }

  async init(): Promise<void> {
    // Overlay subnets from a pool of our own too (the engine's default is 10.0.0.0/8).
    await this.docker.swarmInit({ ListenAddr: `${this.address}:2377`, AdvertiseAddr: this.address, DefaultAddrPool: ['10.204.0.0/16'], SubnetSize: 24 });
  }

  private async loadTestImage(): Promise<void> {
    await loadTestImageInto(this.docker);
    const [repo, tag] = SWARM_IMAGE_V2.split(':');
    await this.docker.getImage(TEST_IMAGE).tag({ repo, tag });
  }

  /** Stops the daemon and deletes its data root and namespace (the veth pair goes with the namespace). */
  async destroy(): Promise<void> {
    try {
      await this.docker.swarmLeave({ force: true });
    } catch {
      // Not in a swarm, or the daemon is already gone.
    }
    await this.engine.destroy();
  }
}
