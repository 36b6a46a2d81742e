/**
 * Several nodes: the Socket.IO Redis adapter over two node-redis connections (publish and
 * subscribe), with error handlers on both clients and on the adapter so an outage never
 * crashes a node. Until Redis returns a node serves its own clients alone; node-redis v5
 * re-subscribes before it reports ready again (test/cluster/redis-outage.test.ts proves it by
 * delivery, not by trusting the library).
 */
import { createAdapter, createShardedAdapter } from "@socket.io/redis-adapter";
import { createClient, type RedisClientType } from "redis";
import type { RedisAdapterKind } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { LanternServer } from "./types.ts";

export interface RedisLink {
  pub: RedisClientType;
  sub: RedisClientType;
  ready(): boolean;
  close(): Promise<void>;
}

/**
 * The adapter publishes and (un)subscribes fire-and-forget: a rejected promise there (Redis down,
 * or a client already closed during shutdown) would be an unhandled rejection, which ends a Node
 * process. Hand the adapter a view of the client whose fire-and-forget calls never reject.
 */
function swallowing<C extends object>(client: C, methods: readonly string[], onError: (e: Error) => void): C {
  const safe = new Set(methods);
  return new Proxy(client, {
    get(target, key, _receiver) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      if (typeof key !== "string" || !safe.has(key)) return value.bind(target);
      return (...args: unknown[]) => {
        try {
          const r = value.apply(target, args);
          return r instanceof Promise ? r.catch((e: Error) => onError(e)) : r;
        } catch (e) {
          onError(e as Error);
          return Promise.resolve();
        }
      };
    },
  });
}

type AdapterFactory = ReturnType<typeof createShardedAdapter>;

/**
 * The sharded adapter asks Redis how many nodes there are before every fetchSockets, even a
 * `.local` one, so while Redis is away even this node's view of a room would fail. Count this
 * node alone then: queries answer from this node, as they do with the classic adapter.
 */
function countingThisNodeWhenAlone(factory: AdapterFactory): AdapterFactory {
  // A function, not an arrow: Socket.IO calls it with `new`, and it returns the adapter.
  return function (this: unknown, nsp: unknown) {
    const adapter = factory(nsp);
    const count = adapter.serverCount.bind(adapter);
    adapter.serverCount = () => count().catch(() => 1);
    return adapter;
  } as AdapterFactory;
}

/**
 * Connect to Redis (waiting at most `waitMs` for the first connection) and install the adapter:
 * the sharded one (Redis 7 sharded pub/sub, `subscriptionMode: "dynamic"`: a channel per room,
 * subscribed only by nodes with a member in it) or the classic one (every node hears every
 * broadcast and drops what is not for its sockets).
 */
export async function attachRedis(
  io: LanternServer,
  url: string,
  log: Logger,
  metrics: Metrics,
  waitMs = 5_000,
  requestsTimeout = 2_000,
  kind: RedisAdapterKind = "sharded",
): Promise<RedisLink> {
  const pub = createClient({
    url,
    socket: {
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
      connectTimeout: 2_000,
    },
    // Fail fast while Redis is away: a send must not wait for a reconnect to reach its own node.
    disableOfflineQueue: true,
  }) as RedisClientType;
  const sub = pub.duplicate() as RedisClientType;
  let lastWarn = 0;
  const warn = (what: string, err: Error) => {
    // Reconnect attempts fail every second or so during an outage: log one line in ten seconds.
    if (Date.now() - lastWarn > 10_000) {
      lastWarn = Date.now();
      log.warn(
        { err: { message: err.message }, client: what },
        "redis unavailable; serving this node's clients only",
      );
    }
  };
  pub.on("error", (e: Error) => warn("pub", e));
  sub.on("error", (e: Error) => warn("sub", e));
  const ready = () => pub.isReady && sub.isReady;
  const track = () => metrics.redisUp.set(ready() ? 1 : 0);
  for (const c of [pub, sub]) for (const e of ["ready", "end", "error", "reconnecting"]) c.on(e, track);
  pub.on("ready", () => log.info("redis connected"));

  const connecting = Promise.all([pub.connect(), sub.connect()]);
  connecting.catch(() => {});
  await Promise.race([connecting, new Promise((r) => setTimeout(r, waitMs).unref())]);
  const lost = (e: Error) => {
    metrics.crossNodeDropped.inc();
    warn("publish", e);
  };
  const safePub = swallowing(pub, ["publish", "sPublish"], lost);
  const safeSub = swallowing(
    sub,
    ["subscribe", "pSubscribe", "unsubscribe", "pUnsubscribe", "sSubscribe", "sUnsubscribe"],
    (e) => warn("subscribe", e),
  );
  // The sharded adapter's requests (who is online) time out by the caller's .timeout(), which
  // socketBus always sets; the classic one takes a default.
  io.adapter(
    kind === "sharded"
      ? countingThisNodeWhenAlone(createShardedAdapter(safePub, safeSub, { subscriptionMode: "dynamic" }))
      : createAdapter(safePub, safeSub, { requestsTimeout }),
  );
  (io.of("/").adapter as unknown as NodeJS.EventEmitter).on("error", (err: Error) =>
    log.warn({ err: { message: err.message } }, "redis adapter error"),
  );
  track();
  let closed = false;
  return {
    pub,
    sub,
    ready,
    async close() {
      if (closed) return;
      closed = true;
      // close() waits for queued commands; destroy() if Redis is away and they cannot finish.
      await Promise.all(
        [pub, sub].map(async (c) => {
          if (!c.isOpen) return;
          const done = c.close().catch(() => {});
          const timeout = new Promise<"late">((r) => setTimeout(() => r("late"), 1_000).unref());
          if ((await Promise.race([done, timeout])) === "late" && c.isOpen) c.destroy();
        }),
      );
    },
  };
}
