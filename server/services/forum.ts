/**
 * The spine of one forum post, shared by the socket events and the HTTP routes: deduplicate by
 * clientId, limit, moderate with the `forum` policy, store (post, forum seq, thread counters and
 * case in one transaction), then broadcast to the tenant's subscribers and tell author and staff.
 */
import type { ForumPost, ForumReply } from "../../shared/schemas.ts";
import type { ModerationOutcome, Reply, Thread } from "../../shared/types.ts";
import { transaction } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import * as repo from "../db/repos/forum.ts";
import { AppError, notFound } from "../errors.ts";
import { newId, nowIso } from "../ids.ts";
import { openCrisisCaseInTx } from "./cases.ts";
import type { Ctx, Principal } from "./context.ts";
import { announceForumPost, broadcast } from "./forum-feed.ts";
import { moderatePost, moderateReply } from "./forum-moderation.ts";
import { toReply, toThread } from "./forum-views.ts";

export interface PostResult {
  thread: Thread;
  moderation: ModerationOutcome;
}
export interface ReplyResult {
  reply: Reply;
  moderation: ModerationOutcome;
}

const authorOf = (p: Principal) => ({ id: p.handle, name: p.name, role: p.role });
const outcomeOf = (row: { action: string; reasons: string[] }): ModerationOutcome => ({
  action: row.action === "hold" || row.action === "redact" ? row.action : "allow",
  reasons: row.reasons,
});
const isDuplicate = (e: unknown) => isUniqueViolation(e, "threads") || isUniqueViolation(e, "replies");

async function limit(ctx: Ctx, p: Principal): Promise<void> {
  const r = await ctx.limiter.hit(`forum:${p.tenant}:${p.handle}`);
  if (!r.ok) throw new AppError("rate_limited", "slow down a little", { retryAfterMs: r.retryAfterMs });
}

/** Start a thread. The same clientId again returns the first result and changes nothing. */
export async function post(ctx: Ctx, p: Principal, input: ForumPost): Promise<PostResult> {
  const replay = () => {
    const row = repo.threadByClientId(ctx.db, p.tenant, p.handle, input.clientId);
    return row && { thread: toThread(ctx.db, p.tenant, row, authorOf(p)), moderation: outcomeOf(row) };
  };
  const earlier = replay();
  if (earlier) return earlier;
  await limit(ctx, p);
  const d = moderatePost(ctx, p.tenant, input.title, input.body);
  let stored: { row: repo.ThreadRow; caseOpened: ReturnType<typeof openCrisisCaseInTx> };
  try {
    stored = transaction(ctx.db, () => {
      const now = nowIso();
      const seq = d.status === "held" ? null : repo.nextForumSeq(ctx.db, p.tenant);
      const row = repo.insertThread(ctx.db, {
        id: newId("t"),
        tenant: p.tenant,
        authorHandle: p.handle,
        clientId: input.clientId,
        title: d.title,
        body: d.body,
        status: d.status,
        tags: input.tags,
        action: d.outcome.action,
        reasons: d.outcome.reasons,
        findings: d.findings,
        createdAt: now,
        lastActivityAt: now,
        seq,
        activitySeq: seq,
      });
      const caseOpened = openCrisisCaseInTx(ctx, p, d, { threadId: row.id });
      return { row, caseOpened };
    });
  } catch (e) {
    const winner = isDuplicate(e) ? replay() : undefined; // two sends with one clientId raced
    if (winner) return winner;
    throw e;
  }
  const thread = toThread(ctx.db, p.tenant, stored.row, authorOf(p));
  if (d.status !== "held") broadcast(ctx, p.tenant, thread);
  announceForumPost(ctx, p.tenant, p.handle, { post: thread, decision: d, caseOpened: stored.caseOpened });
  return { thread, moderation: d.outcome };
}

/** Reply to a visible, unlocked thread of the caller's tenant (`conflict` when locked). */
export async function reply(ctx: Ctx, p: Principal, input: ForumReply): Promise<ReplyResult> {
  const thread = repo.findThread(ctx.db, p.tenant, input.threadId);
  if (!thread || !repo.isLive(thread.status)) throw notFound("thread");
  const replay = () => {
    const row = repo.replyByClientId(ctx.db, p.tenant, p.handle, input.clientId);
    return row && { reply: toReply(ctx.db, p.tenant, row, authorOf(p)), moderation: outcomeOf(row) };
  };
  const earlier = replay();
  if (earlier) return earlier;
  if (thread.locked) throw new AppError("conflict", "this thread is locked");
  await limit(ctx, p);
  const d = moderateReply(ctx, p.tenant, input.body);
  let stored: {
    row: repo.ReplyRow;
    parent: repo.ThreadRow | null;
    caseOpened: ReturnType<typeof openCrisisCaseInTx>;
  };
  try {
    stored = transaction(ctx.db, () => {
      const current = repo.findThread(ctx.db, p.tenant, thread.id);
      if (!current || !repo.isLive(current.status)) throw notFound("thread");
      if (current.locked) throw new AppError("conflict", "this thread is locked");
      const now = nowIso();
      const seq = d.status === "held" ? null : repo.nextForumSeq(ctx.db, p.tenant);
      const row = repo.insertReply(ctx.db, {
        id: newId("p"),
        tenant: p.tenant,
        threadId: thread.id,
        authorHandle: p.handle,
        clientId: input.clientId,
        body: d.body,
        status: d.status,
        action: d.outcome.action,
        reasons: d.outcome.reasons,
        findings: d.findings,
        createdAt: now,
        seq,
      });
      const parent = seq === null ? null : repo.bumpThread(ctx.db, thread.id, seq, now);
      const caseOpened = openCrisisCaseInTx(ctx, p, d, { threadId: thread.id, replyId: row.id });
      return { row, parent, caseOpened };
    });
  } catch (e) {
    const winner = isDuplicate(e) ? replay() : undefined;
    if (winner) return winner;
    throw e;
  }
  const r = toReply(ctx.db, p.tenant, stored.row, authorOf(p));
  if (stored.parent) broadcast(ctx, p.tenant, r, toThread(ctx.db, p.tenant, stored.parent));
  announceForumPost(ctx, p.tenant, p.handle, { post: r, decision: d, caseOpened: stored.caseOpened });
  return { reply: r, moderation: d.outcome };
}
