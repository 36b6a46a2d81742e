/**
 * The forum's read queries: the feed page as of a snapshot seq, the threads bumped since it,
 * replies after a seq, and held posts. The cursor logic that combines them is in
 * forum/browse.ts.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, max, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { replies, threads } from "../schema.ts";
import { LIVE_STATUSES, type ReplyRow, type ThreadRow } from "./forum.ts";

const hasTag = (tag: string | undefined) =>
  tag ? sql`exists (select 1 from json_each(${threads.tags}) where value = ${tag})` : undefined;

/** Live threads whose activity is at or before `snapshot` and before `before`, newest first. */
export function threadsActiveBy(
  db: Db,
  tenant: string,
  snapshot: number,
  before: number,
  limit: number,
  tag?: string,
): ThreadRow[] {
  return db
    .select()
    .from(threads)
    .where(
      and(
        eq(threads.tenant, tenant),
        inArray(threads.status, [...LIVE_STATUSES]),
        lte(threads.activitySeq, snapshot),
        lt(threads.activitySeq, before),
        hasTag(tag),
      ),
    )
    .orderBy(desc(threads.activitySeq))
    .limit(limit)
    .all();
}

/** Live threads that existed at `snapshot` but have had activity since (usually few). */
export function threadsBumpedAfter(db: Db, tenant: string, snapshot: number, tag?: string): ThreadRow[] {
  return db
    .select()
    .from(threads)
    .where(
      and(
        eq(threads.tenant, tenant),
        inArray(threads.status, [...LIVE_STATUSES]),
        gt(threads.activitySeq, snapshot),
        lte(threads.seq, snapshot),
        hasTag(tag),
      ),
    )
    .all();
}

/** Per thread, the seq of its newest reply made visible at or before `snapshot`. */
export function lastReplySeqBy(db: Db, threadIds: string[], snapshot: number): Map<string, number> {
  if (threadIds.length === 0) return new Map();
  const rows = db
    .select({ threadId: replies.threadId, seq: max(replies.seq) })
    .from(replies)
    .where(and(inArray(replies.threadId, threadIds), lte(replies.seq, snapshot)))
    .groupBy(replies.threadId)
    .all();
  return new Map(rows.map((r) => [r.threadId, r.seq ?? 0]));
}

/** Live replies of a thread after `afterSeq`, oldest first, at most `limit`. */
export function repliesAfter(db: Db, threadId: string, afterSeq: number, limit: number): ReplyRow[] {
  return db
    .select()
    .from(replies)
    .where(
      and(
        eq(replies.threadId, threadId),
        isNotNull(replies.seq),
        gt(replies.seq, afterSeq),
        inArray(replies.status, [...LIVE_STATUSES]),
      ),
    )
    .orderBy(asc(replies.seq))
    .limit(limit)
    .all();
}

/** Held threads and replies of a tenant, oldest first. */
export function heldPosts(
  db: Db,
  tenant: string,
  limit = 200,
): { threads: ThreadRow[]; replies: ReplyRow[] } {
  const held = (t: typeof threads | typeof replies) => and(eq(t.tenant, tenant), eq(t.status, "held"));
  return {
    threads: db
      .select()
      .from(threads)
      .where(held(threads))
      .orderBy(asc(threads.createdAt))
      .limit(limit)
      .all(),
    replies: db
      .select()
      .from(replies)
      .where(held(replies))
      .orderBy(asc(replies.createdAt))
      .limit(limit)
      .all(),
  };
}
