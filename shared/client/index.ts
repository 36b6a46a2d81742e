/**
 * The typed Lantern client: one socket that stays up (fresh tokens on every reconnect and
 * before expiry), rooms that resume from the highest gapless seq after every reconnect and fill
 * gaps, sends with a clientId that are retried safely, and typed events. Its only I/O is the
 * socket.io-client socket it opens. The widget's connection is this client's (connection.ts).
 *
 *   const client = connect({ url, getToken });
 *   await client.join(roomId, { onMessage: (m) => show(m) });
 *   const sent = await client.send(roomId, "hello");
 */

import type { Result } from "../errors.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "../events.ts";
import type { Message } from "../types.ts";
import { type ConnectionState, type LanternSocket, openConnection } from "./connection.ts";
import { type GetToken, TokenKeeper } from "./token.ts";

export type { ConnectionState, LanternSocket } from "./connection.ts";
export { expiryOf, type GetToken, TokenKeeper } from "./token.ts";

export interface ConnectOptions {
  url: string;
  /** A fixed token, or `getToken` to be asked for a fresh one on every (re)connect and before expiry. */
  token?: string;
  getToken?: GetToken;
  onState?: (state: ConnectionState, reason?: string) => void;
  /** How long one attempt of an acked event may take before it is retried (default 5000 ms). */
  ackTimeoutMs?: number;
}

type Ev = keyof ClientToServerEvents;
type Payload<E extends Ev> = Parameters<ClientToServerEvents[E]>[0];
type AckResult<E extends Ev> = Parameters<NonNullable<Parameters<ClientToServerEvents[E]>[1]>>[0];
type JoinOk = Extract<AckResult<"room:join">, { ok: true }>;

export interface JoinOptions {
  /** Every visible message of the room, in seq order, each exactly once (history on join included). */
  onMessage?: (m: Message) => void;
}

export interface LanternClient {
  readonly socket: LanternSocket;
  /** Send any client event and wait for its ack, retried after a reconnect while attempts remain. */
  request<E extends Ev>(event: E, payload: Payload<E>, attempts?: number): Promise<AckResult<E>>;
  /** Join a room; after every reconnect it rejoins from the highest gapless seq it has. */
  join(roomId: string, opts?: JoinOptions): Promise<AckResult<"room:join">>;
  leave(roomId: string): Promise<AckResult<"room:leave">>;
  /** Send a message with a fresh clientId; retries reuse it, so the server stores it once. */
  send(
    roomId: string,
    body: string,
    opts?: { replyTo?: string; clientId?: string },
  ): Promise<AckResult<"message:send">>;
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void;
  /** Resolves once connected. */
  ready(): Promise<void>;
  close(): void;
}

interface RoomTrack {
  lastSeq: number;
  /** Messages past a gap, waiting for the gap to be filled. */
  ahead: Map<number, Message>;
  onMessage?: (m: Message) => void;
  filling: boolean;
}

const RETRYABLE = new Set(["unavailable", "rate_limited"]);
const uuid = () => globalThis.crypto.randomUUID();

