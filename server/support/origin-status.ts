/**
 * A page on an origin no tenant allows is refused before the Socket.IO handshake, where it can
 * read nothing but a failed request. `GET /widget/status` is the one route any origin may call:
 * it answers only `{ allowed }` for the caller's Origin (and, given `?tenant=`, for that tenant),
 * so the widget can say "this site is not allowed to use this chat" instead of "connection lost".
 * Each refusal is logged with the origin (and the tenant once a token names one), at most once
 * a minute per origin and tenant, with the count of refusals left out meanwhile.
 */
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.ts";
import { anyTenantAllows } from "../http/origins.ts";
import type { Logger } from "../logger.ts";

/** One log line per origin (and tenant) per this long, however often it knocks. */
export const REFUSAL_LOG_INTERVAL_MS = 60_000;
const MAX_KEYS = 1_000;

export interface RefusalLog {
  /** Note a refused browser origin; logs now or folds it into the next line for that key. */
  refused(origin: string, tenant?: string): void;
}

const logs = new WeakMap<Logger, RefusalLog>();

/** The app's refusal log (one per logger, so the handshake and the engine share one limit). */
export function refusalLog(log: Logger): RefusalLog {
  let made = logs.get(log);
  if (made) return made;
  const seen = new Map<string, { at: number; skipped: number }>();
  made = {
    refused(origin, tenant) {
      // An Origin header is attacker-chosen: cap what is logged of it.
      const o = origin.slice(0, 200);
      const key = `${tenant ?? ""} ${o}`;
      const now = Date.now();
      const last = seen.get(key);
      if (last && now - last.at < REFUSAL_LOG_INTERVAL_MS) {
        last.skipped += 1;
        return;
      }
      if (seen.size >= MAX_KEYS) seen.delete(seen.keys().next().value!);
      seen.set(key, { at: now, skipped: 0 });
      log.warn(
        { origin: o, ...(tenant ? { tenant } : {}), ...(last ? { alsoRefused: last.skipped } : {}) },
        tenant ? "origin not allowed for this tenant" : "origin not allowed by any tenant",
      );
    },
  };
  logs.set(log, made);
  return made;
}

/** Whether `origin` may use the chat: for `tenant` when given, else for any tenant. */
export function originAllowed(config: Config, origin: string, tenant?: string): boolean {
  if (!tenant) return anyTenantAllows(config, origin);
  return config.tenants.get(tenant)?.allowedOrigins.includes(origin) ?? false;
}

/** Register `GET /widget/status`: CORS open to every origin, and nothing in it but `allowed`. */
export async function originStatusRoute(app: FastifyInstance, { config }: { config: Config }): Promise<void> {
  app.get<{ Querystring: { tenant?: string } }>("/widget/status", async (req, reply) => {
    const origin = req.headers.origin;
    const tenant = typeof req.query.tenant === "string" ? req.query.tenant.slice(0, 64) : undefined;
    // Without an Origin the caller is not a page of another site: the server's own pages and tools.
    const allowed = !origin || originAllowed(config, origin, tenant);
    reply
      .header("access-control-allow-origin", "*")
      .header("cache-control", "no-store")
      .header("vary", "origin");
    return { allowed };
  });
}
