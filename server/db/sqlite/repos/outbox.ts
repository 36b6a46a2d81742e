/** The webhook outbox: rows written with the change they announce, delivered later under a lease. */
import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Case } from "../../../../shared/types.ts";
import { newId, nowIso } from "../../../ids.ts";
import { webhookBody } from "../../rows.ts";
import type { Db } from "../client.ts";
import { outbox, users } from "../schema.ts";

export type OutboxRow = typeof outbox.$inferSelect;
export type WebhookType = "case.opened" | "case.escalated" | "case.resolved";

/**
 * Queue one event. The body is fixed now, so every retry of this id sends the same bytes. Case
 * notes stay in Lantern (minimum necessary): the webhook carries the case without them.
 */
export function enqueue(
  db: Db,
  tenant: string,
  type: WebhookType,
  data: Case,
  subjectHandle: string | null = null,
): void {
  const id = newId("evt");
  const createdAt = nowIso();
  const sub = subjectHandle
    ? db
        .select({ sub: users.sub })
        .from(users)
        .where(and(eq(users.tenant, tenant), eq(users.handle, subjectHandle)))
        .get()?.sub
    : undefined;
  const subject = subjectHandle && sub ? { handle: subjectHandle, sub } : null;
  const body = webhookBody(id, type, tenant, createdAt, data, subject);
  db.insert(outbox).values({ id, tenant, type, body, createdAt, nextAttemptAt: createdAt }).run();
}

/**
 * Claim up to `limit` due rows for `owner` until `leaseUntil`. A row is due when it is neither
 * delivered nor given up, its next attempt time has come, and no live lease holds it.
 */
export function claimDue(db: Db, owner: string, now: string, leaseUntil: string, limit: number): OutboxRow[] {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        isNull(outbox.deliveredAt),
        isNull(outbox.failedAt),
        lte(outbox.nextAttemptAt, now),
        or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .all();
  const claimed: OutboxRow[] = [];
  for (const { id } of due) {
    const row = db
      .update(outbox)
      .set({ leaseOwner: owner, leaseUntil })
      .where(
        and(
          eq(outbox.id, id),
          isNull(outbox.deliveredAt),
          or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now)),
        ),
      )
      .returning()
      .get();
    if (row) claimed.push(row);
  }
  return claimed;
}

/** Record an attempt's result; only the lease holder may. */
export function settle(db: Db, id: string, owner: string, set: Partial<OutboxRow>): void {
  db.update(outbox)
    .set({ ...set, leaseOwner: null, leaseUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.leaseOwner, owner)))
    .run();
}
