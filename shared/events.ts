/**
 * The Socket.IO event maps shared by the server, the widget and the tests
 * (PROTOCOL.md "Participant events", "Server-to-client events", "Staff events").
 */
import type { z } from "zod";
import type { Result } from "./errors.ts";
import type * as I from "./integrations.ts";
import type { CaseSubjectIdentity } from "./integrations.ts";
import type * as S from "./schemas.ts";
import type {
  Case,
  Finding,
  JoinedRoom,
  Member,
  Message,
  MessageStatus,
  ModerationOutcome,
  Notice,
  Reply,
  Role,
  SupportPayload,
  Thread,
} from "./types.ts";

/** What a client sends: the schema's input (defaults and transforms are applied by the server). */
type In<Schema extends z.ZodType> = z.input<Schema>;

type Ack<T extends object = Record<string, never>> = (result: Result<T>) => void;

/**
 * An item of the staff queue. A held forum post is shown Message-shaped: `roomId` "forum",
 * `id` the thread ("t_...") or reply ("p_...") id, `body` the title and body joined by a blank
 * line (a reply's body alone, with `replyTo` its thread id), `seq` null. `mod:approve` and
 * `mod:reject` take that id like a message id.
 */
export interface HeldItem {
  message: Message;
  findings: Finding[];
  /** The few visible messages just before it in the room, for a reviewer's context. */
  context?: Message[];
}

export interface ClientToServerEvents {
  "room:join": (
    p: In<typeof S.roomJoin>,
    ack: Ack<{
      room: JoinedRoom;
      messages: Message[];
      hasMore: boolean;
      online: Member[];
      me: Member;
      /** Extension: the caller's own messages held for review in this room (no seq, so not in `messages`). */
      pending: Message[];
    }>,
  ) => void;
  "room:leave": (p: In<typeof S.roomLeave>, ack: Ack) => void;
  "room:history": (p: In<typeof S.roomHistory>, ack: Ack<{ messages: Message[]; hasMore: boolean }>) => void;
  "message:send": (
    p: In<typeof S.messageSend>,
    ack: Ack<{ message: Message; moderation: ModerationOutcome }>,
  ) => void;
  "message:edit": (
    p: In<typeof S.messageEdit>,
    ack: Ack<{ message: Message; moderation?: ModerationOutcome }>,
  ) => void;
  "message:delete": (p: In<typeof S.messageDelete>, ack: Ack) => void;
  "message:react": (p: In<typeof S.messageReact>, ack: Ack<{ message: Message }>) => void;
  "message:report": (p: In<typeof S.messageReport>, ack: Ack<{ caseId: string }>) => void;
  typing: (p: In<typeof S.typing>, ack?: Ack) => void;
  "forum:subscribe": (p: Record<string, never>, ack: Ack<{ threads: Thread[] }>) => void;
  "forum:post": (
    p: In<typeof S.forumPost>,
    ack: Ack<{ thread: Thread; moderation: ModerationOutcome }>,
  ) => void;
  "forum:reply": (
    p: In<typeof S.forumReply>,
    ack: Ack<{ reply: Reply; moderation: ModerationOutcome }>,
  ) => void;
  /** Extensions: authors edit or delete their own posts; staff remove posts and lock threads. */
  "forum:edit": (
    p: In<typeof S.forumEdit>,
    ack: Ack<{ thread?: Thread; reply?: Reply; moderation: ModerationOutcome }>,
  ) => void;
  "forum:delete": (p: In<typeof S.forumDelete>, ack: Ack) => void;
  "forum:remove": (p: In<typeof S.forumRemove>, ack: Ack) => void;
  "forum:lock": (p: In<typeof S.forumLock>, ack: Ack<{ thread: Thread }>) => void;
  /** Extension: the author of a support card asks for a peer specialist now (a case note and a staff feed item). */
  "support:request": (p: In<typeof S.supportRequest>, ack: Ack<{ caseId: string }>) => void;
  "mod:subscribe": (
    p: Record<string, never>,
    /** Extension: `flagged`, the recently delivered but flagged messages, newest first (the backlog). */
    ack: Ack<{ held: HeldItem[]; cases: Case[]; flagged: HeldItem[] }>,
  ) => void;
  "mod:approve": (p: In<typeof S.modApprove>, ack: Ack<{ message: Message }>) => void;
  "mod:reject": (p: In<typeof S.modReject>, ack: Ack) => void;
  "mod:delete": (p: In<typeof S.modDelete>, ack: Ack) => void;
  "mod:mute": (p: In<typeof S.modMute>, ack: Ack<{ until: string }>) => void;
  "mod:unmute": (p: In<typeof S.modUnmute>, ack: Ack) => void;
  "mod:remove": (p: In<typeof S.modRemove>, ack: Ack) => void;
  "case:ack": (p: In<typeof S.caseAck>, ack: Ack<{ case: Case }>) => void;
  "case:escalate": (p: In<typeof S.caseEscalate>, ack: Ack<{ case: Case }>) => void;
  "case:resolve": (p: In<typeof S.caseResolve>, ack: Ack<{ case: Case }>) => void;
  /** Extension: reveal, audited, whom a case is about in the provider's own records (staff). */
  "case:identity": (p: In<typeof I.caseIdentity>, ack: Ack<{ subject: CaseSubjectIdentity }>) => void;
}

