/**
 * Mint a token for local use (the `npm run token` script and tests). Integrators mint their own
 * with their tenant key; Lantern never needs to sign in production.
 */
import { createSigner } from "fast-jwt";
import type { Role } from "../../shared/types.ts";

export interface TokenClaims {
  sub: string;
  role: Role;
  name: string;
  tenant?: string;
  aud?: string;
  /** Lifetime in seconds (default one hour). */
  ttl?: number;
}

export function signHs256(secret: string, claims: TokenClaims): string {
  const { ttl = 3600, ...rest } = claims;
  const now = Math.floor(Date.now() / 1000);
  const payload = { ...rest, iat: now, exp: now + ttl };
  return createSigner({ key: secret, algorithm: "HS256" })(payload);
}
