/**
 * One token verifier for both edges (HTTP and the Socket.IO handshake), built on @fastify/jwt.
 * Keys and algorithms are pinned per tenant; `none`, unknown tenants, bad signatures, the wrong
 * audience and expired tokens are refused with a reason the client can act on.
 */
import type { JWT, VerifyOptions } from "@fastify/jwt";
import { z } from "zod";
import type { AuthRefusalReason } from "../../shared/errors.ts";
import { ROLES, type Role } from "../../shared/types.ts";
import type { Tenant } from "../config.ts";

/** Who is calling, after verification. `handle` is filled in by the identity service. */
export interface Claims {
  tenant: string;
  sub: string;
  role: Role;
  name: string;
  exp: number;
}

export type RefusalReason = AuthRefusalReason;

export class AuthError extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`unauthorized: ${reason}`);
  }
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  tenant: z.string().min(1).max(64).optional(),
  // PROTOCOL.md lists both claims; a token without them is still someone, at the least privilege.
  role: z.enum(ROLES).default("participant"),
  name: z
    .string()
    .max(200)
    .default("Member")
    .transform((n) => displayName(n)),
  exp: z.number().int(),
  iat: z.number().int().optional(),
});

/**
 * Bidi overrides and isolates, direction marks, and control characters (C0, DEL, C1) would let
 * a name reorder or hide what others read beside it: they are removed, whitespace runs become
 * one space, and a name with nothing left shows as "Member".
 */
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export function displayName(raw: string): string {
  const clean = raw.replace(UNSAFE_IN_NAMES, "").replace(/\s+/g, " ").trim().slice(0, 60).trim();
  return clean || "Member";
}

type TenantVerifyOptions = Partial<VerifyOptions> & {
  key: string;
  algorithms: VerifyOptions["algorithms"];
  audience?: string;
  maxLifetimeS: number;
};

export type TokenVerifier = (token: unknown) => Claims;

/** Create the verifier for the configured tenants, using the app's @fastify/jwt instance. */
export function createVerifier(jwt: JWT, tenants: ReadonlyMap<string, Tenant>): TokenVerifier {
  const options = new Map<string, TenantVerifyOptions>();
  for (const t of tenants.values()) {
    options.set(t.id, {
      key: t.jwt.alg === "HS256" ? t.jwt.secret : t.jwt.publicKey,
      algorithms: [t.jwt.alg] as VerifyOptions["algorithms"],
      ...(t.audience ? { allowedAud: t.audience } : {}),
      requiredClaims: ["exp", "sub"],
      ...(t.audience ? { audience: t.audience } : {}),
      maxLifetimeS: t.maxTokenLifetimeSeconds,
    });
  }

  return (token) => {
    if (typeof token !== "string" || token.length === 0) throw new AuthError("missing");
    if (token.length > 8192) throw new AuthError("malformed");
    let decoded: { header: { alg?: unknown }; payload: Record<string, unknown> };
    try {
      decoded = jwt.decode(token, { complete: true }) as typeof decoded;
    } catch {
      throw new AuthError("malformed");
    }
    if (!decoded?.header || typeof decoded.payload !== "object" || decoded.payload === null)
      throw new AuthError("malformed");
    const tenantId = decoded.payload.tenant ?? "default";
    const opts = typeof tenantId === "string" ? options.get(tenantId) : undefined;
    if (!opts) throw new AuthError("unknown_tenant");
    if (decoded.header.alg !== opts.algorithms?.[0]) throw new AuthError("bad_algorithm");
    const { audience, maxLifetimeS, ...verifyOptions } = opts;
    try {
      jwt.verify(token, verifyOptions);
    } catch (e) {
      throw new AuthError(reasonOf(e));
    }
    // fast-jwt checks aud only when the token carries one; PROTOCOL.md requires it then.
    if (audience && decoded.payload.aud === undefined) throw new AuthError("wrong_audience");
    const claims = claimsSchema.safeParse(decoded.payload);
    if (!claims.success) throw new AuthError("bad_claims");
    const { iat, ...rest } = claims.data;
    const nowS = Math.floor(Date.now() / 1000);
    // A stolen long-lived token is a long-lived account: measure from iat, or from now without
    // one, and never from an iat in the future.
    if (rest.exp - Math.min(iat ?? nowS, nowS) > maxLifetimeS) throw new AuthError("lifetime_exceeded");
    return { ...rest, tenant: tenantId as string };
  };
}

function reasonOf(e: unknown): RefusalReason {
  const code = (e as { code?: string }).code ?? "";
  if (code.includes("EXPIRED")) return "expired";
  if (code.includes("INACTIVE")) return "not_yet_valid";
  if (code.includes("INVALID_SIGNATURE")) return "bad_signature";
  if (code.includes("INVALID_ALGORITHM")) return "bad_algorithm";
  if (code.includes("INVALID_CLAIM_VALUE") || code.includes("AUD")) return "wrong_audience";
  if (code.includes("MISSING_REQUIRED_CLAIM") || code.includes("INVALID_CLAIM")) return "bad_claims";
  if (code.includes("MALFORMED") || code.includes("INVALID_PAYLOAD")) return "malformed";
  return "bad_signature";
}
