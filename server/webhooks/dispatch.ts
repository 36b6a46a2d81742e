/**
 * Delivers the webhook outbox: claims due rows under a lease (so one dispatcher at a time holds
 * a row, across nodes), POSTs them signed, and retries failures with exponential back-off.
 */
import { createHmac } from "node:crypto";
import type { Ctx } from "../core/context.ts";
import { signatureHeader } from "../integrations/webhook-signature.ts";

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 30_000;
const TIMEOUT_MS = 5_000;

/** The `X-Lantern-Signature` value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function sign(secret: string, body: string, t = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** Delay before attempt n+1 (n >= 1): base, 2x base, 4x base ... capped at one hour. */
export const backoff = (attempts: number, baseMs: number) =>
  Math.min(baseMs * 2 ** (attempts - 1), 3_600_000);

/** One pass: deliver what is due. Returns how many were delivered. */
export async function dispatchOnce(ctx: Ctx, baseBackoffMs: number): Promise<number> {
  const rows = await ctx.store.claimDue(ctx.config.nodeId, LEASE_MS, 20);
  let delivered = 0;
  await Promise.all(
    rows.map(async (row) => {
      const hook = ctx.config.tenants.get(row.tenant)?.webhook;
      const attempts = row.attempts + 1;
      let error: string | null = "no webhook configured";
      let status: number | null = null;
      if (hook) {
        try {
          const res = await fetch(hook.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-lantern-event-id": row.id,
              "x-lantern-signature": signatureHeader(hook, row.body),
              "user-agent": "Lantern-Webhooks/1",
            },
            body: row.body,
            signal: AbortSignal.timeout(TIMEOUT_MS),
            redirect: "manual",
          });
          await res.body?.cancel();
          status = res.status;
          error = res.ok ? null : `HTTP ${res.status}`;
        } catch (e) {
          error = (e as Error).name === "TimeoutError" ? "timeout" : "network error";
        }
      }
      if (error === null) {
        await ctx.store.settle(row.id, ctx.config.nodeId, { attempts, error: null, status });
        ctx.metrics.webhookDeliveries.inc({ result: "delivered" });
        delivered++;
        return;
      }
      const giveUp = attempts >= MAX_ATTEMPTS;
      await ctx.store.settle(row.id, ctx.config.nodeId, {
        attempts,
        error,
        status,
        retryInMs: backoff(attempts, baseBackoffMs),
        giveUp,
      });
      ctx.metrics.webhookDeliveries.inc({ result: giveUp ? "gave_up" : "failed" });
      ctx.log.warn({ event: row.id, tenant: row.tenant, attempts, error }, "webhook delivery failed");
    }),
  );
  return delivered;
}
