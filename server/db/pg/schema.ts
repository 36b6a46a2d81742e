/**
 * The storage schema on PostgreSQL (drizzle pg-core): the same tables, columns, keys and indexes
 * as sqlite/schema.ts (test/db/schema-parity.test.ts holds them equal), and the same inferred
 * row types (checked at the end of this file). Times stay ISO-8601 text, written from the
 * database clock, so both stores sort and compare them alike. Migrations under drizzle-pg/ are
 * generated from this file by `npm run db:generate`.
 */
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type * as rows from "../rows.ts";

export const users = pgTable(
  "users",
  {
    tenant: text("tenant").notNull(),
    sub: text("sub").notNull(),
    handle: text("handle").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.sub] }), uniqueIndex("users_handle").on(t.tenant, t.handle)],
);

export const rooms = pgTable(
  "rooms",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    topic: text("topic"),
    visibility: text("visibility").notNull(),
    policy: jsonb("policy").$type<Record<string, unknown>>(),
    lastSeq: integer("last_seq").notNull().default(0),
    createdBy: text("created_by"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("rooms_tenant").on(t.tenant)],
);

export const roomMembers = pgTable(
  "room_members",
  {
    roomId: text("room_id").notNull(),
    handle: text("handle").notNull(),
    enrolled: boolean("enrolled").notNull().default(false),
    joined: boolean("joined").notNull().default(false),
    removedAt: text("removed_at"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.handle] })],
);

export const messages = pgTable(
  "messages",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    roomId: text("room_id").notNull(),
    seq: integer("seq"),
    authorHandle: text("author_handle").notNull(),
    clientId: text("client_id").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull(),
    replyTo: text("reply_to"),
    action: text("action").notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    findings: jsonb("findings").$type<unknown[]>().notNull(),
    level: integer("level").notNull().default(0),
    category: text("category"),
    createdAt: text("created_at").notNull(),
    editedAt: text("edited_at"),
  },
  (t) => [
    uniqueIndex("messages_room_seq").on(t.roomId, t.seq),
    uniqueIndex("messages_idempotency").on(t.roomId, t.authorHandle, t.clientId),
    index("messages_held").on(t.tenant, t.createdAt).where(sql`${t.status} = 'held'`),
    index("messages_created").on(t.tenant, t.createdAt),
  ],
);

export const reactions = pgTable(
  "reactions",
  {
    messageId: text("message_id").notNull(),
    handle: text("handle").notNull(),
    emoji: text("emoji").notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.handle, t.emoji] })],
);

export const mutes = pgTable(
  "mutes",
  {
    roomId: text("room_id").notNull(),
    handle: text("handle").notNull(),
    until: text("until").notNull(),
    by: text("by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.handle] })],
);

export const cases = pgTable(
  "cases",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    roomId: text("room_id"),
    messageId: text("message_id"),
    threadId: text("thread_id"),
    replyId: text("reply_id"),
    source: text("source").notNull(),
    level: integer("level").notNull(),
    category: text("category"),
    status: text("status").notNull(),
    tier: integer("tier").notNull(),
    subjectHandle: text("subject_handle"),
    reporterHandle: text("reporter_handle"),
    assignee: text("assignee"),
    notes: jsonb("notes").$type<{ by: string; at: string; text: string }[]>().notNull(),
    createdAt: text("created_at").notNull(),
    dueAt: text("due_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("cases_sweep").on(t.status, t.dueAt), index("cases_tenant").on(t.tenant, t.status)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    type: text("type").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: text("lease_until"),
    deliveredAt: text("delivered_at"),
    failedAt: text("failed_at"),
    lastError: text("last_error"),
    /** The HTTP status of the last attempt that got an answer (null: none yet, or a timeout). */
    lastStatus: integer("last_status"),
  },
  (t) => [index("outbox_due").on(t.deliveredAt, t.failedAt, t.nextAttemptAt)],
);

export const audit = pgTable(
  "audit",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    tenant: text("tenant").notNull(),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    details: text("details").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_tenant").on(t.tenant, t.id)],
);

export const threads = pgTable(
  "threads",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    authorHandle: text("author_handle").notNull(),
    clientId: text("client_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull(),
    tags: jsonb("tags").$type<string[]>().notNull(),
    locked: boolean("locked").notNull().default(false),
    replyCount: integer("reply_count").notNull().default(0),
    action: text("action").notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    findings: jsonb("findings").$type<unknown[]>().notNull(),
    createdAt: text("created_at").notNull(),
    editedAt: text("edited_at"),
    lastActivityAt: text("last_activity_at").notNull(),
    seq: integer("seq"),
    activitySeq: integer("activity_seq"),
  },
  (t) => [
    uniqueIndex("threads_idempotency").on(t.tenant, t.authorHandle, t.clientId),
    index("threads_activity").on(t.tenant, t.lastActivityAt, t.id),
    uniqueIndex("threads_feed").on(t.tenant, t.activitySeq),
  ],
);

export const replies = pgTable(
  "replies",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    threadId: text("thread_id").notNull(),
    authorHandle: text("author_handle").notNull(),
    clientId: text("client_id").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull(),
    action: text("action").notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    findings: jsonb("findings").$type<unknown[]>().notNull(),
    createdAt: text("created_at").notNull(),
    editedAt: text("edited_at"),
    seq: integer("seq"),
  },
  (t) => [
    uniqueIndex("replies_idempotency").on(t.tenant, t.authorHandle, t.clientId),
    index("replies_thread").on(t.threadId, t.createdAt, t.id),
    index("replies_seq").on(t.threadId, t.seq),
  ],
);

export const forumHeads = pgTable("forum_heads", {
  tenant: text("tenant").primaryKey(),
  lastSeq: integer("last_seq").notNull(),
});

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

export const auditHeads = pgTable("audit_heads", {
  tenant: text("tenant").primaryKey(),
  lastId: integer("last_id").notNull(),
  lastHash: text("last_hash").notNull(),
  count: integer("count").notNull(),
});

// Both dialects infer the same rows: a column added to one schema only fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(_: T[]) => undefined;
same<
  | Same<typeof users.$inferSelect, rows.UserRow>
  | Same<typeof rooms.$inferSelect, rows.RoomRow>
  | Same<typeof roomMembers.$inferSelect, rows.MemberRow>
  | Same<typeof messages.$inferSelect, rows.MessageRow>
  | Same<typeof cases.$inferSelect, rows.CaseRow>
  | Same<typeof outbox.$inferSelect, rows.OutboxRow>
  | Same<typeof audit.$inferSelect, rows.AuditRow>
  | Same<typeof auditHeads.$inferSelect, rows.AuditHeadRow>
  | Same<typeof threads.$inferSelect, rows.ThreadRow>
  | Same<typeof replies.$inferSelect, rows.ReplyRow>
>([]);
