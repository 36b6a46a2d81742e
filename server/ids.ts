/** Ids and times: random ids with a kind prefix, time-led ids for messages, ISO timestamps. */
import { randomBytes, randomFillSync } from "node:crypto";

/** A new random id with a short type prefix ("m_", "r_", ...): unguessable, URL-safe. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url")}`;
}

const pool = Buffer.alloc(12 * 512);
let used = pool.length;

/**
 * A new id like `newId`, led by the time (ms, base36) so ids sort by creation: new rows land at
 * the end of the primary-key index instead of on a random page, which SQLite then rewrites to
 * the WAL at every commit (a third of a message insert's cost). As unguessable as `newId`: the
 * same 96 random bits follow the time, drawn from a pooled buffer refilled 512 ids at a time.
 */
export function sortableId(prefix: string, now = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.toString("base64url", used, used + 12);
  used += 12;
  return `${prefix}_${now.toString(36).padStart(9, "0")}${random}`;
}

/** The current time as an ISO-8601 string (the storage and wire format). */
export function nowIso(now = Date.now()): string {
  return new Date(now).toISOString();
}
