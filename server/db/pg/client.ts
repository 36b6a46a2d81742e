/**
 * PostgreSQL connections (node-postgres Pool through drizzle) and migrations. At start an
 * unreachable server is retried with back-off for a bounded time; migrations run in one
 * transaction under an advisory lock taken inside it (`pg_advisory_xact_lock`, so it also holds
 * behind PgBouncer in transaction mode): of several nodes starting together one migrates, the
 * rest wait and find the work done. A database migrated by a newer Lantern is refused.
 */
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.ts";

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle, passed explicitly to every step of a unit of work. */
export type PgTx = Parameters<Parameters<PgDb["transaction"]>[0]>[0];
export type PgExec = PgDb | PgTx;

export interface PgOptions {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  connectTimeoutMs: number;
  /** How long start-up keeps retrying an unreachable server. */
  startTimeoutMs: number;
  /** A CA certificate file for TLS (the URL's sslmode says whether and how to verify). */
  sslCaFile?: string;
}

const MIGRATIONS = fileURLToPath(new URL("../../../drizzle-pg", import.meta.url));
/** The advisory lock key of Lantern's migrations ("lantern" in ASCII, as a bigint). */
const MIGRATION_LOCK = 0x6c616e7465726en;

/** host:port/db of a URL, for messages: never the user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "an unparsable URL";
  }
}

export function createPool(o: PgOptions): pg.Pool {
  let connectionString = o.url;
  if (o.sslCaFile && !/[?&]sslrootcert=/.test(connectionString))
    connectionString += `${connectionString.includes("?") ? "&" : "?"}sslrootcert=${encodeURIComponent(o.sslCaFile)}`;
  const pool = new pg.Pool({
    connectionString,
    max: o.poolSize,
    connectionTimeoutMillis: o.connectTimeoutMs,
    statement_timeout: o.statementTimeoutMs,
    // The server's statement timeout cannot fire when the network is cut: the client gives up too.
    query_timeout: o.statementTimeoutMs + 1_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // An idle client whose server went away emits here; the next query gets a fresh connection.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    // A client checked out for a transaction has no listener from the pool: when its connection
    // is reset between two statements, pg emits "error" on it, and an unheard "error" ends the
    // process. Its queries fail on their own (and the pool drops it on release), so listen here.
    client.on("error", () => {});
    // A statement the client gave up on (read timeout, cut connection) leaves the connection
    // waiting for an answer that may never come; drizzle's transaction releases it without an
    // error, so it would go back to the pool stuck. End it instead: the pool then drops it.
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const r = query(...args);
      if (r instanceof Promise)
        r.catch((e: unknown) => {
          if (isUnavailable(e) && !/^\d/.test(pgError(e)?.code ?? "")) client.end().catch(() => {});
        });
      return r;
    };
  });
  return pool;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open the pool, waiting for the server with back-off up to `startTimeoutMs`, and migrate. */
export async function openPg(o: PgOptions): Promise<PgDb> {
  const pool = createPool(o);
  const deadline = Date.now() + o.startTimeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      await pool.query("select 1");
      break;
    } catch (e) {
      if (Date.now() + delay > deadline) {
        await pool.end().catch(() => {});
        const why = (e as { code?: string; message?: string }).code ?? (e as Error).message;
        throw new Error(
          `DATABASE_URL: cannot reach PostgreSQL at ${describeUrl(o.url)} (${why}) after ${Math.round(o.startTimeoutMs / 1000)} s`,
        );
      }
      await sleep(delay * (0.5 + Math.random()));
    }
  }
  const db = drizzle(pool, { schema }) as PgDb;
  try {
    await migrate(db);
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  return db;
}

/** Apply the migrations this Lantern knows that the database lacks, under the advisory lock. */
export async function migrate(db: PgDb, folder = MIGRATIONS): Promise<void> {
  const known = readMigrationFiles({ migrationsFolder: folder });
  const newest = Math.max(0, ...known.map((m) => m.folderMillis));
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create table if not exists __drizzle_migrations (
      id serial primary key, hash text not null, created_at bigint not null)`);
    const applied = await tx.execute<{ created_at: string }>(
      sql`select created_at from __drizzle_migrations order by created_at`,
    );
    const last = Math.max(0, ...applied.rows.map((r) => Number(r.created_at)));
    if (last > newest)
      throw new Error(
        `DATABASE_URL: the database was migrated by a newer Lantern (migration of ${new Date(last).toISOString()}); upgrade this node`,
      );
    for (const m of known) {
      if (m.folderMillis <= last) continue;
      for (const statement of m.sql) if (statement.trim()) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into __drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`,
      );
    }
  });
}

/** The driver error (it has a SQLSTATE or a socket code) somewhere in the cause chain. */
export function pgError(e: unknown): { code?: string; table?: string; message: string } | undefined {
  let x = e as { code?: unknown; table?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; x && depth < 5; depth++, x = x.cause as typeof x) {
    if (typeof x.code === "string")
      return {
        code: x.code,
        table: typeof x.table === "string" ? x.table : undefined,
        message: String(x.message),
      };
  }
  return undefined;
}

/** Failures that mean "the database is not there right now", not "this request is wrong". */
export function isUnavailable(e: unknown): boolean {
  const d = pgError(e);
  const code = d?.code ?? "";
  if (/^(08|57P|53)/.test(code) || code === "57014") return true;
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"].includes(code))
    return true;
  let x = e as { message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; x && depth < 5; depth++, x = x.cause as typeof x) {
    if (
      /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection error|not queryable|Cannot use a pool after calling end/i.test(
        String(x.message ?? ""),
      )
    )
      return true;
  }
  return false;
}

/** Two transactions crossed (deadlock, serialization): safe to run again from the start. */
export function isRetryable(e: unknown): boolean {
  const code = pgError(e)?.code;
  return code === "40P01" || code === "40001";
}
