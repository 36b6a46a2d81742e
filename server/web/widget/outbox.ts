/**
 * Messages written but not yet acknowledged. Each keeps the clientId it was first sent with, so
 * resending after a dropped connection is safe: the server answers a repeated clientId with the
 * first result and stores nothing new. Sends wait while offline and go out again on reconnect.
 */
import type { Message, ModerationOutcome } from "../../../shared/types.ts";
import type { LanternSocket } from "../lib/connection.ts";
import { uuid } from "../lib/dom.ts";
import { request } from "../lib/request.ts";
import { S } from "./i18n.ts";

export interface Pending {
  clientId: string;
  roomId: string;
  body: string;
  replyTo: string | null;
  createdAt: string;
  /** Shown under the pending message while it waits (rate limit, no answer yet). */
  note?: string;
  attempt: number;
}

export interface OutboxHooks {
  sent(pending: Pending, message: Message, moderation: ModerationOutcome): void;
  /** The server refused it for good (blocked, muted, invalid): it will not be retried. */
  refused(pending: Pending, code: string, details: Record<string, unknown>): void;
  changed(pending: Pending): void;
}

const FINAL = new Set(["blocked", "muted", "invalid", "forbidden", "not_found", "unauthorized"]);

export class Outbox {
  readonly items = new Map<string, Pending>();
  private socket: LanternSocket | null = null;

  constructor(private readonly hooks: OutboxHooks) {}

  /** Queue a message and send it now if connected. */
  add(roomId: string, body: string, replyTo: string | null): Pending {
    const pending: Pending = {
      clientId: uuid(),
      roomId,
      body,
      replyTo,
      createdAt: new Date().toISOString(),
      attempt: 0,
    };
    this.items.set(pending.clientId, pending);
    this.trySend(pending);
    return pending;
  }

  /** After a (re)connect: send everything still waiting, with the same clientIds. */
  online(socket: LanternSocket): void {
    this.socket = socket;
    for (const pending of this.items.values()) this.trySend(pending);
  }

  private trySend(pending: Pending): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    pending.attempt += 1;
    const attempt = pending.attempt;
    const payload = {
      roomId: pending.roomId,
      clientId: pending.clientId,
      body: pending.body,
      replyTo: pending.replyTo,
    };
    request(socket, "message:send", payload, 8000).then((res) => {
      if (!this.items.has(pending.clientId)) return;
      if (res.ok) {
        // Any attempt's success is the message: the server deduplicated by clientId.
        this.items.delete(pending.clientId);
        this.hooks.sent(pending, res.message, res.moderation);
        return;
      }
      if (attempt !== pending.attempt) return;
      const { code, ...details } = res.error;
      if (FINAL.has(code)) {
        this.items.delete(pending.clientId);
        this.hooks.refused(pending, code, details);
        return;
      }
      const wait =
        code === "rate_limited" && typeof details.retryAfterMs === "number" ? details.retryAfterMs : 2000;
      pending.note = code === "rate_limited" ? S.sendingSoon : S.notSentYet;
      this.hooks.changed(pending);
      setTimeout(() => {
        if (this.items.has(pending.clientId) && attempt === pending.attempt) this.trySend(pending);
      }, wait);
    });
  }
}
