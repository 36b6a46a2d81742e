import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { call, createRoom, startServer, type TestServer } from "../helpers/server.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("auto-escalation with two servers on one database", () => {
  it("escalates each overdue case exactly once", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "lantern-sweep-")), "shared.db");
    const tenants = [
      {
        id: "fast",
        jwt: { alg: "HS256" as const, secret: "fast-tenant-secret-123456" },
        caseSlaSeconds: { "2": 0.2, "3": 0.2, "4": 0.2 },
      },
    ];
    const env = { LANTERN_SWEEP_INTERVAL_MS: "10" };
    servers.push(
      await startServer({ databasePath, tenants, env }),
      await startServer({ databasePath, tenants, env }),
    );
    const [one] = servers as [TestServer, TestServer];
    const roomId = await createRoom(one, {}, "fast");
    const a = await one.client({ sub: "a", tenant: "fast" });
    await call(a, "room:join", { roomId });
    for (let i = 0; i < 6; i++)
      await call(a, "message:send", { roomId, clientId: `c${i}`, body: "i want to kill myself" });
    // No Redis joins these two nodes, so watch the shared database rather than one node's feed.
    const db = new Database(databasePath, { readonly: true });
    const escalated = () =>
      (db.prepare("select count(*) n from cases where tier = 2").get() as { n: number }).n;
    for (const deadline = Date.now() + 5000; escalated() < 6 && Date.now() < deadline; )
      await new Promise((r) => setTimeout(r, 20));
    // Let both sweepers (10 ms interval) run dozens more times over the same rows: none may move twice.
    await new Promise((r) => setTimeout(r, 300));
    const escalations = db
      .prepare("select target, count(*) n from audit where action = 'case.auto_escalated' group by target")
      .all() as { n: number }[];
    const cases = db.prepare("select tier, status from cases").all();
    db.close();
    expect(cases).toHaveLength(6);
    expect(cases.every((c) => (c as { tier: number }).tier === 2)).toBe(true);
    expect(escalations).toHaveLength(6);
    expect(escalations.every((e) => e.n === 1)).toBe(true);
  });
});
