// A TCP forwarder that holds every new connection for a while before it connects it through: a slow link
// in front of a real peer (the fault tests put it between a private engine and its registry, so that a
// pull or a push is still in flight when the engine is stopped). Run as a program:
//   node slowProxy.js <listen port> <target port> <delay ms>      (both on 127.0.0.1)
import * as net from 'node:net';

export function startSlowProxy(listenPort: number, targetPort: number, delayMs: number): net.Server {
  const server = net.createServer((client) => {
    client.pause();
    const timer = setTimeout(() => {
      const upstream = net.connect(targetPort, '127.0.0.1', () => {
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    }, delayMs);
    client.on('error', () => clearTimeout(timer));
    client.on('close', () => clearTimeout(timer));
  });
  server.listen(listenPort, '127.0.0.1');
  return server;
}

if (require.main === module) {
  const [listen, target, delay] = process.argv.slice(2).map(Number);
  startSlowProxy(listen, target, delay);
}
