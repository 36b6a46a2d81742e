/**
 * Webhook operations for an admin setting up or running their receiver: the record of
 * deliveries, redelivery of one (same id, same body, signed afresh), and a signed `ping`.
 * The dispatcher (webhooks/dispatch.ts) sends what these make due on its next pass.
 */

import { type Ctx, type Principal, tenantOf } from "../core/context.ts";
import type { Delivery } from "../db/deliveries.ts";
import { AppError, forbidden, notFound } from "../errors.ts";

const requireAdmin = (p: Principal) => {
  if (p.role !== "admin") throw forbidden("admins only");
};

export async function listDeliveries(ctx: Ctx, p: Principal, limit: number, before?: string) {
  requireAdmin(p);
  const page = await ctx.store.deliveries.list(p.tenant, limit, before);
  return {
    deliveries: page.rows,
    hasMore: page.hasMore,
    nextBefore: page.hasMore ? page.rows.at(-1)?.id : undefined,
  };
}

export async function redeliver(ctx: Ctx, p: Principal, id: string): Promise<{ delivery: Delivery }> {
  requireAdmin(p);
  const delivery = await ctx.store.deliveries.redeliver(p.tenant, id);
  if (!delivery) throw notFound("delivery");
  return { delivery };
}

export async function sendPing(ctx: Ctx, p: Principal): Promise<{ delivery: Delivery }> {
  requireAdmin(p);
  if (!tenantOf(ctx, p.tenant).webhook)
    throw new AppError("conflict", "no webhook is configured for this tenant");
  return { delivery: await ctx.store.deliveries.enqueuePing(p.tenant) };
}
