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

/**
 * online: connected; reconnecting: trying again (with the attempt count); offline: the browser
 * has no network; denied: signed out (the token was refused, or expired and no fresh one came);
 * not_allowed: this page's origin may not use the chat, so trying again cannot help.
 */
export type ConnectionState = "connecting" | "online" | "reconnecting" | "offline" | "denied" | "not_allowed";

export interface ConnectionHooks {
  state(state: ConnectionState, reason?: string, attempt?: number): void;
  /** Called after every successful (re)connect: rejoin rooms, resend what was not acknowledged. */
  online(socket: LanternSocket): void;
}

export interface Connection {
  socket: LanternSocket;
  close(): void;
}

/**
 * Ask the server whether this page's origin may use the chat at all (`GET /widget/status`, the
 * one route open to every origin): a refused origin fails before the handshake, where the page
 * can read nothing else. Null when the answer cannot be had (the server is down, say).
 */
export async function originAllowed(server: string, tenant: string | undefined): Promise<boolean | null> {
  try {
    const q = tenant ? `?tenant=${encodeURIComponent(tenant)}` : "";
    const res = await fetch(`${server}/widget/status${q}`, { mode: "cors", credentials: "omit" });
    if (!res.ok) return null;
    return ((await res.json()) as { allowed?: unknown }).allowed === true;
  } catch {
    return null;
  }
}

/** How often a failing connection asks whether its origin is allowed. */
const ORIGIN_CHECK_MS = 15_000;

/** Open the connection; it keeps itself alive until `close()`. `locale` goes to the server in the handshake. */
export function openConnection(
  server: string,
  tokens: TokenKeeper,
  hooks: ConnectionHooks,
  opts: { locale?: string } = {},
): Connection {
  let closed = false;
  /** The origin is not allowed: stop trying, the page has to change first. */
  let refused = false;
  let lastOriginCheck = 0;
  /** Attempts since the last successful connect, for "reconnecting (attempt n)". */
  let failures = 0;
  /** A planned reconnect to swap tokens: not worth telling the person about. */
  let swapping = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const socket: LanternSocket = io(server, {
    // A function, so that every reconnect presents a token that is valid now.
    auth: (cb) => {
      tokens.fresh().then(
        (token) => cb(opts.locale ? { token, locale: opts.locale } : { token }),
        () => cb({}),
      );
    },
    // WebSocket first needs no sticky sessions across nodes; polling stays as the fallback.
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });

  const offline = () => typeof navigator !== "undefined" && navigator.onLine === false;
  /** Say we are trying again: offline when the browser has no network, else the attempt count. */
  const trying = (reason?: string) => {
    failures += 1;
    if (offline()) hooks.state("offline", reason);
    else hooks.state("reconnecting", reason, failures);
  };
  const refuse = (reason: string) => {
    refused = true;
    clearTimeout(retryTimer);
    socket.io.reconnection(false);
    socket.disconnect();
    hooks.state("not_allowed", reason);
  };
  /** A transport failure may be the origin refused before the handshake: ask, now and then. */
  const checkOrigin = () => {
    if (Date.now() - lastOriginCheck < ORIGIN_CHECK_MS) return;
    lastOriginCheck = Date.now();
    void originAllowed(server, tokens.claim("tenant") ?? "default").then((allowed) => {
      if (allowed === false && !closed && !socket.connected) refuse("origin_not_allowed");
    });
  };
  const onNetwork = () => {
    if (closed || refused || socket.connected) return;
    if (offline()) hooks.state("offline");
    else socket.connect();
  };
  if (typeof window !== "undefined") {
    window.addEventListener("offline", onNetwork);
    window.addEventListener("online", onNetwork);
  }

  const retryLater = (min = 500) => {
    if (closed || refused) return;
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
    failures = 0;
    swapping = false;
    hooks.state("online");
    scheduleRefresh();
    hooks.online(socket);
  });

  socket.on("disconnect", (reason) => {
    clearTimeout(refreshTimer);
    if (closed || swapping || refused) return;
    trying(reason);
    // Socket.IO only retries by itself after transport failures; a server-side disconnect
    // (restart, token expiry) is ours to retry.
    if (reason === "io server disconnect") retryLater(1000);
  });

  socket.on("connect_error", (err: Error & { data?: { reason?: string } }) => {
    if (closed || refused) return;
    if (socket.active) {
      // A transport failure: Socket.IO retries by itself; it may be our origin that is refused.
      trying(err.message);
      if (!offline()) checkOrigin();
      return;
    }
    if (err.message === "unauthorized") {
      const reason = err.data?.reason ?? "unauthorized";
      // Allowed for some tenant, but not for this token's: the handshake says so itself.
      if (reason === "origin_not_allowed") return refuse(reason);
      tokens.invalidate();
      if (reason === "expired") trying(reason);
      else hooks.state("denied", reason);
      retryLater(reason === "expired" ? 250 : 5000);
      return;
    }
    trying(err.message);
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
      if (typeof window !== "undefined") {
        window.removeEventListener("offline", onNetwork);
        window.removeEventListener("online", onNetwork);
      }
      clearTimeout(retryTimer);
      clearTimeout(refreshTimer);
      socket.disconnect();
    },
  };
}
