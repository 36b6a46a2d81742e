/**
 * Statements on the send path, built and prepared once per database instead of on every call:
 * drizzle's query building and better-sqlite3's prepare were a third of the hub's CPU per
 * message (bench:hub profile). Repositories call `once(db, key, build)`.
 */
import type { Db } from "./client.ts";

const cache = new WeakMap<Db, Map<string, unknown>>();

/** The statement `build()` returns, built the first time `key` is asked for on `db`. */
export function once<T>(db: Db, key: string, build: () => T): T {
  let byKey = cache.get(db);
  if (!byKey) {
    byKey = new Map();
    cache.set(db, byKey);
  }
  let stmt = byKey.get(key) as T | undefined;
  if (stmt === undefined) {
    stmt = build();
    byKey.set(key, stmt);
  }
  return stmt;
}
