import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, collect, createRoom, http, startServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("tenants and invite rooms are isolated", () => {
  it("hides another tenant's rooms over Socket.IO and HTTP", async () => {
    const acmeRoom = await createRoom(server, { name: "Acme group" }, "acme");
    const outsider = await server.client({ sub: "mallory" });
    const seen = collect(outsider, "message:new");
    expect((await call(outsider, "room:join", { roomId: acmeRoom })).error.code).toBe("not_found");
    expect((await call(outsider, "room:history", { roomId: acmeRoom })).error.code).toBe("not_found");
    expect(
      (await call(outsider, "message:send", { roomId: acmeRoom, clientId: "x", body: "hi" })).error.code,
    ).toBe("not_found");

    const insider = await server.client({ sub: "alice", tenant: "acme" });
    await call(insider, "room:join", { roomId: acmeRoom });
    const sent = await call(insider, "message:send", { roomId: acmeRoom, clientId: "a1", body: "acme only" });
    expect(
      (await call(outsider, "message:react", { messageId: sent.message.id, emoji: "❤️" })).error.code,
    ).toBe("not_found");
    expect((await call(outsider, "message:report", { messageId: sent.message.id })).error.code).toBe(
      "not_found",
    );

    const token = server.token({ sub: "mallory" });
    const rooms = await http(server.url, "GET", "/api/rooms", token);
    expect(rooms.body.rooms.map((r: { id: string }) => r.id)).not.toContain(acmeRoom);
    expect((await http(server.url, "GET", `/api/rooms/${acmeRoom}/messages`, token)).status).toBe(404);
    const staffOther = server.token({ sub: "s", role: "peer_specialist" });
    expect(
      (await http(server.url, "POST", `/api/rooms/${acmeRoom}/members`, staffOther, { sub: "mallory" }))
        .status,
    ).toBe(404);
    expect(seen).toEqual([]);
  });

  it("lets only enrolled members into an invite room", async () => {
    const roomId = await createRoom(server, {
      name: "Buddy pair",
      kind: "buddy",
      visibility: "invite",
      members: ["mentor", "mentee"],
    });
    const mentee = await server.client({ sub: "mentee" });
    const stranger = await server.client({ sub: "stranger" });
    expect((await call(mentee, "room:join", { roomId })).ok).toBe(true);
    expect((await call(stranger, "room:join", { roomId })).error.code).toBe("not_found");
    const strangerRooms = await http(server.url, "GET", "/api/rooms", server.token({ sub: "stranger" }));
    expect(strangerRooms.body.rooms.map((r: { id: string }) => r.id)).not.toContain(roomId);
    expect(
      (await http(server.url, "GET", `/api/rooms/${roomId}/messages`, server.token({ sub: "stranger" })))
        .status,
    ).toBe(404);

    const staff = server.token({ sub: "s", role: "peer_specialist" });
    expect(
      (await http(server.url, "POST", `/api/rooms/${roomId}/members`, staff, { sub: "stranger" })).status,
    ).toBe(201);
    expect((await call(stranger, "room:join", { roomId })).ok).toBe(true);
    const menteeRooms = await http(server.url, "GET", "/api/rooms", server.token({ sub: "mentee" }));
    expect(menteeRooms.body.rooms.map((r: { id: string }) => r.id)).toContain(roomId);
  });

  it("lets only peer specialists and admins create rooms and enrol members", async () => {
    const participant = server.token({ sub: "p" });
    const res = await http(server.url, "POST", "/api/rooms", participant, {
      kind: "group",
      name: "Mine",
      visibility: "open",
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    const roomId = await createRoom(server);
    expect(
      (await http(server.url, "POST", `/api/rooms/${roomId}/members`, participant, { sub: "x" })).status,
    ).toBe(403);
  });
});
