/**
 * Nodes as separate processes on one SQLite file and one Redis: writers that really contend for
 * the file, a node that dies with SIGKILL, and a node that drains on SIGTERM.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { type ProcessCluster, processCluster } from "../helpers/cluster.ts";
import { describeWithRedis, type RedisServer, startRedis } from "../helpers/redis.ts";
import { type Client, call, collect, http, waitFor } from "../helpers/server.ts";

describeWithRedis("cluster: node processes", () => {
  let redis: RedisServer;
  let cluster: ProcessCluster;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  beforeEach(() => {
    cluster = processCluster(redis.url);
  });
  afterEach(async () => {
    await cluster?.close();
  });

  const send = (c: Client, roomId: string, body: string, timeoutMs = 15_000) =>
    call(c, "message:send", { roomId, clientId: crypto.randomUUID(), body }, timeoutMs);

  async function room(url: string): Promise<string> {
    const staff = cluster.token({ sub: "facilitator", role: "peer_specialist" });
    const res = await http(url, "POST", "/api/rooms", staff, {
      kind: "group",
      name: "Tuesday",
      visibility: "open",
    });
    expect(res.status).toBe(201);
    return res.body.room.id;
  }

  it("gives 80 concurrent sends spread over two node processes unique, gapless seq", async () => {
    const [a, b] = await Promise.all([cluster.spawn(), cluster.spawn()]);
    const roomId = await room(a.url);
    const senders: Client[] = [];
    for (const [i, node] of [a, b, a, b].entries()) {
      const c = await cluster.client(node.url, { sub: `sender-${i}` });
      expect((await call(c, "room:join", { roomId })).ok).toBe(true);
      senders.push(c);
    }
    const watcher = await cluster.client(b.url, { sub: "watcher" });
    await call(watcher, "room:join", { roomId });
    const delivered = new Promise<number[]>((resolve) => {
      const seqs: number[] = [];
      watcher.on("message:new", (m) => {
        seqs.push(m.seq as number);
        if (seqs.length === 80) resolve(seqs);
      });
    });
    const acks = await Promise.all(
      Array.from({ length: 80 }, (_, i) => send(senders[i % 4] as Client, roomId, `check-in number ${i}`)),
    );
    expect(acks.every((r) => r.ok)).toBe(true);
    const seqs = acks.map((r) => r.message.seq as number).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    // A watcher on one node got every one of them once, whichever node stored it.
    expect((await delivered).sort((x, y) => x - y)).toEqual(seqs);
  });

  it("lets the client of a SIGKILLed node reconnect to the other and recover every missed message", async () => {
    const [a, b] = await Promise.all([cluster.spawn(), cluster.spawn()]);
    const roomId = await room(b.url);
    const alice = await cluster.client(b.url, { sub: "alice", name: "Sky" });
    let bob = await cluster.client(a.url, { sub: "bob", name: "River" });
    await call(alice, "room:join", { roomId });
    await call(bob, "room:join", { roomId });
    const got = waitFor(bob, "message:new", (m) => m.seq === 3);
    for (let i = 1; i <= 3; i++) await send(alice, roomId, `before ${i}`);
    const lastSeen = (await got).seq as number;

    const gone = waitFor(bob, "disconnect");
    const dead = await a.kill("SIGKILL");
    expect(dead.signal).toBe("SIGKILL");
    await gone;
    // While bob has no connection the room goes on without him.
    const missed = [];
    for (let i = 1; i <= 5; i++) missed.push((await send(alice, roomId, `while away ${i}`)).message.id);

    bob = await cluster.client(b.url, { sub: "bob", name: "River" });
    const rejoined = await call(bob, "room:join", { roomId, afterSeq: lastSeen });
    expect(rejoined.ok).toBe(true);
    expect(rejoined.messages.map((m: { id: string }) => m.id)).toEqual(missed);
    expect(rejoined.messages.map((m: { seq: number }) => m.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(rejoined.hasMore).toBe(false);
    // And he is live again on the surviving node.
    const live = waitFor(bob, "message:new");
    const next = await send(alice, roomId, "welcome back");
    expect((await live).seq).toBe(next.message.seq);
  });

  it("drains on SIGTERM: refuses new work, tells its clients, answers owed acks, exits 0", async () => {
    const [a, b] = await Promise.all([cluster.spawn(), cluster.spawn()]);
    const roomId = await room(a.url);
    const leaving = await cluster.client(a.url, { sub: "alice" });
    const staying = await cluster.client(b.url, { sub: "bob" });
    await call(leaving, "room:join", { roomId });
    await call(staying, "room:join", { roomId });
    const staysNotices = collect(staying, "notice");

    const told = waitFor(leaving, "notice", (n) => n.code === "server_shutdown");
    // A send in flight as the signal lands is still answered (or was never started).
    const inFlight = send(leaving, roomId, "sent just as the node stops", 5_000).catch((e: Error) => e);
    a.child.kill("SIGTERM");
    await told;
    const closed = waitFor(leaving, "disconnect");
    const ack = await inFlight;
    if (!(ack instanceof Error)) expect(ack.ok).toBe(true);
    await closed;
    expect(await a.exited).toEqual({ code: 0, signal: null });

    // The other node never heard the shutdown notice and still serves its client.
    expect(staying.connected).toBe(true);
    expect(staysNotices.filter((n) => n.code === "server_shutdown")).toEqual([]);
    expect((await send(staying, roomId, "still here")).ok).toBe(true);
  });
});
