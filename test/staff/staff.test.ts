import { afterEach, describe, expect, it } from "vitest";
import type { TenantInput } from "../../server/config.ts";
import { call, collect, createRoom, http, startServer, type TestServer, waitFor } from "../helpers/server.ts";

let server: TestServer;
afterEach(() => server?.close());

async function setup(env: Record<string, string> = {}, tenants: TenantInput[] = []) {
  server = await startServer({ env: { LANTERN_SWEEP_INTERVAL_MS: "50", ...env }, tenants });
  const roomId = await createRoom(server);
  const author = await server.client({ sub: "author", name: "Sky" });
  const peer = await server.client({ sub: "peer", name: "River" });
  const specialist = await server.client({ sub: "spec", name: "Jo", role: "peer_specialist" });
  await call(author, "room:join", { roomId });
  await call(peer, "room:join", { roomId });
  const sub = await call(specialist, "mod:subscribe", {});
  expect(sub).toMatchObject({ ok: true, held: [], cases: [] });
  return { roomId, author, peer, specialist };
}

describe("held messages", () => {
  it("holds a plan-level message, shows it live to a specialist with findings, and approval gives it the next seq", async () => {
    const { roomId, author, peer, specialist } = await setup();
    await call(author, "message:send", { roomId, clientId: "before", body: "rough week honestly" });
    const held = waitFor(specialist, "mod:held");
    const sent = await call(author, "message:send", {
      roomId,
      clientId: "plan",
      body: "i've been saving up my pills for when i decide to end it",
    });
    expect(sent.moderation.action).toBe("hold");
    const item = await held;
    expect(item.message.id).toBe(sent.message.id);
    expect(item.findings.some((f: { kind: string }) => f.kind === "crisis")).toBe(true);
    expect(item.findings[0]).toHaveProperty("rule");
    expect(item.context.map((m: { body: string }) => m.body)).toEqual(["rough week honestly"]);
    const queue = await http(
      server.url,
      "GET",
      "/api/moderation/queue",
      server.token({ sub: "spec", role: "peer_specialist" }),
    );
    expect(queue.body.held.map((h: { message: { id: string } }) => h.message.id)).toEqual([sent.message.id]);

    const secondTab = await server.client({ sub: "spec2", name: "Ash", role: "peer_specialist" });
    await call(secondTab, "mod:subscribe", {});
    const settled = waitFor(secondTab, "mod:resolved");
    const arrives = waitFor(peer, "message:new", (m) => m.id === sent.message.id);
    await call(author, "message:send", { roomId, clientId: "between", body: "anyway" });
    const approved = await call(specialist, "mod:approve", { messageId: sent.message.id });
    expect(approved.message).toMatchObject({ status: "visible", seq: 3 });
    expect((await arrives).seq).toBe(3);
    expect(await settled).toEqual({ messageId: sent.message.id, status: "visible" });
    expect((await call(specialist, "mod:approve", { messageId: sent.message.id })).error.code).toBe(
      "conflict",
    );
  });

  it("never lets a rejected message reach the room and tells the author kindly", async () => {
    const { roomId, author, peer, specialist } = await setup();
    const seen = collect(peer, "message:new");
    const held = waitFor(specialist, "mod:held");
    const sent = await call(author, "message:send", {
      roomId,
      clientId: "plan2",
      body: "i have the rope ready for tonight",
    });
    await held;
    const updated = waitFor(author, "message:updated", (m) => m.id === sent.message.id);
    const notice = waitFor(author, "notice", (n) => n.code === "rejected");
    expect(
      await call(specialist, "mod:reject", { messageId: sent.message.id, reason: "method detail" }),
    ).toEqual({ ok: true });
    expect((await updated).status).toBe("rejected");
    expect((await notice).message).toMatch(/welcome/);
    const history = await call(peer, "room:history", { roomId });
    expect(history.messages).toEqual([]);
    expect(seen).toEqual([]);
  });
});

