/** Chat messages, their reactions, and the wire shape the room sees. */
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Member, Message, MessageStatus } from "../../../../shared/types.ts";
import type { Db } from "../client.ts";
import { once } from "../prepared.ts";
import { messages, reactions } from "../schema.ts";
import { membersByHandle } from "./users.ts";

export type MessageRow = typeof messages.$inferSelect;

export type NewMessageRow = Omit<MessageRow, "editedAt">;

/**
 * Store a new message. A raw prepared statement (this runs on every send): drizzle's insert
 * builder and `returning()` were most of the send's storage cost, and every column is known here.
 */
export function insertMessage(db: Db, row: NewMessageRow): MessageRow {
  const stmt = once(db, "messages.insert", () =>
    db.$client.prepare(
      `insert into messages (id, tenant, room_id, seq, author_handle, client_id, body, status, reply_to,
         action, reasons, findings, level, category, created_at, edited_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)`,
    ),
  );
  stmt.run(
    row.id,
    row.tenant,
    row.roomId,
    row.seq,
    row.authorHandle,
    row.clientId,
    row.body,
    row.status,
    row.replyTo,
    row.action,
    JSON.stringify(row.reasons),
    JSON.stringify(row.findings),
    row.level,
    row.category,
    row.createdAt,
  );
  return { ...row, editedAt: null };
}

export function findMessage(db: Db, tenant: string, id: string): MessageRow | undefined {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.id, id), eq(messages.tenant, tenant)))
    .get();
}

export function findByClientId(
  db: Db,
  roomId: string,
  handle: string,
  clientId: string,
): MessageRow | undefined {
  return once(db, "messages.byClientId", () =>
    db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.roomId, sql.placeholder("roomId")),
          eq(messages.authorHandle, sql.placeholder("handle")),
          eq(messages.clientId, sql.placeholder("clientId")),
        ),
      )
      .prepare(),
  ).get({ roomId, handle, clientId });
}

export function updateMessage(db: Db, id: string, set: Partial<MessageRow>): MessageRow {
  return db.update(messages).set(set).where(eq(messages.id, id)).returning().get();
}

/** The newest `limit` sequenced messages before `beforeSeq` (or the newest), oldest first. */
export function pageBefore(db: Db, roomId: string, beforeSeq: number | undefined, limit: number) {
  const where = and(
    eq(messages.roomId, roomId),
    isNotNull(messages.seq),
    beforeSeq === undefined ? undefined : lt(messages.seq, beforeSeq),
  );
  const rows = db
    .select()
    .from(messages)
    .where(where)
    .orderBy(desc(messages.seq))
    .limit(limit + 1)
    .all();
  const hasMore = rows.length > limit;
  return { rows: rows.slice(0, limit).reverse(), hasMore };
}

/** Sequenced messages after `afterSeq`, oldest first, at most `limit`. */
export function pageAfter(db: Db, roomId: string, afterSeq: number, limit: number) {
  const rows = db
    .select()
    .from(messages)
    .where(and(eq(messages.roomId, roomId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq))
    .limit(limit + 1)
    .all();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Held messages of a tenant, oldest first. */
export function heldMessages(db: Db, tenant: string, limit = 200): MessageRow[] {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.tenant, tenant), eq(messages.status, "held")))
    .orderBy(asc(messages.createdAt))
    .limit(limit)
    .all();
}

/** Toggle one person's reaction; returns true when it was added. */
export function toggleReaction(db: Db, messageId: string, handle: string, emoji: string): boolean {
  const removed = db
    .delete(reactions)
    .where(and(eq(reactions.messageId, messageId), eq(reactions.handle, handle), eq(reactions.emoji, emoji)))
    .run();
  if (removed.changes > 0) return false;
  db.insert(reactions).values({ messageId, handle, emoji }).run();
  return true;
}

/** The common case (one message just sent or changed) as a prepared statement. */
function reactionsOfOne(db: Db, messageId: string) {
  return once(db, "reactions.ofOne", () =>
    db
      .select({ messageId: reactions.messageId, emoji: reactions.emoji, n: sql<number>`count(*)` })
      .from(reactions)
      .where(eq(reactions.messageId, sql.placeholder("messageId")))
      .groupBy(reactions.emoji)
      .prepare(),
  ).all({ messageId });
}

function reactionCounts(db: Db, ids: string[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  if (ids.length === 0) return out;
  const rows =
    ids.length === 1
      ? reactionsOfOne(db, ids[0] as string)
      : db
          .select({ messageId: reactions.messageId, emoji: reactions.emoji, n: sql<number>`count(*)` })
          .from(reactions)
          .where(inArray(reactions.messageId, ids))
          .groupBy(reactions.messageId, reactions.emoji)
          .all();
  for (const r of rows) {
    const counts = out.get(r.messageId) ?? {};
    counts[r.emoji] = r.n;
    out.set(r.messageId, counts);
  }
  return out;
}

/** Rows to the wire shape, with authors and reaction counts, in the given order. */
export function toMessages(db: Db, tenant: string, rows: MessageRow[], known?: Member): Message[] {
  const handles = rows.map((r) => r.authorHandle).filter((h) => h !== known?.id);
  const authors = membersByHandle(db, tenant, handles);
  if (known) authors.set(known.id, known);
  const counts = reactionCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    roomId: r.roomId,
    seq: r.seq,
    author: authors.get(r.authorHandle) ?? { id: r.authorHandle, name: "Member", role: "participant" },
    body: r.status === "deleted" || r.status === "rejected" ? "" : r.body,
    status: r.status as MessageStatus,
    replyTo: r.replyTo,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    reactions: counts.get(r.id) ?? {},
  }));
}

export function toMessage(db: Db, tenant: string, row: MessageRow, known?: Member): Message {
  return toMessages(db, tenant, [row], known)[0]!;
}
