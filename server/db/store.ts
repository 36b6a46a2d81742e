/**
 * The storage port: everything services ask of the database, as units of work. Every method is
 * async and is one transaction of its own (or one statement); inside an implementation the
 * transaction handle is passed explicitly to each step, never held in ambient state. Two
 * implementations: SQLite (sqlite/store.ts, one host) and PostgreSQL (pg/store.ts, many hosts).
 * Services import this file and rows.ts only: no driver, no dialect module, no SQL.
 *
 * Times are ISO-8601 strings from the store's clock (the database's `now()` on PostgreSQL), so
 * deadlines agree across nodes whatever their own clocks say.
 */
import type { Case, CaseStatus, Member, Message, Role } from "../../shared/types.ts";
import type { DeliveriesStore } from "./deliveries.ts";
import type { PeopleStore } from "./people.ts";
import type {
  AuditHeadRow,
  AuditRow,
  CaseRow,
  MemberRow,
  MessageRow,
  OutboxRow,
  ReplyRow,
  RoomRow,
  ThreadRow,
} from "./rows.ts";

export type * from "./rows.ts";

/** An audit entry; the store adds time, hash and chain link in the transaction of its change. */
export interface AuditEntry {
  tenant: string;
  actor: string;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** A case to open with what it is about; the store sets id, times and due date (its clock). */
export interface CaseOpening {
  tenant: string;
  source: "crisis" | "report";
  level: number;
  category: string | null;
  roomId?: string | null;
  messageId?: string | null;
  threadId?: string | null;
  replyId?: string | null;
  subjectHandle?: string | null;
  reporterHandle?: string | null;
  actor: string;
  /** Seconds until the acknowledgement deadline. */
  slaSeconds: number;
  /** Queue a `case.opened` webhook (the tenant has one configured). */
  webhook: boolean;
}

/** The crisis case an edit led to: a new one, or the open case its text already had, added to. */
export interface CaseChange {
  case: Case;
  isNew: boolean;
}

/**
 * What an edit judged a crisis again does to its text's unresolved case, from the case row and
 * the store's clock (`now`, and `due`: now plus the new level's deadline): the higher level and
 * the earlier deadline win, a note says why (no user text), and an audit row records it.
 */
export function addToCase(open: CaseRow, o: CaseOpening, now: string, due: string) {
  return {
    set: {
      level: Math.max(open.level, o.level),
      category: o.level > open.level ? o.category : open.category,
      // ISO times: text order is time order.
      dueAt: due.localeCompare(open.dueAt) < 0 ? due : open.dueAt,
      notes: [
        ...open.notes,
        {
          by: "system",
          at: now,
          text: `The author edited the text; it was judged crisis level ${o.level} again.`,
        },
      ],
      updatedAt: now,
    },
    audit: (c: Case): AuditEntry => ({
      tenant: o.tenant,
      actor: o.actor,
      action: "case.updated",
      target: c.id,
      details: { reason: "edited", level: c.level, category: c.category },
    }),
  };
}

/** A new chat message; the store gives it its seq (unless held) and `createdAt`. */
export type NewMessage = Omit<MessageRow, "seq" | "createdAt" | "editedAt">;

/** What a send must know before it may go ahead, read in one statement. */
export interface SendGate {
  member: Pick<MemberRow, "removedAt" | "enrolled" | "joined"> | undefined;
  /** When a mute active now ends, or null. */
  mutedUntil: string | null;
  /** The message this clientId already stored, or null. */
  earlierId: string | null;
}

export type NewRoom = Omit<RoomRow, "lastSeq" | "createdAt">;
export type NewThread = Omit<
  ThreadRow,
  "createdAt" | "lastActivityAt" | "seq" | "activitySeq" | "editedAt" | "replyCount" | "locked"
>;
export type NewReply = Omit<ReplyRow, "createdAt" | "seq" | "editedAt">;

/** The moderated fields an edit replaces. */
export interface TextChange {
  body: string;
  status: string;
  action: string;
  reasons: string[];
  findings: unknown[];
  level?: number;
  category?: string | null;
}

/** What a case change does, decided from the current row under its lock (may throw to refuse). */
export interface CaseDecision {
  set: Partial<Pick<CaseRow, "status" | "tier" | "assignee">>;
  note?: { by: string; text: string };
  audit: AuditEntry;
  webhook?: "case.escalated" | "case.resolved";
}

/** The outcome of one webhook attempt. */
export interface Attempt {
  attempts: number;
  error: string | null;
  /** The HTTP status answered, when there was an answer. */
  status?: number | null;
  /** When failed and not given up: try again after this many ms. */
  retryInMs?: number;
  giveUp?: boolean;
}

/** Thrown when a unique key refused a row (a clientId used twice, raced). */
export class DuplicateError extends Error {
  constructor(readonly table: string) {
    super(`duplicate ${table} row`);
  }
}

export interface Store {
  readonly dialect: "sqlite" | "postgres";
  /** Sub-ports: identity and data rights (people.ts), webhook deliveries (deliveries.ts). */
  readonly people: PeopleStore;
  readonly deliveries: DeliveriesStore;
  /** Throws when the database does not answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;

  // People
  upsertUser(tenant: string, sub: string, name: string, role: Role): Promise<string>;
  membersByHandle(tenant: string, handles: string[]): Promise<Map<string, Member>>;

  // Rooms
  createRoom(room: NewRoom, memberSubs: string[], audit: AuditEntry): Promise<RoomRow>;
  /** Enrol `sub` (creating their user row if needed) with an audit row; returns their handle. */
  enrol(tenant: string, roomId: string, sub: string, actor: string): Promise<string>;
  findRoom(tenant: string, roomId: string): Promise<RoomRow | undefined>;
  /** findRoom from memory after the first read: only fields that never change may be used. */
  findRoomCached(tenant: string, roomId: string): Promise<RoomRow | undefined>;
  findRoomByName(tenant: string, name: string): Promise<RoomRow | undefined>;
  findMembership(roomId: string, handle: string): Promise<MemberRow | undefined>;
  setMembership(
    roomId: string,
    handle: string,
    set: Partial<Pick<MemberRow, "enrolled" | "joined" | "removedAt">>,
  ): Promise<void>;
  listRoomsFor(tenant: string, handle: string, staff: boolean): Promise<RoomRow[]>;
  sendGate(roomId: string, handle: string, clientId: string): Promise<SendGate>;

