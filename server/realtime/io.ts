/**
 * Socket.IO on the app's HTTP server: handshake, per-socket channels, the event handlers, and
 * presence on disconnect. Knows nothing of storage; services do the work.
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { TokenVerifier } from "../auth/verifier.ts";
import type { Ctx } from "../core/context.ts";
import { channel } from "./channels.ts";
import { EVENTS, KNOWN } from "./events.ts";
import { installHandshake, scheduleExpiry } from "./handshake.ts";
import { joinLocale } from "./locale.ts";
import { announcePresence } from "./presence.ts";
import { registerTable } from "./table.ts";
import type { LanternServer } from "./types.ts";

export interface IoOptions {
  maxHttpBufferSize: number;
  /** Per-tenant allowed origins are checked by `allowRequest`; CORS headers by `cors`. */
  cors?: ConstructorParameters<typeof Server>[1] extends infer O
    ? O extends { cors?: infer C }
      ? C
      : never
    : never;
  allowRequest?: (
    req: import("node:http").IncomingMessage,
    cb: (err: string | null, ok: boolean) => void,
  ) => void;
}

export function createIo(http: HttpServer, opts: IoOptions): LanternServer {
  const io: LanternServer = new Server(http, {
    maxHttpBufferSize: opts.maxHttpBufferSize,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    connectTimeout: 10_000,
    ...(opts.cors ? { cors: opts.cors } : {}),
    ...(opts.allowRequest ? { allowRequest: opts.allowRequest } : {}),
  });
  return io;
}

/** Wire the handshake and every event of the handler table. */
export function attachHandlers(io: LanternServer, ctx: Ctx, verify: TokenVerifier): void {
  installHandshake(io, ctx, verify);
  io.on("connection", (socket) => {
    const p = socket.data;
    const log = ctx.log.child({ socket: socket.id, tenant: p.tenant, user: p.handle });
    ctx.metrics.sockets.inc();
    // socket.handshake has copied what it needs; dropping the raw request saves memory per connection.
    (socket.conn as unknown as { request: unknown }).request = null;
    void socket.join(channel.user(p.tenant, p.handle));
    joinLocale(socket, ctx);
    scheduleExpiry(socket);
    const scoped = { ...ctx, log };
    registerTable(socket, scoped, EVENTS);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN.has(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === "function") ack({ ok: false, error: { code: "invalid", message: "unknown event" } });
    });
    socket.on("disconnecting", () => {
      const rooms = [...socket.rooms].filter((r) => r.startsWith("room:")).map((r) => r.slice(5));
      // Announced after the presence window, by when this socket has left its rooms.
      for (const roomId of rooms) announcePresence(ctx, roomId);
    });
    socket.on("disconnect", () => ctx.metrics.sockets.dec());
    log.debug("connected");
  });
}
