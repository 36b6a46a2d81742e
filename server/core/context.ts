/**
 * What every service receives: storage, configuration, the bus, the logger and the shared
 * helpers. Built once by buildApp; services are plain functions of it.
 */
import type { SocketData } from "../../shared/events.ts";
import type { Config, Tenant } from "../config.ts";
import type { Store } from "../db/store.ts";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { Bus } from "./bus.ts";
import type { PolicyCache } from "./policies.ts";
import type { RateLimiter } from "./rate-limit.ts";

/** The caller, as the handshake or the HTTP auth hook established it. */
export type Principal = SocketData;

export interface Ctx {
  store: Store;
  config: Config;
  bus: Bus;
  log: Logger;
  policies: PolicyCache;
  limiter: RateLimiter;
  metrics: Metrics;
}

export function tenantOf(ctx: Ctx, id: string): Tenant {
  const t = ctx.config.tenants.get(id);
  if (!t) throw new AppError("unauthorized", "unknown tenant");
  return t;
}

export const isStaff = (p: Principal) => p.role !== "participant";

/** Refuse participants. */
export function requireStaff(p: Principal): void {
  if (!isStaff(p)) throw new AppError("forbidden", "staff only");
}
