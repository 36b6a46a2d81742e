/**
 * Opens the SQLite database (WAL, busy timeout, foreign keys) and applies the committed
 * drizzle-kit migrations. Several processes may share one file: writers serialise on SQLite's
 * lock, waiting up to the busy timeout.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { isBusy, sqliteMessage } from "./errors.ts";
import * as schema from "./schema.ts";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = fileURLToPath(new URL("../../../drizzle", import.meta.url));

/** Open (creating if needed) and migrate the database at `path` (a file path or ":memory:"). */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("busy_timeout = 5000");
  // Switching a new file to WAL needs an exclusive lock, and SQLite refuses it at once (without
  // the busy timeout) while a node starting beside us holds one: wait a little and try again.
  retryWhileBusy(() => sqlite.pragma("journal_mode = WAL"));
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  migrateWithRetry(db);
  return db;
}

/**
 * Two nodes starting together may race to migrate. drizzle's migrator reads the applied
 * migrations before its (deferred) transaction, so the loser of the race either waits and then
 * finds a table it meant to create, or is refused at once with SQLITE_BUSY(_SNAPSHOT) when its
 * snapshot went stale (SQLite does not wait in that case). Either way it rolls back, so it
 * waits a little, with jitter, and tries again, then finds the work done.
 */
function migrateWithRetry(db: Db): void {
  retryWhileBusy(
    () => migrate(db, { migrationsFolder: MIGRATIONS }),
    (e) => /already exists/.test(sqliteMessage(e)),
  );
}

/** Start-up only: run `fn`, retrying with a jittered 20-100 ms pause while another process holds the lock. */
function retryWhileBusy(fn: () => unknown, alsoRetry: (e: unknown) => boolean = () => false): void {
  for (let attempt = 1; ; attempt++) {
    try {
      fn();
      return;
    } catch (e) {
      if (attempt >= 40 || !(isBusy(e) || alsoRetry(e))) throw e;
      sleepSync(20 + Math.random() * 80);
    }
  }
}

/** Block this thread for `ms` (start-up only: nothing else is running yet). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** How many times a transaction is tried when another process holds the write lock. */
const BUSY_ATTEMPTS = 4;

/**
 * Run `fn` in one IMMEDIATE transaction (the write lock is taken up front, so two nodes never
 * deadlock upgrading a read lock). `fn` must be synchronous: an async callback would not be
 * inside the transaction, and the type refuses it.
 *
 * Several processes share one file: SQLite waits up to busy_timeout for the lock, and if another
 * node still holds it (a long sweep, a checkpoint) the whole transaction is rolled back and tried
 * again. Nothing in `fn` has happened when SQLITE_BUSY is thrown, so a retry is safe and seq stays
 * gapless; only after the last attempt does the caller see the error (`unavailable`).
 */
export function transaction<T>(db: Db, fn: () => T extends Promise<unknown> ? never : T): T {
  const tx = runners(db).tx;
  for (let attempt = 1; ; attempt++) {
    try {
      return tx.immediate(fn) as T;
    } catch (e) {
      if (attempt >= BUSY_ATTEMPTS || !isBusy(e)) throw e;
    }
  }
}

interface Pending {
  fn: () => unknown;
  ok: (value: unknown) => void;
  fail: (error: unknown) => void;
  failed: boolean;
  value: unknown;
}

interface Runners {
  /** `tx(fn)` runs `fn` in a transaction (or a savepoint inside one); built once, not per call. */
  tx: Database.Transaction<(fn: () => unknown) => unknown>;
  /** One group: every pending `fn` in its own savepoint. */
  group: Database.Transaction<(batch: Pending[]) => void>;
  queue: Pending[];
}

const byDb = new WeakMap<Db, Runners>();

function runners(db: Db): Runners {
  let r = byDb.get(db);
  if (!r) {
    const tx = db.$client.transaction((fn: () => unknown) => fn());
    const group = db.$client.transaction((batch: Pending[]) => {
      for (const p of batch) {
        try {
          // Nested, so a savepoint: a failing fn rolls back its own writes (and any seq it took) only.
          p.value = tx(p.fn);
          p.failed = false;
        } catch (e) {
          // Some failures (I/O, full disk) make SQLite roll back the whole transaction: then the
          // group fails as one, and no later fn may run outside it in a transaction of its own.
          if (!db.$client.inTransaction) throw e;
          p.value = e;
          p.failed = true;
        }
      }
    });
    r = { tx, group, queue: [] };
    byDb.set(db, r);
  }
  return r;
}

/**
 * Group commit: `fn` runs with the writes other callers ask for in the same turn of the event
 * loop, in one IMMEDIATE transaction, so a burst of sends pays for one commit instead of one
 * each (the commit was the largest cost of a send). Each `fn` runs in its own savepoint, in the
 * order asked: one that throws undoes only its own writes and rejects only its own promise.
 * The promises settle after the commit, in that order, so nothing is acked or broadcast before
 * it is durable, and broadcasts follow the order of `seq`. Same busy retry as `transaction`.
 */
export function groupTransaction<T>(db: Db, fn: () => T extends Promise<unknown> ? never : T): Promise<T> {
  const r = runners(db);
  return new Promise<T>((ok, fail) => {
    if (r.queue.length === 0) setImmediate(flush, r);
    r.queue.push({ fn, ok: ok as (v: unknown) => void, fail, failed: false, value: undefined });
  });
}

function flush(r: Runners): void {
  const batch = r.queue;
  r.queue = [];
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        r.group.immediate(batch);
        break;
      } catch (e) {
        if (attempt >= BUSY_ATTEMPTS || !isBusy(e)) throw e;
      }
    }
  } catch (e) {
    for (const p of batch) p.fail(e);
    return;
  }
  for (const p of batch) (p.failed ? p.fail : p.ok)(p.value);
}
