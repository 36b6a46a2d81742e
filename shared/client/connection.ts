/**
 * One Socket.IO connection that stays up: the typed client, the widget and the console use it. It asks for a
 * fresh token on every (re)connect through `auth` as a callback, swaps tokens shortly before
 * they expire, and reconnects by itself after the server drops it (a restart, a token expiry),
 * which Socket.IO alone does not do for a server-side disconnect or a refused handshake.
 */
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../events.ts";
import type { TokenKeeper } from "./token.ts";

export type LanternSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** online: connected; offline: trying again; denied: the server refused our token. */
export type ConnectionState = "connecting" | "online" | "offline" | "denied";

export interface ConnectionHooks {
  state(state: ConnectionState, reason?: string): void;
  /** Called after every successful (re)connect: rejoin rooms, resend what was not acknowledged. */
  online(socket: LanternSocket): void;
}

export interface Connection {
  socket: LanternSocket;
  close(): void;
}

/** Open the connection; it keeps itself alive until `close()`. */
export function openConnection(server: string, tokens: TokenKeeper, hooks: ConnectionHooks): Connection {
  let closed = false;
  /** A planned reconnect to swap tokens: not worth telling the person about. */
  let swapping = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const socket: LanternSocket = io(server, {
    // A function, so that every reconnect presents a token that is valid now.
    auth: (cb) => {
      tokens.fresh().then(
        (token) => cb({ token }),
        () => cb({}),
      );
    },
    // WebSocket first needs no sticky sessions across nodes; polling stays as the fallback.
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });

  const retryLater = (min = 500) => {
    if (closed) return;
    clearTimeout(retryTimer);
    const delay = Math.min(30_000, min * 2 ** attempts) * (0.75 + Math.random() / 2);
    attempts += 1;
    retryTimer = setTimeout(() => {
      if (!closed && !socket.connected) socket.connect();
    }, delay);
  };

  // Swap to a fresh token before this one expires: a planned reconnect, caught up by afterSeq.
  const scheduleRefresh = () => {
    clearTimeout(refreshTimer);
    const wait = tokens.msUntilRefresh();
    if (!Number.isFinite(wait)) return;
    refreshTimer = setTimeout(
      () => {
        tokens.refresh().then(
          () => {
            if (closed) return;
            swapping = true;
            socket.disconnect();
            socket.connect();
          },
          () => scheduleRefresh(),
        );
      },
      Math.max(1000, wait),
    );
  };

  socket.on("connect", () => {
    attempts = 0;
    swapping = false;
    hooks.state("online");
    scheduleRefresh();
    hooks.online(socket);
  });

  socket.on("disconnect", (reason) => {
    clearTimeout(refreshTimer);
    if (closed || swapping) return;
    hooks.state("offline", reason);
    // Socket.IO only retries by itself after transport failures; a server-side disconnect
    // (restart, token expiry) is ours to retry.
    if (reason === "io server disconnect") retryLater(1000);
  });

  socket.on("connect_error", (err: Error & { data?: { reason?: string } }) => {
    if (closed || socket.active) {
      hooks.state("offline", err.message);
      return;
    }
    if (err.message === "unauthorized") {
      tokens.invalidate();
      const reason = err.data?.reason ?? "unauthorized";
      hooks.state(reason === "expired" ? "offline" : "denied", reason);
      retryLater(reason === "expired" ? 250 : 5000);
      return;
    }
    hooks.state("offline", err.message);
    retryLater(1000);
  });

  socket.on("notice", (notice) => {
    if (notice.code === "token_expired") tokens.invalidate();
  });

  hooks.state("connecting");
  return {
    socket,
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clearTimeout(refreshTimer);
      socket.disconnect();
    },
  };
}
