/**
 * Cases: opened for crisis level >= 2 and for reports, acknowledged, escalated (by hand or when
 * the deadline passes) and resolved. Every change is written with its audit row and webhook
 * outbox row in one transaction, then announced on the staff feed.
 */
import type { Case, CaseStatus } from "../../shared/types.ts";
import { transaction } from "../db/client.ts";
import { appendAudit } from "../db/repos/audit.ts";
import * as repo from "../db/repos/cases.ts";
import { enqueue } from "../db/repos/outbox.ts";
import { AppError, notFound } from "../errors.ts";
import { newId, nowIso } from "../ids.ts";
import { type Ctx, type Principal, requireStaff, tenantOf } from "./context.ts";

export interface CaseOpening {
  tenant: string;
  source: "crisis" | "report";
  level: number;
  category: string | null;
  roomId?: string | null;
  messageId?: string | null;
  threadId?: string | null;
  replyId?: string | null;
  subjectHandle?: string | null;
  reporterHandle?: string | null;
  actor: string;
}

/** Minimum tier a role sees: clinicians work tier 2 and above, everyone else all. */
export const minTierFor = (p: Principal) => (p.role === "clinician" ? 2 : 1);

/** Open a case. Call inside the transaction that stores what it is about; announce after commit. */
export function openCaseInTx(ctx: Ctx, o: CaseOpening): Case {
  const tenant = tenantOf(ctx, o.tenant);
  const level = Math.min(Math.max(o.level, 2), 4) as 2 | 3 | 4;
  const now = Date.now();
  const row = repo.insertCase(ctx.db, {
    id: newId("c"),
    tenant: o.tenant,
    roomId: o.roomId ?? null,
    messageId: o.messageId ?? null,
    threadId: o.threadId ?? null,
    replyId: o.replyId ?? null,
    source: o.source,
    level: o.level,
    category: o.category,
    status: "open",
    tier: 1,
    subjectHandle: o.subjectHandle ?? null,
    reporterHandle: o.reporterHandle ?? null,
    assignee: null,
    notes: [],
    createdAt: nowIso(now),
    dueAt: nowIso(now + tenant.caseSlaSeconds[level] * 1000),
    updatedAt: nowIso(now),
  });
  const c = repo.toCase(row);
  if (tenant.webhook) enqueue(ctx.db, o.tenant, "case.opened", c);
  appendAudit(ctx.db, {
    tenant: o.tenant,
    actor: o.actor,
    action: "case.opened",
    target: c.id,
    details: {
      source: o.source,
      level: c.level,
      category: c.category,
      roomId: c.roomId,
      messageId: c.messageId,
      threadId: c.threadId,
    },
  });
  return c;
}

/**
 * Open the crisis case a stored text calls for (a chat message, or a forum thread or reply), if
 * its decision escalates. Call inside the transaction that stores it; null when no case is due.
 */
export function openCrisisCaseInTx(
  ctx: Ctx,
  p: { tenant: string; handle: string },
  d: { escalate: boolean; level: number; category: string | null },
  at: Pick<CaseOpening, "roomId" | "messageId" | "threadId" | "replyId">,
): Case | null {
  if (!d.escalate) return null;
  return openCaseInTx(ctx, {
    tenant: p.tenant,
    source: "crisis",
    level: d.level,
    category: d.category,
    ...at,
    subjectHandle: p.handle,
    actor: "system",
  });
}

/** Tell the staff feed about a new or changed case (clinicians too once it is tier 2). */
export function announceCase(ctx: Ctx, tenant: string, c: Case, isNew: boolean): void {
  ctx.bus.toStaff(tenant, isNew ? "case:new" : "case:updated", c, c.tier);
}

type Change = {
  from: CaseStatus[];
  set: (row: repo.CaseRow, now: string) => Partial<repo.CaseRow>;
  action: string;
  webhook?: "case.escalated" | "case.resolved";
};

function change(ctx: Ctx, p: Principal, caseId: string, note: string | undefined, ch: Change): Case {
  requireStaff(p);
  const tenant = tenantOf(ctx, p.tenant);
  const c = transaction(ctx.db, () => {
    const row = repo.findCase(ctx.db, p.tenant, caseId);
    if (!row || row.tier < minTierFor(p)) throw notFound("case");
    const now = nowIso();
    const notes = note ? [...row.notes, { by: p.name, at: now, text: note }] : row.notes;
    const updated = repo.transition(ctx.db, caseId, ch.from, { ...ch.set(row, now), notes, updatedAt: now });
    if (!updated) throw new AppError("conflict", `case is ${row.status}`);
    const out = repo.toCase(updated);
    if (ch.webhook && tenant.webhook) enqueue(ctx.db, p.tenant, ch.webhook, out);
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: ch.action,
      target: caseId,
      details: { from: row.status, to: out.status, tier: out.tier, note: note ? "added" : "none" },
    });
    return out;
  });
  announceCase(ctx, p.tenant, c, false);
  return c;
}

export const ackCase = (ctx: Ctx, p: Principal, caseId: string) =>
  change(ctx, p, caseId, undefined, {
    from: ["open", "escalated"],
    set: () => ({ status: "acknowledged", assignee: p.handle }),
    action: "case.acknowledged",
  });

export const escalateCase = (ctx: Ctx, p: Principal, caseId: string, note: string) =>
  change(ctx, p, caseId, note, {
    from: ["open", "acknowledged"],
    set: (row) => ({ status: "escalated", tier: Math.max(row.tier + 1, 2) }),
    action: "case.escalated",
    webhook: "case.escalated",
  });

export const resolveCase = (ctx: Ctx, p: Principal, caseId: string, note: string) =>
  change(ctx, p, caseId, note, {
    from: ["open", "acknowledged", "escalated"],
    set: () => ({ status: "resolved", assignee: p.handle }),
    action: "case.resolved",
    webhook: "case.resolved",
  });

/** The cases a staff member may see (unresolved, or all with a status filter). */
export function casesFor(ctx: Ctx, p: Principal, status?: CaseStatus): Case[] {
  requireStaff(p);
  const rows = status
    ? repo.listCases(ctx.db, p.tenant, minTierFor(p), status)
    : repo.openCases(ctx.db, p.tenant, minTierFor(p));
  return rows.map(repo.toCase);
}

/**
 * Escalate every overdue tier-1 case. Safe to run on every node at once: the conditional update
 * inside one write transaction hands each case to exactly one sweeper.
 */
export function sweepOverdue(ctx: Ctx): Case[] {
  const moved = transaction(ctx.db, () => {
    const rows = repo.escalateOverdue(ctx.db, nowIso());
    return rows.map((row) => {
      const c = repo.toCase(row);
      if (ctx.config.tenants.get(row.tenant)?.webhook) enqueue(ctx.db, row.tenant, "case.escalated", c);
      appendAudit(ctx.db, {
        tenant: row.tenant,
        actor: "system",
        action: "case.auto_escalated",
        target: c.id,
        details: { tier: 2, dueAt: c.dueAt },
      });
      return { tenant: row.tenant, c };
    });
  });
  for (const { tenant, c } of moved) announceCase(ctx, tenant, c, false);
  return moved.map((m) => m.c);
}
