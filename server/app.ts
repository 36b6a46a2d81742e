/**
 * buildApp(config): the whole server, ready but not listening. Fastify for HTTP, Socket.IO on
 * the same HTTP server, one set of services behind both. Only main.ts listens.
 */
import type { Socket } from "node:net";
import cors from "@fastify/cors";
import fastifyJwt from "@fastify/jwt";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { createVerifier } from "./auth/verifier.ts";
import type { Config } from "./config.ts";
import type { Ctx } from "./core/context.ts";
import { createPolicyCache } from "./core/policies.ts";
import { memoryLimiter, type RateLimiter, redisLimiter } from "./core/rate-limit.ts";
import { openStore } from "./db/open.ts";
import type { Store } from "./db/store.ts";
import { deskRoutes } from "./desk/routes.ts";
import { requireAuth } from "./http/auth.ts";
import { installErrorHandling } from "./http/errors.ts";
import { anyTenantAllows, sameOrigin } from "./http/origins.ts";
import { type Jobs, startJobs } from "./jobs.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMetrics } from "./metrics.ts";
import { socketBus } from "./realtime/bus.ts";
import { settled } from "./realtime/inflight.ts";
import { attachHandlers, createIo } from "./realtime/io.ts";
import { attachRedis, type RedisLink } from "./realtime/redis.ts";
import type { LanternServer } from "./realtime/types.ts";
import { auditRoutes } from "./routes/audit.ts";
import { descriptionRoutes } from "./routes/descriptions.ts";
import { forumRoutes } from "./routes/forum.ts";
import { healthRoutes } from "./routes/health.ts";
import { integrationRoutes } from "./routes/integrations.ts";
import { moderationRoutes } from "./routes/moderation.ts";
import { roomRoutes } from "./routes/rooms.ts";
import { webRoutes } from "./routes/web.ts";
import { originStatusRoute, refusalLog } from "./support/origin-status.ts";

/** How long a draining node waits for handlers that still owe an ack. */
const DRAIN_MS = 5_000;
/** How long closing connections may take to say goodbye before they are cut. */
const CLOSE_GRACE_MS = 1_000;

export interface BuildOptions {
  /** A logger to use instead of one made from config.logLevel (tests capture output this way). */
  logger?: Logger;
  /** Run the case sweeper and webhook dispatcher (default true). */
  jobs?: boolean;
}

export interface App {
  app: FastifyInstance;
  io: LanternServer;
  ctx: Ctx;
  /** Every route registered (method and Fastify path), for the test that each one is described. */
  routes: { method: string; url: string }[];
  /** Graceful: stop accepting, tell clients, close sockets, then the adapter, then the database. */
  close(): Promise<void>;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<App> {
  const log = opts.logger ?? createLogger(config.logLevel);
  const store: Store = await openStore(config);
  const metrics = createMetrics({ defaults: true });
  const app = Fastify({
    loggerInstance: log as unknown as FastifyBaseLogger,
    bodyLimit: config.limits.bodyLimit,
    requestIdHeader: false,
    return503OnClosing: true,
  });
  installErrorHandling(app);
  const routes: App["routes"] = [];
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url });
  });
  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || anyTenantAllows(config, origin)),
    methods: ["GET", "POST"],
    allowedHeaders: ["authorization", "content-type"],
    maxAge: 600,
  });
  await app.register(fastifyJwt, {
    secret: "lantern-verifies-per-tenant",
    verify: { algorithms: ["HS256"] },
  });
  const verify = createVerifier(app.jwt, config.tenants);

  const io = createIo(app.server, {
    maxHttpBufferSize: config.limits.maxHttpBufferSize,
    cors: {
      origin: (origin, cb) => cb(null, !origin || anyTenantAllows(config, origin)),
      credentials: false,
    },
    allowRequest: (req, cb) => {
      const origin = req.headers.origin;
      const ok = !origin || sameOrigin(req.headers) || anyTenantAllows(config, origin);
      if (!ok && origin) refusalLog(log).refused(origin);
      cb(null, ok);
    },
  });
  const redis: RedisLink | null = config.redisUrl
    ? await attachRedis(
        io,
        config.redisUrl,
        log,
        metrics,
        5_000,
        config.limits.crossNodeTimeoutMs,
        config.redisAdapter,
      )
    : null;
  const limiter: RateLimiter = redis
    ? redisLimiter(redis.pub, config.limits.sendsPerWindow, config.limits.sendWindowMs)
    : memoryLimiter(config.limits.sendsPerWindow, config.limits.sendWindowMs);
  const ctx: Ctx = {
    store,
    config,
    log,
    metrics,
    bus: socketBus(io, log, config.limits.crossNodeTimeoutMs),
    policies: createPolicyCache(config),
    limiter,
  };
  attachHandlers(io, ctx, verify);

  let draining = false;
  await app.register(healthRoutes, {
    ctx,
    readiness: { redisReady: () => (redis ? redis.ready() : null), draining: () => draining },
  });
  // The demo host page is for trying the widget locally: only with the generated dev secret.
  await app.register(webRoutes, { demo: config.devSecret });
  await app.register(originStatusRoute, { config });
  await app.register(descriptionRoutes);
  await app.register(async (api) => {
    requireAuth(api, ctx, verify);
    await api.register(roomRoutes, { ctx });
    await api.register(forumRoutes, { ctx });
    await api.register(moderationRoutes, { ctx });
    await api.register(auditRoutes, { ctx });
    await api.register(deskRoutes, { ctx });
    await api.register(integrationRoutes, { ctx });
  });
  await app.ready();

  // Every TCP connection, upgraded WebSockets included, so a shutdown can end the stragglers.
  const connections = new Set<Socket>();
  app.server.on("connection", (socket: Socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });

  const jobs: Jobs | null = opts.jobs === false ? null : startJobs(ctx);
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // Drain: readyz turns 503 and new handshakes are refused, so balancers and reconnecting
      // clients go to another node; this node's clients are told, owed acks are answered, and
      // only then are sockets, the adapter and Redis, and the database closed. Only this node's
      // sockets: with the Redis adapter a plain io.emit/disconnectSockets reaches the cluster.
      draining = true;
      io.engine.opts.allowRequest = (_req, cb) => cb("server shutting down", false);
      await jobs?.stop();
      io.local.emit("notice", {
        code: "server_shutdown",
        message: "this server is restarting; reconnecting you",
      });
      await settled(io, DRAIN_MS);
      io.local.disconnectSockets(true);
      // A peer that has gone silent (offline, asleep) never answers the WebSocket close, and the
      // HTTP server would wait for ws's 30 s close timeout: after a short grace, cut the wire.
      const cut = setTimeout(() => {
        for (const socket of connections) socket.destroy();
      }, CLOSE_GRACE_MS);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      clearTimeout(cut);
      await app.close();
      await redis?.close();
      await store.close();
    })();
    return closing;
  };
  return { app, io, ctx, routes, close };
}
