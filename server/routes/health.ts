/** Liveness, readiness (database and, when configured, Redis) and Prometheus metrics. */
import type { FastifyInstance } from "fastify";
import type { Ctx } from "../core/context.ts";
import { refreshOpenCases } from "../jobs.ts";

export interface Readiness {
  /** Null when Redis is not configured; otherwise whether it is connected now. */
  redisReady(): boolean | null;
  draining(): boolean;
}

export async function healthRoutes(app: FastifyInstance, opts: { ctx: Ctx; readiness: Readiness }) {
  const { ctx, readiness } = opts;
  app.get("/healthz", async () => ({ ok: true }));
  app.get("/readyz", async (_req, reply) => {
    let database = true;
    try {
      await ctx.store.ping();
    } catch {
      database = false;
    }
    const redis = readiness.redisReady();
    const draining = readiness.draining();
    const ok = database && redis !== false && !draining;
    return reply.status(ok ? 200 : 503).send({ ok, database, redis: redis ?? "not_configured", draining });
  });
  app.get("/metrics", async (_req, reply) => {
    try {
      await refreshOpenCases(ctx);
    } catch {
      // A busy or closing database must not cost the scrape its other series.
    }
    reply.header("content-type", ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
