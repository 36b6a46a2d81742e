/**
 * The storage schema (drizzle, SQLite). Migrations under drizzle/ are generated from this file
 * by `npm run db:generate` and applied at start. Times are ISO-8601 strings (sortable).
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** People seen in a tenant; `handle` is the opaque id other participants see instead of `sub`. */
export const users = sqliteTable(
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

export const rooms = sqliteTable(
  "rooms",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    topic: text("topic"),
    visibility: text("visibility").notNull(),
    policy: text("policy", { mode: "json" }).$type<Record<string, unknown>>(),
    /** The last seq given to a visible message; bumped in the transaction that stores the message. */
    lastSeq: integer("last_seq").notNull().default(0),
    createdBy: text("created_by"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("rooms_tenant").on(t.tenant)],
);

/** Enrolment (invite rooms, buddy pairs) and the participant's own choice to join an open room. */
export const roomMembers = sqliteTable(
  "room_members",
  {
    roomId: text("room_id").notNull(),
    handle: text("handle").notNull(),
    enrolled: integer("enrolled", { mode: "boolean" }).notNull().default(false),
    joined: integer("joined", { mode: "boolean" }).notNull().default(false),
    removedAt: text("removed_at"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.handle] })],
);

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    roomId: text("room_id").notNull(),
    seq: integer("seq"),
    authorHandle: text("author_handle").notNull(),
    clientId: text("client_id").notNull(),
    /** What the room may see: the original when allowed, the redacted text otherwise. Never a removed span. */
    body: text("body").notNull(),
    status: text("status").notNull(),
    replyTo: text("reply_to"),
    action: text("action").notNull(),
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull(),
    findings: text("findings", { mode: "json" }).$type<unknown[]>().notNull(),
    level: integer("level").notNull().default(0),
    category: text("category"),
    createdAt: text("created_at").notNull(),
    editedAt: text("edited_at"),
  },
  (t) => [
    uniqueIndex("messages_room_seq").on(t.roomId, t.seq),
    uniqueIndex("messages_idempotency").on(t.roomId, t.authorHandle, t.clientId),
    // Only held messages, the staff queue's rows (`heldMessages`): a send of a visible message,
    // nearly all of them, never touches this index (bench:hub, about 5 us of a send's insert).
    index("messages_held").on(t.tenant, t.createdAt).where(sql`${t.status} = 'held'`),
    index("messages_created").on(t.tenant, t.createdAt),
  ],
);

export const reactions = sqliteTable(
  "reactions",
  {
    messageId: text("message_id").notNull(),
    handle: text("handle").notNull(),
    emoji: text("emoji").notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.handle, t.emoji] })],
);

/** Timed mutes per room, enforced on send on every node. */
export const mutes = sqliteTable(
  "mutes",
  {
    roomId: text("room_id").notNull(),
    handle: text("handle").notNull(),
    until: text("until").notNull(),
    by: text("by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.handle] })],
);

export const cases = sqliteTable(
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
    notes: text("notes", { mode: "json" }).$type<{ by: string; at: string; text: string }[]>().notNull(),
    createdAt: text("created_at").notNull(),
    dueAt: text("due_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("cases_sweep").on(t.status, t.dueAt), index("cases_tenant").on(t.tenant, t.status)],
);

/** Transactional outbox of webhook events, claimed by one dispatcher at a time with a lease. */
export const outbox = sqliteTable(
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

/** Append-only audit trail, hash-chained per tenant. */
export const audit = sqliteTable(
  "audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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

export const threads = sqliteTable(
  "threads",
  {
    id: text("id").primaryKey(),
    tenant: text("tenant").notNull(),
    authorHandle: text("author_handle").notNull(),
    clientId: text("client_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    locked: integer("locked", { mode: "boolean" }).notNull().default(false),
    replyCount: integer("reply_count").notNull().default(0),
    action: text("action").notNull(),
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull(),
    findings: text("findings", { mode: "json" }).$type<unknown[]>().notNull(),
    createdAt: text("created_at").notNull(),
    editedAt: text("edited_at"),
    lastActivityAt: text("last_activity_at").notNull(),
    /** The tenant's forum seq taken when the thread became visible; null while held or rejected. */
    seq: integer("seq"),
    /** The forum seq of its latest visible activity (itself or its newest reply): the feed order. */
    activitySeq: integer("activity_seq"),
  },
  (t) => [
    uniqueIndex("threads_idempotency").on(t.tenant, t.authorHandle, t.clientId),
    index("threads_activity").on(t.tenant, t.lastActivityAt, t.id),
    uniqueIndex("threads_feed").on(t.tenant, t.activitySeq),
  ],
);

export const replies = sqliteTable(
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
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull(),
    findings: text("findings", { mode: "json" }).$type<unknown[]>().notNull(),
    createdAt: text("created_at").notNull(),
    editedAt: text("edited_at"),
    /** The tenant's forum seq taken when the reply became visible; null while held or rejected. */
    seq: integer("seq"),
  },
  (t) => [
    uniqueIndex("replies_idempotency").on(t.tenant, t.authorHandle, t.clientId),
    index("replies_thread").on(t.threadId, t.createdAt, t.id),
    index("replies_seq").on(t.threadId, t.seq),
  ],
);

/**
 * One counter per tenant's forum, bumped in the transaction that makes a thread or reply
 * visible. Feed order and page cursors use it instead of clocks, so a snapshot is exact.
 */
export const forumHeads = sqliteTable("forum_heads", {
  tenant: text("tenant").primaryKey(),
  lastSeq: integer("last_seq").notNull(),
});

/** Fixed-window counters for rate limits shared by every node on one database. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/** The head of each tenant's audit chain, moved in the same transaction as every append, so a
 * removed tail row is detected too. */
export const auditHeads = sqliteTable("audit_heads", {
  tenant: text("tenant").primaryKey(),
  lastId: integer("last_id").notNull(),
  lastHash: text("last_hash").notNull(),
  count: integer("count").notNull(),
});
