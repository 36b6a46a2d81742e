/**
 * Several nodes: the Socket.IO Redis adapter over two node-redis connections (publish and
 * subscribe), with error handlers on both clients and on the adapter so an outage never
 * crashes a node. node-redis re-subscribes when the connection returns (the cross-node tests
 * kill and restart Redis to prove it); until then a node serves its own clients alone.
 */
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient, type RedisClientType } from "redis";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { LanternServer } from "./types.ts";

export interface RedisLink {
  pub: RedisClientType;
  sub: RedisClientType;
  ready(): boolean;
  close(): Promise<void>;
}

/** Connect to Redis (waiting at most `waitMs` for the first connection) and install the adapter. */
export async function attachRedis(
  io: LanternServer,
  url: string,
  log: Logger,
  metrics: Metrics,
  waitMs = 5_000,
  requestsTimeout = 2_000,
): Promise<RedisLink> {
  const pub = createClient({
    url,
    socket: {
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
      connectTimeout: 2_000,
    },
    disableOfflineQueue: true,
  }) as RedisClientType;
  const sub = pub.duplicate() as RedisClientType;
  let lastWarn = 0;
  const onError = (which: string) => (err: Error) => {
    // Reconnect attempts fail every second or so during an outage: log one line in ten seconds.
    if (Date.now() - lastWarn > 10_000) {
      lastWarn = Date.now();
      log.warn(
        { err: { message: err.message }, client: which },
        "redis unavailable; serving this node's clients only",
      );
    }
  };
  pub.on("error", onError("pub"));
  sub.on("error", onError("sub"));
  const ready = () => pub.isReady && sub.isReady;
  const track = () => metrics.redisUp.set(ready() ? 1 : 0);
  for (const c of [pub, sub]) for (const e of ["ready", "end", "error", "reconnecting"]) c.on(e, track);
  pub.on("ready", () => log.info("redis connected"));

  const connecting = Promise.all([pub.connect(), sub.connect()]);
  connecting.catch(() => {});
  await Promise.race([connecting, new Promise((r) => setTimeout(r, waitMs).unref())]);
  io.adapter(createAdapter(pub, sub, { requestsTimeout }));
  (io.of("/").adapter as unknown as NodeJS.EventEmitter).on("error", (err: Error) =>
    log.warn({ err: { message: err.message } }, "redis adapter error"),
  );
  track();
  return {
    pub,
    sub,
    ready,
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
      pub.destroy?.();
      sub.destroy?.();
    },
  };
}
