/**
 * "Show identity": a staff member working a case asks, explicitly, who its subject is in the
 * provider's own records (the integrator's `sub`, and a link into their record when the tenant
 * sets `caseSubjectUrl`). Each reveal is one audit row in the same transaction; the subject's
 * `sub` is never sent on any other path to staff, and never to participants or logs.
 */
import type { CaseSubjectIdentity } from "../../shared/integrations.ts";
import { minTierFor } from "../cases/cases.ts";
import { type Ctx, type Principal, requireStaff, tenantOf } from "../core/context.ts";
import { notFound } from "../errors.ts";

/** The tenant's record link for `sub`, or null. */
export function subjectUrl(template: string | undefined, sub: string): string | null {
  return template ? template.replaceAll("{sub}", encodeURIComponent(sub)) : null;
}

export async function showCaseIdentity(
  ctx: Ctx,
  p: Principal,
  caseId: string,
): Promise<{ subject: CaseSubjectIdentity }> {
  requireStaff(p);
  const who = await ctx.store.people.revealCaseSubject(p.tenant, caseId, p.handle, minTierFor(p));
  if (!who) throw notFound("case subject");
  return { subject: { ...who, url: subjectUrl(tenantOf(ctx, p.tenant).caseSubjectUrl, who.sub) } };
}
