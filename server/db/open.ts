/** Opens the Store the configuration names: PostgreSQL for a postgres:// URL, SQLite otherwise. */
import type { Config } from "../config.ts";
import { openPgStore } from "./pg/store.ts";
import { openSqliteStore } from "./sqlite/store.ts";
import type { Store } from "./store.ts";

export async function openStore(config: Pick<Config, "database">): Promise<Store> {
  const d = config.database;
  if (d.kind === "postgres") return openPgStore(d);
  return openSqliteStore(d.path);
}

/** One line saying why the database could not be opened (never a password, never a stack). */
export function startupMessage(e: unknown): string {
  return `failed to start: ${(e as Error)?.message ?? String(e)}`;
}
