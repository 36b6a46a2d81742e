import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, collect, createRoom, startServer, type TestServer, waitFor } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function pair() {
  const roomId = await createRoom(server);
  const author = await server.client({ sub: `author-${roomId}`, name: "Sky" });
  const other = await server.client({ sub: `other-${roomId}`, name: "River" });
  await call(author, "room:join", { roomId });
  await call(other, "room:join", { roomId });
  return { roomId, author, other };
}

function databaseText(): string {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    const rows = db.prepare("select body, findings from messages").all();
    return JSON.stringify(rows);
  } finally {
    db.close();
  }
}

describe("moderation before broadcast", () => {
  it("redacts a phone number, an email and a card number before anyone else or the database sees them", async () => {
    const { roomId, author, other } = await pair();
    const received = collect(other, "message:new");
    const secrets = ["(415) 555-0132", "sky.rivers@example.com", "4111 1111 1111 1111"];
    const r = await call(author, "message:send", {
      roomId,
      clientId: "pii-1",
      body: `text me at ${secrets[0]} or mail ${secrets[1]}, and my card is ${secrets[2]} lol`,
    });
    expect(r.moderation.action).toBe("redact");
    expect(r.moderation.reasons.join(" ")).toMatch(/phone/);
    expect(r.message.status).toBe("redacted");
    expect(r.message.body).toContain("[phone]");
    expect(r.message.body).toContain("[email]");
    expect(r.message.body).toContain("[card]");
    await waitFor(other, "message:new", (m) => m.id === r.message.id);
    const stored = databaseText();
    for (const s of secrets) {
      expect(JSON.stringify(received)).not.toContain(s);
      expect(stored).not.toContain(s);
      expect(JSON.stringify(r)).not.toContain(s);
    }
  });

  it("holds an imminent crisis message, sends support to its author only, and never shows it to the room", async () => {
    const { roomId, author, other } = await pair();
    const otherNew = collect(other, "message:new");
    const otherSupport = collect(other, "support");
    const support = waitFor(author, "support");
    const notice = waitFor(other, "notice", (n) => n.code === "facilitator_helping");
    const r = await call(author, "message:send", {
      roomId,
      clientId: "crisis-1",
      body: "i just took the whole bottle of my pills, its done",
    });
    expect(r.moderation.action).toBe("hold");
    expect(r.message).toMatchObject({ status: "held", seq: null });
    const s = await support;
    expect(s).toMatchObject({ messageId: r.message.id, level: 4 });
    expect(s.resources.map((x: { name: string }) => x.name).join()).toMatch(/988/);
    const n = await notice;
    expect(JSON.stringify(n)).not.toMatch(/Sky|bottle|pills/);
    const after = await call(author, "message:send", { roomId, clientId: "after", body: "sorry" });
    await waitFor(other, "message:new", (m) => m.id === after.message.id);
    expect(otherNew.map((m) => m.id)).toEqual([after.message.id]);
    expect(after.message.seq).toBe(1);
    expect(otherSupport).toEqual([]);
    const history = await call(other, "room:history", { roomId });
    expect(history.messages.map((m: { id: string }) => m.id)).toEqual([after.message.id]);
  });

  it("delivers ideation with support to the author (a case opens for staff)", async () => {
    const { roomId, author, other } = await pair();
    const support = waitFor(author, "support");
    const r = await call(author, "message:send", {
      roomId,
      clientId: "ideation",
      body: "honestly i wish i wasn't here anymore",
    });
    expect(r.moderation.action).toBe("allow");
    expect((await support).level).toBe(2);
    await waitFor(other, "message:new", (m) => m.id === r.message.id);
  });

  it("does not alarm on idiom", async () => {
    const { roomId, author } = await pair();
    const support = collect(author, "support");
    const r = await call(author, "message:send", {
      roomId,
      clientId: "idiom",
      body: "this commute is killing me, but i'm killing it at work",
    });
    expect(r.moderation).toEqual({ action: "allow", reasons: [] });
    await call(author, "room:history", { roomId });
    expect(support).toEqual([]);
  });
});
