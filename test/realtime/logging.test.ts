import { afterAll, describe, expect, it } from "vitest";
import { captureLogs } from "../helpers/logs.ts";
import { call, createRoom, http, startServer, type TestServer, waitFor } from "../helpers/server.ts";

describe("logs", () => {
  const logs = captureLogs();
  const lines = logs.lines;
  let server: TestServer;
  afterAll(() => server?.close());

  it("never contain message text, titles or bodies, at any level", async () => {
    server = await startServer({
      logger: logs.logger,
      env: { LANTERN_SENDS_PER_WINDOW: "1000" },
    });
    const secret = "PURPLE-OTTER-7731";
    const roomId = await createRoom(server);
    const a = await server.client({ sub: "a" });
    const b = await server.client({ sub: "b" });
    await call(a, "room:join", { roomId });
    await call(b, "room:join", { roomId });
    const sent = await call(a, "message:send", {
      roomId,
      clientId: "1",
      body: `my secret word is ${secret}`,
    });
    await waitFor(b, "message:new");
    await call(a, "message:edit", { messageId: sent.message.id, body: `edited ${secret} call 415-555-0132` });
    await call(a, "message:send", { roomId, clientId: "2", body: `i want to kill myself ${secret}` });
    await call(a, "message:send", { roomId, clientId: "3", body: `${secret} ${"z".repeat(4500)}` });
    await call(a, "message:send", { roomId: "nope", clientId: "4", body: secret });
    await call(a, "no:event", { body: secret });
    const staff = server.token({ sub: "s", role: "peer_specialist" });
    await http(server.url, "POST", "/api/moderation/check", staff, { text: secret });
    await http(server.url, "POST", "/api/rooms", staff, {
      kind: "group",
      name: secret,
      visibility: "open",
      topic: secret,
    });
    await http(server.url, "POST", "/api/rooms", staff, `{"broken": "${secret}`);
    await server.close();
    const all = lines.join("");
    expect(lines.length).toBeGreaterThan(10);
    expect(all).not.toContain(secret);
    expect(all).not.toContain("415-555-0132");
  });
});
