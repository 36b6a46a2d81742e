/**
 * Every HTTP route with the schemas that validate it and the shapes it answers: the one source
 * of /openapi.json (routes/openapi.ts). A test compares this table with the routes Fastify has
 * registered, so a route cannot exist without its description.
 */
import { z } from "zod";
import { deliveriesQuery, userSubject } from "../../shared/integrations.ts";
import * as S from "../../shared/schemas.ts";
import * as W from "../../shared/wire.ts";
import { pageQuery as auditQuery } from "./audit.ts";
import { editBody, repliesQuery, replyBody, threadId } from "./forum.ts";
import { caseQuery, noteBody } from "./moderation.ts";

export type Who = "anyone" | "operator" | "any role" | "staff" | "peer_specialist, admin" | "admin";

export interface RouteDoc {
  method: "GET" | "POST";
  /** Fastify's form: `/api/rooms/:id/messages`. */
  path: string;
  summary: string;
  tag: string;
  who: Who;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status -> JSON schema, or a media type for a non-JSON answer. */
  responses: Record<number, z.ZodType | { media: string }>;
  /** Served only in some configurations (the demo page needs the generated dev secret). */
  optional?: boolean;
}

const id = z.object({ id: z.string().min(1).max(64) });
const idAndReply = z.object({ id: z.string().min(1).max(64), replyId: z.string().min(1).max(64) });
const ok = { 200: z.object({}) };
const caseAnswer = { 200: z.object({ case: W.kase }) };
const delivery = z.object({
  id: z.string(),
  type: z.string(),
  createdAt: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
const auditRow = z.object({
  id: z.number().int(),
  tenant: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
const row = z.record(z.string(), z.unknown());
const userExport = z.object({
  notice: z.string(),
  tenant: z.string(),
  user: z.object({
    sub: z.string(),
    handle: z.string(),
    name: z.string(),
    role: z.string(),
    updatedAt: z.string(),
  }),
  memberships: z.array(
    z.object({
      roomId: z.string(),
      enrolled: z.boolean(),
      joined: z.boolean(),
      removedAt: z.string().nullable(),
      updatedAt: z.string(),
    }),
  ),
  mutes: z.array(z.object({ roomId: z.string(), until: z.string(), by: z.string() })),
  messages: z.array(row),
  threads: z.array(row),
  replies: z.array(row),
  reactions: z.array(z.object({ messageId: z.string(), emoji: z.string() })),
  reports: z.array(W.kase),
  cases: z.array(W.kase),
  audit: z.array(auditRow),
});
const counts = z.object({
  messages: z.number().int(),
  threads: z.number().int(),
  replies: z.number().int(),
  reactions: z.number().int(),
  memberships: z.number().int(),
  mutes: z.number().int(),
});
const threadPage = z.object({ threads: z.array(W.thread), nextCursor: z.string().nullable() });
const readiness = z.object({
  ok: z.boolean(),
  database: z.boolean(),
  redis: z.union([z.boolean(), z.literal("not_configured")]),
  draining: z.boolean(),
});

export const API: RouteDoc[] = [
  {
    method: "GET",
    path: "/healthz",
    summary: "Liveness",
    tag: "operations",
    who: "anyone",
    responses: { 200: z.object({ ok: z.literal(true) }) },
  },
  {
    method: "GET",
    path: "/widget/status",
    summary: "Whether a page's origin may use the chat (any origin may ask; nothing else is answered)",
    tag: "operations",
    who: "anyone",
    query: z.object({ tenant: z.string().max(64).optional() }),
    responses: { 200: z.object({ allowed: z.boolean() }) },
  },
  {
    method: "GET",
    path: "/readyz",
    summary: "Readiness: the database and, when configured, Redis",
    tag: "operations",
    who: "anyone",
    responses: { 200: readiness, 503: readiness },
  },
  {
    method: "GET",
    path: "/metrics",
    summary: "Prometheus metrics (keep internal)",
    tag: "operations",
    who: "operator",
    responses: { 200: { media: "text/plain" } },
  },
  {
    method: "GET",
    path: "/openapi.json",
    summary: "This document",
    tag: "descriptions",
    who: "anyone",
    responses: { 200: { media: "application/json" } },
  },
  {
    method: "GET",
    path: "/asyncapi.json",
    summary: "The Socket.IO events as an AsyncAPI 3 document",
    tag: "descriptions",
    who: "anyone",
    responses: { 200: { media: "application/json" } },
  },
  {
    method: "GET",
    path: "/docs",
    summary: "This API, rendered",
    tag: "descriptions",
    who: "anyone",
    responses: { 200: { media: "text/html" } },
  },
  {
    method: "GET",
    path: "/widget.js",
    summary: "The embeddable widget",
    tag: "web",
    who: "anyone",
    responses: { 200: { media: "text/javascript" } },
  },
  {
    method: "GET",
    path: "/console",
    summary: "The peer specialist console",
    tag: "web",
    who: "anyone",
    responses: { 200: { media: "text/html" } },
  },
  {
    method: "GET",
    path: "/console/console.js",
    summary: "The console's script",
    tag: "web",
    who: "anyone",
    responses: { 200: { media: "text/javascript" } },
  },
  {
    method: "GET",
    path: "/console/console.css",
    summary: "The console's styles",
    tag: "web",
    who: "anyone",
    responses: { 200: { media: "text/css" } },
  },
  {
    method: "GET",
    path: "/demo",
    summary: "A demo host page (only with the generated development secret)",
    tag: "web",
    who: "anyone",
    responses: { 200: { media: "text/html" } },
    optional: true,
  },
  {
    method: "GET",
    path: "/demo.js",
    summary: "The demo page's script",
    tag: "web",
    who: "anyone",
    responses: { 200: { media: "text/javascript" } },
    optional: true,
  },
  {
    method: "GET",
    path: "/api/rooms",
    summary: "Rooms the caller may join or has joined",
    tag: "rooms",
    who: "any role",
    responses: { 200: z.object({ rooms: z.array(W.room) }) },
  },
  {
    method: "POST",
    path: "/api/rooms",
    summary: "Create a room",
    tag: "rooms",
    who: "peer_specialist, admin",
    body: S.createRoom,
    responses: { 201: z.object({ room: W.room }) },
  },
  {
    method: "POST",
    path: "/api/rooms/:id/members",
    summary: "Enrol a user by their sub (buddy pairs, invite groups)",
    tag: "rooms",
    who: "peer_specialist, admin",
    params: id,
    body: S.enrolMember,
    responses: { 201: z.object({}) },
  },
  {
    method: "GET",
    path: "/api/rooms/:id/messages",
    summary: "A room's history, newest page first",
    tag: "rooms",
    who: "any role",
    params: id,
    query: S.historyQuery,
    responses: { 200: z.object({ messages: z.array(W.message), hasMore: z.boolean() }) },
  },
  {
    method: "GET",
    path: "/api/forum/threads",
    summary: "Forum threads by newest activity, cursor-paginated",
    tag: "forum",
    who: "any role",
    query: S.threadsQuery,
    responses: { 200: threadPage },
  },
  {
    method: "POST",
    path: "/api/forum/threads",
    summary: "Post a thread (moderated like forum:post)",
    tag: "forum",
    who: "any role",
    body: S.forumPost,
    responses: { 201: z.object({ thread: W.thread, moderation: W.moderationOutcome }) },
  },
  {
    method: "GET",
    path: "/api/forum/threads/:id",
    summary: "A thread with its replies, cursor-paginated",
    tag: "forum",
    who: "any role",
    params: z.object({ id: threadId }),
    query: repliesQuery,
    responses: {
      200: z.object({ thread: W.thread, replies: z.array(W.reply), nextCursor: z.string().nullable() }),
    },
  },
  {
    method: "POST",
    path: "/api/forum/threads/:id/replies",
    summary: "Reply to a thread",
    tag: "forum",
    who: "any role",
    params: z.object({ id: threadId }),
    body: replyBody,
    responses: { 201: z.object({ reply: W.reply, moderation: W.moderationOutcome }) },
  },
  {
    method: "POST",
    path: "/api/forum/threads/:id/edit",
    summary: "Edit your own thread (moderated again)",
    tag: "forum",
    who: "any role",
    params: id,
    body: editBody,
    responses: { 200: z.object({ thread: W.thread, moderation: W.moderationOutcome }) },
  },
  {
    method: "POST",
    path: "/api/forum/threads/:id/delete",
    summary: "Delete your own thread",
    tag: "forum",
    who: "any role",
    params: id,
    responses: ok,
  },
  {
    method: "POST",
    path: "/api/forum/threads/:id/replies/:replyId/edit",
    summary: "Edit your own reply (moderated again)",
    tag: "forum",
    who: "any role",
    params: idAndReply,
    body: editBody.omit({ title: true }),
    responses: { 200: z.object({ reply: W.reply, moderation: W.moderationOutcome }) },
  },
  {
    method: "POST",
    path: "/api/forum/threads/:id/replies/:replyId/delete",
    summary: "Delete your own reply",
    tag: "forum",
    who: "any role",
    params: idAndReply,
    responses: ok,
  },
  {
    method: "GET",
    path: "/api/moderation/queue",
    summary: "Held messages and open cases",
    tag: "moderation",
    who: "staff",
    responses: { 200: z.object({ held: z.array(W.heldItem), cases: z.array(W.kase) }) },
  },
  {
    method: "POST",
    path: "/api/moderation/check",
    summary: "The verdict on a text, storing nothing",
    tag: "moderation",
    who: "staff",
    body: S.checkText,
    responses: { 200: z.looseObject({ action: z.enum(["allow", "redact", "hold", "block"]) }) },
  },
  {
    method: "GET",
    path: "/api/cases",
    summary: "Cases the caller's role sees",
    tag: "cases",
    who: "staff",
    query: caseQuery,
    responses: { 200: z.object({ cases: z.array(W.kase) }) },
  },
  {
    method: "POST",
    path: "/api/cases/:id/ack",
    summary: "Acknowledge a case",
    tag: "cases",
    who: "staff",
    params: id,
    responses: caseAnswer,
  },
  {
    method: "POST",
    path: "/api/cases/:id/escalate",
    summary: "Escalate a case to clinicians",
    tag: "cases",
    who: "staff",
    params: id,
    body: noteBody,
    responses: caseAnswer,
  },
  {
    method: "POST",
    path: "/api/cases/:id/resolve",
    summary: "Resolve a case",
    tag: "cases",
    who: "staff",
    params: id,
    body: noteBody,
    responses: caseAnswer,
  },
  {
    method: "POST",
    path: "/api/cases/:id/identity",
    summary: "Show identity: whom the case is about in your records (audited)",
    tag: "cases",
    who: "staff",
    params: id,
    responses: { 200: z.object({ subject: W.caseSubjectIdentity }) },
  },
  {
    method: "GET",
    path: "/api/cases/:id/history",
    summary: "A case's timeline and the messages just before the flagged one, for the console",
    tag: "cases",
    who: "staff",
    params: id,
    responses: {
      200: z.object({
        case: W.kase,
        room: z.object({ id: z.string(), name: z.string() }).nullable(),
        subject: W.member.nullable(),
        item: W.heldItem.nullable(),
        timeline: z.array(
          z.object({
            at: z.string(),
            kind: z.enum([
              "opened",
              "acknowledged",
              "escalated",
              "auto_escalated",
              "resolved",
              "help_requested",
              "note",
            ]),
            by: z.string().nullable(),
            text: z.string().optional(),
          }),
        ),
      }),
    },
  },
  {
    method: "GET",
    path: "/api/audit",
    summary: "The tenant's audit trail, newest first",
    tag: "audit",
    who: "admin",
    query: auditQuery,
    responses: {
      200: z.object({
        entries: z.array(auditRow),
        hasMore: z.boolean(),
        nextBefore: z.number().int().optional(),
      }),
    },
  },
  {
    method: "GET",
    path: "/api/audit/verify",
    summary: "Check the tenant's audit hash chain",
    tag: "audit",
    who: "admin",
    responses: {
      200: z.object({ ok: z.boolean(), checked: z.number().int(), firstBadId: z.number().int().optional() }),
    },
  },
  {
    method: "GET",
    path: "/api/webhooks/deliveries",
    summary: "Webhook deliveries, newest first",
    tag: "webhooks",
    who: "admin",
    query: deliveriesQuery,
    responses: {
      200: z.object({
        deliveries: z.array(delivery),
        hasMore: z.boolean(),
        nextBefore: z.string().optional(),
      }),
    },
  },
  {
    method: "POST",
    path: "/api/webhooks/deliveries/:id/redeliver",
    summary: "Send a delivery again (same id and body, signed afresh)",
    tag: "webhooks",
    who: "admin",
    params: id,
    responses: { 202: z.object({ delivery }) },
  },
  {
    method: "POST",
    path: "/api/webhooks/test",
    summary: "Queue a signed ping event",
    tag: "webhooks",
    who: "admin",
    responses: { 202: z.object({ delivery }) },
  },
  {
    method: "POST",
    path: "/api/users/export",
    summary: "Everything stored about a user in the tenant (42 CFR Part 2 record; audited)",
    tag: "data rights",
    who: "admin",
    body: userSubject,
    responses: { 200: userExport },
  },
  {
    method: "POST",
    path: "/api/users/delete",
    summary: "Remove a user's text and presence (audited)",
    tag: "data rights",
    who: "admin",
    body: userSubject,
    responses: { 200: z.object({ deleted: counts }) },
  },
];
