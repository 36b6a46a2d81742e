/** People of a tenant and their opaque handles. */
import { and, eq, inArray } from "drizzle-orm";
import type { Member, Role } from "../../../../shared/types.ts";
import { newId, nowIso } from "../../../ids.ts";
import type { Db } from "../client.ts";
import { users } from "../schema.ts";

/**
 * Record who presented a token (name and role may change between tokens) and return their
 * handle: random, stable per tenant and sub, and revealing nothing about `sub`.
 */
export function upsertUser(db: Db, tenant: string, sub: string, name: string, role: Role): string {
  const now = nowIso();
  const row = db
    .insert(users)
    .values({ tenant, sub, handle: newId("u"), name, role, updatedAt: now })
    .onConflictDoUpdate({ target: [users.tenant, users.sub], set: { name, role, updatedAt: now } })
    .returning({ handle: users.handle })
    .get();
  return row.handle;
}

/** The handle of a known user, or undefined (enrolment by `sub` before their first visit creates one). */
export function handleOfSub(db: Db, tenant: string, sub: string): string | undefined {
  return db
    .select({ handle: users.handle })
    .from(users)
    .where(and(eq(users.tenant, tenant), eq(users.sub, sub)))
    .get()?.handle;
}

/** Ensure a user row exists for `sub` (enrolled before they ever connected) and return the handle. */
export function ensureUser(db: Db, tenant: string, sub: string): string {
  const known = handleOfSub(db, tenant, sub);
  if (known) return known;
  db.insert(users)
    .values({ tenant, sub, handle: newId("u"), name: "Member", role: "participant", updatedAt: nowIso() })
    .onConflictDoNothing()
    .run();
  return handleOfSub(db, tenant, sub)!;
}

/** Members by handle, as other people see them. */
export function membersByHandle(db: Db, tenant: string, handles: string[]): Map<string, Member> {
  const out = new Map<string, Member>();
  if (handles.length === 0) return out;
  const rows = db
    .select({ handle: users.handle, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.tenant, tenant), inArray(users.handle, [...new Set(handles)])))
    .all();
  for (const r of rows) out.set(r.handle, { id: r.handle, name: r.name, role: r.role as Role });
  return out;
}

export function memberOf(db: Db, tenant: string, handle: string): Member | undefined {
  return membersByHandle(db, tenant, [handle]).get(handle);
}
