/**
 * Runtime schemas of every inbound payload. Handlers receive the parsed output or the client
 * receives `invalid`; the TypeScript types are inferred from here and never written twice.
 */
import { z } from "zod";
import { FORUM_TAGS, REACTIONS, ROOM_KINDS, VISIBILITIES } from "./types.ts";

export const MAX_BODY = 4000;
export const MAX_TITLE = 200;

const id = z.string().min(1).max(64);
/** Chosen by the client (a UUID is expected); the idempotency key of a send. */
const clientId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, "letters, digits and _.:- only");
/** Lone UTF-16 surrogates become U+FFFD: stored and echoed text is always valid UTF-8. */
const text = () => z.string().overwrite((s) => s.replace(/[\uD800-\uDFFF]/gu, "\uFFFD"));
const body = text().trim().min(1, "empty").max(MAX_BODY, `at most ${MAX_BODY} characters`);
const reason = text().trim().max(500);
const note = text().trim().max(4000);
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const tag = z.string().trim().toLowerCase().min(1).max(40);

export const roomJoin = z.strictObject({ roomId: id, afterSeq: seq.optional() });
export const roomLeave = z.strictObject({ roomId: id });
export const roomHistory = z.strictObject({
  roomId: id,
  beforeSeq: seq.optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export const messageSend = z.strictObject({ roomId: id, clientId, body, replyTo: id.nullish() });
export const messageEdit = z.strictObject({ messageId: id, body });
export const messageDelete = z.strictObject({ messageId: id });
export const messageReact = z.strictObject({ messageId: id, emoji: z.enum(REACTIONS) });
export const messageReport = z.strictObject({ messageId: id, reason: reason.optional() });
/** Ask for a peer specialist now, from the support card of `messageId` (a message, thread or reply id). */
export const supportRequest = z.strictObject({ messageId: id });
export const typing = z.strictObject({ roomId: id, typing: z.boolean() });
export const empty = z.union([z.strictObject({}), z.undefined(), z.null()]).transform(() => ({}));
const title = text().trim().min(1, "empty").max(MAX_TITLE, `at most ${MAX_TITLE} characters`);
const forumTag = z.enum(FORUM_TAGS, { error: `one of ${FORUM_TAGS.join(", ")}` });
export const forumPost = z.strictObject({
  clientId,
  title,
  body,
  tags: z
    .array(forumTag)
    .max(3, "at most 3 tags")
    .optional()
    .transform((t) => [...new Set(t ?? [])]),
});
export const forumReply = z.strictObject({ threadId: id, clientId, body });
/** Edit a thread (title and/or body) or, with `replyId`, one reply (body). */
export const forumEdit = z.strictObject({
  threadId: id,
  replyId: id.optional(),
  title: title.optional(),
  body,
});
export const forumDelete = z.strictObject({ threadId: id, replyId: id.optional() });
/** Staff: remove a thread or a reply, with a reason for the audit trail. */
export const forumRemove = z.strictObject({ threadId: id, replyId: id.optional(), reason });
/** Staff: lock (or unlock) a thread against new replies. */
export const forumLock = z.strictObject({ threadId: id, locked: z.boolean().default(true), reason });
/** `GET /api/forum/threads?limit=&cursor=&tag=`: the tag filter is one of FORUM_TAGS. */
export const threadsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
  tag: forumTag.optional(),
});

export const modApprove = z.strictObject({ messageId: id });
export const modReject = z.strictObject({ messageId: id, reason });
export const modDelete = z.strictObject({ messageId: id, reason });
export const modMute = z.strictObject({
  roomId: id,
  userId: id,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 28),
  reason,
});
export const modUnmute = z.strictObject({ roomId: id, userId: id });
export const modRemove = z.strictObject({ roomId: id, userId: id, reason });
export const caseAck = z.strictObject({ caseId: id });
export const caseEscalate = z.strictObject({ caseId: id, note });
export const caseResolve = z.strictObject({ caseId: id, note });

export const createRoom = z.strictObject({
  kind: z.enum(ROOM_KINDS),
  name: z.string().trim().min(1).max(100),
  topic: z.string().trim().max(300).nullish(),
  visibility: z.enum(VISIBILITIES),
  members: z.array(z.string().min(1).max(200)).max(500).optional(),
  policy: z.record(z.string(), z.unknown()).optional(),
});
export const enrolMember = z.strictObject({ sub: z.string().min(1).max(200) });
export const historyQuery = z.object({
  beforeSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
  tag: tag.optional(),
});
export const checkText = z.strictObject({
  text: z.string().max(20_000),
  kind: z.enum([...ROOM_KINDS, "forum"]).optional(),
});

export type RoomJoin = z.infer<typeof roomJoin>;
export type RoomLeave = z.infer<typeof roomLeave>;
export type RoomHistory = z.infer<typeof roomHistory>;
export type MessageSend = z.infer<typeof messageSend>;
export type MessageEdit = z.infer<typeof messageEdit>;
export type MessageDelete = z.infer<typeof messageDelete>;
export type MessageReact = z.infer<typeof messageReact>;
export type MessageReport = z.infer<typeof messageReport>;
export type Typing = z.infer<typeof typing>;
export type ForumPost = z.infer<typeof forumPost>;
export type ForumReply = z.infer<typeof forumReply>;
export type ForumEdit = z.infer<typeof forumEdit>;
export type ForumDelete = z.infer<typeof forumDelete>;
export type ForumRemove = z.infer<typeof forumRemove>;
export type ForumLock = z.infer<typeof forumLock>;
export type ModApprove = z.infer<typeof modApprove>;
export type ModReject = z.infer<typeof modReject>;
export type ModDelete = z.infer<typeof modDelete>;
export type ModMute = z.infer<typeof modMute>;
export type ModUnmute = z.infer<typeof modUnmute>;
export type ModRemove = z.infer<typeof modRemove>;
export type CaseAck = z.infer<typeof caseAck>;
export type CaseEscalate = z.infer<typeof caseEscalate>;
export type CaseResolve = z.infer<typeof caseResolve>;
export type CreateRoom = z.infer<typeof createRoom>;

/** Parse an untrusted value; on failure, a short, whitelisted explanation (field names only). */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; message: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "payload";
  const why = issue?.code === "unrecognized_keys" ? "has unknown fields" : (issue?.message ?? "is invalid");
  return { ok: false, message: `${where}: ${why}`.slice(0, 200) };
}
