/** What the console reads beyond the live feed: the flagged backlog and a case's history. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createRoom, http, startServer, type TestServer, waitFor } from "../helpers/server.ts";

let server: TestServer;
let room: string;
beforeAll(async () => {
  server = await startServer();
  room = await createRoom(server, { name: "Thursday group" });
});
afterAll(() => server.close());

describe("the specialist's desk", () => {
  it("hands a specialist who signs in later the flagged messages delivered before", async () => {
    const ivy = await server.client({ sub: "u-ivy", name: "Ivy" });
    await call(ivy, "room:join", { roomId: room });
    await call(ivy, "message:send", { roomId: room, clientId: "c1", body: "a calm hello" });
    await call(ivy, "message:send", {
      roomId: room,
      clientId: "c2",
      body: "slipped last night and used again",
    });
    const staff = await server.client({ sub: "staff-kim", role: "peer_specialist" });
    const res = await call(staff, "mod:subscribe", {});
    expect(res.flagged.map((i: { message: { body: string } }) => i.message.body)).toEqual([
      "slipped last night and used again",
    ]);
    expect(res.flagged[0].findings.length).toBeGreaterThan(0);
    expect(res.flagged[0].context.map((m: { body: string }) => m.body)).toContain("a calm hello");
    const participant = await server.client({ sub: "u-ivy" });
    expect((await call(participant, "mod:subscribe", {})).error.code).toBe("forbidden");
  });

  it("tells a case's story: opened, the participant's ask, acknowledged with a note, resolved", async () => {
    const staff = await server.client({ sub: "staff-lee", role: "peer_specialist", name: "Lee" });
    await call(staff, "mod:subscribe", {});
    const jo = await server.client({ sub: "u-jo", name: "Jo" });
    await call(jo, "room:join", { roomId: room });
    await call(jo, "message:send", { roomId: room, clientId: "j0", body: "rough week, but here" });
    const opened = waitFor(staff, "case:new");
    const sent = await call(jo, "message:send", {
      roomId: room,
      clientId: "j1",
      body: "honestly I want to kill myself",
    });
    const c = await opened;
    await call(jo, "support:request", { messageId: sent.message.id });
    await call(staff, "case:ack", { caseId: c.id });
    await call(staff, "case:resolve", { caseId: c.id, note: "Called Jo; safe plan in place" });

    const token = server.token({ sub: "staff-lee", role: "peer_specialist", name: "Lee" });
    const { status, body } = await http(server.url, "GET", `/api/cases/${c.id}/history`, token);
    expect(status).toBe(200);
    expect(body.room).toEqual({ id: room, name: "Thursday group" });
    expect(body.subject.name).toBe("Jo");
    expect(body.item.message.body).toBe("honestly I want to kill myself");
    expect(body.item.context.map((m: { body: string }) => m.body)).toContain("rough week, but here");
    expect(body.timeline.map((e: { kind: string; text?: string }) => [e.kind, e.text])).toEqual([
      ["opened", undefined],
      ["help_requested", expect.stringMatching(/asked for a peer specialist/)],
      ["acknowledged", undefined],
      ["resolved", "Called Jo; safe plan in place"],
    ]);
    expect(body.timeline.find((e: { kind: string }) => e.kind === "acknowledged").by).toBe("Lee");

    const participant = server.token({ sub: "u-jo" });
    expect((await http(server.url, "GET", `/api/cases/${c.id}/history`, participant)).status).toBe(403);
  });
});
