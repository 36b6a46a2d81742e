/**
 * Retention: each tenant keeps chat messages for `retentionDays`; older ones are purged with
 * their reactions. Cases keep their ids (the message they point at may be gone) and the audit
 * trail is never purged here: it is the record of what staff did.
 */

import type { Ctx } from "../core/context.ts";
import { nowIso } from "../ids.ts";

/** Purge up to `batch` expired messages per tenant; returns how many were removed. */
export async function purgeExpired(ctx: Ctx, now = Date.now(), batch = 1000): Promise<number> {
  let removed = 0;
  for (const tenant of ctx.config.tenants.values())
    removed += await ctx.store.purgeExpired(
      tenant.id,
      nowIso(now - tenant.retentionDays * 86_400_000),
      batch,
    );
  return removed;
}
