import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { rowHash } from "../../server/db/audit-chain.ts";
import type { AuditRow } from "../../server/db/rows.ts";
import { call, createRoom, http, startServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
afterEach(() => server?.close());

/** Fill the trail: room creation, cases, mutes, deletions. */
async function busyTrail() {
  server = await startServer();
  const roomId = await createRoom(server);
  const a = await server.client({ sub: "a" });
  const spec = await server.client({ sub: "s", role: "peer_specialist" });
  await call(a, "room:join", { roomId });
  for (let i = 0; i < 5; i++) {
    const sent = await call(a, "message:send", { roomId, clientId: `a${i}`, body: "i want to kill myself" });
    await call(spec, "mod:delete", { messageId: sent.message.id, reason: "care" });
  }
  const userId = (await call(a, "message:send", { roomId, clientId: "u", body: "ok" })).message.author.id;
  await call(spec, "mod:mute", { roomId, userId, minutes: 1, reason: "pause" });
  await call(spec, "mod:unmute", { roomId, userId });
  return server.token({ sub: "admin", role: "admin" });
}

/** Edit row `id` and recompute its own hash, as a careful forger would: the next link breaks. */
function forge(id: number) {
  const db = new Database(server.databasePath);
  db.prepare("update audit set details = '{\"minutes\":0}' where id = ?").run(id);
  const row = db.prepare("select * from audit where id = ?").get(id) as AuditRow & { prev_hash: string };
  db.prepare("update audit set hash = ? where id = ?").run(rowHash(row.prev_hash, row), id);
  db.close();
}

function tamper(sql: string) {
  const db = new Database(server.databasePath);
  db.prepare(sql).run();
  db.close();
}

describe("audit trail", () => {
  it("verifies a busy trail and pages it for admins", async () => {
    const admin = await busyTrail();
    const v = await http(server.url, "GET", "/api/audit/verify", admin);
    // room.created, 5 x (case.opened + message.deleted), member.muted, member.unmuted
    expect(v.body).toEqual({ ok: true, checked: 13 });
    const page = await http(server.url, "GET", "/api/audit?limit=5", admin);
    expect(page.body.entries).toHaveLength(5);
    expect(page.body.hasMore).toBe(true);
    const next = await http(server.url, "GET", `/api/audit?limit=50&before=${page.body.nextBefore}`, admin);
    expect(next.body.entries).toHaveLength(8);
    expect(page.body.entries[0].action).toBe("member.unmuted");
  });

  it.each([
    ["a row's content is edited", "update audit set details = '{}' where id = 3"],
    ["a row is removed from the middle", "delete from audit where id = 4"],
    ["the last row is removed", "delete from audit where id = (select max(id) from audit)"],
    ["an actor is changed", "update audit set actor = 'someone-else' where id = 2"],
  ])("fails verification when %s", async (_label, sql) => {
    const admin = await busyTrail();
    tamper(sql);
    const v = await http(server.url, "GET", "/api/audit/verify", admin);
    expect(v.body.ok).toBe(false);
    expect(v.body.firstBadId).toBeGreaterThan(0);
  });

  it("fails verification when a row is edited and re-hashed", async () => {
    const admin = await busyTrail();
    forge(5);
    const v = await http(server.url, "GET", "/api/audit/verify", admin);
    expect(v.body).toMatchObject({ ok: false, firstBadId: 6 });
  });
});

describe("npm run audit:verify", () => {
  it("prints each tenant's result and exits 1 once the chain is broken", async () => {
    const { spawnSync } = await import("node:child_process");
    await busyTrail();
    const env = {
      ...process.env,
      DATABASE_URL: server.databasePath,
      JWT_SECRET: "x".repeat(32),
      LOG_LEVEL: "silent",
    };
    const run = () => spawnSync("npx", ["tsx", "scripts/audit-verify.ts"], { env, encoding: "utf8" });
    const good = run();
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout.trim().split("\n")[0]!)).toEqual({
      tenant: "default",
      ok: true,
      checked: 13,
    });
    tamper("update audit set action = 'nothing.happened' where id = 7");
    const bad = run();
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout.trim().split("\n")[0]!)).toMatchObject({
      tenant: "default",
      ok: false,
      firstBadId: 7,
    });
  });
});
