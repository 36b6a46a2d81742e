/**
 * Data rights over every backend, through the real server: a marker written by one participant
 * through every path (message, edit, forum post, reply, report reason, a message that becomes a
 * case's context), then export and deletion by an admin. Afterwards the marker is in no table
 * (and, on SQLite, nowhere in the database files), threads and rooms keep their shape, the
 * audit chain verifies in the API and in `npm run audit:verify`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase, pgUnavailable } from "../helpers/pg.ts";
import { call, createRoom, DEFAULT_SECRET, http, startServer, type TestServer } from "../helpers/server.ts";

const MARK = "zebraquartzmarker";
const SUB = "patient-dr-5512";
const pgReason = await pgUnavailable();
const requireServices = process.env.LANTERN_REQUIRE_SERVICES === "1";
if (pgReason && !requireServices)
  process.stderr.write(`\n[lantern] SKIPPED data rights on PostgreSQL: ${pgReason}\n`);
const backends = ["sqlite", ...(!pgReason || requireServices ? ["postgres"] : [])];

let server: TestServer | undefined;
let fresh: FreshDatabase | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await fresh?.drop();
  fresh = undefined;
});

/** Every row of every table, as text, that contains `needle`. */
async function rowsContaining(backend: string, needle: string): Promise<string[]> {
  if (backend === "sqlite") {
    const db = new Database(server!.databasePath, { readonly: true });
    try {
      const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as {
        name: string;
      }[];
      return tables.flatMap(({ name }) =>
        (db.prepare(`select * from "${name}"`).all() as object[])
          .map((r) => `${name}: ${JSON.stringify(r)}`)
          .filter((r) => r.includes(needle)),
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: fresh!.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    const out: string[] = [];
    for (const { table_name } of rows) {
      const r = await client.query(`select t::text as row from "${table_name}" t`);
      for (const x of r.rows as { row: string }[])
        if (x.row.includes(needle)) out.push(`${table_name}: ${x.row}`);
    }
    return out;
  } finally {
    await client.end();
  }
}

describe.each(backends)("data rights on %s", (backend) => {
  it("exports everything about a user, then deletes their text everywhere and keeps the audit chain", async () => {
    const env: Record<string, string> = {};
    if (backend === "postgres") {
      fresh = await freshDatabase();
      env.DATABASE_URL = fresh.url;
    }
    server = await startServer({ env });
    const roomId = await createRoom(server);
    const p = await server.client({ sub: SUB, name: "Sky" });
    const other = await server.client({ sub: "other-member", name: "Jo" });
    const staff = await server.client({ sub: "riley", role: "peer_specialist", name: "Riley" });
    const admin = server.token({ sub: "admin-1", role: "admin" });
    await call(p, "room:join", { roomId });
    await call(other, "room:join", { roomId });

    const sent = await call(p, "message:send", { roomId, clientId: "m1", body: `first ${MARK} message` });
    expect(sent.ok).toBe(true);
    const second = await call(p, "message:send", { roomId, clientId: "m2", body: "plain words" });
    expect((await call(p, "message:edit", { messageId: second.message.id, body: `edited ${MARK}` })).ok).toBe(
      true,
    );
    // Their words become the context of a case opened by what follows.
    const crisis = await call(p, "message:send", {
      roomId,
      clientId: "m3",
      body: `i want to kill myself ${MARK}`,
    });
    expect(crisis.ok).toBe(true);
    const theirs = await call(other, "message:send", { roomId, clientId: "o1", body: "you are not alone" });
    expect((await call(p, "message:react", { messageId: theirs.message.id, emoji: "❤️" })).ok).toBe(true);
    expect(
      (await call(p, "message:report", { messageId: theirs.message.id, reason: `report ${MARK}` })).ok,
    ).toBe(true);
    const thread = await call(p, "forum:post", {
      clientId: "t1",
      title: `title ${MARK}`,
      body: `body ${MARK}`,
    });
    expect(thread.ok).toBe(true);
    const reply = await call(p, "forum:reply", {
      threadId: thread.thread.id,
      clientId: "r1",
      body: `reply ${MARK}`,
    });
    expect(reply.ok).toBe(true);
    const userId = sent.message.author.id;
    expect((await call(staff, "mod:mute", { roomId, userId, minutes: 10, reason: "cool down" })).ok).toBe(
      true,
    );
    expect((await rowsContaining(backend, MARK)).length).toBeGreaterThan(0);

    // Bad input changes nothing and says why.
    const participant = server.token({ sub: SUB, name: "Sky" });
    const specialist = server.token({ sub: "riley", role: "peer_specialist" });
    const acmeAdmin = server.token({ sub: "a", role: "admin", tenant: "acme" });
    for (const route of ["/api/users/export", "/api/users/delete"]) {
      expect((await http(server.url, "POST", route, participant, { sub: SUB })).status).toBe(403);
      expect((await http(server.url, "POST", route, specialist, { sub: SUB })).status).toBe(403);
      expect((await http(server.url, "POST", route, undefined, { sub: SUB })).status).toBe(401);
      expect((await http(server.url, "POST", route, acmeAdmin, { sub: SUB })).status).toBe(404);
      expect((await http(server.url, "POST", route, admin, { sub: "nobody-here" })).status).toBe(404);
      for (const bad of [{}, { sub: 5 }, { sub: "" }, { sub: SUB, extra: true }, "not json", [SUB]])
        expect((await http(server.url, "POST", route, admin, bad)).body.error.code, JSON.stringify(bad)).toBe(
          "invalid",
        );
      expect((await http(server.url, "POST", route, admin, { sub: "x".repeat(300) })).status).toBe(400);
      const huge = await http(server.url, "POST", route, admin, { sub: SUB, pad: "x".repeat(100_000) });
      expect(huge.body.error.code).toBe("invalid");
    }
    expect((await rowsContaining(backend, MARK)).length).toBeGreaterThan(0);

    const exported = await http(server.url, "POST", "/api/users/export", admin, { sub: SUB });
    expect(exported.status).toBe(200);
    const e = exported.body;
    expect(e.notice).toMatch(/42 CFR part 2/);
    expect(e.user).toMatchObject({ sub: SUB, handle: userId, name: "Sky" });
    expect(e.messages.map((m: { clientId: string }) => m.clientId).sort()).toEqual(["m1", "m2", "m3"]);
    expect(e.messages.find((m: { clientId: string }) => m.clientId === "m2").body).toContain(MARK);
    expect(e.threads).toHaveLength(1);
    expect(e.replies).toHaveLength(1);
    expect(e.reactions).toEqual([{ messageId: theirs.message.id, emoji: "❤️" }]);
    expect(e.memberships).toEqual([expect.objectContaining({ roomId, joined: true })]);
    expect(e.mutes).toEqual([expect.objectContaining({ roomId })]);
    expect(e.reports).toHaveLength(1);
    expect(e.cases.length).toBeGreaterThanOrEqual(1);
    expect(e.audit.some((a: { action: string }) => a.action === "member.muted")).toBe(true);

    const deleted = await http(server.url, "POST", "/api/users/delete", admin, { sub: SUB });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toEqual({
      messages: 3,
      threads: 1,
      replies: 1,
      reactions: 1,
      memberships: 1,
      mutes: 1,
    });

    expect(await rowsContaining(backend, MARK)).toEqual([]);
    if (backend === "sqlite")
      for (const f of [server.databasePath, `${server.databasePath}-wal`])
        if (existsSync(f)) expect(readFileSync(f).includes(MARK), f).toBe(false);

    // Rooms and threads keep their shape; cases keep their timeline.
    const history = await call(other, "room:history", { roomId });
    const bodies = history.messages.map((m: { seq: number; body: string }) => [m.seq, m.body]);
    expect(bodies.slice(0, 2)).toEqual([
      [1, "[removed]"],
      [2, "[removed]"],
    ]);
    const t = await http(server.url, "GET", `/api/forum/threads/${thread.thread.id}`, admin);
    expect(t.body.thread).toMatchObject({ title: "[removed]", body: "[removed]", replyCount: 1 });
    const cases = await http(server.url, "GET", "/api/cases", admin);
    expect(cases.body.cases.length).toBeGreaterThanOrEqual(2);
    const after = await http(server.url, "POST", "/api/users/export", admin, { sub: SUB });
    expect(after.body.memberships).toEqual([]);
    expect(after.body.user.name).toBe("[removed]");

    const audit = await http(server.url, "GET", "/api/audit?limit=500", admin);
    expect(audit.body.entries.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(["user.exported", "user.deleted"]),
    );
    expect(JSON.stringify(audit.body)).not.toContain(SUB);
    expect((await http(server.url, "GET", "/api/audit/verify", admin)).body.ok).toBe(true);

    const databaseUrl = backend === "postgres" ? fresh!.url : server.databasePath;
    await server.close();
    server = undefined;
    const verify = spawnSync("npx", ["tsx", "scripts/audit-verify.ts"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET: DEFAULT_SECRET, LANTERN_CONFIG: "" },
    });
    expect(verify.stderr).toBe("");
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('"ok":true');
  }, 60_000);
});
