/** The append-only, per-tenant hash-chained audit trail. */
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import { nowIso } from "../../../ids.ts";
import { canonical, GENESIS, rowHash } from "../../audit-chain.ts";
import type { AuditRow } from "../../rows.ts";
import type { AuditEntry } from "../../store.ts";
import type { Db } from "../client.ts";
import { audit, auditHeads } from "../schema.ts";

export type { AuditRow };

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

/** The tenant's entries after id `afterId`, oldest first. */
export function auditAfter(db: Db, tenant: string, afterId: number, limit: number): AuditRow[] {
  return db
    .select()
    .from(audit)
    .where(and(eq(audit.tenant, tenant), gt(audit.id, afterId)))
    .orderBy(asc(audit.id))
    .limit(limit)
    .all();
}

export function auditHead(db: Db, tenant: string) {
  return db.select().from(auditHeads).where(eq(auditHeads.tenant, tenant)).get();
}

/** Every tenant with an audit trail. */
export function auditTenants(db: Db): string[] {
  return db
    .selectDistinct({ tenant: audit.tenant })
    .from(audit)
    .all()
    .map((r) => r.tenant);
}
