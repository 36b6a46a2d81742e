import { randomBytes } from "node:crypto";

/** A new random id with a short type prefix ("m_", "r_", ...): unguessable, URL-safe. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url")}`;
}

/** The current time as an ISO-8601 string (the storage and wire format). */
export function nowIso(now = Date.now()): string {
  return new Date(now).toISOString();
}