  // Chat messages
  /** Store a message with its seq (taken now unless held) and its crisis case; throws DuplicateError. */
  storeMessage(
    row: NewMessage,
    crisis: CaseOpening | null,
  ): Promise<{ row: MessageRow; caseOpened: Case | null }>;
  findMessage(tenant: string, id: string): Promise<MessageRow | undefined>;
  findByClientId(roomId: string, handle: string, clientId: string): Promise<MessageRow | undefined>;
  /**
   * Replace a message's moderated text; `crisis` opens a case, or adds to the unresolved crisis
   * case the message already has (higher level, earlier deadline, a note, an audit row, no
   * second webhook).
   */
  editMessage(
    id: string,
    change: TextChange,
    crisis: CaseOpening | null,
  ): Promise<{ row: MessageRow; crisisCase: CaseChange | null }>;
  /** Blank a message; returns the row as it was before, or undefined when already deleted. */
  deleteMessage(tenant: string, id: string, audit: AuditEntry | null): Promise<MessageRow | undefined>;
  /** Toggle a reaction on a live message (`conflict` otherwise); returns the message. */
  toggleReaction(tenant: string, messageId: string, handle: string, emoji: string): Promise<MessageRow>;
  /** The reporter's case on the message, opened once however often they report. */
  report(
    opening: CaseOpening & { messageId: string; reporterHandle: string },
  ): Promise<{ case: Case; isNew: boolean }>;
  /** Approve if still held (`conflict` otherwise): visible with the room's next seq unless it had one. */
  approveMessage(tenant: string, id: string, actor: string): Promise<{ row: MessageRow; hadSeq: boolean }>;
  rejectMessage(
    tenant: string,
    id: string,
    actor: string,
    reason: string,
  ): Promise<{ row: MessageRow; hadSeq: boolean }>;
  pageBefore(
    roomId: string,
    beforeSeq: number | undefined,
    limit: number,
  ): Promise<{ rows: MessageRow[]; hasMore: boolean }>;
  pageAfter(
    roomId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ rows: MessageRow[]; hasMore: boolean }>;
  heldMessages(tenant: string, limit?: number): Promise<MessageRow[]>;
  /** Rows to the wire shape, with authors and reaction counts, in the given order. */
  toMessages(tenant: string, rows: MessageRow[], known?: Member): Promise<Message[]>;

  // Mutes and removal
  activeMute(roomId: string, handle: string): Promise<string | null>;
  /** Mute for `minutes` from the store's clock; returns until when. */
  mute(roomId: string, handle: string, minutes: number, by: string, audit: AuditEntry): Promise<string>;
  unmute(roomId: string, handle: string, audit: AuditEntry): Promise<void>;
  removeMember(roomId: string, handle: string, audit: AuditEntry): Promise<void>;

