/**
 * The spine of one forum post, shared by the socket events and the HTTP routes: deduplicate by
 * clientId, limit, moderate with the `forum` policy, store (post, forum seq, thread counters and
 * case in one unit of work), then broadcast to the tenant's subscribers and tell author and staff.
 */
import type { ForumPost, ForumReply } from "../../shared/schemas.ts";
import type { ModerationOutcome, Reply, Thread } from "../../shared/types.ts";
import { crisisOpening } from "../cases/cases.ts";
import type { Ctx, Principal } from "../core/context.ts";
import { isLive } from "../db/rows.ts";
import { DuplicateError } from "../db/store.ts";
import { AppError, notFound } from "../errors.ts";
import { newId } from "../ids.ts";
import { announceForumPost, broadcast } from "./feed.ts";
import { moderatePost, moderateReply } from "./moderation.ts";
import { toReply, toThread } from "./views.ts";

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
const isDuplicate = (e: unknown) =>
  e instanceof DuplicateError && (e.table === "threads" || e.table === "replies");

async function limit(ctx: Ctx, p: Principal): Promise<void> {
  const r = await ctx.limiter.hit(`forum:${p.tenant}:${p.handle}`);
  if (!r.ok) throw new AppError("rate_limited", "slow down a little", { retryAfterMs: r.retryAfterMs });
}

/** Start a thread. The same clientId again returns the first result and changes nothing. */
export async function post(ctx: Ctx, p: Principal, input: ForumPost): Promise<PostResult> {
  const replay = async () => {
    const row = await ctx.store.threadByClientId(p.tenant, p.handle, input.clientId);
    return (
      row && { thread: await toThread(ctx.store, p.tenant, row, authorOf(p)), moderation: outcomeOf(row) }
    );
  };
  const earlier = await replay();
  if (earlier) return earlier;
  await limit(ctx, p);
  const d = moderatePost(ctx, p.tenant, input.title, input.body);
  const id = newId("t");
  let stored: Awaited<ReturnType<Ctx["store"]["postThread"]>>;
  try {
    stored = await ctx.store.postThread(
      {
        id,
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
      },
      crisisOpening(ctx, p, d, { threadId: id }),
    );
  } catch (e) {
    const winner = isDuplicate(e) ? await replay() : undefined; // two sends with one clientId raced
    if (winner) return winner;
    throw e;
  }
  const thread = await toThread(ctx.store, p.tenant, stored.row, authorOf(p));
  if (d.status !== "held") broadcast(ctx, p.tenant, thread);
  await announceForumPost(ctx, p.tenant, p.handle, {
    post: thread,
    decision: d,
    caseOpened: stored.caseOpened,
  });
  return { thread, moderation: d.outcome };
}

/** Reply to a visible, unlocked thread of the caller's tenant (`conflict` when locked). */
export async function reply(ctx: Ctx, p: Principal, input: ForumReply): Promise<ReplyResult> {
  const thread = await ctx.store.findThread(p.tenant, input.threadId);
  if (!thread || !isLive(thread.status)) throw notFound("thread");
  const replay = async () => {
    const row = await ctx.store.replyByClientId(p.tenant, p.handle, input.clientId);
    return row && { reply: await toReply(ctx.store, p.tenant, row, authorOf(p)), moderation: outcomeOf(row) };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if (thread.locked) throw new AppError("conflict", "this thread is locked");
  await limit(ctx, p);
  const d = moderateReply(ctx, p.tenant, input.body);
  const id = newId("p");
  let stored: Awaited<ReturnType<Ctx["store"]["postReply"]>>;
  try {
    stored = await ctx.store.postReply(
      {
        id,
        tenant: p.tenant,
        threadId: thread.id,
        authorHandle: p.handle,
        clientId: input.clientId,
        body: d.body,
        status: d.status,
        action: d.outcome.action,
        reasons: d.outcome.reasons,
        findings: d.findings,
      },
      crisisOpening(ctx, p, d, { threadId: thread.id, replyId: id }),
    );
  } catch (e) {
    const winner = isDuplicate(e) ? await replay() : undefined;
    if (winner) return winner;
    throw e;
  }
  const r = await toReply(ctx.store, p.tenant, stored.row, authorOf(p));
  if (stored.parent) broadcast(ctx, p.tenant, r, await toThread(ctx.store, p.tenant, stored.parent));
  await announceForumPost(ctx, p.tenant, p.handle, { post: r, decision: d, caseOpened: stored.caseOpened });
  return { reply: r, moderation: d.outcome };
}
