/**
 * What differs between the kinds of moderated write, and nothing else: the policy a text is
 * judged by, the store's unit of work that keeps it (text, seq, case, outbox and audit rows
 * together), the wire shape of what was kept, and the earlier write a resent clientId names.
 */
import type { Case, ModerationOutcome } from "../../shared/types.ts";
import { crisisOpening } from "../cases/cases.ts";
import type { Ctx, Principal } from "../core/context.ts";
import { newMessage } from "../db/rows.ts";
import type { CaseChange, MessageRow, ReplyRow, ThreadRow } from "../db/store.ts";
import { moderatePost, moderateReply } from "../forum/moderation.ts";
import { toReply, toThread } from "../forum/views.ts";
import { newId, sortableId } from "../ids.ts";
import { type Decision, enforce } from "./enforce-verdict.ts";
import { judge } from "./judge.ts";
import type { Placed, TextWrite, ViewOf, WriteKind } from "./write.ts";

/** A decision; a thread's carries its title, redacted on its own. */
export type TextDecision = Decision & { title?: string };

/** What a write returns to its caller (the ack): the stored view and what moderation did. */
export interface Written<K extends WriteKind = WriteKind> {
  view: ViewOf[K];
  moderation: ModerationOutcome;
  /** An earlier write with the same clientId answered instead: nothing new was stored or announced. */
  replayed?: true;
}

const authorOf = (p: Principal) => ({ id: p.handle, name: p.name, role: p.role });

/** Judge a text with the policy of where it goes: its room's, or the tenant's forum policy. */
export function moderateText(ctx: Ctx, tenant: string, w: TextWrite): TextDecision {
  switch (w.kind) {
    case "message":
    case "message-edit":
      return enforce(w.body, judge(ctx, tenant, w.room.kind as "group", w.room.id, w.room.policy, w.body));
    case "thread":
    case "thread-edit":
      return moderatePost(ctx, tenant, w.title, w.body);
    case "reply":
    case "reply-edit":
      return moderateReply(ctx, tenant, w.body);
  }
}

/** The moderated fields every kind stores. */
const moderated = (d: Decision) => ({
  body: d.body,
  status: d.status,
  action: d.outcome.action,
  reasons: d.outcome.reasons,
  findings: d.findings,
});

/** A new text's case, when its unit of work opened one. */
const opened = (c: Case | null): CaseChange | null => (c ? { case: c, isNew: true } : null);

/** The table whose unique clientId key refuses a second new write of this kind. */
export const CLIENT_ID_TABLE: Partial<Record<WriteKind, string>> = {
  message: "messages",
  thread: "threads",
  reply: "replies",
};

/**
 * Store a moderated text with its crisis case in one unit of work of the store (no other I/O
 * happens inside it), then give the wire shape of what was kept. An edit adds to the case its
 * text already has open instead of opening another (issue 15).
 */
