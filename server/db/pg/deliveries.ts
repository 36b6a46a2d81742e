/** The webhook-deliveries sub-port on PostgreSQL (see ../deliveries.ts); times from the database clock. */
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { AppError } from "../../errors.ts";
import { newId } from "../../ids.ts";
import { type DeliveriesStore, pingBody, toDelivery } from "../deliveries.ts";
import type { PgDb, PgExec } from "./client.ts";
import * as t from "./schema.ts";

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const now = sql<string>`to_char(now() at time zone 'UTC', ${sql.raw(ISO)})`;

export function pgDeliveries(db: PgDb): DeliveriesStore {
  const find = async (ex: PgExec, tenant: string, id: string, lock = false) => {
    const q = ex
      .select()
      .from(t.outbox)
      .where(and(eq(t.outbox.tenant, tenant), eq(t.outbox.id, id)));
    const [row] = lock ? await q.for("update") : await q;
    return row;
  };
  return {
    async list(tenant, limit, before) {
      const cursor = before ? await find(db, tenant, before) : undefined;
      const rows = await db
        .select()
        .from(t.outbox)
        .where(
          and(
            eq(t.outbox.tenant, tenant),
            cursor
              ? or(
                  lt(t.outbox.createdAt, cursor.createdAt),
                  and(eq(t.outbox.createdAt, cursor.createdAt), lt(t.outbox.id, cursor.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(t.outbox.createdAt), desc(t.outbox.id))
        .limit(limit + 1);
      return { rows: rows.slice(0, limit).map(toDelivery), hasMore: rows.length > limit };
    },
    async redeliver(tenant, id) {
      return db.transaction(async (x) => {
        const row = await find(x, tenant, id, true);
        if (!row) return undefined;
        const [{ clock }] = (await x.execute<{ clock: string }>(sql`select ${now} as clock`)).rows as [
          { clock: string },
        ];
        if (row.leaseUntil && row.leaseUntil > clock)
          throw new AppError("conflict", "this delivery is being attempted now");
        const [updated] = await x
          .update(t.outbox)
          .set({
            deliveredAt: null,
            failedAt: null,
            nextAttemptAt: clock,
            leaseOwner: null,
            leaseUntil: null,
          })
          .where(eq(t.outbox.id, id))
          .returning();
        return toDelivery(updated!);
      });
    },
    async enqueuePing(tenant) {
      return db.transaction(async (x) => {
        const { rows } = await x.execute<{ clock: string }>(sql`select ${now} as clock`);
        const createdAt = rows[0]!.clock;
        const id = newId("evt");
        const [row] = await x
          .insert(t.outbox)
          .values({
            id,
            tenant,
            type: "ping",
            body: pingBody(id, tenant, createdAt),
            createdAt,
            nextAttemptAt: createdAt,
          })
          .returning();
        return toDelivery(row!);
      });
    },
  };
}
