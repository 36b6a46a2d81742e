/** The tenant's audit trail and the check of its hash chain (admins only). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Ctx, Principal } from "../core/context.ts";
import { verifyAudit } from "../db/audit-chain.ts";
import { forbidden } from "../errors.ts";
import { parse, parsed } from "../http/errors.ts";

export const pageQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const requireAdmin = (p: Principal) => {
  if (p.role !== "admin") throw forbidden("admins only");
};

export async function auditRoutes(app: FastifyInstance, { ctx }: { ctx: Ctx }) {
  app.get("/api/audit", async (req) => {
    requireAdmin(req.principal);
    const q = parsed(parse(pageQuery, req.query));
    const page = await ctx.store.auditPage(req.principal.tenant, q.before, q.limit);
    const entries = page.rows.map((r) => ({ ...r, details: JSON.parse(r.details) as unknown }));
    return { entries, hasMore: page.hasMore, nextBefore: page.hasMore ? page.rows.at(-1)?.id : undefined };
  });
  app.get("/api/audit/verify", async (req) => {
    requireAdmin(req.principal);
    return verifyAudit(ctx.store, req.principal.tenant);
  });
}
