import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, collect, createRoom, startServer, type TestServer, waitFor } from "../helpers/server.ts";

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ env: { LANTERN_SENDS_PER_WINDOW: "1000" } });
});
afterEach(async () => {
  await server.close();
});

const send = (
  c: Parameters<typeof call>[0],
  roomId: string,
  body: string,
  clientId: string = crypto.randomUUID(),
  replyTo?: string,
) => call(c, "message:send", { roomId, clientId, body, ...(replyTo ? { replyTo } : {}) });

describe("messages in a group room", () => {
  it("joins with the group agreement and delivers a message to the other member after storing it", async () => {
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice", name: "Sky" });
    const bob = await server.client({ sub: "bob", name: "River" });
    const joined = await call(alice, "room:join", { roomId });
    expect(joined.ok).toBe(true);
    expect(joined.room).toMatchObject({ id: roomId, kind: "group", visibility: "open" });
    expect(joined.room.agreement.join(" ")).toMatch(/stays here/);
    expect(joined.messages).toEqual([]);
    expect(joined.me).toMatchObject({ name: "Sky", role: "participant" });
    expect(joined.me.id).not.toContain("alice");
    await call(bob, "room:join", { roomId });

    const arriving = waitFor(bob, "message:new");
    const sent = await send(alice, roomId, "Day 12 and still going. Thanks for listening last night.");
    expect(sent).toMatchObject({ ok: true, moderation: { action: "allow" } });
    expect(sent.message).toMatchObject({
      seq: 1,
      status: "visible",
      author: { name: "Sky", role: "participant" },
    });
    const got = await arriving;
    expect(got).toEqual(sent.message);
    expect(got.author.id).not.toContain("alice");

    const history = await call(bob, "room:history", { roomId });
    expect(history.messages.map((m: { id: string }) => m.id)).toEqual([sent.message.id]);
  });

  it("stores a lone UTF-16 surrogate as U+FFFD, so every client receives valid text", async () => {
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice" });
    const bob = await server.client({ sub: "bob" });
    await call(alice, "room:join", { roomId });
    await call(bob, "room:join", { roomId });
    const arriving = waitFor(bob, "message:new");
    const sent = await send(alice, roomId, "half an emoji \ud83d here, a whole one \ud83d\ude00");
    expect(sent.message.body).toBe("half an emoji \ufffd here, a whole one \ud83d\ude00");
    expect((await arriving).body).toBe(sent.message.body);
    const history = await call(bob, "room:history", { roomId });
    expect(history.messages[0].body).toBe(sent.message.body);
  });

  it("stores and broadcasts a resent clientId once and returns the first result", async () => {
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice" });
    const bob = await server.client({ sub: "bob" });
    await call(alice, "room:join", { roomId });
    await call(bob, "room:join", { roomId });
    const seen = collect(bob, "message:new");
    const first = await send(alice, roomId, "checking in", "same-client-id");
    const again = await send(alice, roomId, "checking in", "same-client-id");
    expect(again).toEqual(first);
    await send(alice, roomId, "a second, different message");
    await waitFor(bob, "message:new", (m) => m.seq === 2);
    expect(seen.map((m) => m.seq)).toEqual([1, 2]);
  });

  it("gives 50 concurrent sends from two clients unique, gapless seq", async () => {
    const roomId = await createRoom(server);
    const a = await server.client({ sub: "a" });
    const b = await server.client({ sub: "b" });
    await call(a, "room:join", { roomId });
    await call(b, "room:join", { roomId });
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(i % 2 ? a : b, roomId, `message number ${i}`)),
    );
    const seqs = acks.map((r) => r.message.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("lets a client that was away catch up with afterSeq and miss nothing", async () => {
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice" });
    let bob = await server.client({ sub: "bob" });
    await call(alice, "room:join", { roomId });
    await call(bob, "room:join", { roomId });
    await send(alice, roomId, "before bob left");
    await waitFor(bob, "message:new");
    bob.disconnect();
    for (let i = 0; i < 5; i++) await send(alice, roomId, `while away ${i}`);
    bob = await server.client({ sub: "bob" });
    const back = await call(bob, "room:join", { roomId, afterSeq: 1 });
    expect(back.messages.map((m: { seq: number }) => m.seq)).toEqual([2, 3, 4, 5, 6]);
    expect(back.hasMore).toBe(false);
  });

  it("pages history backwards with beforeSeq and hasMore", async () => {
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice" });
    await call(alice, "room:join", { roomId });
    for (let i = 1; i <= 7; i++) await send(alice, roomId, `note ${i}`);
    const page1 = await call(alice, "room:history", { roomId, limit: 3 });
    expect(page1.messages.map((m: { seq: number }) => m.seq)).toEqual([5, 6, 7]);
    expect(page1.hasMore).toBe(true);
    const page2 = await call(alice, "room:history", { roomId, beforeSeq: 5, limit: 5 });
    expect(page2.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(page2.hasMore).toBe(false);
  });

  it("edits (moderated again), reacts, replies and deletes, telling the room each time", async () => {
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice" });
    const bob = await server.client({ sub: "bob" });
    await call(alice, "room:join", { roomId });
    await call(bob, "room:join", { roomId });
    const { message } = await send(alice, roomId, "I made it to the meeting today");

    const updated = waitFor(bob, "message:updated", (m) => m.editedAt !== null);
    const edited = await call(alice, "message:edit", {
      messageId: message.id,
      body: "I made it to the meeting today, call me at 555-867-5309",
    });
    expect(edited.ok).toBe(true);
    expect(edited.message.body).not.toContain("867");
    expect(edited.message.body).toContain("[phone]");
    expect((await updated).body).toBe(edited.message.body);

    const notMine = await call(bob, "message:edit", { messageId: message.id, body: "hijack" });
    expect(notMine.error.code).toBe("forbidden");

    const reacted = waitFor(alice, "message:updated", (m) => Object.keys(m.reactions).length > 0);
    const r = await call(bob, "message:react", { messageId: message.id, emoji: "💪" });
    expect(r.message.reactions).toEqual({ "💪": 1 });
    expect((await reacted).reactions).toEqual({ "💪": 1 });
    expect((await call(bob, "message:react", { messageId: message.id, emoji: "💩" })).error.code).toBe(
      "invalid",
    );

    const reply = await send(bob, roomId, "proud of you", undefined, message.id);
    expect(reply.message.replyTo).toBe(message.id);

    const deleted = waitFor(bob, "message:deleted");
    expect(await call(alice, "message:delete", { messageId: message.id })).toEqual({ ok: true });
    expect(await deleted).toEqual({ roomId, messageId: message.id });
    const history = await call(bob, "room:history", { roomId });
    expect(history.messages[0]).toMatchObject({ id: message.id, status: "deleted", body: "" });
  });

  it("shows presence on join and leave, and typing to everyone but the typist", async () => {
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice", name: "Sky" });
    const bob = await server.client({ sub: "bob", name: "River" });
    await call(alice, "room:join", { roomId });
    const presence = waitFor(alice, "presence", (p) => p.online.length === 2);
    const joined = await call(bob, "room:join", { roomId });
    expect(joined.online.map((m: { name: string }) => m.name).sort()).toEqual(["River", "Sky"]);
    expect((await presence).online.map((m: { name: string }) => m.name).sort()).toEqual(["River", "Sky"]);

    const typingSeen = collect(bob, "typing");
    const typing = waitFor(alice, "typing");
    bob.emit("typing", { roomId, typing: true });
    expect(await typing).toMatchObject({ roomId, typing: true, user: { name: "River" } });
    expect(typingSeen).toEqual([]);

    const left = waitFor(alice, "presence", (p) => p.online.length === 1);
    expect(await call(bob, "room:leave", { roomId })).toEqual({ ok: true });
    expect((await left).online.map((m: { name: string }) => m.name)).toEqual(["Sky"]);
    expect((await send(bob, roomId, "still here?")).error.code).toBe("forbidden");
  });

  it("refuses sends past the rate limit with retryAfterMs", async () => {
    await server.close();
    server = await startServer({ env: { LANTERN_SENDS_PER_WINDOW: "3", LANTERN_SEND_WINDOW_MS: "60000" } });
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice" });
    await call(alice, "room:join", { roomId });
    for (let i = 0; i < 3; i++) expect((await send(alice, roomId, `ok ${i}`)).ok).toBe(true);
    const limited = await send(alice, roomId, "one too many");
    expect(limited.error.code).toBe("rate_limited");
    expect(limited.error.retryAfterMs).toBeGreaterThan(0);
  });
});

describe("history survives a restart", () => {
  it("keeps messages and continues seq after the server restarts on the same database", async () => {
    const roomId = await createRoom(server);
    const alice = await server.client({ sub: "alice" });
    await call(alice, "room:join", { roomId });
    await send(alice, roomId, "first");
    await send(alice, roomId, "second");
    const databasePath = server.databasePath;
    await server.app.close();
    const again = await startServer({ databasePath });
    try {
      const c = await again.client({ sub: "alice" });
      const joined = await call(c, "room:join", { roomId });
      expect(joined.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2]);
      expect((await send(c, roomId, "third")).message.seq).toBe(3);
    } finally {
      await again.close();
    }
  });
});
