/**
 * Background work every node runs, with no leader: the overdue-case sweep (exactly-once by a
 * conditional update) and the webhook dispatcher (one holder per row by lease). Each tick is
 * guarded so a slow tick never overlaps the next and an error never escapes. Retention purges
 * run every quarter hour.
 */

import { sweepOverdue } from "./cases/cases.ts";
import { purgeExpired } from "./chat/retention.ts";
import type { Ctx } from "./core/context.ts";
import { AppError } from "./errors.ts";
import { dispatchOnce } from "./webhooks/dispatch.ts";

const RETENTION_INTERVAL_MS = 15 * 60_000;

export interface Jobs {
  stop(): Promise<void>;
}

function every(ms: number, ctx: Ctx, name: string, tick: () => unknown | Promise<unknown>) {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = Promise.resolve()
      .then(tick)
      .catch((e) => {
        if (!(e instanceof AppError && e.code === "unavailable"))
          ctx.log.error({ err: e, job: name }, "background job failed");
      })
      .finally(() => {
        running = null;
      });
  }, ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Set the open-cases gauge from the database (the sweeper does it each tick, /metrics on each
 * scrape). Every node reports the same shared count: aggregate it with max(), not sum().
 */
export async function refreshOpenCases(ctx: Ctx): Promise<void> {
  const counts = await ctx.store.countOpenByTier();
  ctx.metrics.openCases.reset();
  for (const { tier, n } of counts) ctx.metrics.openCases.set({ tier: String(tier) }, n);
}

export function startJobs(ctx: Ctx): Jobs {
  const stops = [
    every(ctx.config.limits.sweepIntervalMs, ctx, "case-sweep", async () => {
      await sweepOverdue(ctx);
      await refreshOpenCases(ctx);
    }),
    every(ctx.config.limits.webhookIntervalMs, ctx, "webhooks", () =>
      dispatchOnce(ctx, ctx.config.limits.webhookBackoffMs),
    ),
    every(RETENTION_INTERVAL_MS, ctx, "retention", () => purgeExpired(ctx)),
  ];
  return { stop: async () => void (await Promise.all(stops.map((s) => s()))) };
}
