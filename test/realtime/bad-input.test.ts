import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createRoom, http, startServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let roomId: string;
beforeAll(async () => {
  server = await startServer();
  roomId = await createRoom(server);
});
afterAll(() => server.close());

const EVENTS = [
  "room:join",
  "room:leave",
  "room:history",
  "message:send",
  "message:edit",
  "message:delete",
  "message:react",
  "message:report",
  "forum:post",
  "forum:reply",
  "mod:approve",
  "case:ack",
];
const GARBAGE: unknown[] = [
  null,
  "a string",
  42,
  [],
  { roomId: 7 },
  { roomId: "x".repeat(500) },
  { unexpected: true },
];

describe("bad input never hurts the server", () => {
  it.each(EVENTS)("answers %s with a clear error for malformed payloads", async (event) => {
    const c = await server.client({ sub: "fuzzer" });
    for (const payload of GARBAGE) {
      const r = await call(c, event, payload);
      expect(r.ok).toBe(false);
      expect(["invalid", "not_found", "forbidden"]).toContain(r.error.code);
      expect(typeof r.error.message).toBe("string");
    }
    expect(c.connected).toBe(true);
    c.disconnect();
  });

  it("refuses empty and 5,000-character bodies, unknown ids, and survives missing acks and unknown events", async () => {
    const c = await server.client({ sub: "fuzzer" });
    await call(c, "room:join", { roomId });
    expect((await call(c, "message:send", { roomId, clientId: "e", body: "   " })).error.code).toBe(
      "invalid",
    );
    const huge = await call(c, "message:send", { roomId, clientId: "h", body: "x".repeat(5000) });
    expect(huge.error).toMatchObject({ code: "invalid" });
    expect((await call(c, "message:send", { roomId, clientId: "n", body: 12 })).error.code).toBe("invalid");
    expect(
      (await call(c, "message:send", { roomId: "r_unknown", clientId: "u", body: "hi" })).error.code,
    ).toBe("not_found");
    expect((await call(c, "message:edit", { messageId: "m_unknown", body: "hi" })).error.code).toBe(
      "not_found",
    );
    expect(
      (await call(c, "message:send", { roomId, clientId: "bad id with spaces", body: "hi" })).error.code,
    ).toBe("invalid");
    expect((await call(c, "room:history", { roomId, limit: 500 })).error.code).toBe("invalid");
    const raw = c as unknown as { emit(event: string, ...args: unknown[]): void };
    raw.emit("message:send", { roomId, clientId: "no-ack", body: "sent without an ack" });
    raw.emit("room:join");
    expect((await call(c, "no:such-event", {})).error.code).toBe("invalid");
    expect((await call(c, "room:history", { roomId })).messages.map((m: { body: string }) => m.body)).toEqual(
      ["sent without an ack"],
    );
    expect(c.connected).toBe(true);
  });

  it("answers bad HTTP bodies with { error } and the right status", async () => {
    const staff = server.token({ sub: "s", role: "peer_specialist" });
    const bad = await http(server.url, "POST", "/api/rooms", staff, "{not json");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid");
    const wrong = await http(server.url, "POST", "/api/rooms", staff, {
      kind: "castle",
      name: "x",
      visibility: "open",
    });
    expect(wrong.status).toBe(400);
    const big = await http(server.url, "POST", "/api/rooms", staff, {
      kind: "group",
      name: "x".repeat(200_000),
      visibility: "open",
    });
    expect(big.status).toBe(413);
    expect((await http(server.url, "GET", "/api/rooms/r_nope/messages", staff)).status).toBe(404);
    expect((await http(server.url, "GET", "/api/nothing-here", staff)).body.error.code).toBe("not_found");
    expect((await http(server.url, "GET", "/healthz")).status).toBe(200);
  });

  it("drops a socket payload over maxHttpBufferSize without taking the node down", async () => {
    const c = await server.client({ sub: "big" });
    (c as unknown as { emit(e: string, p: unknown): void }).emit("message:send", {
      roomId,
      clientId: "big",
      body: "y".repeat(200_000),
    });
    await new Promise((r) => c.once("disconnect", r));
    const d = await server.client({ sub: "after" });
    expect((await call(d, "room:join", { roomId })).ok).toBe(true);
  });
});
