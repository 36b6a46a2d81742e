/** The append-only, per-tenant hash-chained audit trail. */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import { nowIso } from "../../ids.ts";
import type { Db } from "../client.ts";
import { audit, auditHeads } from "../schema.ts";

export type AuditRow = typeof audit.$inferSelect;
export const GENESIS = "0".repeat(64);

/** Canonical JSON: keys sorted at every depth, so the same content always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The hash of a row: covers the previous hash and the row's canonical content. */
export function rowHash(
  prevHash: string,
  row: Pick<AuditRow, "tenant" | "at" | "actor" | "action" | "target" | "details">,
) {
  const content = canonical({
    tenant: row.tenant,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: row.details,
  });
  return createHash("sha256").update(`${prevHash}\n${content}`).digest("hex");
}

export interface AuditEntry {
  tenant: string;
  actor: string;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Append one entry. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, e: AuditEntry): AuditRow {
  const head = db.select().from(auditHeads).where(eq(auditHeads.tenant, e.tenant)).get();
  const prevHash = head?.lastHash ?? GENESIS;
  const fields = {
    tenant: e.tenant,
    at: nowIso(),
    actor: e.actor,
    action: e.action,
    target: e.target ?? null,
    details: canonical(e.details ?? {}),
  };
  const row = db
    .insert(audit)
    .values({ ...fields, prevHash, hash: rowHash(prevHash, fields) })
    .returning()
    .get();
  db.insert(auditHeads)
    .values({ tenant: e.tenant, lastId: row.id, lastHash: row.hash, count: 1 })
    .onConflictDoUpdate({
      target: auditHeads.tenant,
      set: { lastId: row.id, lastHash: row.hash, count: (head?.count ?? 0) + 1 },
    })
    .run();
  return row;
}

/** A page of the tenant's trail, newest first, before id `before`. */
export function auditPage(db: Db, tenant: string, before: number | undefined, limit: number) {
  const rows = db
    .select()
    .from(audit)
    .where(and(eq(audit.tenant, tenant), before ? lt(audit.id, before) : undefined))
    .orderBy(desc(audit.id))
    .limit(limit + 1)
    .all();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId?: number;
}

/** Walk the tenant's chain: every hash recomputed, every link and the recorded head checked. */
export function verifyAudit(db: Db, tenant: string): VerifyResult {
  let prev = GENESIS;
  let checked = 0;
  let lastId = 0;
  for (;;) {
    const batch = db
      .select()
      .from(audit)
      .where(and(eq(audit.tenant, tenant), gt(audit.id, lastId)))
      .orderBy(asc(audit.id))
      .limit(1000)
      .all();
    for (const row of batch) {
      if (row.prevHash !== prev || rowHash(prev, row) !== row.hash)
        return { ok: false, checked, firstBadId: row.id };
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
    if (batch.length < 1000) break;
  }
  const head = db.select().from(auditHeads).where(eq(auditHeads.tenant, tenant)).get();
  const headOk = head
    ? head.lastHash === prev && head.count === checked && head.lastId === lastId
    : checked === 0;
  return headOk ? { ok: true, checked } : { ok: false, checked, firstBadId: lastId + 1 };
}
