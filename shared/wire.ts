/**
 * Runtime schemas of what the server sends: the shapes of types.ts, every ack result and every
 * server-to-client payload. The API descriptions (/openapi.json, /asyncapi.json) are generated
 * from these and from schemas.ts; the compile-time checks at the end fail when one of them
 * drifts from the TypeScript event maps, so a description cannot say what the code does not.
 */
import { z } from "zod";
import { ERROR_CODES } from "./errors.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "./events.ts";
import * as I from "./integrations.ts";
import * as S from "./schemas.ts";
import {
  CASE_STATUSES,
  CRISIS_CATEGORIES,
  MESSAGE_STATUSES,
  MODERATION_ACTIONS,
  ROLES,
  ROOM_KINDS,
  VISIBILITIES,
} from "./types.ts";

const time = z.string().meta({ format: "date-time" });

export const member = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });
export const message = z.object({
  id: z.string(),
  roomId: z.string(),
  seq: z.number().int().nullable(),
  author: member,
  body: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  replyTo: z.string().nullable(),
  createdAt: time,
  editedAt: time.nullable(),
  reactions: z.record(z.string(), z.number().int()),
});
export const room = z.object({
  id: z.string(),
  kind: z.enum(ROOM_KINDS),
  name: z.string(),
  topic: z.string().nullable(),
  visibility: z.enum(VISIBILITIES),
});
export const joinedRoom = room.extend({ agreement: z.array(z.string()) });
export const finding = z.object({
  kind: z.enum(["crisis", "privacy", "solicitation", "custom"]),
  type: z.string(),
  severity: z.number(),
  start: z.number().int(),
  end: z.number().int(),
  rule: z.string(),
  /** Learned-stage findings: the features of the window that weighed most. */
  features: z.array(z.string()).optional(),
});
export const caseNote = z.object({ by: z.string(), at: time, text: z.string() });
export const kase = z.object({
  id: z.string(),
  roomId: z.string().nullable(),
  messageId: z.string().nullable(),
  threadId: z.string().nullable().optional(),
  level: z.number().int(),
  category: z.enum([...CRISIS_CATEGORIES, "report"]).nullable(),
  status: z.enum(CASE_STATUSES),
  tier: z.number().int(),
  createdAt: time,
  dueAt: time,
  assignee: z.string().nullable(),
  notes: z.array(caseNote),
});
export const thread = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  author: member,
  status: z.enum(MESSAGE_STATUSES),
  replyCount: z.number().int(),
  createdAt: time,
  lastActivityAt: time,
  tags: z.array(z.string()),
  locked: z.boolean(),
});
export const reply = z.object({
  id: z.string(),
  threadId: z.string(),
  body: z.string(),
  author: member,
  status: z.enum(MESSAGE_STATUSES),
  createdAt: time,
});
export const moderationOutcome = z.object({
  action: z.enum(MODERATION_ACTIONS).exclude(["block"]),
  reasons: z.array(z.string()),
});
export const crisisResource = z.object({
  name: z.string(),
  phone: z.string().optional(),
  sms: z.string().optional(),
  url: z.string().optional(),
  kind: z.enum(["emergency", "poison_control", "line"]).optional(),
});
export const support = z.object({
  messageId: z.string(),
  level: z.number().int(),
  text: z.string(),
  resources: z.array(crisisResource),
  category: z.string().nullable().optional(),
  caseId: z.string().nullable().optional(),
  locale: z.string().optional(),
  replayed: z.boolean().optional(),
});
export const notice = z.looseObject({ code: z.string(), message: z.string() });
export const heldItem = z.object({
  message,
  findings: z.array(finding),
  context: z.array(message).optional(),
});
export const errorBody = z.looseObject({ code: z.enum(ERROR_CODES), message: z.string() });
export const caseSubjectIdentity = z.object({
  handle: z.string(),
  name: z.string(),
  sub: z.string(),
  url: z.string().nullable(),
});

const nothing = z.object({});

