/** The webhook-deliveries sub-port on SQLite (see ../deliveries.ts). */
import { and, desc, eq, lt, or } from "drizzle-orm";
import { AppError } from "../../errors.ts";
import { newId, nowIso } from "../../ids.ts";
import { type DeliveriesStore, pingBody, toDelivery } from "../deliveries.ts";
import { type Db, transaction } from "./client.ts";
import { outbox } from "./schema.ts";

export function sqliteDeliveries(db: Db): DeliveriesStore {
  const find = (tenant: string, id: string) =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.tenant, tenant), eq(outbox.id, id)))
      .get();
  return {
    async list(tenant, limit, before) {
      const cursor = before ? find(tenant, before) : undefined;
      const rows = db
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.tenant, tenant),
            cursor
              ? or(
                  lt(outbox.createdAt, cursor.createdAt),
                  and(eq(outbox.createdAt, cursor.createdAt), lt(outbox.id, cursor.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(outbox.createdAt), desc(outbox.id))
        .limit(limit + 1)
        .all();
      return { rows: rows.slice(0, limit).map(toDelivery), hasMore: rows.length > limit };
    },
    async redeliver(tenant, id) {
      return transaction(db, () => {
        const row = find(tenant, id);
        if (!row) return undefined;
        const now = nowIso();
        if (row.leaseUntil && row.leaseUntil > now)
          throw new AppError("conflict", "this delivery is being attempted now");
        const updated = db
          .update(outbox)
          .set({ deliveredAt: null, failedAt: null, nextAttemptAt: now, leaseOwner: null, leaseUntil: null })
          .where(eq(outbox.id, id))
          .returning()
          .get();
        return toDelivery(updated);
      });
    },
    async enqueuePing(tenant) {
      const id = newId("evt");
      const createdAt = nowIso();
      const row = db
        .insert(outbox)
        .values({
          id,
          tenant,
          type: "ping",
          body: pingBody(id, tenant, createdAt),
          createdAt,
          nextAttemptAt: createdAt,
        })
        .returning()
        .get();
      return toDelivery(row);
    },
  };
}
