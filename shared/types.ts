/**
 * The shapes that cross the wire (PROTOCOL.md "Shapes"). Times are ISO-8601 strings and every
 * `id` of a person is the opaque per-tenant handle, never the integrator's `sub`.
 */

export const ROLES = ["participant", "peer_specialist", "clinician", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ["peer_specialist", "clinician", "admin"];

export const ROOM_KINDS = ["group", "social", "buddy"] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
export const VISIBILITIES = ["open", "invite"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const MESSAGE_STATUSES = ["visible", "redacted", "held", "rejected", "deleted"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** The topics a forum thread may carry (at most three); the listing filters by one of them. */
export const FORUM_TAGS = ["coping-strategies", "relapse-prevention", "life-skills", "wins"] as const;
export type ForumTag = (typeof FORUM_TAGS)[number];

export const CASE_STATUSES = ["open", "acknowledged", "escalated", "resolved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CRISIS_CATEGORIES = ["self_harm", "overdose", "harm_others", "abuse", "relapse"] as const;
export type CrisisCategory = (typeof CRISIS_CATEGORIES)[number];

export const MODERATION_ACTIONS = ["allow", "redact", "hold", "block"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The small supportive set of reactions a participant may add. */
export const REACTIONS = ["❤️", "🙏", "💪", "🤗", "👏", "🌱"] as const;
export type Reaction = (typeof REACTIONS)[number];

export interface Member {
  id: string;
  name: string;
  role: Role;
}

export interface Message {
  id: string;
  roomId: string;
  /** Position in the room; null while held or rejected (a held message gets its seq on approval). */
  seq: number | null;
  author: Member;
  body: string;
  status: MessageStatus;
  replyTo: string | null;
  createdAt: string;
  editedAt: string | null;
  /** emoji -> number of people who reacted with it. */
  reactions: Record<string, number>;
}

export interface Room {
  id: string;
  kind: RoomKind;
  name: string;
  topic: string | null;
  visibility: Visibility;
}

/** A room as `room:join` returns it: with the group agreement shown on join. */
export interface JoinedRoom extends Room {
  agreement: string[];
}

/** A moderation finding, as the engine declares it (one declaration: moderation/types.ts). */
export type { Finding } from "../moderation/types.ts";

export interface Case {
  id: string;
  roomId: string | null;
  messageId: string | null;
  threadId?: string | null;
  level: number;
  category: CrisisCategory | "report" | null;
  status: CaseStatus;
  tier: number;
  createdAt: string;
  dueAt: string;
  assignee: string | null;
  notes: CaseNote[];
}

export interface CaseNote {
  by: string;
  at: string;
  text: string;
}

/**
 * A forum thread. `status` is `visible` | `redacted` | `held` | `rejected` | `deleted` (by its
 * author or removed by staff); `lastActivityAt` moves when a reply becomes visible; `replyCount`
 * counts visible replies. Updates re-send the whole Thread on `forum:thread`.
 */
export interface Thread {
  id: string;
  title: string;
  body: string;
  author: Member;
  status: MessageStatus;
  replyCount: number;
  createdAt: string;
  lastActivityAt: string;
  tags: string[];
  locked: boolean;
}

/** A reply in a forum thread; updates (edit, redaction, deletion, approval) re-send it on `forum:reply`. */
export interface Reply {
  id: string;
  threadId: string;
  body: string;
  author: Member;
  status: MessageStatus;
  createdAt: string;
}

export interface ModerationOutcome {
  action: Exclude<ModerationAction, "block">;
  reasons: string[];
}

export interface CrisisResource {
  name: string;
  phone?: string;
  sms?: string;
  url?: string;
  /** Extension: `emergency` and `poison_control` lines are the tenant's emergency numbers; others are crisis lines. */
  kind?: "emergency" | "poison_control" | "line";
}

/**
 * The private answer to an author whose words showed risk. `resources` come in the order to
 * show them: for level 4 and for overdose the emergency number first (then Poison Control for
 * an overdose), then the tenant's crisis lines; otherwise the lines, then the emergency number.
 */
export interface SupportPayload {
  messageId: string;
  level: number;
  text: string;
  resources: CrisisResource[];
  /** Extension: the crisis category, when moderation named one. */
  category?: string | null;
  /** Extension: the case opened for it; `support:request` with it asks a peer specialist to come now. */
  caseId?: string | null;
  /** Extension: the language of `text` and of the resources' names (the socket's handshake locale). */
  locale?: string;
  /** Extension: true when this is the server's replay on `room:join` / `forum:subscribe` of a case still open. */
  replayed?: boolean;
}

export interface Notice {
  code: string;
  message: string;
  [detail: string]: unknown;
}
