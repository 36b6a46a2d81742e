/**
 * Staff review of held forum posts, through the same `mod:approve` / `mod:reject` events and
 * queue as chat messages (staff-actions.ts routes ids starting "t_" or "p_" here). Approval
 * gives a post its forum seq and sends it to subscribers; rejection never shows it to anyone.
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Message } from "../../shared/types.ts";
import { type Ctx, type Principal, requireStaff } from "../core/context.ts";
import { broadcast, forumHeldItem } from "./feed.ts";
import { heldView, toReplies, toReply, toThread, toThreads } from "./views.ts";

/** Whether a staff event's messageId names a forum thread or reply rather than a chat message. */
export const forumKind = (id: string): "thread" | "reply" | null =>
  id.startsWith("t_") ? "thread" : id.startsWith("p_") ? "reply" : null;

/** Make a held thread or reply visible; a first approval gives it the next forum seq. */
export async function approveForum(
  ctx: Ctx,
  p: Principal,
  kind: "thread" | "reply",
  id: string,
): Promise<Message> {
  requireStaff(p);
  // Of two reviewers acting at once, one wins and one gets `conflict`.
  const done = await ctx.store.approvePost(p.tenant, kind, id, p.handle);
  const thread = await toThread(ctx.store, p.tenant, done.thread);
  if (!done.reply) {
    broadcast(ctx, p.tenant, thread);
    return heldView(thread);
  }
  const reply = await toReply(ctx.store, p.tenant, done.reply);
  broadcast(ctx, p.tenant, reply, thread);
  return heldView(reply);
}

/** Reject a held thread or reply: its text is dropped and only its author is told. */
export async function rejectForum(
  ctx: Ctx,
  p: Principal,
  kind: "thread" | "reply",
  id: string,
  reason: string,
): Promise<void> {
  requireStaff(p);
  const done = await ctx.store.rejectPost(p.tenant, kind, id, p.handle, reason);
  const post = done.thread
    ? await toThread(ctx.store, p.tenant, done.thread)
    : await toReply(ctx.store, p.tenant, done.reply!);
  // Subscribers saw it before an edit held it: they learn it is gone. Otherwise only the author.
  if (done.hadSeq) broadcast(ctx, p.tenant, post);
  else if ("title" in post) ctx.bus.toUser(p.tenant, done.author, "forum:thread", post);
  else ctx.bus.toUser(p.tenant, done.author, "forum:reply", post);
  ctx.bus.toUser(p.tenant, done.author, "notice", {
    code: "rejected",
    message:
      "A peer specialist reviewed your forum post and didn't publish it. You're still welcome here; a facilitator may reach out.",
    messageId: id,
    roomId: "forum",
  });
}

/** The tenant's held forum posts as staff-queue items, oldest first. */
export async function heldForumItems(ctx: Ctx, p: Principal): Promise<HeldItem[]> {
  const held = await ctx.store.heldPosts(p.tenant);
  const posts = [
    ...(await toThreads(ctx.store, p.tenant, held.threads)).map((t, i) => ({
      post: t as Parameters<typeof forumHeldItem>[2],
      findings: held.threads[i]!.findings,
    })),
    ...(await toReplies(ctx.store, p.tenant, held.replies)).map((r, i) => ({
      post: r as Parameters<typeof forumHeldItem>[2],
      findings: held.replies[i]!.findings,
    })),
  ].sort((a, b) => a.post.createdAt.localeCompare(b.post.createdAt));
  return Promise.all(
    posts.map((x) => forumHeldItem(ctx, p.tenant, x.post, x.findings as HeldItem["findings"])),
  );
}
