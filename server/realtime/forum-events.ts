/**
 * Forum events (PROTOCOL.md `forum:subscribe`, `forum:post`, `forum:reply`, plus the extensions
 * `forum:edit`, `forum:delete`, `forum:remove`, `forum:lock`): thin edges over the forum services.
 */
import * as S from "../../shared/schemas.ts";
import type { Ctx } from "../core/context.ts";
import * as actions from "../forum/actions.ts";
import { listThreads } from "../forum/browse.ts";
import * as forum from "../forum/post.ts";
import { channel } from "./channels.ts";
import { handle } from "./handler.ts";
import type { LanternSocket } from "./types.ts";

/** How many threads `forum:subscribe` answers with (the rest via GET /api/forum/threads?cursor=). */
const SUBSCRIBE_PAGE = 50;

/** The SocketRegistrar of the forum: pass it to attachHandlers. */
export function registerForumHandlers(socket: LanternSocket, ctx: Ctx): void {
  const log = ctx.log;

  handle(socket, log, "forum:subscribe", S.empty, async (_, p) => {
    // Join first, then read: whatever is posted after the snapshot arrives live.
    await socket.join(channel.forum(p.tenant));
    return listThreads(ctx, p, { limit: SUBSCRIBE_PAGE });
  });
  handle(socket, log, "forum:post", S.forumPost, (data, p) => forum.post(ctx, p, data));
  handle(socket, log, "forum:reply", S.forumReply, (data, p) => forum.reply(ctx, p, data));
  handle(socket, log, "forum:edit", S.forumEdit, (data, p) => actions.edit(ctx, p, data));
  handle(socket, log, "forum:delete", S.forumDelete, async ({ threadId, replyId }, p) => {
    await actions.remove(ctx, p, threadId, replyId);
    return {};
  });
  handle(socket, log, "forum:remove", S.forumRemove, async ({ threadId, replyId, reason }, p) => {
    await actions.remove(ctx, p, threadId, replyId, reason);
    return {};
  });
  handle(socket, log, "forum:lock", S.forumLock, async ({ threadId, locked, reason }, p) => ({
    thread: await actions.lock(ctx, p, threadId, locked, reason),
  }));
}
