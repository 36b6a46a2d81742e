import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, collect, http, startServer, type TestServer, waitFor } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("the forum live feed", () => {
  it("shows each subscriber the other's threads and replies live, with reply counts", async () => {
    const a = await server.client({ sub: "live-a", name: "Sky" });
    const b = await server.client({ sub: "live-b", name: "River" });
    expect(await call(a, "forum:subscribe", {})).toMatchObject({ ok: true, threads: [] });
    await call(b, "forum:subscribe", {});

    const seen = waitFor(b, "forum:thread", (t) => t.title === "Evenings are hard");
    const posted = await call(a, "forum:post", {
      clientId: "t-1",
      title: "Evenings are hard",
      body: "What do you do when the cravings hit after dinner?",
      tags: ["coping-strategies"],
    });
    expect(posted).toMatchObject({ ok: true, moderation: { action: "allow" } });
    expect(posted.thread).toMatchObject({
      status: "visible",
      replyCount: 0,
      locked: false,
      tags: ["coping-strategies"],
    });
    expect(await seen).toEqual(posted.thread);
    expect(posted.thread.author).toEqual({
      id: expect.stringMatching(/^u_/),
      name: "Sky",
      role: "participant",
    });

    const reply = waitFor(a, "forum:reply");
    const bumped = waitFor(a, "forum:thread", (t) => t.replyCount === 1);
    const r = await call(b, "forum:reply", {
      threadId: posted.thread.id,
      clientId: "r-1",
      body: "A walk helps me.",
    });
    expect(r.reply).toMatchObject({
      threadId: posted.thread.id,
      body: "A walk helps me.",
      status: "visible",
    });
    expect(await reply).toEqual(r.reply);
    const thread = await bumped;
    expect(thread.lastActivityAt >= posted.thread.lastActivityAt).toBe(true);
    await call(a, "forum:reply", {
      threadId: posted.thread.id,
      clientId: "r-2",
      body: "Thank you, trying it.",
    });
    const detail = await http(
      server.url,
      "GET",
      `/api/forum/threads/${posted.thread.id}`,
      server.token({ sub: "live-b" }),
    );
    expect(detail.status).toBe(200);
    expect(detail.body.thread.replyCount).toBe(2);
    expect(detail.body.replies.map((x: { body: string }) => x.body)).toEqual([
      "A walk helps me.",
      "Thank you, trying it.",
    ]);
    const list = await call(b, "forum:subscribe", {});
    expect(list.threads[0]).toMatchObject({ id: posted.thread.id, replyCount: 2 });
  });

  it("lets nothing cross tenants: no live events, no listing, no replies to another tenant's thread", async () => {
    const home = await server.client({ sub: "iso-home" });
    const other = await server.client({ sub: "iso-other", tenant: "acme" });
    await call(home, "forum:subscribe", {});
    await call(other, "forum:subscribe", {});
    const otherThreads = collect(other, "forum:thread");
    const otherReplies = collect(other, "forum:reply");
    const posted = await call(home, "forum:post", {
      clientId: "iso-t",
      title: "Home only",
      body: "just for us",
    });
    await call(home, "forum:reply", { threadId: posted.thread.id, clientId: "iso-r", body: "still us" });
    const acmeToken = server.token({ sub: "iso-other", tenant: "acme" });
    const listed = await http(server.url, "GET", "/api/forum/threads", acmeToken);
    expect(listed.body.threads.map((t: { id: string }) => t.id)).not.toContain(posted.thread.id);
    expect((await http(server.url, "GET", `/api/forum/threads/${posted.thread.id}`, acmeToken)).status).toBe(
      404,
    );
    const cross = await call(other, "forum:reply", {
      threadId: posted.thread.id,
      clientId: "x",
      body: "hello?",
    });
    expect(cross.error.code).toBe("not_found");
    // a marker post in acme proves acme's feed works, and everything before it has arrived
    const marker = waitFor(other, "forum:thread", (t) => t.title === "acme marker");
    await call(other, "forum:post", { clientId: "acme-marker", title: "acme marker", body: "ours" });
    await marker;
    expect(otherThreads.map((t) => t.title)).toEqual(["acme marker"]);
    expect(otherReplies).toEqual([]);
  });

  it("gives REST and socket posting the same shapes and one idempotency across both", async () => {
    const c = await server.client({ sub: "rest-sock", name: "Jo" });
    const token = server.token({ sub: "rest-sock", name: "Jo" });
    const feed = collect(c, "forum:thread");
    await call(c, "forum:subscribe", {});
    const viaHttp = await http(server.url, "POST", "/api/forum/threads", token, {
      clientId: "same-1",
      title: "Ninety days",
      body: "Ninety days today.",
      tags: ["wins"],
    });
    expect(viaHttp.status).toBe(201);
    const viaSocket = await call(c, "forum:post", {
      clientId: "same-1",
      title: "Ninety days",
      body: "Ninety days today.",
    });
    expect(viaSocket).toEqual({ ok: true, ...viaHttp.body });
    const r1 = await call(c, "forum:reply", {
      threadId: viaHttp.body.thread.id,
      clientId: "same-r",
      body: "proud",
    });
    const r2 = await http(server.url, "POST", `/api/forum/threads/${viaHttp.body.thread.id}/replies`, token, {
      clientId: "same-r",
      body: "proud",
    });
    expect(r2.status).toBe(201);
    expect(r2.body).toEqual({ reply: r1.reply, moderation: r1.moderation });
    const detail = await http(server.url, "GET", `/api/forum/threads/${viaHttp.body.thread.id}`, token);
    expect(detail.body.thread.replyCount).toBe(1);
    expect(feed.filter((t) => t.id === viaHttp.body.thread.id && t.replyCount === 0)).toHaveLength(1);
    const wins = await http(server.url, "GET", "/api/forum/threads?tag=wins", token);
    expect(wins.body.threads.map((t: { id: string }) => t.id)).toEqual([viaHttp.body.thread.id]);
  });

  it("lets authors edit (moderated again) and delete, and staff lock and remove, all live", async () => {
    const author = await server.client({ sub: "own-a" });
    const watcher = await server.client({ sub: "own-w" });
    const staff = await server.client({ sub: "own-s", role: "peer_specialist" });
    await call(watcher, "forum:subscribe", {});
    const t = (await call(author, "forum:post", { clientId: "own-t", title: "Draft", body: "first words" }))
      .thread;
    const edited = waitFor(watcher, "forum:thread", (x) => x.id === t.id && x.title === "Final");
    const e = await call(author, "forum:edit", {
      threadId: t.id,
      title: "Final",
      body: "call me on 415-555-0132",
    });
    expect(e.moderation.action).toBe("redact");
    expect((await edited).body).not.toContain("555-0132");
    expect((await call(watcher, "forum:edit", { threadId: t.id, body: "mine now" })).error.code).toBe(
      "forbidden",
    );

    expect((await call(author, "forum:lock", { threadId: t.id, reason: "x" })).error.code).toBe("forbidden");
    const locked = waitFor(watcher, "forum:thread", (x) => x.id === t.id && x.locked);
    expect(
      (await call(staff, "forum:lock", { threadId: t.id, reason: "closing for the night" })).thread.locked,
    ).toBe(true);
    await locked;
    const refused = await call(watcher, "forum:reply", { threadId: t.id, clientId: "late", body: "wait" });
    expect(refused.error.code).toBe("conflict");

    const r = await call(author, "forum:reply", {
      threadId: (await call(author, "forum:post", { clientId: "own-t2", title: "Second", body: "b" })).thread
        .id,
      clientId: "own-r",
      body: "a reply",
    });
    const gone = waitFor(watcher, "forum:reply", (x) => x.id === r.reply.id && x.status === "deleted");
    expect(
      await call(staff, "forum:remove", {
        threadId: r.reply.threadId,
        replyId: r.reply.id,
        reason: "off topic",
      }),
    ).toEqual({ ok: true });
    expect((await gone).body).toBe("");
    const deleted = waitFor(watcher, "forum:thread", (x) => x.id === t.id && x.status === "deleted");
    expect(await call(author, "forum:delete", { threadId: t.id })).toEqual({ ok: true });
    expect((await deleted).title).toBe("");
    const admin = server.token({ sub: "own-admin", role: "admin" });
    const trail = await http(server.url, "GET", "/api/audit", admin);
    const actions =
      trail.body.entries?.map((x: { action: string }) => x.action) ?? JSON.stringify(trail.body);
    expect(JSON.stringify(actions)).toContain("forum.locked");
    expect(JSON.stringify(actions)).toContain("forum.removed");
  });
});