export async function storeText(
  ctx: Ctx,
  p: Principal,
  w: TextWrite,
  d: TextDecision,
): Promise<{ item: Placed; case: CaseChange | null }> {
  const { store } = ctx;
  const me = authorOf(p);
  switch (w.kind) {
    case "message": {
      const id = sortableId("m");
      const crisis = crisisOpening(ctx, p, d, { roomId: w.room.id, messageId: id });
      const s = await store.storeMessage(
        {
          id,
          tenant: p.tenant,
          roomId: w.room.id,
          authorHandle: p.handle,
          clientId: w.clientId,
          replyTo: w.replyTo,
          ...moderated(d),
          level: d.level,
          category: d.category,
        },
        crisis,
      );
      // Just stored by the caller: no reactions yet and the author is known, so nothing to read back.
      return {
        item: { where: "room", roomId: w.room.id, message: newMessage(s.row, me) },
        case: opened(s.caseOpened),
      };
    }
    case "message-edit": {
      const crisis = crisisOpening(ctx, p, d, { roomId: w.room.id, messageId: w.target.id });
      const s = await store.editMessage(
        w.target.id,
        { ...moderated(d), level: d.level, category: d.category },
        crisis,
      );
      const [message] = await store.toMessages(p.tenant, [s.row]); // its reactions stay
      return { item: { where: "room", roomId: w.room.id, message: message! }, case: s.crisisCase };
    }
    case "thread": {
      const id = newId("t");
      const crisis = crisisOpening(ctx, p, d, { threadId: id });
      const s = await store.postThread(
        {
          id,
          tenant: p.tenant,
          authorHandle: p.handle,
          clientId: w.clientId,
          ...moderated(d),
          title: d.title ?? w.title,
          tags: w.tags,
        },
        crisis,
      );
      const post = await toThread(store, p.tenant, s.row, me);
      return { item: { where: "forum", post, parent: null }, case: opened(s.caseOpened) };
    }
    case "thread-edit": {
      const crisis = crisisOpening(ctx, p, d, { threadId: w.target.id, replyId: null });
      const s = await store.editThread(w.target.id, { ...moderated(d), title: d.title ?? w.title }, crisis);
      const post = await toThread(store, p.tenant, s.row);
      return { item: { where: "forum", post, parent: null }, case: s.crisisCase };
    }
    case "reply":
    case "reply-edit": {
      const id = w.kind === "reply" ? newId("p") : w.target.id;
      const crisis = crisisOpening(ctx, p, d, { threadId: w.thread.id, replyId: id });
      const s =
        w.kind === "reply"
          ? await store.postReply(
              {
                id,
                tenant: p.tenant,
                threadId: w.thread.id,
                authorHandle: p.handle,
                clientId: w.clientId,
                ...moderated(d),
              },
              crisis,
            )
          : await store.editReply(id, moderated(d), crisis);
      const post = await toReply(store, p.tenant, s.row, w.kind === "reply" ? me : undefined);
      const parent = s.parent ? await toThread(store, p.tenant, s.parent) : null;
      return {
        item: { where: "forum", post, parent },
        case: "crisisCase" in s ? s.crisisCase : opened(s.caseOpened),
      };
    }
  }
}

const outcomeOf = (row: { action: string; reasons: string[] }): ModerationOutcome => ({
  action: row.action === "hold" || row.action === "redact" ? row.action : "allow",
  reasons: row.reasons,
});

/** What the first write with a clientId returned, from its stored row (a retry gets the same). */
export async function replayOf(ctx: Ctx, p: Principal, row: MessageRow): Promise<Written<"message">>;
export async function replayOf(ctx: Ctx, p: Principal, row: ThreadRow): Promise<Written<"thread">>;
export async function replayOf(ctx: Ctx, p: Principal, row: ReplyRow): Promise<Written<"reply">>;
export async function replayOf(
  ctx: Ctx,
  p: Principal,
  row: MessageRow | ThreadRow | ReplyRow,
): Promise<Written>;
export async function replayOf(
  ctx: Ctx,
  p: Principal,
  row: MessageRow | ThreadRow | ReplyRow,
): Promise<Written> {
  const me = authorOf(p);
  const view =
    "roomId" in row
      ? (await ctx.store.toMessages(p.tenant, [row], me))[0]!
      : "title" in row
        ? await toThread(ctx.store, p.tenant, row, me)
        : await toReply(ctx.store, p.tenant, row, me);
  return { view, moderation: outcomeOf(row), replayed: true };
}

/** The stored row of an earlier new write with this clientId (the loser of a race looks it up). */
export async function earlierRow(
  ctx: Ctx,
  p: Principal,
  w: TextWrite,
): Promise<MessageRow | ThreadRow | ReplyRow | undefined> {
  switch (w.kind) {
    case "message":
      return ctx.store.findByClientId(w.room.id, p.handle, w.clientId);
    case "thread":
      return ctx.store.threadByClientId(p.tenant, p.handle, w.clientId);
    case "reply":
      return ctx.store.replyByClientId(p.tenant, p.handle, w.clientId);
    default:
      return undefined;
  }
}
