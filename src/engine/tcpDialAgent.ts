// tcp:// engines, with or without TLS, dialled by an agent of our own behind a placeholder socketPath.
// Why not docker-modem's host/port with an https.Agent: VS Code's proxy support patches http(s).request in
// the extension host and, for any host but localhost, replaces the request's agent with its proxy agent,
// which drops our client certificate and our rejectUnauthorized, and may send the engine's traffic through
// an HTTP proxy. Requests with a socketPath are left alone, so every engine request carries one, and this
// agent (or the ssh one) opens the real connection: the engine API is plain HTTP over whatever it returns.
import * as http from 'node:http';
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';

/** What the engine's requests carry as socketPath; never opened: the agent dials instead. */
export const DIALLED_BY_AGENT = '/dockside-dialled-by-agent';

export interface TcpTarget {
  readonly host: string;
  readonly port: number;
  /** TLS options (ca, cert, key, rejectUnauthorized); undefined for plain tcp. */
  readonly tls?: Pick<tls.ConnectionOptions, 'ca' | 'cert' | 'key' | 'rejectUnauthorized'>;
}

export class TcpDialAgent extends http.Agent {
  constructor(private readonly target: TcpTarget) {
    super({ keepAlive: true });
  }

  override createConnection(_options: unknown, callback: (error: Error | null, socket?: Duplex) => void): undefined {
    const { host, port } = this.target;
    const socket = this.target.tls
      ? tls.connect({ host, port, ...this.target.tls, servername: net.isIP(host) ? undefined : host })
      : net.connect({ host, port });
    const ready = this.target.tls ? 'secureConnect' : 'connect';
    const failed = (error: Error) => callback(error);
    socket.once('error', failed);
    socket.once(ready, () => {
      socket.off('error', failed);
      callback(null, socket);
    });
    return undefined;
  }
}