/** Open a client; it keeps itself connected until `close()`. */
export function connect(opts: ConnectOptions): LanternClient {
  const { token, getToken } = opts;
  if (!getToken && !token) throw new Error("connect: give token or getToken");
  const tokens = new TokenKeeper(getToken ?? (() => token as string));
  const ackTimeoutMs = opts.ackTimeoutMs ?? 5000;
  const rooms = new Map<string, RoomTrack>();
  let waiting: (() => void)[] = [];
  let isOnline = false;
  const waitOnline = () => (isOnline ? Promise.resolve() : new Promise<void>((r) => waiting.push(r)));

  const connection = openConnection(opts.url, tokens, {
    state(state, reason) {
      isOnline = state === "online";
      opts.onState?.(state, reason);
    },
    online() {
      isOnline = true;
      const ready = waiting;
      waiting = [];
      for (const r of ready) r();
      // Resume every room from where its gapless run ends.
      for (const roomId of rooms.keys()) fill(roomId);
    },
  });
  const socket = connection.socket;

  async function request<E extends Ev>(event: E, payload: Payload<E>, attempts = 3): Promise<AckResult<E>> {
    for (let attempt = 1; ; attempt++) {
      await waitOnline();
      try {
        const emit = socket.timeout(ackTimeoutMs).emitWithAck as unknown as (
          e: string,
          p: unknown,
        ) => Promise<AckResult<E>>;
        const result = await emit.call(socket.timeout(ackTimeoutMs), event, payload);
        const failed = result as Result;
        if (!failed.ok && RETRYABLE.has(failed.error.code) && attempt < attempts) {
          const wait = Number(failed.error.retryAfterMs ?? 500);
          await new Promise((r) => setTimeout(r, Math.min(wait, 10_000)));
          continue;
        }
        return result;
      } catch (e) {
        // No ack in time (dropped connection, slow node): the same payload again is safe for
        // sends, which carry their clientId; give up after `attempts`.
        if (attempt >= attempts) throw e;
      }
    }
  }

  /** Deliver in seq order, each once; past a gap, hold and ask for what is missing. */
  function accept(roomId: string, m: Message): void {
    const t = rooms.get(roomId);
    if (!t || m.seq === null || m.seq <= t.lastSeq) return;
    if (m.seq > t.lastSeq + 1) {
      t.ahead.set(m.seq, m);
      fill(roomId);
      return;
    }
    t.lastSeq = m.seq;
    t.onMessage?.(m);
    for (let next = t.ahead.get(t.lastSeq + 1); next; next = t.ahead.get(t.lastSeq + 1)) {
      t.ahead.delete(next.seq!);
      t.lastSeq = next.seq!;
      t.onMessage?.(next);
    }
    for (const seq of t.ahead.keys()) if (seq <= t.lastSeq) t.ahead.delete(seq);
  }

  /**
   * `room:join`, then with `afterSeq` until nothing more remains (the protocol's catch-up). A
   * first join starts from the recent page the server answers; later ones from the last gapless seq.
   */
  async function catchUp(roomId: string): Promise<AckResult<"room:join">> {
    const t = rooms.get(roomId)!;
    t.filling = true;
    try {
      let first: AckResult<"room:join"> | undefined;
      for (;;) {
        const fresh = t.lastSeq === 0 && first === undefined;
        const r = await request("room:join", fresh ? { roomId } : { roomId, afterSeq: t.lastSeq });
        first ??= r;
        if (!r.ok) return r;
        const page = (r as JoinOk).messages;
        const oldest = page.find((m) => m.seq !== null)?.seq;
        if (fresh && oldest) t.lastSeq = oldest - 1;
        for (const m of page) accept(roomId, m);
        if (!(r as JoinOk).hasMore && t.ahead.size === 0) return first;
        if (!(r as JoinOk).hasMore && page.length === 0) return first;
      }
    } finally {
      t.filling = false;
    }
  }

  /** A gap was seen: fill it unless a catch-up is already running (it will see the gap too). */
  function fill(roomId: string): void {
    const t = rooms.get(roomId);
    if (t && !t.filling) void catchUp(roomId).catch(() => {});
  }

  socket.on("message:new", (m) => accept(m.roomId, m));

  return {
    socket,
    request,
    async join(roomId, o = {}) {
      const t = rooms.get(roomId);
      if (t) t.onMessage = o.onMessage ?? t.onMessage;
      else rooms.set(roomId, { lastSeq: 0, ahead: new Map(), onMessage: o.onMessage, filling: false });
      const r = await catchUp(roomId);
      if (!r.ok) rooms.delete(roomId);
      return r;
    },
    async leave(roomId) {
      rooms.delete(roomId);
      return request("room:leave", { roomId });
    },
    send(roomId, body, o = {}) {
      const clientId = o.clientId ?? uuid();
      return request("message:send", {
        roomId,
        clientId,
        body,
        ...(o.replyTo ? { replyTo: o.replyTo } : {}),
      });
    },
    on(event, listener) {
      socket.on(event, listener as never);
      return () => socket.off(event, listener as never);
    },
    ready: waitOnline,
    close() {
      rooms.clear();
      connection.close();
    },
  };
}