  // Cases
  /** Change a case under its row lock; `decide` sees the current row (undefined when absent). */
  changeCase(
    tenant: string,
    caseId: string,
    decide: (row: CaseRow | undefined) => CaseDecision,
  ): Promise<Case>;
  listCases(tenant: string, minTier: number, status?: CaseStatus): Promise<Case[]>;
  /** The unresolved cases whose subject is `handle` (what the author's support card replays from), oldest first. */
  openCasesAbout(tenant: string, handle: string): Promise<CaseRow[]>;
  /** Escalate every overdue tier-1 case, each exactly once across nodes. */
  sweepOverdue(hasWebhook: (tenant: string) => boolean): Promise<{ tenant: string; case: Case }[]>;
  countOpenByTier(): Promise<{ tier: number; n: number }[]>;

  // Webhook outbox
  /** Claim due rows for `owner` for `leaseMs`; a row is held by one claimer at a time. */
  claimDue(owner: string, leaseMs: number, limit: number): Promise<OutboxRow[]>;
  settle(id: string, owner: string, attempt: Attempt): Promise<void>;

  // Audit
  auditPage(
    tenant: string,
    before: number | undefined,
    limit: number,
  ): Promise<{ rows: AuditRow[]; hasMore: boolean }>;
  auditAfter(tenant: string, afterId: number, limit: number): Promise<AuditRow[]>;
  auditHead(tenant: string): Promise<AuditHeadRow | undefined>;
  auditTenants(): Promise<string[]>;

  // Forum
  postThread(
    row: NewThread,
    crisis: CaseOpening | null,
  ): Promise<{ row: ThreadRow; caseOpened: Case | null }>;
  /** Store a reply if its thread is live and unlocked (`not_found` / `conflict` otherwise). */
  postReply(
    row: NewReply,
    crisis: CaseOpening | null,
  ): Promise<{ row: ReplyRow; parent: ThreadRow | null; caseOpened: Case | null }>;
  /** Edit a thread; `crisis` opens or adds to its case, as editMessage. */
  editThread(
    id: string,
    change: TextChange & { title: string },
    crisis: CaseOpening | null,
  ): Promise<{ row: ThreadRow; crisisCase: CaseChange | null }>;
  /** Edit a reply; one held again stops counting on its thread (`parent` then). */
  editReply(
    id: string,
    change: TextChange,
    crisis: CaseOpening | null,
  ): Promise<{ row: ReplyRow; parent: ThreadRow | null; crisisCase: CaseChange | null }>;
  removeThread(id: string, audit: AuditEntry | null): Promise<ThreadRow>;
  removeReply(id: string, audit: AuditEntry | null): Promise<{ row: ReplyRow; parent: ThreadRow | null }>;
  lockThread(id: string, locked: boolean, audit: AuditEntry): Promise<ThreadRow>;
  /** Approve a held thread or reply (`conflict` when no longer held); a first approval takes the next forum seq. */
  approvePost(
    tenant: string,
    kind: "thread" | "reply",
    id: string,
    actor: string,
  ): Promise<{ thread: ThreadRow; reply: ReplyRow | null }>;
  rejectPost(
    tenant: string,
    kind: "thread" | "reply",
    id: string,
    actor: string,
    reason: string,
  ): Promise<{ thread: ThreadRow | null; reply: ReplyRow | null; hadSeq: boolean; author: string }>;
  findThread(tenant: string, id: string): Promise<ThreadRow | undefined>;
  findReply(tenant: string, id: string): Promise<ReplyRow | undefined>;
  threadByClientId(tenant: string, handle: string, clientId: string): Promise<ThreadRow | undefined>;
  replyByClientId(tenant: string, handle: string, clientId: string): Promise<ReplyRow | undefined>;
  currentForumSeq(tenant: string): Promise<number>;
  threadsActiveBy(
    tenant: string,
    snapshot: number,
    before: number,
    limit: number,
    tag?: string,
  ): Promise<ThreadRow[]>;
  threadsBumpedAfter(tenant: string, snapshot: number, tag?: string): Promise<ThreadRow[]>;
  lastReplySeqBy(threadIds: string[], snapshot: number): Promise<Map<string, number>>;
  repliesAfter(threadId: string, afterSeq: number, limit: number): Promise<ReplyRow[]>;
  heldPosts(tenant: string, limit?: number): Promise<{ threads: ThreadRow[]; replies: ReplyRow[] }>;
  /** Which kind of text an id names in the tenant (a chat message, a forum thread or reply), if any. */
  textKind(tenant: string, id: string): Promise<"message" | "thread" | "reply" | undefined>;

  // Retention
  /** Purge up to `batch` of the tenant's messages created before `cutoff`, with their reactions. */
  purgeExpired(tenant: string, cutoff: string, batch: number): Promise<number>;
}