/** The payload schema of every client event (what the server validates). */
export const CLIENT_PAYLOADS = {
  "room:join": S.roomJoin,
  "room:leave": S.roomLeave,
  "room:history": S.roomHistory,
  "message:send": S.messageSend,
  "message:edit": S.messageEdit,
  "message:delete": S.messageDelete,
  "message:react": S.messageReact,
  "message:report": S.messageReport,
  typing: S.typing,
  "forum:subscribe": z.strictObject({}),
  "forum:post": S.forumPost,
  "forum:reply": S.forumReply,
  "forum:edit": S.forumEdit,
  "forum:delete": S.forumDelete,
  "forum:remove": S.forumRemove,
  "forum:lock": S.forumLock,
  "support:request": S.supportRequest,
  "mod:subscribe": z.strictObject({}),
  "mod:approve": S.modApprove,
  "mod:reject": S.modReject,
  "mod:delete": S.modDelete,
  "mod:mute": S.modMute,
  "mod:unmute": S.modUnmute,
  "mod:remove": S.modRemove,
  "case:ack": S.caseAck,
  "case:escalate": S.caseEscalate,
  "case:resolve": S.caseResolve,
  "case:identity": I.caseIdentity,
} as const satisfies Record<keyof ClientToServerEvents, z.ZodType>;

/** The result beside `ok: true` in every client event's ack. */
export const ACK_RESULTS = {
  "room:join": z.object({
    room: joinedRoom,
    messages: z.array(message),
    hasMore: z.boolean(),
    online: z.array(member),
    me: member,
    pending: z.array(message),
  }),
  "room:leave": nothing,
  "room:history": z.object({ messages: z.array(message), hasMore: z.boolean() }),
  "message:send": z.object({ message, moderation: moderationOutcome }),
  "message:edit": z.object({ message, moderation: moderationOutcome.optional() }),
  "message:delete": nothing,
  "message:react": z.object({ message }),
  "message:report": z.object({ caseId: z.string() }),
  typing: nothing,
  "forum:subscribe": z.object({ threads: z.array(thread) }),
  "forum:post": z.object({ thread, moderation: moderationOutcome }),
  "forum:reply": z.object({ reply, moderation: moderationOutcome }),
  "forum:edit": z.object({
    thread: thread.optional(),
    reply: reply.optional(),
    moderation: moderationOutcome,
  }),
  "forum:delete": nothing,
  "forum:remove": nothing,
  "forum:lock": z.object({ thread }),
  "support:request": z.object({ caseId: z.string() }),
  "mod:subscribe": z.object({ held: z.array(heldItem), cases: z.array(kase), flagged: z.array(heldItem) }),
  "mod:approve": z.object({ message }),
  "mod:reject": nothing,
  "mod:delete": nothing,
  "mod:mute": z.object({ until: time }),
  "mod:unmute": nothing,
  "mod:remove": nothing,
  "case:ack": z.object({ case: kase }),
  "case:escalate": z.object({ case: kase }),
  "case:resolve": z.object({ case: kase }),
  "case:identity": z.object({ subject: caseSubjectIdentity }),
} as const satisfies Record<keyof ClientToServerEvents, z.ZodType>;

/** The payload of every server-to-client event. */
export const SERVER_PAYLOADS = {
  "message:new": message,
  "message:updated": message,
  "message:deleted": z.object({ roomId: z.string(), messageId: z.string() }),
  presence: z.object({ roomId: z.string(), online: z.array(member) }),
  typing: z.object({ roomId: z.string(), user: member, typing: z.boolean() }),
  support,
  notice,
  "forum:thread": thread,
  "forum:reply": reply,
  "mod:flagged": heldItem,
  "mod:held": heldItem,
  "mod:resolved": z.object({ messageId: z.string(), status: z.enum(MESSAGE_STATUSES) }),
  "case:new": kase,
  "case:updated": kase,
} as const satisfies Record<keyof ServerToClientEvents, z.ZodType>;

// Compile-time proof that the schemas above say what the event maps say, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AckOf<E extends keyof ClientToServerEvents> = Exclude<
  Parameters<NonNullable<Parameters<ClientToServerEvents[E]>[1]>>[0],
  { ok: false }
>;
type AckDrift = {
  [E in keyof ClientToServerEvents]: Same<
    Omit<AckOf<E>, "ok">,
    z.output<(typeof ACK_RESULTS)[E]>
  > extends true
    ? never
    : E;
}[keyof ClientToServerEvents];
type ServerDrift = {
  [E in keyof ServerToClientEvents]: Same<
    Parameters<ServerToClientEvents[E]>[0],
    z.output<(typeof SERVER_PAYLOADS)[E]>
  > extends true
    ? never
    : E;
}[keyof ServerToClientEvents];
const _acksInStep: [AckDrift] extends [never] ? true : AckDrift = true;
const _serverInStep: [ServerDrift] extends [never] ? true : ServerDrift = true;
void _acksInStep;
void _serverInStep;
