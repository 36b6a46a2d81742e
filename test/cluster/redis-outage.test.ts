/**
 * Redis goes away and comes back on the same port. Nodes must not crash, must keep serving their
 * own clients, must say so on /readyz, and must deliver across nodes again once Redis is back:
 * proven by a message arriving, not by trusting node-redis to re-subscribe.
 */

import { afterAll, beforeAll, expect, it } from "vitest";
import { REDIS_ADAPTERS } from "../../server/config.ts";
import { eventually, readyz, startNodes } from "../helpers/cluster.ts";
import { describeWithRedis, type RedisServer, startRedis } from "../helpers/redis.ts";
import { type Client, call, createRoom, http, type TestServer, waitFor } from "../helpers/server.ts";

// Both fan-outs (REDIS_ADAPTER): the sharded default and the classic one.
for (const adapter of REDIS_ADAPTERS)
  describeWithRedis(`cluster: Redis outage (${adapter} adapter)`, () => {
    let redis: RedisServer;
    let a: TestServer;
    let b: TestServer;
    beforeAll(async () => {
      redis = await startRedis();
      [a, b] = (await startNodes(2, redis.url, {
        LANTERN_SENDS_PER_WINDOW: "1000",
        REDIS_ADAPTER: adapter,
      })) as [TestServer, TestServer];
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await redis?.stop();
    });

    const send = (c: Client, roomId: string, body: string) =>
      call(c, "message:send", { roomId, clientId: crypto.randomUUID(), body });

    it("keeps serving its own clients while Redis is down and delivers across nodes again when it returns", async () => {
      const roomId = await createRoom(a);
      const alice = await a.client({ sub: "alice", name: "Sky" });
      const carol = await a.client({ sub: "carol", name: "Fern" });
      const bob = await b.client({ sub: "bob", name: "River" });
      for (const c of [alice, carol, bob]) expect((await call(c, "room:join", { roomId })).ok).toBe(true);
      const before = waitFor(bob, "message:new");
      await send(alice, roomId, "before the outage");
      expect((await before).seq).toBe(1);
      expect(await readyz(a.url)).toBe(200);

      await redis.kill();
      await eventually(
        "both nodes report Redis down",
        async () => (await readyz(a.url)) === 503 && (await readyz(b.url)) === 503,
      );
      const ready = await http(a.url, "GET", "/readyz");
      expect(ready.body).toMatchObject({ ok: false, database: true, redis: false });
      const metrics = await http(a.url, "GET", "/metrics");
      expect(metrics.body).toMatch(/^lantern_redis_up 0$/m);

      // Same-node delivery goes on; the send is stored and acked.
      const local = waitFor(carol, "message:new");
      const during = await send(alice, roomId, "during the outage");
      expect(during).toMatchObject({ ok: true, message: { seq: 2 } });
      expect((await local).id).toBe(during.message.id);
      // Presence degrades to this node's view instead of hanging the join.
      const dave = await a.client({ sub: "dave", name: "Moss" });
      const joined = await call(dave, "room:join", { roomId });
      expect(joined.ok).toBe(true);

      await redis.restart();
      await eventually(
        "both nodes report Redis up",
        async () => (await readyz(a.url)) === 200 && (await readyz(b.url)) === 200,
      );
      expect((await http(b.url, "GET", "/metrics")).body).toMatch(/^lantern_redis_up 1$/m);

      // Cross-node delivery resumes both ways: the subscriptions came back with the connection.
      const toBob = waitFor(bob, "message:new", (m) => m.seq === 3);
      const after = await send(alice, roomId, "after the outage");
      expect((await toBob).id).toBe(after.message.id);
      const toAlice = waitFor(alice, "message:new", (m) => m.seq === 4);
      const reply = await send(bob, roomId, "welcome back");
      expect((await toAlice).id).toBe(reply.message.id);

      // What bob missed while Redis was down is there for him by afterSeq.
      const caughtUp = await call(bob, "room:join", { roomId, afterSeq: 1 });
      expect(caughtUp.messages.map((m: { seq: number }) => m.seq)).toEqual([2, 3, 4]);
    });
  });
