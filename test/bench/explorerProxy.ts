// A counting proxy between the extension and the engine: a unix socket that forwards bytes both ways and
// notes the time and request line of every HTTP request the extension sends. Used by the explorer
// benchmark to count engine requests while nothing changes.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { closeProxy, endTogether } from '../support/gateProxy';
import { PrivateEngine } from '../support/privateEngine';
import { loadTestImageInto } from '../support/testEngine';

export interface ProxiedRequest {
  readonly time: number;
  readonly line: string;
}

/**
 * A request line wherever it starts: on a kept-alive connection the next request follows the previous one's
 * body (`{}` of a POST), with no line break before it. Requiring one missed every read that reused the socket
 * of a stop or start (all 20 reads after the session's stops went uncounted).
 */
const REQUEST_LINE = /((?:GET|POST|PUT|DELETE|HEAD|PATCH) \/\S* HTTP\/1\.[01])\r\n/g;

export class CountingProxy {
  readonly requests: ProxiedRequest[] = [];
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    readonly socketPath: string,
    private readonly engineSocket = '/var/run/docker.sock',
  ) {
    this.server = net.createServer((client) => this.pipe(client));
  }

  get host(): string {
    return `unix://${this.socketPath}`;
  }

  listen(): Promise<void> {
    fs.rmSync(this.socketPath, { force: true });
    return new Promise((resolve) => this.server.listen(this.socketPath, resolve));
  }

  /** Requests whose request line was sent between `from` and `to` (ms since the epoch). */
  between(from: number, to: number): ProxiedRequest[] {
    return this.requests.filter((r) => r.time >= from && r.time <= to);
  }

  close(): void {
    closeProxy(this.server, this.sockets, this.socketPath);
  }

  private pipe(client: net.Socket): void {
    const engine = net.connect(this.engineSocket);
    endTogether(this.sockets, client, engine);
    // Request lines are short; keep a small tail so one split across two chunks is still seen.
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      for (const m of text.matchAll(REQUEST_LINE)) if (m.index! + m[0].length > tail.length) this.requests.push({ time: Date.now(), line: m[1] });
      tail = text.slice(-256);
      engine.write(chunk);
    });
    engine.on('data', (chunk) => client.write(chunk));
  }
}

export interface ProxiedEngine {
  /** A temporary folder for the benchmark's files, removed afterwards. */
  readonly tmp: string;
  readonly engine: PrivateEngine;
  readonly proxy: CountingProxy;
  /** The private engine, reached past the proxy, with the test image loaded. */
  readonly docker: Docker;
}

/** Runs `work` against a private engine behind a counting proxy, and tears both down afterwards. */
export async function withProxiedEngine(name: string, work: (setup: ProxiedEngine) => Promise<void>): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `dockside-bench-${name}-`));
  const engine = new PrivateEngine(path.join(tmp, 'engine'));
  await engine.start();
  const proxy = new CountingProxy(path.join(tmp, 'proxy.sock'), engine.socket);
  await proxy.listen();
  const docker = new Docker({ socketPath: engine.socket });
  try {
    await loadTestImageInto(docker);
    await work({ tmp, engine, proxy, docker });
  } finally {
    proxy.close();
    await engine.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
