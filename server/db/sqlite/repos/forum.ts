/**
 * Forum threads and replies: rows, idempotency look-ups, and the per-tenant forum seq that
 * orders the feed (taken in the transaction that makes a post visible, like a room's seq).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { forumHeads, replies, threads } from "../schema.ts";

export type ThreadRow = typeof threads.$inferSelect;
export type ReplyRow = typeof replies.$inferSelect;

export { isLive, LIVE_STATUSES } from "../../rows.ts";

/** The tenant's next forum seq. Call inside the write transaction that stores the post. */
export function nextForumSeq(db: Db, tenant: string): number {
  const row = db
    .insert(forumHeads)
    .values({ tenant, lastSeq: 1 })
    .onConflictDoUpdate({ target: forumHeads.tenant, set: { lastSeq: sql`${forumHeads.lastSeq} + 1` } })
    .returning({ seq: forumHeads.lastSeq })
    .get();
  return row.seq;
}

/** The last forum seq given in the tenant (0 before the first post): a page walk's snapshot. */
export function currentForumSeq(db: Db, tenant: string): number {
  return (
    db.select({ seq: forumHeads.lastSeq }).from(forumHeads).where(eq(forumHeads.tenant, tenant)).get()?.seq ??
    0
  );
}

export function insertThread(db: Db, row: typeof threads.$inferInsert): ThreadRow {
  return db.insert(threads).values(row).returning().get();
}

export function insertReply(db: Db, row: typeof replies.$inferInsert): ReplyRow {
  return db.insert(replies).values(row).returning().get();
}

export function findThread(db: Db, tenant: string, id: string): ThreadRow | undefined {
  return db
    .select()
    .from(threads)
    .where(and(eq(threads.id, id), eq(threads.tenant, tenant)))
    .get();
}

export function findReply(db: Db, tenant: string, id: string): ReplyRow | undefined {
  return db
    .select()
    .from(replies)
    .where(and(eq(replies.id, id), eq(replies.tenant, tenant)))
    .get();
}

export function threadByClientId(db: Db, tenant: string, handle: string, clientId: string) {
  return db
    .select()
    .from(threads)
    .where(and(eq(threads.tenant, tenant), eq(threads.authorHandle, handle), eq(threads.clientId, clientId)))
    .get();
}

export function replyByClientId(db: Db, tenant: string, handle: string, clientId: string) {
  return db
    .select()
    .from(replies)
    .where(and(eq(replies.tenant, tenant), eq(replies.authorHandle, handle), eq(replies.clientId, clientId)))
    .get();
}

export function updateThread(db: Db, id: string, set: Partial<ThreadRow>): ThreadRow {
  return db.update(threads).set(set).where(eq(threads.id, id)).returning().get();
}

export function updateReply(db: Db, id: string, set: Partial<ReplyRow>): ReplyRow {
  return db.update(replies).set(set).where(eq(replies.id, id)).returning().get();
}

/**
 * Record a reply that just became visible on its thread: one more reply, and the thread's
 * activity moves to the reply's seq (the feed order) and time.
 */
export function bumpThread(db: Db, threadId: string, seq: number, at: string): ThreadRow {
  return db
    .update(threads)
    .set({ replyCount: sql`${threads.replyCount} + 1`, activitySeq: seq, lastActivityAt: at })
    .where(eq(threads.id, threadId))
    .returning()
    .get();
}

/** One visible reply fewer (deleted or removed); activity does not move back. */
export function dropReply(db: Db, threadId: string): ThreadRow {
  return db
    .update(threads)
    .set({ replyCount: sql`max(${threads.replyCount} - 1, 0)` })
    .where(eq(threads.id, threadId))
    .returning()
    .get();
}

/** A reply that already had its place counts again (approved after an edit held it). */
export function undropReply(db: Db, threadId: string): ThreadRow {
  return db
    .update(threads)
    .set({ replyCount: sql`${threads.replyCount} + 1` })
    .where(eq(threads.id, threadId))
    .returning()
    .get();
}

export function findReplyById(db: Db, id: string): ReplyRow | undefined {
  return db.select().from(replies).where(eq(replies.id, id)).get();
}
