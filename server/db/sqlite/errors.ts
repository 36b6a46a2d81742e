/**
 * Reading SQLite failures safely. drizzle wraps driver errors in a DrizzleQueryError whose
 * message embeds the query's parameters (message text, among others), so code looks at the
 * driver error in the cause chain, never at String(error).
 */

/** The driver error (it carries a SQLITE_* code) somewhere in the cause chain, if any. */
function driverError(e: unknown): { code: string; message: string } | undefined {
  let x = e as { code?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; x && depth < 5; depth++, x = x.cause as typeof x) {
    if (typeof x.code === "string" && x.code.startsWith("SQLITE_"))
      return { code: x.code, message: String(x.message ?? "") };
  }
  return undefined;
}

export function sqliteCode(e: unknown): string | undefined {
  return driverError(e)?.code;
}

/** SQLite's own message (it names tables and columns, never values), from the cause chain. */
export function sqliteMessage(e: unknown): string {
  return driverError(e)?.message ?? "";
}

/** Another connection (another node) holds the lock: the operation may be retried. */
export function isBusy(e: unknown): boolean {
  const code = sqliteCode(e);
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT" || code === "SQLITE_LOCKED";
}

/** A unique index refused the row; `table` narrows it to that table's indexes. */
export function isUniqueViolation(e: unknown, table?: string): boolean {
  const d = driverError(e);
  if (d?.code !== "SQLITE_CONSTRAINT_UNIQUE" && d?.code !== "SQLITE_CONSTRAINT_PRIMARYKEY") return false;
  // SQLite's own message names columns, never values: "UNIQUE constraint failed: messages.room_id, ...".
  return table === undefined || d.message.includes(` ${table}.`);
}
