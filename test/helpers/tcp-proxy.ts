/**
 * A TCP proxy between Lantern nodes and the machine's PostgreSQL, to play a database outage
 * without ever stopping the shared server. `cut("refuse")` resets every connection and every
 * new one (the server crashed or restarts); `cut("blackhole")` keeps connections open but
 * carries nothing (a partition: packets dropped, nobody answers); `restore()` carries traffic
 * again for new connections.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export type Outage = "refuse" | "blackhole";

export interface TcpProxy {
  port: number;
  /** Rewrite a URL's host and port to go through the proxy. */
  via(url: string): string;
  cut(mode: Outage): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let outage: Outage | null = null;
  const pairs = new Set<{ client: Socket; upstream: Socket; silent: boolean }>();
  const held = new Set<Socket>();
  const server: Server = createServer((client) => {
    client.on("error", () => {});
    if (outage === "refuse") {
      client.resetAndDestroy();
      return;
    }
    if (outage === "blackhole") {
      // Accept and never answer: the connection attempt hangs until the client gives up.
      held.add(client);
      client.on("close", () => held.delete(client));
      client.resume();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    const pair = { client, upstream, silent: false };
    pairs.add(pair);
    upstream.on("error", () => client.destroy());
    client.on("close", () => {
      upstream.destroy();
      pairs.delete(pair);
    });
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    via(url) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut(mode) {
      outage = mode;
      for (const p of pairs) {
        if (mode === "refuse") {
          p.client.resetAndDestroy();
          p.upstream.destroy();
        } else {
          // Stop carrying bytes both ways; both sockets stay open and silent.
          p.silent = true;
          p.client.unpipe(p.upstream);
          p.upstream.unpipe(p.client);
          p.upstream.pause();
          p.client.resume();
        }
      }
      if (mode === "refuse") pairs.clear();
    },
    restore() {
      outage = null;
      // Silent connections from the partition end now, as a peer's would once the network heals.
      for (const s of held) s.resetAndDestroy();
      for (const p of pairs) if (p.silent) p.client.resetAndDestroy();
    },
    async close() {
      for (const p of pairs) {
        p.client.destroy();
        p.upstream.destroy();
      }
      for (const s of held) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
