/**
 * What happens to a forum post after it is posted: its author edits it (moderated again) or
 * deletes it; staff remove any post and lock threads against new replies, each with an audit
 * row. Every change re-sends the post, with its new status, to the tenant's subscribers.
 */
import type { ForumEdit } from "../../shared/schemas.ts";
import type { ModerationOutcome, Reply, Thread } from "../../shared/types.ts";
import { crisisOpening } from "../cases/cases.ts";
import { type Ctx, type Principal, requireStaff } from "../core/context.ts";
import { isLive } from "../db/rows.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import type { Decision } from "../spine/enforce-verdict.ts";
import { announceForumPost, broadcast } from "./feed.ts";
import { moderatePost, moderateReply } from "./moderation.ts";
import { toReply, toThread } from "./views.ts";

/** The thread (and, with `replyId`, its reply) in the caller's tenant, or not_found. */
async function target(ctx: Ctx, p: Principal, threadId: string, replyId?: string) {
  const thread = await ctx.store.findThread(p.tenant, threadId);
  if (!thread) throw notFound("thread");
  const reply = replyId ? await ctx.store.findReply(p.tenant, replyId) : undefined;
  if (replyId && (!reply || reply.threadId !== thread.id)) throw notFound("reply");
  return { thread, reply };
}

const changes = (d: Decision) => ({
  body: d.body,
  status: d.status,
  action: d.outcome.action,
  reasons: d.outcome.reasons,
  findings: d.findings,
});

/** The author edits a live thread (title and/or body) or reply; the new text is moderated again. */
export async function edit(
  ctx: Ctx,
  p: Principal,
  input: ForumEdit,
): Promise<{ thread?: Thread; reply?: Reply; moderation: ModerationOutcome }> {
  const { thread, reply } = await target(ctx, p, input.threadId, input.replyId);
  const row = reply ?? thread;
  if (row.authorHandle !== p.handle) throw forbidden("you can only edit your own posts");
  if (!isLive(row.status)) throw new AppError("conflict", `post is ${row.status}`);
  const d: Decision & { title?: string } = reply
    ? moderateReply(ctx, p.tenant, input.body)
    : moderatePost(ctx, p.tenant, input.title ?? thread.title, input.body);
  const crisis = crisisOpening(ctx, p, d, { threadId: thread.id, replyId: reply?.id ?? null });
  let post: Thread | Reply;
  let parent: Thread | undefined;
  let caseOpened: Awaited<ReturnType<Ctx["store"]["editThread"]>>["caseOpened"];
  if (reply) {
    const stored = await ctx.store.editReply(reply.id, changes(d), crisis);
    post = await toReply(ctx.store, p.tenant, stored.row);
    parent = stored.parent ? await toThread(ctx.store, p.tenant, stored.parent) : undefined;
    caseOpened = stored.caseOpened;
  } else {
    const stored = await ctx.store.editThread(
      thread.id,
      { ...changes(d), title: d.title ?? thread.title },
      crisis,
    );
    post = await toThread(ctx.store, p.tenant, stored.row);
    caseOpened = stored.caseOpened;
  }
  broadcast(ctx, p.tenant, post, parent);
  await announceForumPost(ctx, p.tenant, p.handle, { post, decision: d, caseOpened });
  return { ...(reply ? { reply: post as Reply } : { thread: post as Thread }), moderation: d.outcome };
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
    const parent = stored.parent ? await toThread(ctx.store, p.tenant, stored.parent) : undefined;
    broadcast(ctx, p.tenant, await toReply(ctx.store, p.tenant, stored.row), parent);
  } else {
    broadcast(
      ctx,
      p.tenant,
      await toThread(ctx.store, p.tenant, await ctx.store.removeThread(thread.id, entry)),
    );
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
  if (isLive(row.status)) broadcast(ctx, p.tenant, out);
  return out;
}
