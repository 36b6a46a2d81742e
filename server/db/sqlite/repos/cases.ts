/** Crisis and report cases. */
import { and, asc, eq, gte, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import type { CaseStatus } from "../../../../shared/types.ts";
import type { Db } from "../client.ts";
import { cases } from "../schema.ts";

export { cases as casesTable };
export type CaseRow = typeof cases.$inferSelect;

export function insertCase(db: Db, row: typeof cases.$inferInsert): CaseRow {
  return db.insert(cases).values(row).returning().get();
}

export function findCase(db: Db, tenant: string, id: string): CaseRow | undefined {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.tenant, tenant)))
    .get();
}

/** The unresolved crisis case of a text (a message, a reply, or a thread itself), oldest first. */
export function unresolvedCrisisCase(
  db: Db,
  tenant: string,
  at: { messageId?: string | null; threadId?: string | null; replyId?: string | null },
): CaseRow | undefined {
  const text = at.messageId
    ? eq(cases.messageId, at.messageId)
    : at.replyId
      ? eq(cases.replyId, at.replyId)
      : and(eq(cases.threadId, at.threadId ?? ""), isNull(cases.replyId));
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.tenant, tenant), eq(cases.source, "crisis"), ne(cases.status, "resolved"), text))
    .orderBy(asc(cases.createdAt))
    .limit(1)
    .get();
}

/** Update only if the case is still in one of `from` (a conditional update: the first writer wins). */
export function transition(
  db: Db,
  id: string,
  from: CaseStatus[],
  set: Partial<CaseRow>,
): CaseRow | undefined {
  return db
    .update(cases)
    .set(set)
    .where(and(eq(cases.id, id), inArray(cases.status, from)))
    .returning()
    .get();
}

/** Unresolved cases a role may see, most urgent first. */
export function openCases(db: Db, tenant: string, minTier: number): CaseRow[] {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.tenant, tenant), ne(cases.status, "resolved"), gte(cases.tier, minTier)))
    .orderBy(asc(cases.dueAt))
    .limit(500)
    .all();
}

export function openCasesAbout(db: Db, tenant: string, handle: string): CaseRow[] {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.tenant, tenant), eq(cases.subjectHandle, handle), ne(cases.status, "resolved")))
    .orderBy(asc(cases.createdAt))
    .limit(50)
    .all();
}

export function listCases(db: Db, tenant: string, minTier: number, status?: CaseStatus): CaseRow[] {
  return db
    .select()
    .from(cases)
    .where(
      and(eq(cases.tenant, tenant), gte(cases.tier, minTier), status ? eq(cases.status, status) : undefined),
    )
    .orderBy(asc(cases.dueAt))
    .limit(500)
    .all();
}

/**
 * Move every tier-1 case whose acknowledgement deadline passed to tier 2. The WHERE makes it
 * exactly-once: a second node running the same statement finds nothing left to move.
 */
export function escalateOverdue(db: Db, nowIso: string): CaseRow[] {
  return db
    .update(cases)
    .set({ tier: 2, status: "escalated", updatedAt: nowIso })
    .where(and(eq(cases.status, "open"), eq(cases.tier, 1), lte(cases.dueAt, nowIso)))
    .returning()
    .all();
}

export function countOpenByTier(db: Db): { tier: number; n: number }[] {
  return db
    .select({ tier: cases.tier, n: sql<number>`count(*)` })
    .from(cases)
    .where(ne(cases.status, "resolved"))
    .groupBy(cases.tier)
    .all();
}
