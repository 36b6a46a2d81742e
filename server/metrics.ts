/**
 * Prometheus metrics (prom-client), one registry per app so tests and several in-process
 * nodes do not collide. Labels carry outcomes and levels, never user or message data.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(opts: { defaults?: boolean } = {}) {
  const registry = new Registry();
  if (opts.defaults) collectDefaultMetrics({ register: registry, prefix: "lantern_" });
  const m = {
    registry,
    sockets: new Gauge({
      name: "lantern_connected_sockets",
      help: "Sockets connected to this node",
      registers: [registry],
    }),
    messagesIn: new Counter({
      name: "lantern_messages_in_total",
      help: "Messages received from clients, by outcome",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    messagesOut: new Counter({
      name: "lantern_messages_out_total",
      help: "Messages broadcast to rooms, by kind",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    verdicts: new Counter({
      name: "lantern_moderation_verdicts_total",
      help: "Moderation verdicts by action and crisis level",
      labelNames: ["action", "level"] as const,
      registers: [registry],
    }),
    moderationSeconds: new Histogram({
      name: "lantern_moderation_duration_seconds",
      help: "Time spent in moderate() per text",
      buckets: [0.00001, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.005, 0.02],
      registers: [registry],
    }),
    openCases: new Gauge({
      name: "lantern_open_cases",
      help: "Cases not yet resolved, by tier",
      labelNames: ["tier"] as const,
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: "lantern_webhook_deliveries_total",
      help: "Webhook delivery attempts by result",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    crossNodeDropped: new Counter({
      name: "lantern_cross_node_publish_failures_total",
      help: "Broadcasts that could not be published to other nodes (Redis away); local sockets still got them",
      registers: [registry],
    }),
    redisUp: new Gauge({
      name: "lantern_redis_up",
      help: "1 when Redis is connected (or not configured)",
      registers: [registry],
    }),
  };
  m.redisUp.set(1);
  return m;
}
