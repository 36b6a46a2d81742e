import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpired } from "../../server/chat/retention.ts";
import { call, createRoom, startServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    tenants: [{ id: "short", jwt: { alg: "HS256", secret: "short-retention-secret-1" }, retentionDays: 30 }],
  });
});
afterAll(() => server.close());

describe("retention", () => {
  it("purges each tenant's messages older than its retentionDays, and nothing younger", async () => {
    const shortRoom = await createRoom(server, {}, "short");
    const longRoom = await createRoom(server);
    const a = await server.client({ sub: "a", tenant: "short" });
    const b = await server.client({ sub: "b" });
    await call(a, "room:join", { roomId: shortRoom });
    await call(b, "room:join", { roomId: longRoom });
    const kept = await call(a, "message:send", { roomId: shortRoom, clientId: "1", body: "hello" });
    await call(a, "message:react", { messageId: kept.message.id, emoji: "🌱" });
    await call(b, "message:send", { roomId: longRoom, clientId: "2", body: "hello" });

    expect(await purgeExpired(server.app.ctx)).toBe(0);
    expect(await purgeExpired(server.app.ctx, Date.now() + 31 * 86_400_000)).toBe(1);
    expect((await call(a, "room:history", { roomId: shortRoom })).messages).toEqual([]);
    expect((await call(b, "room:history", { roomId: longRoom })).messages).toHaveLength(1);
    expect(await purgeExpired(server.app.ctx, Date.now() + 366 * 86_400_000)).toBe(1);
  });
});
