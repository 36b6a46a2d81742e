/**
 * Staff review of held forum posts, through the same `mod:approve` / `mod:reject` events and
 * queue as chat messages (staff-actions.ts routes ids starting "t_" or "p_" here). Approval
 * gives a post its forum seq and sends it to subscribers; rejection never shows it to anyone.
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Message } from "../../shared/types.ts";
import { transaction } from "../db/client.ts";
import { appendAudit } from "../db/repos/audit.ts";
import * as repo from "../db/repos/forum.ts";
import { heldPosts } from "../db/repos/forum-pages.ts";
import { AppError, notFound } from "../errors.ts";
import { nowIso } from "../ids.ts";
import { type Ctx, type Principal, requireStaff } from "./context.ts";
import { broadcast, forumHeldItem } from "./forum-feed.ts";
import { heldView, toReplies, toReply, toThread, toThreads } from "./forum-views.ts";

/** Whether a staff event's messageId names a forum post rather than a chat message. */
export const isForumId = (id: string) => id.startsWith("t_") || id.startsWith("p_");

function heldRow(ctx: Ctx, p: Principal, id: string) {
  requireStaff(p);
  const row = id.startsWith("t_")
    ? repo.findThread(ctx.db, p.tenant, id)
    : repo.findReply(ctx.db, p.tenant, id);
  if (!row) throw notFound("message");
  if (row.status !== "held") throw new AppError("conflict", `message is ${row.status}`);
  return row;
}

const statusAfterReview = (findings: unknown[]) =>
  (findings as { kind?: string }[]).some((f) => f.kind === "privacy") ? "redacted" : "visible";

/** Make a held thread or reply visible; a first approval gives it the next forum seq. */
export function approveForum(ctx: Ctx, p: Principal, id: string): Message {
  heldRow(ctx, p, id);
  const audit = (details: Record<string, unknown>) =>
    appendAudit(ctx.db, { tenant: p.tenant, actor: p.handle, action: "forum.approved", target: id, details });
  const done = transaction(ctx.db, () => {
    const row = heldRow(ctx, p, id); // re-read under the write lock: one reviewer wins
    const status = statusAfterReview(row.findings);
    const now = nowIso();
    if ("title" in row) {
      const seq = row.seq ?? repo.nextForumSeq(ctx.db, p.tenant);
      const fresh = row.seq === null ? { seq, activitySeq: seq, lastActivityAt: now } : {};
      audit({ seq });
      return { thread: repo.updateThread(ctx.db, id, { status, ...fresh }), reply: undefined };
    }
    const seq = row.seq ?? repo.nextForumSeq(ctx.db, p.tenant);
    const reply = repo.updateReply(ctx.db, id, { status, seq });
    const thread =
      row.seq === null
        ? repo.bumpThread(ctx.db, row.threadId, seq, now)
        : repo.undropReply(ctx.db, row.threadId);
    audit({ threadId: row.threadId, seq });
    return { thread, reply };
  });
  const thread = toThread(ctx.db, p.tenant, done.thread);
  if (!done.reply) {
    broadcast(ctx, p.tenant, thread);
    return heldView(thread);
  }
  const reply = toReply(ctx.db, p.tenant, done.reply);
  broadcast(ctx, p.tenant, reply, thread);
  return heldView(reply);
}

/** Reject a held thread or reply: its text is dropped and only its author is told. */
export function rejectForum(ctx: Ctx, p: Principal, id: string, reason: string): void {
  const held = heldRow(ctx, p, id);
  const gone = { status: "rejected", body: "", findings: [] };
  const post = transaction(ctx.db, () => {
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: "forum.rejected",
      target: id,
      details: { reason: reason ?? "" },
    });
    return "title" in held
      ? toThread(ctx.db, p.tenant, repo.updateThread(ctx.db, id, { ...gone, title: "" }))
      : toReply(ctx.db, p.tenant, repo.updateReply(ctx.db, id, gone));
  });
  // Subscribers saw it before an edit held it: they learn it is gone. Otherwise only the author.
  if (held.seq !== null) broadcast(ctx, p.tenant, post);
  else if ("title" in post) ctx.bus.toUser(p.tenant, held.authorHandle, "forum:thread", post);
  else ctx.bus.toUser(p.tenant, held.authorHandle, "forum:reply", post);
  ctx.bus.toUser(p.tenant, held.authorHandle, "notice", {
    code: "rejected",
    message:
      "A peer specialist reviewed your forum post and didn't publish it. You're still welcome here; a facilitator may reach out.",
    messageId: id,
    roomId: "forum",
  });
}

/** The tenant's held forum posts as staff-queue items, oldest first. */
export function heldForumItems(ctx: Ctx, p: Principal): HeldItem[] {
  const held = heldPosts(ctx.db, p.tenant);
  const posts = [
    ...toThreads(ctx.db, p.tenant, held.threads).map((t, i) => ({
      post: t,
      findings: held.threads[i]!.findings,
    })),
    ...toReplies(ctx.db, p.tenant, held.replies).map((r, i) => ({
      post: r,
      findings: held.replies[i]!.findings,
    })),
  ].sort((a, b) => a.post.createdAt.localeCompare(b.post.createdAt));
  return posts.map((x) => forumHeldItem(ctx, p.tenant, x.post, x.findings as HeldItem["findings"]));
}
