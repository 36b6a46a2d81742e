import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { call, createRoom, startServer, type TestServer, waitFor } from "../helpers/server.ts";

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
    const [one, two] = servers as [TestServer, TestServer];
    const roomId = await createRoom(one, {}, "fast");
    const a = await one.client({ sub: "a", tenant: "fast" });
    const spec = await two.client({ sub: "s", tenant: "fast", role: "peer_specialist" });
    await call(spec, "mod:subscribe", {});
    await call(a, "room:join", { roomId });
    for (let i = 0; i < 6; i++)
      await call(a, "message:send", {
        roomId,
        clientId: `c${i}`,
        body: "i wish i could just disappear forever",
      });
    await waitFor(spec, "case:updated", (c) => c.tier === 2, 5000);
    await new Promise((r) => setTimeout(r, 600));
    const db = new Database(databasePath, { readonly: true });
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
