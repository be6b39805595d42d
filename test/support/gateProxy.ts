// A unix socket in front of the engine that can hold its connections: while held, the extension's requests
// wait unanswered (an engine slow to answer, seen from the extension); released, they go through. The
// reopened-window suite uses it to see what a window shows before its engine has answered.
import * as fs from 'node:fs';
import * as net from 'node:net';

export class GateProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private held: net.Socket[] | undefined = [];

  constructor(
    readonly socketPath: string,
    private readonly engineSocket = '/var/run/docker.sock',
  ) {
    this.server = net.createServer((client) => (this.held ? this.held.push(client) : this.pipe(client)));
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
    held.forEach((client) => this.pipe(client));
  }

  get holding(): number {
    return this.held?.length ?? 0;
  }

  close(): void {
    this.held?.forEach((s) => s.destroy());
    closeProxy(this.server, this.sockets, this.socketPath);
  }

  private pipe(client: net.Socket): void {
    const engine = net.connect(this.engineSocket);
    client.pipe(engine);
    engine.pipe(client);
    endTogether(this.sockets, client, engine);
  }
}

/** Tracks a client and its engine connection in `sockets`; either one closing or failing ends both. */
export function endTogether(sockets: Set<net.Socket>, client: net.Socket, engine: net.Socket): void {
  sockets.add(client).add(engine);
  const end = () => {
    client.destroy();
    engine.destroy();
    sockets.delete(client);
    sockets.delete(engine);
  };
  client.on('close', end).on('error', end);
  engine.on('close', end).on('error', end);
}

/** Ends every connection of a proxy, stops it listening and removes its socket file. */
export function closeProxy(server: net.Server, sockets: Set<net.Socket>, socketPath: string): void {
  sockets.forEach((s) => s.destroy());
  server.close();
  fs.rmSync(socketPath, { force: true });
}
