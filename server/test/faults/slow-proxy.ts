/**
 * A TCP proxy on loopback in front of a PostgreSQL server that can be made slow: while `delayMs` is above 0,
 * every chunk in either direction is held that long before it is passed on (in order). Statements then take
 * seconds to answer for real, as on a saturated server or network, without touching the server itself.
 */
import { createServer, type Server, type Socket, connect } from 'node:net';

export interface SlowProxy {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  /** Held time per chunk, from now on; 0 passes chunks at once. */
  delayMs: number;
  /** Connections open through the proxy now. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startSlowProxy(target: { host: string; port: number }): Promise<SlowProxy> {
  const sockets = new Set<Socket>();
  const proxy: SlowProxy = {
    port: 0,
    delayMs: 0,
    get connections() {
      return sockets.size / 2;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  /** Passes `from`'s chunks to `to`, each held proxy.delayMs, never overtaking the one before. */
  const relay = (from: Socket, to: Socket) => {
    let due = 0;
    from.on('data', (chunk) => {
      if (proxy.delayMs <= 0 && due <= Date.now()) {
        to.write(chunk);
        return;
      }
      due = Math.max(Date.now() + proxy.delayMs, due);
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, due - Date.now());
    });
    from.on('close', () => setTimeout(() => to.destroy(), Math.max(0, due - Date.now())));
    from.on('error', () => undefined);
  };
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  return proxy;
}
