/**
 * The Socket.IO handshake: the same token verifier as HTTP, then the opaque handle. A refusal
 * ends in `connect_error` with message `unauthorized` and `data.reason`. A connected socket is
 * told `token_expired` and disconnected when its token expires.
 */
import { AuthError, type TokenVerifier } from "../auth/verifier.ts";
import type { Ctx } from "../core/context.ts";
import { tenantAllows } from "../http/origins.ts";
import { refusalLog } from "../support/origin-status.ts";
import type { LanternServer, LanternSocket } from "./types.ts";

const MAX_TIMER = 2 ** 31 - 1;

export function installHandshake(io: LanternServer, ctx: Ctx, verify: TokenVerifier): void {
  io.use(async (socket, next) => {
    try {
      const claims = verify((socket.handshake.auth as { token?: unknown } | undefined)?.token);
      if (!tenantAllows(ctx.config, claims.tenant, socket.handshake.headers)) {
        refusalLog(ctx.log).refused(String(socket.handshake.headers.origin), claims.tenant);
        throw new AuthError("origin_not_allowed");
      }
      const handle = await ctx.store.upsertUser(claims.tenant, claims.sub, claims.name, claims.role);
      socket.data = { ...claims, handle };
      next();
    } catch (e) {
      const reason = e instanceof AuthError ? e.reason : "internal";
      if (!(e instanceof AuthError)) ctx.log.error({ err: e }, "handshake failed");
      const err = new Error("unauthorized") as Error & { data: unknown };
      err.data = { reason };
      next(err);
    }
  });
}

/** Disconnect the socket when its token expires, after telling it why. */
export function scheduleExpiry(socket: LanternSocket): void {
  const ms = socket.data.exp * 1000 - Date.now();
  const expire = () => {
    socket.emit("notice", {
      code: "token_expired",
      message: "your session expired; reconnect with a fresh token",
    });
    socket.disconnect(true);
  };
  if (ms <= 0) {
    expire();
    return;
  }
  const timer = setTimeout(expire, Math.min(ms, MAX_TIMER));
  timer.unref();
  socket.once("disconnect", () => clearTimeout(timer));
}
