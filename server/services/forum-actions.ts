/**
 * What happens to a forum post after it is posted: its author edits it (moderated again) or
 * deletes it; staff remove any post and lock threads against new replies, each with an audit
 * row. Every change re-sends the post, with its new status, to the tenant's subscribers.
 */
import type { ForumEdit } from "../../shared/schemas.ts";
import type { ModerationOutcome, Reply, Thread } from "../../shared/types.ts";
import { transaction } from "../db/client.ts";
import { appendAudit } from "../db/repos/audit.ts";
import * as repo from "../db/repos/forum.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { nowIso } from "../ids.ts";
import { openCrisisCaseInTx } from "./cases.ts";
import { type Ctx, type Principal, requireStaff } from "./context.ts";
import type { Decision } from "./enforce-verdict.ts";
import { announceForumPost, broadcast } from "./forum-feed.ts";
import { moderatePost, moderateReply } from "./forum-moderation.ts";
import { toReply, toThread } from "./forum-views.ts";

/** The thread (and, with `replyId`, its reply) in the caller's tenant, or not_found. */
function target(ctx: Ctx, p: Principal, threadId: string, replyId?: string) {
  const thread = repo.findThread(ctx.db, p.tenant, threadId);
  if (!thread) throw notFound("thread");
  const reply = replyId ? repo.findReply(ctx.db, p.tenant, replyId) : undefined;
  if (replyId && (!reply || reply.threadId !== thread.id)) throw notFound("reply");
  return { thread, reply };
}

const changes = (d: Decision) => ({
  body: d.body,
  status: d.status,
  action: d.outcome.action,
  reasons: d.outcome.reasons,
  findings: d.findings,
  editedAt: nowIso(),
});

/** The author edits a live thread (title and/or body) or reply; the new text is moderated again. */
export function edit(
  ctx: Ctx,
  p: Principal,
  input: ForumEdit,
): { thread?: Thread; reply?: Reply; moderation: ModerationOutcome } {
  const { thread, reply } = target(ctx, p, input.threadId, input.replyId);
  const row = reply ?? thread;
  if (row.authorHandle !== p.handle) throw forbidden("you can only edit your own posts");
  if (!repo.isLive(row.status)) throw new AppError("conflict", `post is ${row.status}`);
  const d: Decision & { title?: string } = reply
    ? moderateReply(ctx, p.tenant, input.body)
    : moderatePost(ctx, p.tenant, input.title ?? thread.title, input.body);
  const stored = transaction(ctx.db, () => {
    const updated = reply
      ? repo.updateReply(ctx.db, reply.id, changes(d))
      : repo.updateThread(ctx.db, thread.id, { ...changes(d), title: d.title ?? thread.title });
    // A reply held again stops counting until it is approved.
    const parent = reply && d.status === "held" ? repo.dropReply(ctx.db, thread.id) : undefined;
    const caseOpened = openCrisisCaseInTx(ctx, p, d, { threadId: thread.id, replyId: reply?.id ?? null });
    return { updated, parent, caseOpened };
  });
  const post = reply
    ? toReply(ctx.db, p.tenant, stored.updated as repo.ReplyRow)
    : toThread(ctx.db, p.tenant, stored.updated as repo.ThreadRow);
  broadcast(ctx, p.tenant, post, stored.parent && toThread(ctx.db, p.tenant, stored.parent));
  announceForumPost(ctx, p.tenant, p.handle, { post, decision: d, caseOpened: stored.caseOpened });
  return { ...(reply ? { reply: post as Reply } : { thread: post as Thread }), moderation: d.outcome };
}

/**
 * Delete a thread or reply: its author may (`forum:delete`), and staff may remove any
 * (`forum:remove`, with a reason in the audit trail). The text is dropped; the row stays.
 */
export function remove(ctx: Ctx, p: Principal, threadId: string, replyId?: string, reason?: string): void {
  const { thread, reply } = target(ctx, p, threadId, replyId);
  const row = reply ?? thread;
  const byStaff = reason !== undefined;
  if (byStaff) requireStaff(p);
  else if (row.authorHandle !== p.handle) throw forbidden("you can only delete your own posts");
  if (row.status === "deleted") return;
  const wasLive = repo.isLive(row.status);
  const gone = { status: "deleted", body: "", findings: [], editedAt: nowIso() };
  const stored = transaction(ctx.db, () => {
    const updated = reply
      ? repo.updateReply(ctx.db, reply.id, gone)
      : repo.updateThread(ctx.db, thread.id, { ...gone, title: "" });
    const parent = reply && wasLive ? repo.dropReply(ctx.db, thread.id) : undefined;
    if (byStaff)
      appendAudit(ctx.db, {
        tenant: p.tenant,
        actor: p.handle,
        action: "forum.removed",
        target: row.id,
        details: { threadId: thread.id, reason },
      });
    return { updated, parent };
  });
  const post = reply
    ? toReply(ctx.db, p.tenant, stored.updated as repo.ReplyRow)
    : toThread(ctx.db, p.tenant, stored.updated as repo.ThreadRow);
  broadcast(ctx, p.tenant, post, stored.parent && toThread(ctx.db, p.tenant, stored.parent));
}

/** Staff lock (or unlock) a thread: replies to a locked thread are refused with `conflict`. */
export function lock(ctx: Ctx, p: Principal, threadId: string, locked: boolean, reason: string): Thread {
  requireStaff(p);
  const { thread } = target(ctx, p, threadId);
  const row = transaction(ctx.db, () => {
    const row = repo.updateThread(ctx.db, thread.id, { locked });
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: locked ? "forum.locked" : "forum.unlocked",
      target: thread.id,
      details: { reason },
    });
    return row;
  });
  const out = toThread(ctx.db, p.tenant, row);
  if (repo.isLive(row.status)) broadcast(ctx, p.tenant, out);
  return out;
}
