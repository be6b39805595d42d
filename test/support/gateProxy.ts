// A unix socket in front of the engine that can hold its connections: while held, the extension's requests
// wait unanswered (an engine slow to answer, seen from the extension); released, they go through. The
// reopened-window suite uses it to see what a window shows before its engine has answered. A connection
// whose first request line `passes` goes through even while the others are held.
import * as fs from 'node:fs';
import * as net from 'node:net';

interface HeldConnection {
  readonly client: net.Socket;
  /** What the client sent before it was held, written to the engine first on release. */
  readonly sent: Buffer[];
}

export class GateProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private held: HeldConnection[] | undefined = [];

  constructor(
    readonly socketPath: string,
    private readonly engineSocket = '/var/run/docker.sock',
    private readonly passes: (requestLine: string) => boolean = () => false,
  ) {
    this.server = net.createServer((client) => this.accept(client));
  }

  private accept(client: net.Socket): void {
    if (!this.held) return this.pipe(client, []);
    const sent: Buffer[] = [];
    const firstChunk = (chunk: Buffer) => {
      sent.push(chunk);
      const line = Buffer.concat(sent).toString('latin1');
      if (!line.includes('\r\n')) return; // The request line is not complete yet.
      client.off('data', firstChunk);
      client.pause();
      if (!this.held || this.passes(line.slice(0, line.indexOf('\r\n')))) this.pipe(client, sent);
      else this.held.push({ client, sent });
    };
    client.on('data', firstChunk);
  }

  get host(): string {
    return `unix://${this.socketPath}`;
  }

  /** Listens, holding every connection until release(). */
  listen(): Promise<void> {
    fs.rmSync(this.socketPath, { force: true });
    return new Promise((resolve) => this.server.listen(this.socketPath, resolve));
  }

  /** Connections held so far go through, and every later one at once. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    held.forEach(({ client, sent }) => this.pipe(client, sent));
  }

  get holding(): number {
    return this.held?.length ?? 0;
  }

  close(): void {
    this.held?.forEach(({ client }) => client.destroy());
    closeProxy(this.server, this.sockets, this.socketPath);
  }

  private pipe(client: net.Socket, sent: readonly Buffer[]): void {
    const engine = net.connect(this.engineSocket);
    for (const chunk of sent) engine.write(chunk);
    client.pipe(engine);
    client.resume();
    engine.pipe(client);
    endTogether(this.sockets, client, engine);
  }
}

/** Tracks a client and its engine connection in `sockets`; either one closing ends both, failing destroys both. */
export function endTogether(sockets: Set<net.Socket>, client: net.Socket, engine: net.Socket): void {
  sockets.add(client).add(engine);
  const fail = () => {
    client.destroy();
    engine.destroy();
  };
  // A side that closes ends the other once what it was sent is written: destroying it at once dropped the
  // tail of a big answer the engine sent on a `Connection: close` request (the quick read's list).
  const closeWith = (closed: net.Socket, other: net.Socket) => () => {
    sockets.delete(closed);
    other.end();
  };
  client.on('close', closeWith(client, engine)).on('error', fail);
  engine.on('close', closeWith(engine, client)).on('error', fail);
}

/** Ends every connection of a proxy, stops it listening and removes its socket file. */
export function closeProxy(server: net.Server, sockets: Set<net.Socket>, socketPath: string): void {
  sockets.forEach((s) => s.destroy());
  server.close();
  fs.rmSync(socketPath, { force: true });
}
