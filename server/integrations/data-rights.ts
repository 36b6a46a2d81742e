/**
 * Data rights of a person, asked for by the program (discharge) or by the person through it:
 * an export of everything stored about them in the tenant, and a deletion that removes their
 * text and presence but keeps the shape of rooms and threads and the timeline of cases. Admins
 * only; both are audited. Legal holds and record-retention duties are the operator's to weigh
 * before deleting (README "Data rights").
 */

import type { Ctx, Principal } from "../core/context.ts";
import type { DeletionCounts, UserExport } from "../db/people.ts";
import { forbidden, notFound } from "../errors.ts";

const requireAdmin = (p: Principal) => {
  if (p.role !== "admin") throw forbidden("admins only");
};

export async function exportUser(ctx: Ctx, p: Principal, sub: string): Promise<UserExport> {
  requireAdmin(p);
  const out = await ctx.store.people.exportUser(p.tenant, sub, p.handle);
  if (!out) throw notFound("user");
  return out;
}

export async function deleteUser(ctx: Ctx, p: Principal, sub: string): Promise<{ deleted: DeletionCounts }> {
  requireAdmin(p);
  if (sub === p.sub) throw forbidden("an admin cannot delete themselves");
  const deleted = await ctx.store.people.deleteUser(p.tenant, sub, p.handle);
  if (!deleted) throw notFound("user");
  ctx.log.info({ tenant: p.tenant, ...deleted }, "user data deleted");
  return { deleted };
}
