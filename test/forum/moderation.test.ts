import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, collect, http, startServer, type TestServer, waitFor } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function forumTables(): string {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return JSON.stringify([
      db.prepare("select * from threads").all(),
      db.prepare("select * from replies").all(),
    ]);
  } finally {
    db.close();
  }
}

describe("forum moderation", () => {
  it("redacts PII in a title and in a body, each on its own, before subscribers or the database see it", async () => {
    const author = await server.client({ sub: "pii-a" });
    const other = await server.client({ sub: "pii-o" });
    await call(other, "forum:subscribe", {});
    const threads = collect(other, "forum:thread");
    const replies = collect(other, "forum:reply");
    const secrets = ["(415) 555-0132", "sky.rivers@example.com", "4111 1111 1111 1111"];
    const posted = await call(author, "forum:post", {
      clientId: "pii-t",
      title: `Text me at ${secrets[0]}`,
      body: `or mail ${secrets[1]} any time`,
    });
    expect(posted.moderation.action).toBe("redact");
    expect(posted.thread.title).toContain("[phone]");
    expect(posted.thread.body).toContain("[email]");
    expect(posted.thread.title).not.toContain("[email]");
    const arrived = waitFor(other, "forum:reply", (x) => x.threadId === posted.thread.id);
    const r = await call(author, "forum:reply", {
      threadId: posted.thread.id,
      clientId: "pii-r",
      body: `my card is ${secrets[2]}`,
    });
    expect(r.reply.body).toContain("[card]");
    expect((await arrived).id).toBe(r.reply.id);
    const stored = forumTables();
    for (const s of secrets) {
      expect(JSON.stringify([threads, replies, posted, r])).not.toContain(s);
      expect(stored).not.toContain(s);
    }
    expect(threads[0]).toMatchObject({ id: posted.thread.id, status: "redacted" });
  });

  it("holds a plan-level post into the staff queue and shows it to subscribers only once approved", async () => {
    const author = await server.client({ sub: "held-a" });
    const other = await server.client({ sub: "held-o" });
    const staff = await server.client({ sub: "held-s", role: "peer_specialist" });
    await call(other, "forum:subscribe", {});
    await call(staff, "mod:subscribe", {});
    const feed = collect(other, "forum:thread");
    const held = waitFor(staff, "mod:held", (h) => h.message.roomId === "forum");
    const support = waitFor(author, "support");
    const posted = await call(author, "forum:post", {
      clientId: "held-t",
      title: "Tonight",
      body: "i've been saving up my pills for when i decide to end it",
    });
    expect(posted.moderation.action).toBe("hold");
    expect(posted.thread.status).toBe("held");
    const item = await held;
    expect(item.message).toMatchObject({ id: posted.thread.id, roomId: "forum", status: "held", seq: null });
    expect(item.message.body).toBe(`Tonight\n\n${posted.thread.body}`);
    expect(item.findings.some((f: { kind: string }) => f.kind === "crisis")).toBe(true);
    expect((await support).messageId).toBe(posted.thread.id);
    const queue = await http(
      server.url,
      "GET",
      "/api/moderation/queue",
      server.token({ sub: "held-s", role: "peer_specialist" }),
    );
    expect(queue.body.held.map((h: { message: { id: string } }) => h.message.id)).toContain(posted.thread.id);
    expect(queue.body.cases.some((c: { threadId: string }) => c.threadId === posted.thread.id)).toBe(true);
    const listed = await http(server.url, "GET", "/api/forum/threads", server.token({ sub: "held-o" }));
    expect(listed.body.threads.map((t: { id: string }) => t.id)).not.toContain(posted.thread.id);
    expect(feed).toEqual([]);
    expect(
      (await call(other, "forum:reply", { threadId: posted.thread.id, clientId: "x", body: "hi" })).error
        .code,
    ).toBe("not_found");

    const arrives = waitFor(other, "forum:thread", (t) => t.id === posted.thread.id);
    const approved = await call(staff, "mod:approve", { messageId: posted.thread.id });
    expect(approved.message).toMatchObject({ id: posted.thread.id, status: "visible", roomId: "forum" });
    expect(await arrives).toMatchObject({ status: "visible", title: "Tonight" });
    expect((await call(staff, "mod:approve", { messageId: posted.thread.id })).error.code).toBe("conflict");
    const after = await call(staff, "mod:subscribe", {});
    expect(after.held.map((h: { message: { id: string } }) => h.message.id)).not.toContain(posted.thread.id);
  });

  it("rejects a held reply through mod:reject without anyone else seeing it", async () => {
    const author = await server.client({ sub: "rej-a" });
    const other = await server.client({ sub: "rej-o" });
    const staff = await server.client({ sub: "rej-s", role: "peer_specialist" });
    const t = (
      await call(author, "forum:post", { clientId: "rej-t", title: "Check-in", body: "how is everyone" })
    ).thread;
    await call(other, "forum:subscribe", {});
    const replies = collect(other, "forum:reply");
    const r = await call(author, "forum:reply", {
      threadId: t.id,
      clientId: "rej-r",
      body: "i have the rope ready for tonight",
    });
    expect(r.moderation.action).toBe("hold");
    const queue = await call(staff, "mod:subscribe", {});
    const item = queue.held.find((h: { message: { id: string } }) => h.message.id === r.reply.id);
    expect(item.message.replyTo).toBe(t.id);
    expect(item.context[0].id).toBe(t.id);
    const notice = waitFor(author, "notice", (n) => n.code === "rejected");
    expect(await call(staff, "mod:reject", { messageId: r.reply.id, reason: "method detail" })).toEqual({
      ok: true,
    });
    await notice;
    const detail = await http(
      server.url,
      "GET",
      `/api/forum/threads/${t.id}`,
      server.token({ sub: "rej-o" }),
    );
    expect(detail.body.replies).toEqual([]);
    expect(detail.body.thread.replyCount).toBe(0);
    expect(replies).toEqual([]);
  });

  it("opens a case for crisis language and sends support to the author alone", async () => {
    const author = await server.client({ sub: "crisis-a" });
    const other = await server.client({ sub: "crisis-o" });
    const staff = await server.client({ sub: "crisis-s", role: "peer_specialist" });
    await call(staff, "mod:subscribe", {});
    await call(other, "forum:subscribe", {});
    const otherSupport = collect(other, "support");
    const caseNew = waitFor(staff, "case:new");
    const support = waitFor(author, "support");
    const posted = await call(author, "forum:post", {
      clientId: "crisis-t",
      title: "I can't do this anymore",
      body: "honestly I want to kill myself",
    });
    expect(posted.ok).toBe(true);
    const s = await support;
    expect(s).toMatchObject({ messageId: posted.thread.id });
    expect(s.level).toBeGreaterThanOrEqual(2);
    expect(s.resources.length).toBeGreaterThan(0);
    expect((await caseNew).threadId).toBe(posted.thread.id);
    expect(otherSupport).toEqual([]);
  });

  it("answers bad input with clear errors", async () => {
    const c = await server.client({ sub: "bad-forum" });
    const token = server.token({ sub: "bad-forum" });
    const cases: [string, unknown, string][] = [
      ["forum:post", { clientId: "b1", title: "   ", body: "x" }, "title"],
      ["forum:post", { clientId: "b2", title: "x".repeat(300), body: "x" }, "title"],
      ["forum:post", { clientId: "b3", title: 7, body: "x" }, "title"],
      ["forum:post", { clientId: "b4", title: "ok", body: "" }, "body"],
      ["forum:post", { clientId: "b5", title: "ok", body: "x", tags: ["gossip"] }, "tags"],
      ["forum:reply", { threadId: "t_nope", clientId: "b6", body: 12 }, "body"],
    ];
    for (const [event, payload, field] of cases) {
      const r = await call(c, event, payload);
      expect(r.error.code, JSON.stringify(payload)).toBe("invalid");
      expect(r.error.message).toContain(field);
    }
    expect((await call(c, "forum:reply", { threadId: "t_nope", clientId: "b7", body: "hi" })).error).toEqual({
      code: "not_found",
      message: "thread not found",
    });
    const long = await http(server.url, "POST", "/api/forum/threads", token, {
      clientId: "b8",
      title: "x".repeat(300),
      body: "b",
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/title: at most 200/);
    expect(
      (
        await http(server.url, "POST", "/api/forum/threads/t_nope/replies", token, {
          clientId: "b9",
          body: "hi",
        })
      ).status,
    ).toBe(404);
    expect((await http(server.url, "GET", "/api/forum/threads/t_nope", token)).status).toBe(404);
    expect(
      (
        await http(server.url, "POST", "/api/forum/threads", undefined, {
          clientId: "b",
          title: "t",
          body: "b",
        })
      ).status,
    ).toBe(401);
    expect((await call(c, "mod:approve", { messageId: "t_nope" })).error.code).toBe("forbidden");
  });
});
