/**
 * Retention: each tenant keeps chat messages for `retentionDays`; older ones are purged with
 * their reactions. Cases keep their ids (the message they point at may be gone) and the audit
 * trail is never purged here: it is the record of what staff did.
 */
import { and, eq, inArray, lt } from "drizzle-orm";
import { transaction } from "../db/client.ts";
import { messages, reactions } from "../db/schema.ts";
import { nowIso } from "../ids.ts";
import type { Ctx } from "./context.ts";

/** Purge up to `batch` expired messages per tenant; returns how many were removed. */
export function purgeExpired(ctx: Ctx, now = Date.now(), batch = 1000): number {
  let removed = 0;
  for (const tenant of ctx.config.tenants.values()) {
    const cutoff = nowIso(now - tenant.retentionDays * 86_400_000);
    removed += transaction(ctx.db, () => {
      const ids = ctx.db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.tenant, tenant.id), lt(messages.createdAt, cutoff)))
        .limit(batch)
        .all()
        .map((r) => r.id);
      if (ids.length === 0) return 0;
      ctx.db.delete(reactions).where(inArray(reactions.messageId, ids)).run();
      return ctx.db.delete(messages).where(inArray(messages.id, ids)).run().changes;
    });
  }
  return removed;
}
