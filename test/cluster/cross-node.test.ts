/**
 * Two nodes, one SQLite file, one real Redis: everything a participant or a specialist sees
 * reaches them whichever node they are connected to.
 */

import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { REDIS_ADAPTERS } from "../../server/config.ts";
import { startNodes } from "../helpers/cluster.ts";
import { describeWithRedis, type RedisServer, startRedis } from "../helpers/redis.ts";
import { call, collect, createRoom, type TestServer, waitFor } from "../helpers/server.ts";

// Both fan-outs (REDIS_ADAPTER): the sharded default and the classic one.
for (const adapter of REDIS_ADAPTERS)
  describeWithRedis(`cluster: cross-node delivery (${adapter} adapter)`, () => {
    let redis: RedisServer;
    let a: TestServer;
    let b: TestServer;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      await redis?.stop();
    });
    beforeEach(async () => {
      [a, b] = (await startNodes(2, redis.url, {
        LANTERN_SENDS_PER_WINDOW: "1000",
        REDIS_ADAPTER: adapter,
      })) as [TestServer, TestServer];
    });
    afterEach(async () => {
      await b?.close();
      await a?.close();
    });

    const send = (c: Parameters<typeof call>[0], roomId: string, body: string) =>
      call(c, "message:send", { roomId, clientId: crypto.randomUUID(), body });

    it("delivers a message sent on one node to a member connected to the other", async () => {
      const roomId = await createRoom(a);
      const alice = await a.client({ sub: "alice", name: "Sky" });
      const bob = await b.client({ sub: "bob", name: "River" });
      await call(alice, "room:join", { roomId });
      await call(bob, "room:join", { roomId });
      const arriving = waitFor(bob, "message:new");
      const sent = await send(alice, roomId, "Made it to the meeting tonight.");
      expect(sent.ok).toBe(true);
      expect(await arriving).toEqual(sent.message);

      const back = waitFor(alice, "message:new");
      const reply = await send(bob, roomId, "Proud of you.");
      expect(await back).toEqual(reply.message);
      expect(reply.message.seq).toBe(2);
    });

    it("shows presence and typing across nodes", async () => {
      const roomId = await createRoom(a);
      const alice = await a.client({ sub: "alice", name: "Sky" });
      const bob = await b.client({ sub: "bob", name: "River" });
      await call(alice, "room:join", { roomId });
      const seesBob = waitFor(alice, "presence", (p) =>
        p.online.some((m: { name: string }) => m.name === "River"),
      );
      const joined = await call(bob, "room:join", { roomId });
      expect(joined.online.map((m: { name: string }) => m.name).sort()).toEqual(["River", "Sky"]);
      expect((await seesBob).online).toHaveLength(2);

      const typing = waitFor(bob, "typing");
      alice.emit("typing", { roomId, typing: true });
      expect(await typing).toMatchObject({ roomId, user: { name: "Sky" }, typing: true });

      const bobGone = waitFor(alice, "presence", (p) => p.online.length === 1);
      bob.disconnect();
      expect((await bobGone).online.map((m: { name: string }) => m.name)).toEqual(["Sky"]);
    });

    it("brings a held crisis message and its case to a specialist on the other node", async () => {
      const roomId = await createRoom(a);
      const author = await a.client({ sub: "alice", name: "Sky" });
      const specialist = await b.client({ sub: "pat", role: "peer_specialist", name: "Pat" });
      await call(author, "room:join", { roomId });
      expect((await call(specialist, "mod:subscribe", {})).ok).toBe(true);
      const held = waitFor(specialist, "mod:held");
      const opened = waitFor(specialist, "case:new");
      const r = await call(author, "message:send", {
        roomId,
        clientId: crypto.randomUUID(),
        body: "i just took the whole bottle of my pills, its done",
      });
      expect(r.moderation.action).toBe("hold");
      expect((await held).message).toMatchObject({ id: r.message.id, status: "held" });
      expect(await opened).toMatchObject({ messageId: r.message.id, roomId, level: 4, status: "open" });

      // The specialist approves on node b; the author on node a sees it become visible with a seq.
      const visible = waitFor(author, "message:new", (m) => m.id === r.message.id);
      const approved = await call(specialist, "mod:approve", { messageId: r.message.id });
      expect(approved.message.seq).toBe(1);
      expect((await visible).seq).toBe(1);
    });

    it("enforces a mute set on one node when the muted person sends on the other", async () => {
      const roomId = await createRoom(a);
      const alice = await a.client({ sub: "alice", name: "Sky" });
      const specialist = await b.client({ sub: "pat", role: "peer_specialist", name: "Pat" });
      const joined = await call(alice, "room:join", { roomId });
      await call(specialist, "room:join", { roomId });
      const first = await send(alice, roomId, "hello everyone");
      const aliceHandle = first.message.author.id as string;
      expect(joined.ok).toBe(true);

      const muted = await call(specialist, "mod:mute", {
        roomId,
        userId: aliceHandle,
        minutes: 10,
        reason: "cooling off",
      });
      expect(muted.ok).toBe(true);
      const refused = await send(alice, roomId, "one more thing");
      expect(refused).toMatchObject({ ok: false, error: { code: "muted", until: muted.until } });

      expect((await call(specialist, "mod:unmute", { roomId, userId: aliceHandle })).ok).toBe(true);
      expect((await send(alice, roomId, "thanks for the pause")).ok).toBe(true);
    });

    it("carries the forum feed (threads and replies) to subscribers on the other node", async () => {
      const poster = await a.client({ sub: "alice", name: "Sky" });
      const reader = await b.client({ sub: "bob", name: "River" });
      expect((await call(poster, "forum:subscribe", {})).ok).toBe(true);
      expect((await call(reader, "forum:subscribe", {})).ok).toBe(true);
      const seen = waitFor(reader, "forum:thread", (t) => t.title === "Mornings help");
      const posted = await call(poster, "forum:post", {
        clientId: crypto.randomUUID(),
        title: "Mornings help",
        body: "A short walk before work keeps me steady.",
      });
      expect(posted.ok).toBe(true);
      expect(await seen).toEqual(posted.thread);

      const reply = waitFor(poster, "forum:reply");
      const r = await call(reader, "forum:reply", {
        threadId: posted.thread.id,
        clientId: crypto.randomUUID(),
        body: "Same here, thank you.",
      });
      expect(r.ok).toBe(true);
      expect(await reply).toEqual(r.reply);
    });

    it("never tells clients of a live node that another node is shutting down", async () => {
      const roomId = await createRoom(a);
      const stays = await a.client({ sub: "alice" });
      const leaves = await b.client({ sub: "bob" });
      await call(stays, "room:join", { roomId });
      await call(leaves, "room:join", { roomId });
      const notices = collect(stays, "notice");
      const told = waitFor(leaves, "notice", (n) => n.code === "server_shutdown");
      // The node itself, not the test helper (which disconnects its clients before closing).
      const closing = b.app.close();
      await told;
      await closing;
      // alice, on the node that keeps running, is still connected and still served.
      expect(stays.connected).toBe(true);
      expect((await send(stays, roomId, "still here")).ok).toBe(true);
      expect(notices.filter((n) => n.code === "server_shutdown")).toEqual([]);
    });
  });
