// A counting proxy between the extension and the engine: a unix socket that forwards bytes both ways and
// notes the time and request line of every HTTP request the extension sends. Used by the explorer
// benchmark to count engine requests while nothing changes.
import * as fs from 'node:fs';
import * as net from 'node:net';
import { closeProxy, endTogether } from '../support/gateProxy';

export interface ProxiedRequest {
  readonly time: number;
  readonly line: string;
}

const REQUEST_LINE = /(?:^|\r\n)((?:GET|POST|PUT|DELETE|HEAD|PATCH) \/\S* HTTP\/1\.[01])\r\n/g;

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
