/**
 * forum:post and forum:reply, shared by the socket events and the HTTP routes: find an earlier
 * post with the same clientId, check the thread, spend the forum budget, then hand the text to
 * the spine (moderate with the `forum` policy, store, announce).
 */
import type { ForumPost, ForumReply } from "../../shared/schemas.ts";
import type { ModerationOutcome, Reply, Thread } from "../../shared/types.ts";
import { spend } from "../core/budget.ts";
import type { Ctx, Principal } from "../core/context.ts";
import { isLive } from "../db/rows.ts";
import { AppError, notFound } from "../errors.ts";
import { replayOf } from "../spine/kinds.ts";
import { write } from "../spine/spine.ts";

export interface PostResult {
  thread: Thread;
  moderation: ModerationOutcome;
}
export interface ReplyResult {
  reply: Reply;
  moderation: ModerationOutcome;
}

/** Start a thread. The same clientId again returns the first result and changes nothing. */
export async function post(ctx: Ctx, p: Principal, input: ForumPost): Promise<PostResult> {
  const earlier = await ctx.store.threadByClientId(p.tenant, p.handle, input.clientId);
  if (earlier) {
    const w = await replayOf(ctx, p, earlier);
    return { thread: w.view, moderation: w.moderation };
  }
  await spend(ctx, p, "forum");
  const { clientId, title, body, tags } = input;
  const w = await write(ctx, p, { kind: "thread", clientId, title, body, tags });
  return { thread: w.view, moderation: w.moderation };
}

/** Reply to a visible, unlocked thread of the caller's tenant (`conflict` when locked). */
export async function reply(ctx: Ctx, p: Principal, input: ForumReply): Promise<ReplyResult> {
  const thread = await ctx.store.findThread(p.tenant, input.threadId);
  if (!thread || !isLive(thread.status)) throw notFound("thread");
  const earlier = await ctx.store.replyByClientId(p.tenant, p.handle, input.clientId);
  if (earlier) {
    const w = await replayOf(ctx, p, earlier);
    return { reply: w.view, moderation: w.moderation };
  }
  if (thread.locked) throw new AppError("conflict", "this thread is locked");
  await spend(ctx, p, "forum");
  const w = await write(ctx, p, { kind: "reply", thread, clientId: input.clientId, body: input.body });
  return { reply: w.view, moderation: w.moderation };
}
