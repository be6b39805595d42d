// The private engine behind TLS on 127.0.0.1, the way `dockerd --tlsverify` serves it: a TLS server that
// requires a client certificate signed by the test CA and pipes each accepted connection to the engine's
// unix socket. (dockerd's own TCP listener would sit inside the engine's network namespace, out of the
// host's loopback.)
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { TlsMaterial } from './tlsMaterial';

export class TlsEngineProxy {
  private server?: tls.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  /**
   * `address`: a loopback address to listen on. 127.0.0.2 is loopback too, but not "localhost" to VS Code's
   * proxy support, which replaces the agent of requests to any other host (see src/engine/tcpDialAgent.ts).
   */
  constructor(
    private readonly socketPath: string,
    private readonly material: TlsMaterial,
    private readonly address = '127.0.0.1',
  ) {}

  get host(): string {
    return `tcp://${this.address}:${this.port}`;
  }

  async start(): Promise<void> {
    const m = this.material;
    this.server = tls.createServer(
      { cert: fs.readFileSync(m.serverCert), key: fs.readFileSync(m.serverKey), ca: fs.readFileSync(m.ca), requestCert: true, rejectUnauthorized: true },
      (client) => {
        const engine = net.connect(this.socketPath);
        for (const s of [client, engine]) {
          this.sockets.add(s);
          s.on('close', () => this.sockets.delete(s));
          s.on('error', () => (client.destroy(), engine.destroy()));
        }
        client.pipe(engine).pipe(client);
      },
    );
    this.server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, this.address, resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
