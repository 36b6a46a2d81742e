import { afterAll, describe, expect, it } from "vitest";
import { captureLogs } from "../helpers/logs.ts";
import { call, http, startServer, type TestServer, waitFor } from "../helpers/server.ts";

describe("forum logs", () => {
  const logs = captureLogs();
  const lines = logs.lines;
  let server: TestServer;
  afterAll(() => server?.close());

  it("never contain a title, body or reply, at any level, whatever the outcome", async () => {
    server = await startServer({ logger: logs.logger });
    const secret = "TEAL-HERON-4410";
    const a = await server.client({ sub: "log-a" });
    const b = await server.client({ sub: "log-b" });
    const staff = await server.client({ sub: "log-s", role: "peer_specialist" });
    await call(b, "forum:subscribe", {});
    const arrived = waitFor(b, "forum:thread");
    const t = await call(a, "forum:post", {
      clientId: "l1",
      title: `title ${secret}`,
      body: `body ${secret}`,
    });
    await arrived;
    await call(a, "forum:reply", { threadId: t.thread.id, clientId: "l2", body: `reply ${secret}` });
    await call(a, "forum:edit", { threadId: t.thread.id, body: `edited ${secret} 415-555-0132` });
    const held = await call(a, "forum:post", {
      clientId: "l3",
      title: secret,
      body: `i've been saving up my pills for when i decide to end it ${secret}`,
    });
    await call(staff, "mod:reject", { messageId: held.thread.id, reason: "method detail" });
    await call(a, "forum:post", { clientId: "l4", title: "x".repeat(300), body: secret });
    await call(a, "forum:reply", { threadId: "t_nope", clientId: "l5", body: secret });
    const token = server.token({ sub: "log-a" });
    await http(server.url, "POST", "/api/forum/threads", token, {
      clientId: "l6",
      title: secret,
      body: secret,
    });
    expect(lines.length).toBeGreaterThan(5);
    const all = lines.join("");
    expect(all).not.toContain(secret);
    expect(all).not.toContain("555-0132");
  });
});
