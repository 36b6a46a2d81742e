import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createRoom, http, startServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    tenants: [
      {
        id: "strict",
        jwt: { alg: "HS256", secret: "strict-tenant-secret-1234" },
        policy: { keywords: { terms: ["casino*"], action: "hold" } },
      },
    ],
  });
});
afterAll(() => server.close());

describe("policies are data: tenant and room overrides", () => {
  it("blocks a room's keyword (wildcards, allow list) with error blocked and its reasons, storing nothing", async () => {
    const roomId = await createRoom(server, {
      policy: { keywords: { terms: ["vape*"], allow: ["vape-free"], action: "block" } },
    });
    const a = await server.client({ sub: "a" });
    await call(a, "room:join", { roomId });
    const refused = await call(a, "message:send", {
      roomId,
      clientId: "k1",
      body: "anyone selling vapes near the clinic?",
    });
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe("blocked");
    expect(refused.error.reasons).toContain("keyword");
    expect(JSON.stringify(refused)).not.toContain("selling");
    expect(
      (await call(a, "message:send", { roomId, clientId: "k2", body: "our building is vape-free now" })).ok,
    ).toBe(true);
    expect((await call(a, "room:history", { roomId })).messages).toHaveLength(1);
  });

  it("applies the tenant's policy to every room of that tenant only", async () => {
    const strictRoom = await createRoom(server, {}, "strict");
    const s = await server.client({ sub: "s", tenant: "strict" });
    await call(s, "room:join", { roomId: strictRoom });
    expect(
      (await call(s, "message:send", { roomId: strictRoom, clientId: "c", body: "went to the casino" }))
        .moderation.action,
    ).toBe("hold");
    const plainRoom = await createRoom(server);
    const d = await server.client({ sub: "d" });
    await call(d, "room:join", { roomId: plainRoom });
    expect(
      (await call(d, "message:send", { roomId: plainRoom, clientId: "c", body: "went to the casino" }))
        .moderation.action,
    ).toBe("allow");
  });

  it("refuses a room policy that is not valid, naming the field", async () => {
    const staff = server.token({ sub: "f", role: "peer_specialist" });
    const res = await http(server.url, "POST", "/api/rooms", staff, {
      kind: "group",
      name: "Bad policy",
      visibility: "open",
      policy: { keywords: { terms: ["(a+)+$"], action: "explode" } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid");
    expect(res.body.error.message).toMatch(/policy/);
  });
});
