/**
 * Opens the SQLite database (WAL, busy timeout, foreign keys) and applies the committed
 * drizzle-kit migrations. Several processes may share one file: writers serialise on SQLite's
 * lock, waiting up to the busy timeout.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { isBusy } from "./errors.ts";
import * as schema from "./schema.ts";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const require = createRequire(import.meta.url);
const MIGRATIONS = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** Open (creating if needed) and migrate the database at `path` (a file path or ":memory:"). */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // The busy timeout first: switching to WAL takes a lock that a node starting beside us may hold.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  migrateWithRetry(db);
  if (path !== ":memory:") checkpointOffLoop(sqlite, path);
  return db;
}

/** How often the checkpointer copies committed WAL frames into the database file. */
const CHECKPOINT_EVERY_MS = 50;
/** The main connection's own checkpoint, kept as the backstop (frames; SQLite's default is 1000). */
const BACKSTOP_PAGES = 4000;

const CHECKPOINTER = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
}, workerData.everyMs);
`;

/**
 * WAL checkpoints on a worker thread with its own connection instead of inside a commit on the
 * event loop: with SQLite's automatic checkpoint every 1000 frames, copying them into the
 * database file (and its fsync) was about a quarter of a send's storage cost. The worker runs a
 * PASSIVE checkpoint every few ms, which never blocks a writer. Commits are exactly as durable
 * as before (a checkpoint only moves committed frames). The main connection keeps its own
 * automatic checkpoint at a higher threshold as a backstop: it restarts the WAL when the worker
 * never catches up between two commits, and covers a worker that failed.
 */
function checkpointOffLoop(sqlite: Database.Database, path: string): void {
  let worker: Worker;
  try {
    worker = new Worker(CHECKPOINTER, {
      eval: true,
      workerData: { driver: require.resolve("better-sqlite3"), path, everyMs: CHECKPOINT_EVERY_MS },
    });
  } catch {
    return;
  }
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  // A failed worker: the main connection checkpoints at SQLite's default again.
  worker.on("error", () => {
    if (sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
  });
  const close = sqlite.close.bind(sqlite);
  sqlite.close = () => {
    void worker.terminate();
    return close();
  };
}

/** Two nodes starting together may race to migrate; the loser retries and finds the work done. */
function migrateWithRetry(db: Db): void {
  for (let attempt = 1; ; attempt++) {
    try {
      migrate(db, { migrationsFolder: MIGRATIONS });
      return;
    } catch (e) {
      if (attempt >= 5 || !(isBusy(e) || /already exists/.test(String((e as Error)?.message)))) throw e;
    }
  }
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
