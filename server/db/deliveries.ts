/**
 * The webhook-deliveries sub-port of the Store: what integrators need while setting up and
 * running their receiver (a record of deliveries, redelivery, a test ping). The dispatcher
 * (webhooks/dispatch.ts) still claims and settles rows through the main port; SQLite
 * (sqlite/deliveries.ts) and PostgreSQL (pg/deliveries.ts) implement this one.
 */
import type { OutboxRow } from "./rows.ts";

/** One delivery as an admin sees it: never its body's case details beyond the event type. */
export interface Delivery {
  id: string;
  type: string;
  createdAt: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  /** When the next try is due (null once delivered or given up). */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export function toDelivery(r: OutboxRow): Delivery {
  const status = r.deliveredAt ? "delivered" : r.failedAt ? "failed" : "pending";
  return {
    id: r.id,
    type: r.type,
    createdAt: r.createdAt,
    status,
    attempts: r.attempts,
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    nextAttemptAt: status === "pending" ? r.nextAttemptAt : null,
    deliveredAt: r.deliveredAt,
  };
}

/** The body of a `ping` event: the envelope of every event, with empty data. */
export const pingBody = (id: string, tenant: string, createdAt: string) =>
  JSON.stringify({ id, type: "ping", tenant, createdAt, data: {} });

export interface DeliveriesStore {
  /** The tenant's deliveries, newest first, created before the delivery `before` (a cursor). */
  list(tenant: string, limit: number, before?: string): Promise<{ rows: Delivery[]; hasMore: boolean }>;
  /**
   * Make a delivery due now again (delivered or given up ones too), same id and body.
   * Undefined: no such delivery in this tenant; `conflict` while an attempt is in flight.
   */
  redeliver(tenant: string, id: string): Promise<Delivery | undefined>;
  /** Queue a signed `ping` event, due now. */
  enqueuePing(tenant: string): Promise<Delivery>;
}