describe("flagged messages", () => {
  it("delivers a slip to the room and flags it live to staff with its findings", async () => {
    const { roomId, author, peer, specialist } = await setup();
    const flagged = waitFor(specialist, "mod:flagged");
    const sent = await call(author, "message:send", {
      roomId,
      clientId: "slip",
      body: "i slipped last night and drank again after 60 days",
    });
    expect(sent.moderation.action).toBe("allow");
    await waitFor(peer, "message:new", (m) => m.id === sent.message.id);
    const item = await flagged;
    expect(item.message.id).toBe(sent.message.id);
    expect(item.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "crisis", type: "relapse" })]),
    );
  });
});

describe("cases", () => {
  it("opens a case for ideation, auto-escalates it to tier 2 when unacknowledged, and a clinician sees it", async () => {
    await setup({}, [
      {
        id: "fast",
        jwt: { alg: "HS256", secret: "fast-tenant-secret-123456" },
        caseSlaSeconds: { "2": 0.3, "3": 0.3, "4": 0.3 },
      },
    ]);
    const fastRoom = await createRoom(server, {}, "fast");
    const a = await server.client({ sub: "a", tenant: "fast" });
    const spec = await server.client({ sub: "s", tenant: "fast", role: "peer_specialist" });
    const clinician = await server.client({ sub: "doc", tenant: "fast", role: "clinician", name: "Dr. Lee" });
    await call(spec, "mod:subscribe", {});
    expect((await call(clinician, "mod:subscribe", {})).cases).toEqual([]);
    await call(a, "room:join", { roomId: fastRoom });
    const opened = waitFor(spec, "case:new");
    const escalated = waitFor(clinician, "case:updated", (c) => c.tier === 2);
    const sent = await call(a, "message:send", {
      roomId: fastRoom,
      clientId: "i",
      body: "i keep thinking everyone would be better off without me",
    });
    expect(sent.moderation.action).toBe("allow");
    const c = await opened;
    expect(c).toMatchObject({
      level: 2,
      tier: 1,
      status: "open",
      messageId: sent.message.id,
      roomId: fastRoom,
    });
    const e = await escalated;
    expect(e).toMatchObject({ id: c.id, tier: 2, status: "escalated" });
    const docView = await http(
      server.url,
      "GET",
      "/api/cases",
      server.token({ sub: "doc", tenant: "fast", role: "clinician" }),
    );
    expect(docView.body.cases.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it("acknowledges and resolves with notes, over sockets and HTTP", async () => {
    const { roomId, author, specialist } = await setup();
    const opened = waitFor(specialist, "case:new");
    await call(author, "message:send", { roomId, clientId: "x", body: "i want to kill myself" });
    const c = await opened;
    const acked = await call(specialist, "case:ack", { caseId: c.id });
    expect(acked.case).toMatchObject({ status: "acknowledged" });
    expect(acked.case.assignee).toBeTruthy();
    const token = server.token({ sub: "spec", role: "peer_specialist", name: "Jo" });
    const resolved = await http(server.url, "POST", `/api/cases/${c.id}/resolve`, token, {
      note: "talked it through, safety plan in place",
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.case.status).toBe("resolved");
    expect(resolved.body.case.notes).toEqual([
      expect.objectContaining({ by: "Jo", text: "talked it through, safety plan in place" }),
    ]);
    expect((await call(specialist, "case:resolve", { caseId: c.id, note: "again" })).error.code).toBe(
      "conflict",
    );
  });

  it("opens a case when a participant reports a message, without revealing the reporter", async () => {
    const { roomId, author, peer, specialist } = await setup();
    const sent = await call(author, "message:send", { roomId, clientId: "r", body: "you all are pathetic" });
    const authorSees = collect(author, "case:new");
    const opened = waitFor(specialist, "case:new");
    const r = await call(peer, "message:report", { messageId: sent.message.id, reason: "unkind" });
    expect(r.ok).toBe(true);
    const c = await opened;
    expect(c).toMatchObject({ id: r.caseId, category: "report", messageId: sent.message.id });
    expect(JSON.stringify(c)).not.toMatch(/River|peer/);
    expect(authorSees).toEqual([]);
  });
});

describe("stepped actions", () => {
  it("mutes until unmute, removes from a room, and staff delete reaches the room", async () => {
    const { roomId, author, peer, specialist } = await setup();
    const first = await call(author, "message:send", { roomId, clientId: "m1", body: "hello" });
    const userId = first.message.author.id;
    const notice = waitFor(author, "notice", (n) => n.code === "muted");
    const muted = await call(specialist, "mod:mute", { roomId, userId, minutes: 10, reason: "cool down" });
    expect(Date.parse(muted.until)).toBeGreaterThan(Date.now());
    expect((await notice).until).toBe(muted.until);
    const refused = await call(author, "message:send", { roomId, clientId: "m2", body: "can i talk" });
    expect(refused.error).toMatchObject({ code: "muted", until: muted.until });
    expect(await call(specialist, "mod:unmute", { roomId, userId })).toEqual({ ok: true });
    expect((await call(author, "message:send", { roomId, clientId: "m3", body: "thanks" })).ok).toBe(true);

    const deleted = waitFor(peer, "message:deleted");
    expect(
      await call(specialist, "mod:delete", { messageId: first.message.id, reason: "off topic" }),
    ).toEqual({ ok: true });
    expect(await deleted).toEqual({ roomId, messageId: first.message.id });

    const removed = waitFor(author, "notice", (n) => n.code === "removed");
    expect(await call(specialist, "mod:remove", { roomId, userId, reason: "repeated harm" })).toEqual({
      ok: true,
    });
    await removed;
    expect((await call(author, "message:send", { roomId, clientId: "m4", body: "back" })).error.code).toBe(
      "forbidden",
    );
    expect((await call(author, "room:join", { roomId })).error.code).toBe("forbidden");
  });

  it("refuses every staff event and route to participants", async () => {
    const { roomId, author, peer } = await setup();
    const sent = await call(author, "message:send", { roomId, clientId: "z", body: "hi" });
    const userId = sent.message.author.id;
    const attempts: [string, unknown][] = [
      ["mod:subscribe", {}],
      ["mod:approve", { messageId: sent.message.id }],
      ["mod:reject", { messageId: sent.message.id, reason: "x" }],
      ["mod:delete", { messageId: sent.message.id, reason: "x" }],
      ["mod:mute", { roomId, userId, minutes: 5, reason: "x" }],
      ["mod:unmute", { roomId, userId }],
      ["mod:remove", { roomId, userId, reason: "x" }],
      ["case:ack", { caseId: "c_x" }],
      ["case:escalate", { caseId: "c_x", note: "x" }],
      ["case:resolve", { caseId: "c_x", note: "x" }],
    ];
    for (const [event, payload] of attempts)
      expect([event, (await call(peer, event, payload)).error.code]).toEqual([event, "forbidden"]);
    const token = server.token({ sub: "peer" });
    for (const [method, path, body] of [
      ["GET", "/api/moderation/queue"],
      ["GET", "/api/cases"],
      ["POST", "/api/cases/c_x/ack", {}],
      ["POST", "/api/cases/c_x/escalate", { note: "x" }],
      ["POST", "/api/cases/c_x/resolve", { note: "x" }],
      ["POST", "/api/moderation/check", { text: "hi" }],
      ["GET", "/api/audit"],
      ["GET", "/api/audit/verify"],
    ] as [string, string, unknown?][]) {
      expect([path, (await http(server.url, method, path, token, body)).status]).toEqual([path, 403]);
    }
    const specToken = server.token({ sub: "spec", role: "peer_specialist" });
    expect((await http(server.url, "GET", "/api/audit", specToken)).status).toBe(403);
  });

  it("checks a text without storing anything", async () => {
    await setup();
    const token = server.token({ sub: "spec", role: "peer_specialist" });
    const r = await http(server.url, "POST", "/api/moderation/check", token, {
      text: "call me 415 555 0132",
    });
    expect(r.status).toBe(200);
    expect(r.body.action).toBe("redact");
    expect(r.body.privacy[0].type).toBe("phone");
    expect(r.body.redacted).toBe("call me [phone]");
  });
});
