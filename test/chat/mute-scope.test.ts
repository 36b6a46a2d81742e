import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, collect, createRoom, startServer, type TestServer, waitFor } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("a mute covers every write a participant can make in the room", () => {
  it("refuses reactions and typing notices from a muted participant, and the room sees neither", async () => {
    const roomId = await createRoom(server);
    const author = await server.client({ sub: "author" });
    const peer = await server.client({ sub: "peer" });
    const staff = await server.client({ sub: "staff", role: "peer_specialist" });
    for (const c of [author, peer, staff]) await call(c, "room:join", { roomId });
    const sent = await call(peer, "message:send", { roomId, clientId: "p1", body: "hello all" });
    const userId = (await call(author, "room:join", { roomId })).me.id;
    const muted = await call(staff, "mod:mute", { roomId, userId, minutes: 10, reason: "cool down" });

    const updates = collect(peer, "message:updated");
    const typings = collect(peer, "typing");
    const react = await call(author, "message:react", { messageId: sent.message.id, emoji: "❤️" });
    expect(react.error).toMatchObject({ code: "muted", until: muted.until });
    const typing = await call(author, "typing", { roomId, typing: true });
    expect(typing.error).toMatchObject({ code: "muted", until: muted.until });

    // A write the room does see, after the refused ones: nothing of the muted person came first.
    const staffTyping = waitFor(peer, "typing", (t) => t.user.role === "peer_specialist");
    await call(staff, "typing", { roomId, typing: true });
    await staffTyping;
    expect(updates).toEqual([]);
    expect(typings.filter((t) => t.user.id === userId)).toEqual([]);

    await call(staff, "mod:unmute", { roomId, userId });
    expect((await call(author, "message:react", { messageId: sent.message.id, emoji: "❤️" })).ok).toBe(true);
    expect(await call(author, "typing", { roomId, typing: true })).toEqual({ ok: true });
  });
});