export interface ServerToClientEvents {
  "message:new": (m: Message) => void;
  "message:updated": (m: Message) => void;
  "message:deleted": (p: { roomId: string; messageId: string }) => void;
  presence: (p: { roomId: string; online: Member[] }) => void;
  typing: (p: { roomId: string; user: Member; typing: boolean }) => void;
  support: (p: SupportPayload) => void;
  notice: (p: Notice) => void;
  "forum:thread": (t: Thread) => void;
  "forum:reply": (r: Reply) => void;
  "mod:flagged": (p: HeldItem) => void;
  "mod:held": (p: HeldItem) => void;
  /** Extension: a held item was approved, rejected or deleted (by anyone), so other staff screens drop it. */
  "mod:resolved": (p: { messageId: string; status: MessageStatus }) => void;
  "case:new": (c: Case) => void;
  "case:updated": (c: Case) => void;
}

/** Messages between nodes (serverSideEmit). */
export interface InterServerEvents {
  ping: () => void;
}

/** What the handshake leaves on every socket. */
export interface SocketData {
  tenant: string;
  sub: string;
  handle: string;
  name: string;
  role: Role;
  exp: number;
  /** Extension: the language the client asked for in `auth.locale` (lower case), when it gave one. */
  locale?: string;
}

/** Every client-to-server event name, at run time (the server answers unknown ones with `invalid`). */
export const CLIENT_EVENTS = [
  "room:join",
  "room:leave",
  "room:history",
  "message:send",
  "message:edit",
  "message:delete",
  "message:react",
  "message:report",
  "typing",
  "forum:subscribe",
  "forum:post",
  "forum:reply",
  "forum:edit",
  "forum:delete",
  "forum:remove",
  "forum:lock",
  "support:request",
  "mod:subscribe",
  "mod:approve",
  "mod:reject",
  "mod:delete",
  "mod:mute",
  "mod:unmute",
  "mod:remove",
  "case:ack",
  "case:escalate",
  "case:resolve",
  "case:identity",
] as const satisfies readonly (keyof ClientToServerEvents)[];

/** Every server-to-client event name, at run time. */
export const SERVER_EVENTS = [
  "message:new",
  "message:updated",
  "message:deleted",
  "presence",
  "typing",
  "support",
  "notice",
  "forum:thread",
  "forum:reply",
  "mod:flagged",
  "mod:held",
  "mod:resolved",
  "case:new",
  "case:updated",
] as const satisfies readonly (keyof ServerToClientEvents)[];

// Compile-time proof that the lists above name every event of the maps (and nothing else).
type Missing<All, Listed> = Exclude<All, Listed>;
const _clientComplete: Missing<keyof ClientToServerEvents, (typeof CLIENT_EVENTS)[number]> extends never
  ? true
  : never = true;
const _serverComplete: Missing<keyof ServerToClientEvents, (typeof SERVER_EVENTS)[number]> extends never
  ? true
  : never = true;
void _clientComplete;
void _serverComplete;
