/**
 * HTTP authentication: `Authorization: Bearer <jwt>` through the same verifier as the Socket.IO
 * handshake, then the caller's handle. Routes read `request.principal`.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AuthError, type TokenVerifier } from "../auth/verifier.ts";
import type { Ctx, Principal } from "../core/context.ts";
import { AppError } from "../errors.ts";
import { tenantAllows } from "./origins.ts";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Require a valid token on every route registered in `scope`. */
export function requireAuth(scope: FastifyInstance, ctx: Ctx, verify: TokenVerifier): void {
  scope.decorateRequest("principal", null as unknown as Principal);
  scope.addHook("onRequest", async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
    try {
      const claims = verify(token);
      if (!tenantAllows(ctx.config, claims.tenant, request.headers))
        throw new AuthError("origin_not_allowed");
      request.principal = {
        ...claims,
        handle: await ctx.store.upsertUser(claims.tenant, claims.sub, claims.name, claims.role),
      };
    } catch (e) {
      if (e instanceof AuthError) throw new AppError("unauthorized", "unauthorized", { reason: e.reason });
      throw e;
    }
  });
}
