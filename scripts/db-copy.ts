/**
 * Copy a SQLite database into an empty PostgreSQL one, to grow from one host to many:
 *   npm run db:copy -- --from ./data/lantern.db --to postgres://user:pass@host:5432/db
 * Every table is copied row for row (ids, seqs and the audit chain intact, so `audit:verify`
 * passes on the copy). Refuses a non-empty target, and a SQLite file a server still has open.
 */
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { count, sql } from "drizzle-orm";
import { verifyAudit } from "../server/db/audit-chain.ts";
import { describeUrl, openPg } from "../server/db/pg/client.ts";
import * as pgSchema from "../server/db/pg/schema.ts";
import { openPgStore } from "../server/db/pg/store.ts";
import { openDatabase } from "../server/db/sqlite/client.ts";
import * as sqliteSchema from "../server/db/sqlite/schema.ts";
import { runScript } from "./script.ts";

const s = sqliteSchema;
const p = pgSchema;
/** Each table in both dialects, in an order that needs no deferred checks. */
const TABLES = [
  ["users", s.users, p.users],
  ["rooms", s.rooms, p.rooms],
  ["room_members", s.roomMembers, p.roomMembers],
  ["messages", s.messages, p.messages],
  ["reactions", s.reactions, p.reactions],
  ["mutes", s.mutes, p.mutes],
  ["cases", s.cases, p.cases],
  ["outbox", s.outbox, p.outbox],
  ["audit", s.audit, p.audit],
  ["audit_heads", s.auditHeads, p.auditHeads],
  ["threads", s.threads, p.threads],
  ["replies", s.replies, p.replies],
  ["forum_heads", s.forumHeads, p.forumHeads],
  ["rate_limits", s.rateLimits, p.rateLimits],
] as const;
const BATCH = 500;

function fail(message: string): never {
  throw new Error(message);
}

runScript("db:copy", async () => {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
  const from = values.from ?? fail("--from: give the SQLite file to copy");
  const to = values.to ?? fail("--to: give the postgres:// URL of an empty database");
  if (!/^postgres(ql)?:\/\//.test(to)) fail("--to: expected a postgres:// or postgresql:// URL");
  if (!existsSync(from)) fail(`--from: no such file ${from}`);
  // A server that has the file open keeps its write-ahead log beside it (removed on a clean close).
  if (existsSync(`${from}-wal`) && statSync(`${from}-wal`).size > 0)
    fail(`--from: ${from} is open in a running server (its -wal file is there): stop the server first`);

  const source = openDatabase(from);
  const options = {
    url: to,
    poolSize: 4,
    statementTimeoutMs: 60_000,
    connectTimeoutMs: 5_000,
    startTimeoutMs: 10_000,
  };
  const target = await openPg(options);
  try {
    for (const [name, , dst] of TABLES) {
      const [row] = await target.select({ n: count() }).from(dst);
      if ((row?.n ?? 0) > 0)
        fail(`--to: ${describeUrl(to)} is not empty (table ${name} has rows): copy into an empty database`);
    }
    await target.transaction(async (tx) => {
      for (const [name, src, dst] of TABLES) {
        let copied = 0;
        for (let offset = 0; ; offset += BATCH) {
          const rows = source.select().from(src).orderBy(sql`rowid`).limit(BATCH).offset(offset).all();
          if (rows.length === 0) break;
          await tx.insert(dst).values(rows as never);
          copied += rows.length;
        }
        process.stdout.write(`${name.padEnd(12)} ${copied}\n`);
      }
      // New audit rows continue after the copied ids.
      await tx.execute(
        sql`select setval(pg_get_serial_sequence('audit', 'id'), coalesce((select max(id) from audit), 0) + 1, false)`,
      );
    });
  } finally {
    source.$client.close();
    await target.$client.end();
  }
  const store = await openPgStore(options);
  try {
    let ok = true;
    for (const tenant of await store.auditTenants()) {
      const r = await verifyAudit(store, tenant);
      ok &&= r.ok;
      process.stdout.write(`${JSON.stringify({ tenant, ...r })}\n`);
    }
    return ok ? 0 : 1;
  } finally {
    await store.close();
  }
});
