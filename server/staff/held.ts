/**
 * Held items: chat messages and forum threads and replies waiting for a reviewer, as one type
 * with a `kind`. The queue lists them with their findings and context; approval and rejection
 * find an item's kind in the store (never from its id) and hand it to the spine.
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Message, MessageStatus } from "../../shared/types.ts";
import { type Ctx, type Principal, requireStaff } from "../core/context.ts";
import { notFound } from "../errors.ts";
import { heldView, toReplies, toThread, toThreads } from "../forum/views.ts";
import { review } from "../spine/spine.ts";
import type { HeldKind } from "../spine/write.ts";
import { roomContext } from "./context.ts";

/** An item of the review queue, whatever kind of text it is. */
export interface Held {
  kind: HeldKind;
  id: string;
  createdAt: string;
  /** As the staff queue shows it (a post Message-shaped, roomId "forum"). */
  item: HeldItem;
}

/** The kind of held text an id names in the caller's tenant (`not_found` when none). */
export async function heldKindOf(ctx: Ctx, p: Principal, id: string): Promise<HeldKind> {
  const kind = await ctx.store.textKind(p.tenant, id);
  if (!kind) throw notFound("message");
  return kind;
}

/** The held queue of the tenant: chat messages, then forum posts oldest first. */
export async function heldQueue(ctx: Ctx, p: Principal): Promise<HeldItem[]> {
  requireStaff(p);
  return [...(await heldMessages(ctx, p.tenant)), ...(await heldPosts(ctx, p.tenant))].map((h) => h.item);
}

async function heldMessages(ctx: Ctx, tenant: string): Promise<Held[]> {
  const rows = await ctx.store.heldMessages(tenant);
  const messages = await ctx.store.toMessages(tenant, rows);
  return Promise.all(
    messages.map(async (message, i) => ({
      kind: "message" as const,
      id: message.id,
      createdAt: message.createdAt,
      item: {
        message,
        findings: rows[i]!.findings as HeldItem["findings"],
        context: await roomContext(ctx, tenant, message.roomId, message.seq),
      },
    })),
  );
}

async function heldPosts(ctx: Ctx, tenant: string): Promise<Held[]> {
  const held = await ctx.store.heldPosts(tenant);
  const threads = await toThreads(ctx.store, tenant, held.threads);
  const replies = await toReplies(ctx.store, tenant, held.replies);
  const items: Held[] = [
    ...threads.map((t, i) => ({
      kind: "thread" as const,
      id: t.id,
      createdAt: t.createdAt,
      item: {
        message: heldView(t),
        findings: held.threads[i]!.findings as HeldItem["findings"],
        context: [],
      },
    })),
    ...(await Promise.all(
      replies.map(async (r, i) => {
        // A reply's thread is its context.
        const thread = await ctx.store.findThread(tenant, r.threadId);
        const context = thread ? [heldView(await toThread(ctx.store, tenant, thread))] : [];
        const findings = held.replies[i]!.findings as HeldItem["findings"];
        return {
          kind: "reply" as const,
          id: r.id,
          createdAt: r.createdAt,
          item: { message: heldView(r), findings, context },
        };
      }),
    )),
  ];
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Make a held item visible; a first approval gives it its room's (or the forum's) next seq. */
export async function approve(ctx: Ctx, p: Principal, id: string): Promise<Message> {
  requireStaff(p);
  return review(ctx, p, { kind: "approve", held: await heldKindOf(ctx, p, id), id });
}

/** Refuse a held item: it is never shown, and its author is told kindly. */
export async function reject(ctx: Ctx, p: Principal, id: string, reason: string): Promise<void> {
  requireStaff(p);
  await review(ctx, p, { kind: "reject", held: await heldKindOf(ctx, p, id), id, reason });
}

/** Tell every staff screen that a held item was settled, so other tabs drop it from their queue. */
export function announceReviewed(ctx: Ctx, tenant: string, messageId: string, status: MessageStatus): void {
  ctx.bus.toStaff(tenant, "mod:resolved", { messageId, status });
}
