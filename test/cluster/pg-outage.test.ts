/**
 * PostgreSQL goes away for 5 s and comes back, between two node processes and the database (a
 * TCP proxy this test cuts; the machine's server is never stopped). Meanwhile sends and staff
 * actions are answered `unavailable` within a bounded time, /readyz answers 503 and no node
 * crashes; after, full service without restarting anything.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  eventually,
  type NodeProcess,
  type ProcessCluster,
  processCluster,
  readyz,
} from "../helpers/cluster.ts";
import { describeWithPostgres, type FreshDatabase, freshDatabase, pgUnavailable } from "../helpers/pg.ts";
import { type RedisServer, redisUnavailable, startRedis } from "../helpers/redis.ts";
import { type Client, call, http } from "../helpers/server.ts";
import { type Outage, startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.ts";

const reason = (await pgUnavailable()) ?? redisUnavailable();
const STATEMENT_MS = 1_000;
const CONNECT_MS = 1_000;
/** The longest an answer may take while the database is gone: well short of a client's patience. */
const BOUND_MS = STATEMENT_MS + CONNECT_MS + 2_000;

describeWithPostgres("cluster: PostgreSQL outage", reason, () => {
  let redis: RedisServer;
  let fresh: FreshDatabase;
  let proxy: TcpProxy;
  let cluster: ProcessCluster;
  let a: NodeProcess;
  let b: NodeProcess;

  beforeAll(async () => {
    [redis, fresh] = await Promise.all([startRedis(), freshDatabase()]);
    const target = new URL(fresh.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    cluster = processCluster(redis.url, { databaseUrl: proxy.via(fresh.url) });
    const env = {
      DATABASE_POOL_SIZE: "4",
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_MS),
      LANTERN_SWEEP_INTERVAL_MS: "200",
      LANTERN_WEBHOOK_INTERVAL_MS: "200",
    };
    [a, b] = (await Promise.all([cluster.spawn(env), cluster.spawn(env)])) as [NodeProcess, NodeProcess];
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
    await proxy?.close();
    await fresh?.drop();
    await redis?.stop();
  });

  const send = (c: Client, roomId: string, body: string) =>
    call(c, "message:send", { roomId, clientId: crypto.randomUUID(), body }, 15_000);

  /** Resolve with the result and how long it took. */
  async function timed<T>(p: Promise<T>): Promise<{ r: T; ms: number }> {
    const t0 = Date.now();
    const r = await p;
    return { r, ms: Date.now() - t0 };
  }

  for (const mode of ["refuse", "blackhole"] as Outage[])
    it(`answers unavailable within ${BOUND_MS} ms and 503 while the database is gone (${mode}), then recovers by itself`, async () => {
      const staffToken = cluster.token({ sub: "facilitator", role: "peer_specialist" });
      const res = await http(a.url, "POST", "/api/rooms", staffToken, {
        kind: "group",
        name: `Outage ${mode}`,
        visibility: "open",
      });
      expect(res.status).toBe(201);
      const roomId = res.body.room.id as string;
      const alice = await cluster.client(a.url, { sub: `alice-${mode}` });
      const bob = await cluster.client(b.url, { sub: `bob-${mode}` });
      const pat = await cluster.client(b.url, { sub: "pat", role: "peer_specialist" });
      for (const c of [alice, bob, pat]) expect((await call(c, "room:join", { roomId })).ok).toBe(true);
      const first = await send(alice, roomId, "before the outage");
      expect(first.ok).toBe(true);
      const aliceHandle = first.message.author.id as string;
      const held = await send(bob, roomId, "i just took the whole bottle of my pills, its done");
      expect(held.moderation.action).toBe("hold");
      const pids = [a.child.pid, b.child.pid];

      proxy.cut(mode);
      const cutAt = Date.now();
      const during = await Promise.all([
        timed(send(alice, roomId, "during the outage, on a")),
        timed(send(bob, roomId, "during the outage, on b")),
        timed(call(pat, "mod:mute", { roomId, userId: aliceHandle, minutes: 5, reason: "pause" }, 15_000)),
        timed(call(pat, "mod:approve", { messageId: held.message.id }, 15_000)),
      ]);
      for (const { r, ms } of during) {
        expect(r).toMatchObject({ ok: false, error: { code: "unavailable" } });
        expect(ms).toBeLessThan(BOUND_MS);
      }
      for (const n of [a, b]) {
        const t = await timed(http(n.url, "GET", "/readyz"));
        expect(t.r.status).toBe(503);
        expect(t.r.body).toMatchObject({ ok: false, database: false, redis: true });
        expect(t.ms).toBeLessThan(BOUND_MS);
      }
      // Still answering (never a hang) for the rest of the 5 s.
      while (Date.now() - cutAt < 5_000) {
        const t = await timed(send(alice, roomId, "still down?"));
        expect(t.r).toMatchObject({ ok: false, error: { code: "unavailable" } });
        expect(t.ms).toBeLessThan(BOUND_MS);
      }

      proxy.restore();
      await eventually(
        "both nodes are ready again",
        async () => (await readyz(a.url)) === 200 && (await readyz(b.url)) === 200,
      );
      // Same processes, same sockets: nothing was restarted or reconnected.
      expect([a.child.pid, b.child.pid]).toEqual(pids);
      expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
      expect(a.stderr() + b.stderr()).toBe("");
      expect([alice.connected, bob.connected, pat.connected]).toEqual([true, true, true]);
      const seen = new Promise<{ seq: number }>((r) => bob.on("message:new", (m) => r(m as { seq: number })));
      const after = await send(alice, roomId, "after the outage");
      expect(after).toMatchObject({ ok: true, message: { seq: 2 } });
      expect((await seen).seq).toBe(2);
      expect(await call(pat, "mod:approve", { messageId: held.message.id })).toMatchObject({
        ok: true,
        message: { seq: 3 },
      });
      expect(
        (await call(pat, "mod:mute", { roomId, userId: aliceHandle, minutes: 5, reason: "pause" })).ok,
      ).toBe(true);
      for (const c of [alice, bob, pat]) c.disconnect();
    }, 60_000);
});
