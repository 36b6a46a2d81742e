/**
 * The row types both stores return (the SQLite schema declares them; the PostgreSQL schema is
 * checked to infer the same, in pg/schema.ts) and the pure mappings from rows to wire shapes.
 */
import type {
  Case,
  CaseStatus,
  CrisisCategory,
  Member,
  Message,
  MessageStatus,
  Room,
  RoomKind,
  Visibility,
} from "../../shared/types.ts";
import type * as s from "./sqlite/schema.ts";

export type UserRow = typeof s.users.$inferSelect;
export type RoomRow = typeof s.rooms.$inferSelect;
export type MemberRow = typeof s.roomMembers.$inferSelect;
export type MessageRow = typeof s.messages.$inferSelect;
export type CaseRow = typeof s.cases.$inferSelect;
export type OutboxRow = typeof s.outbox.$inferSelect;
export type AuditRow = typeof s.audit.$inferSelect;
export type AuditHeadRow = typeof s.auditHeads.$inferSelect;
export type ThreadRow = typeof s.threads.$inferSelect;
export type ReplyRow = typeof s.replies.$inferSelect;

/** Statuses a subscriber or browser may see a post in. */
export const LIVE_STATUSES = ["visible", "redacted"] as const;
export const isLive = (status: string) => status === "visible" || status === "redacted";

export function toRoom(r: RoomRow): Room {
  return {
    id: r.id,
    kind: r.kind as RoomKind,
    name: r.name,
    topic: r.topic,
    visibility: r.visibility as Visibility,
  };
}

export function toCase(r: CaseRow): Case {
  return {
    id: r.id,
    roomId: r.roomId,
    messageId: r.messageId,
    threadId: r.threadId,
    level: r.level,
    category: r.category as CrisisCategory | "report" | null,
    status: r.status as CaseStatus,
    tier: r.tier,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    assignee: r.assignee,
    notes: r.notes,
  };
}

/** The wire shape of a message, given its author and reaction counts. */
export function toWireMessage(
  r: MessageRow,
  author: Member | undefined,
  reactions: Record<string, number>,
): Message {
  return {
    id: r.id,
    roomId: r.roomId,
    seq: r.seq,
    author: author ?? { id: r.authorHandle, name: "Member", role: "participant" },
    body: r.status === "deleted" || r.status === "rejected" ? "" : r.body,
    status: r.status as MessageStatus,
    replyTo: r.replyTo,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    reactions,
  };
}

/** The wire shape of a message just stored by `author`: no reactions yet, nothing to look up. */
export function newMessage(row: MessageRow, author: Member): Message {
  return toWireMessage(row, author, {});
}

/** Who a case is about, for the integrator: the handle Lantern shows and the integrator's own `sub`. */
export interface CaseSubject {
  handle: string;
  sub: string;
}

/**
 * The webhook body of a case event, fixed when queued (notes stay in Lantern). `data.subject`
 * names the person the case is about by the integrator's own `sub`, so the provider knows whom
 * to call; the reporter of a report is never in it.
 */
export function webhookBody(
  id: string,
  type: string,
  tenant: string,
  createdAt: string,
  data: Case,
  subject: CaseSubject | null = null,
): string {
  return JSON.stringify({ id, type, tenant, createdAt, data: { ...data, notes: [], subject } });
}
