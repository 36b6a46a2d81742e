/**
 * Forum events (PROTOCOL.md `forum:subscribe`, `forum:post`, `forum:reply`, plus the extensions
 * `forum:edit`, `forum:delete`, `forum:remove`, `forum:lock`): thin edges over the forum services.
 */
import * as S from "../../shared/schemas.ts";
import * as actions from "../forum/actions.ts";
import { listThreads } from "../forum/browse.ts";
import * as forum from "../forum/post.ts";
import { channel } from "./channels.ts";
import { replaySupport } from "./support-replay.ts";
import { type ClientEvent, event, type Table } from "./table.ts";

/** How many threads `forum:subscribe` answers with (the rest via GET /api/forum/threads?cursor=). */
const SUBSCRIBE_PAGE = 50;

export const forumEvents = {
  "forum:subscribe": event(S.empty).run(async (_, p, { ctx, socket }) => {
    // Join first, then read: whatever is posted after the snapshot arrives live.
    await socket.join(channel.forum(p.tenant));
    setImmediate(() => void replaySupport(ctx, p, socket));
    return listThreads(ctx, p, { limit: SUBSCRIBE_PAGE });
  }),
  "forum:post": event(S.forumPost).run((data, p, { ctx }) => forum.post(ctx, p, data)),
  "forum:reply": event(S.forumReply).run((data, p, { ctx }) => forum.reply(ctx, p, data)),
  "forum:edit": event(S.forumEdit).run((data, p, { ctx }) => actions.edit(ctx, p, data)),
  "forum:delete": event(S.forumDelete).run(async ({ threadId, replyId }, p, { ctx }) => {
    await actions.remove(ctx, p, threadId, replyId);
    return {};
  }),
  "forum:remove": event(S.forumRemove).run(async ({ threadId, replyId, reason }, p, { ctx }) => {
    await actions.remove(ctx, p, threadId, replyId, reason);
    return {};
  }),
  "forum:lock": event(S.forumLock).run(async ({ threadId, locked, reason }, p, { ctx }) => ({
    thread: await actions.lock(ctx, p, threadId, locked, reason),
  })),
} satisfies Partial<Table<ClientEvent>>;
