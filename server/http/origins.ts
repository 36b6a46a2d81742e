/**
 * Which browser origins may talk to Lantern: the server's own pages, and each tenant's
 * `allowedOrigins`. Requests without an Origin header (servers, native apps) are not browsers
 * and pass to authentication as usual.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { Config } from "../config.ts";

/** True when the request comes from a page of this server itself. */
export function sameOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  const host = headers.host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Every origin some tenant allows: the coarse CORS answer, before the token names the tenant. */
export function anyTenantAllows(config: Config, origin: string): boolean {
  for (const t of config.tenants.values()) if (t.allowedOrigins.includes(origin)) return true;
  return false;
}

/** The precise check once the tenant is known. */
export function tenantAllows(config: Config, tenant: string, headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (!origin || sameOrigin(headers)) return true;
  return config.tenants.get(tenant)?.allowedOrigins.includes(origin) ?? false;
}
