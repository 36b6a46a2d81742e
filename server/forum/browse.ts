/**
 * Browsing the forum: the feed newest activity first, and a thread with its replies, both
 * cursor-paginated.
 *
 * The guarantee, for one walk that starts without a cursor and follows `nextCursor`:
 * every page lists the tenant's live threads in the order of their activity AS OF THE FIRST
 * PAGE'S SNAPSHOT, so no thread appears twice and no thread that was live at the snapshot and
 * is still live is left out, however many threads and replies arrive between page requests.
 *
 * How: every post that becomes visible takes the tenant's next forum seq (one counter bumped in
 * the storing transaction, so seq order is commit order; no clocks). A thread's position is the
 * seq of its latest activity (itself or its newest visible reply). The first page reads the
 * current seq S and puts it in the cursor with the position of the page's last thread; later
 * pages return threads whose position *as of S* is below that. Threads bumped after S are put
 * back at their as-of-S position (their newest reply at or before S), so they are neither
 * repeated nor skipped; threads created, or approved, after S are not on later pages: a client
 * receives them live on `forum:thread` (subscribe before the first page). Fields such as
 * `replyCount` and `lastActivityAt` are current, so they may be newer than the page's order.
 * A thread deleted or held between pages is simply no longer listed.
 *
 * Replies are oldest first by seq: a reply takes a seq above every earlier one when it becomes
 * visible, so later pages (`seq > cursor`) only ever grow at the end: nothing skipped or repeated.
 */
import type { Reply, Thread } from "../../shared/types.ts";
import type { Ctx, Principal } from "../core/context.ts";
import { isLive } from "../db/rows.ts";
import { invalid, notFound } from "../errors.ts";
import { toReplies, toThread, toThreads } from "./views.ts";

export const DEFAULT_PAGE = 20;

interface Cursor {
  snapshot: number;
  after: number;
}

/** Opaque to clients: "<snapshot>.<position>" in base64url. */
export const encodeCursor = (c: Cursor) => Buffer.from(`${c.snapshot}.${c.after}`).toString("base64url");

function decodeCursor(raw: string): Cursor {
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(raw, "base64url").toString());
  if (!m) throw invalid("cursor: is invalid");
  return { snapshot: Number(m[1]), after: Number(m[2]) };
}

/** One page of the feed (see the guarantee above). */
export async function listThreads(
  ctx: Ctx,
  p: Principal,
  q: { limit?: number; cursor?: string; tag?: string },
): Promise<{ threads: Thread[]; nextCursor: string | null }> {
  const limit = q.limit ?? DEFAULT_PAGE;
  const c = q.cursor
    ? decodeCursor(q.cursor)
    : { snapshot: await ctx.store.currentForumSeq(p.tenant), after: Number.MAX_SAFE_INTEGER };
  const steady = (await ctx.store.threadsActiveBy(p.tenant, c.snapshot, c.after, limit + 1, q.tag)).map(
    (row) => ({ row, pos: row.activitySeq! }),
  );
  const bumped = await ctx.store.threadsBumpedAfter(p.tenant, c.snapshot, q.tag);
  const lastReply = await ctx.store.lastReplySeqBy(
    bumped.map((t) => t.id),
    c.snapshot,
  );
  const moved = bumped
    .map((row) => ({ row, pos: Math.max(row.seq!, lastReply.get(row.id) ?? 0) }))
    .filter((t) => t.pos < c.after);
  const merged = [...steady, ...moved].sort((a, b) => b.pos - a.pos);
  const page = merged.slice(0, limit);
  const more = merged.length > limit;
  return {
    threads: await toThreads(
      ctx.store,
      p.tenant,
      page.map((t) => t.row),
    ),
    nextCursor: more ? encodeCursor({ snapshot: c.snapshot, after: page[page.length - 1]!.pos }) : null,
  };
}

/** A live thread of the caller's tenant with one page of its replies, oldest first. */
export async function threadWithReplies(
  ctx: Ctx,
  p: Principal,
  threadId: string,
  q: { limit?: number; cursor?: string },
): Promise<{ thread: Thread; replies: Reply[]; nextCursor: string | null }> {
  const row = await ctx.store.findThread(p.tenant, threadId);
  if (!row || !isLive(row.status)) throw notFound("thread");
  const limit = q.limit ?? DEFAULT_PAGE;
  const after = q.cursor ? decodeCursor(q.cursor).after : 0;
  const rows = await ctx.store.repliesAfter(row.id, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    thread: await toThread(ctx.store, p.tenant, row),
    replies: await toReplies(ctx.store, p.tenant, page),
    nextCursor: rows.length > limit && last ? encodeCursor({ snapshot: 0, after: last.seq! }) : null,
  };
}
