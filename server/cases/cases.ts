/**
 * Cases: opened for crisis level >= 2 and for reports, acknowledged, escalated (by hand or when
 * the deadline passes) and resolved. Every change is written with its audit row and webhook
 * outbox row in one unit of work, then announced on the staff feed.
 */
import type { Case, CaseStatus } from "../../shared/types.ts";
import { type Ctx, type Principal, requireStaff, tenantOf } from "../core/context.ts";
import type { CaseOpening, CaseRow } from "../db/store.ts";
import { AppError, notFound } from "../errors.ts";

/** Minimum tier a role sees: clinicians work tier 2 and above, everyone else all. */
export const minTierFor = (p: Principal) => (p.role === "clinician" ? 2 : 1);

/** The opening of a case, with the tenant's deadline for its level and whether a webhook is due. */
export function caseOpening(ctx: Ctx, o: Omit<CaseOpening, "slaSeconds" | "webhook">): CaseOpening {
  const tenant = tenantOf(ctx, o.tenant);
  const level = Math.min(Math.max(o.level, 2), 4) as 2 | 3 | 4;
  return { ...o, slaSeconds: tenant.caseSlaSeconds[level], webhook: Boolean(tenant.webhook) };
}

/**
 * The crisis case a stored text calls for (a chat message, or a forum thread or reply), if its
 * decision escalates; the store opens it in the unit of work that stores the text.
 */
export function crisisOpening(
  ctx: Ctx,
  p: { tenant: string; handle: string },
  d: { escalate: boolean; level: number; category: string | null },
  at: Pick<CaseOpening, "roomId" | "messageId" | "threadId" | "replyId">,
): CaseOpening | null {
  if (!d.escalate) return null;
  return caseOpening(ctx, {
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
  set: (row: CaseRow) => Partial<Pick<CaseRow, "status" | "tier" | "assignee">>;
  action: string;
  webhook?: "case.escalated" | "case.resolved";
};

async function change(
  ctx: Ctx,
  p: Principal,
  caseId: string,
  note: string | undefined,
  ch: Change,
): Promise<Case> {
  requireStaff(p);
  const tenant = tenantOf(ctx, p.tenant);
  const c = await ctx.store.changeCase(p.tenant, caseId, (row) => {
    if (!row || row.tier < minTierFor(p)) throw notFound("case");
    if (!ch.from.includes(row.status as CaseStatus)) throw new AppError("conflict", `case is ${row.status}`);
    return {
      set: ch.set(row),
      ...(note ? { note: { by: p.name, text: note } } : {}),
      ...(ch.webhook && tenant.webhook ? { webhook: ch.webhook } : {}),
      audit: {
        tenant: p.tenant,
        actor: p.handle,
        action: ch.action,
        target: caseId,
        details: { from: row.status, note: note ? "added" : "none" },
      },
    };
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
export async function casesFor(ctx: Ctx, p: Principal, status?: CaseStatus): Promise<Case[]> {
  requireStaff(p);
  return ctx.store.listCases(p.tenant, minTierFor(p), status);
}

/**
 * Escalate every overdue tier-1 case. Safe to run on every node at once: the store hands each
 * case to exactly one sweeper.
 */
export async function sweepOverdue(ctx: Ctx): Promise<Case[]> {
  const moved = await ctx.store.sweepOverdue((tenant) => Boolean(ctx.config.tenants.get(tenant)?.webhook));
  for (const { tenant, case: c } of moved) announceCase(ctx, tenant, c, false);
  return moved.map((m) => m.case);
}
