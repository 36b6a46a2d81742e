/**
 * What happens to a forum post after it is posted: its author edits it (moderated again) or
 * deletes it; staff remove any post and lock threads against new replies, each with an audit
 * row. Every change re-sends the post, with its new status, to the tenant's subscribers.
 */
import type { ForumEdit } from "../../shared/schemas.ts";
import type { ModerationOutcome, Reply, Thread } from "../../shared/types.ts";
import { type Ctx, type Principal, requireStaff } from "../core/context.ts";
import { isLive } from "../db/rows.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { carryOut } from "../spine/carry-out.ts";
import { postChanged } from "../spine/consequences.ts";
import { write } from "../spine/spine.ts";
import { toReply, toThread } from "./views.ts";

/** The thread (and, with `replyId`, its reply) in the caller's tenant, or not_found. */
async function target(ctx: Ctx, p: Principal, threadId: string, replyId?: string) {
  const thread = await ctx.store.findThread(p.tenant, threadId);
  if (!thread) throw notFound("thread");
  const reply = replyId ? await ctx.store.findReply(p.tenant, replyId) : undefined;
  if (replyId && (!reply || reply.threadId !== thread.id)) throw notFound("reply");
  return { thread, reply };
}

/** The author edits a live thread (title and/or body) or reply; the new text goes through the spine. */
export async function edit(
  ctx: Ctx,
  p: Principal,
  input: ForumEdit,
): Promise<{ thread?: Thread; reply?: Reply; moderation: ModerationOutcome }> {
  const { thread, reply } = await target(ctx, p, input.threadId, input.replyId);
  const row = reply ?? thread;
  if (row.authorHandle !== p.handle) throw forbidden("you can only edit your own posts");
  if (!isLive(row.status)) throw new AppError("conflict", `post is ${row.status}`);
  if (reply) {
    const w = await write(ctx, p, { kind: "reply-edit", thread, target: reply, body: input.body });
    return { reply: w.view, moderation: w.moderation };
  }
  const title = input.title ?? thread.title;
  const w = await write(ctx, p, { kind: "thread-edit", target: thread, title, body: input.body });
  return { thread: w.view, moderation: w.moderation };
}

/**
 * Delete a thread or reply: its author may (`forum:delete`), and staff may remove any
 * (`forum:remove`, with a reason in the audit trail). The text is dropped; the row stays.
 */
export async function remove(
  ctx: Ctx,
  p: Principal,
  threadId: string,
  replyId?: string,
  reason?: string,
): Promise<void> {
  const { thread, reply } = await target(ctx, p, threadId, replyId);
  const row = reply ?? thread;
  const byStaff = reason !== undefined;
  if (byStaff) requireStaff(p);
  else if (row.authorHandle !== p.handle) throw forbidden("you can only delete your own posts");
  if (row.status === "deleted") return;
  const entry = byStaff
    ? {
        tenant: p.tenant,
        actor: p.handle,
        action: "forum.removed",
        target: row.id,
        details: { threadId: thread.id, reason },
      }
    : null;
  if (reply) {
    const stored = await ctx.store.removeReply(reply.id, entry);
    const parent = stored.parent ? await toThread(ctx.store, p.tenant, stored.parent) : null;
    carryOut(ctx, p.tenant, postChanged(await toReply(ctx.store, p.tenant, stored.row), parent));
  } else {
    const removed = await ctx.store.removeThread(thread.id, entry);
    carryOut(ctx, p.tenant, postChanged(await toThread(ctx.store, p.tenant, removed)));
  }
}

/** Staff lock (or unlock) a thread: replies to a locked thread are refused with `conflict`. */
export async function lock(
  ctx: Ctx,
  p: Principal,
  threadId: string,
  locked: boolean,
  reason: string,
): Promise<Thread> {
  requireStaff(p);
  const { thread } = await target(ctx, p, threadId);
  const row = await ctx.store.lockThread(thread.id, locked, {
    tenant: p.tenant,
    actor: p.handle,
    action: locked ? "forum.locked" : "forum.unlocked",
    target: thread.id,
    details: { reason },
  });
  const out = await toThread(ctx.store, p.tenant, row);
  if (isLive(row.status)) carryOut(ctx, p.tenant, postChanged(out));
  return out;
}
