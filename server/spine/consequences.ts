/**
 * What must follow a committed write or review, computed and not done: a pure function of what
 * was stored, so every verdict by kind of write is testable without a server. carry-out.ts does
 * the list, in order, after the commit (judging apart from acting, as mjolnir's consequences).
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Message, Notice, Reply, Thread } from "../../shared/types.ts";
import { roomView } from "../chat/views.ts";
import { FORUM_ROOM, feedView, heldView } from "../forum/views.ts";
import { supportFor } from "./support.ts";
import type { Consequence, Placed, StoredReview, StoredText } from "./write.ts";

const FACILITATOR_HELPING: Notice = {
  code: "facilitator_helping",
  message: "A facilitator is checking in with a member of the group. Thank you for holding space.",
};
const REJECTED_MESSAGE =
  "A peer specialist reviewed your message and didn't post it to the group. You're still welcome here; a facilitator may reach out.";
const REJECTED_POST =
  "A peer specialist reviewed your forum post and didn't publish it. You're still welcome here; a facilitator may reach out.";

const idOf = (item: Placed) => (item.where === "room" ? item.message.id : item.post.id);

/** A post (and the parent thread whose counters it changed) to every subscriber, text hidden if held. */
function toForum(post: Placed & { where: "forum" }): Consequence[] {
  const out: Consequence[] =
    "title" in post.post
      ? [{ to: { forum: true }, event: "forum:thread", payload: feedView(post.post) }]
      : [{ to: { forum: true }, event: "forum:reply", payload: feedView(post.post) }];
  if (post.parent) out.push({ to: { forum: true }, event: "forum:thread", payload: feedView(post.parent) });
  return out;
}

/** A post that changed outside a moderated write (deleted, removed, locked), to every subscriber. */
export const postChanged = (post: Thread | Reply, parent: Thread | null = null): Consequence[] =>
  toForum({ where: "forum", post, parent });

/** What a reviewer sees of a stored text: the message (a post Message-shaped) and its context. */
function staffItem(s: StoredText): HeldItem {
  const message: Message = s.item.where === "room" ? s.item.message : heldView(s.item.post);
  return { message, findings: s.decision.findings, context: s.context };
}

/**
 * After a text write: the room or forum sees it (a new text unless held; an edit always, with a
 * held text hidden), the author gets support, staff get the held or flagged item, the room a
 * neutral notice when a facilitator steps in at level 4, and staff the case.
 */
export function afterWrite(s: StoredText): Consequence[] {
  const d = s.decision;
  const isEdit = s.kind.endsWith("-edit");
  const out: Consequence[] = [];
  if (isEdit || d.status !== "held") {
    if (s.item.where === "room") {
      const event = isEdit ? "message:updated" : "message:new";
      out.push({ to: { room: s.item.roomId }, event, payload: roomView(s.item.message) });
    } else out.push(...toForum(s.item));
  }
  if (d.support) {
    const facts = { messageId: idOf(s.item), level: d.level, category: d.category, caseId: s.case?.case.id };
    out.push(...supportFor(s.author, facts, s.resources, s.locales));
  }
  if (d.status === "held") {
    out.push({ to: { staff: 1 }, event: "mod:held", payload: staffItem(s) });
    if (d.level >= 4 && s.item.where === "room")
      // For the others only: the author has their own support card, not a notice about "a member".
      out.push({
        to: { room: s.item.roomId, except: s.author },
        event: "notice",
        payload: FACILITATOR_HELPING,
      });
  } else if (d.flag) out.push({ to: { staff: 1 }, event: "mod:flagged", payload: staffItem(s) });
  if (s.case)
    out.push({
      to: { staff: s.case.case.tier },
      event: s.case.isNew ? "case:new" : "case:updated",
      payload: s.case.case,
    });
  return out;
}

/**
 * After a review: an approved text reaches its room or the forum (an update if it had been seen);
 * a rejected one reaches only its author, with a kind notice, and leaves wherever it had been
 * seen. Every staff screen then drops the item from its queue.
 */
export function afterReview(r: StoredReview): Consequence[] {
  const out: Consequence[] = [];
  const item = r.item;
  if (r.kind === "approve") {
    if (item.where === "room") {
      const event = r.hadSeq ? "message:updated" : "message:new";
      out.push({ to: { room: item.roomId }, event, payload: item.message });
    } else out.push(...toForum(item));
  } else if (item.where === "room") {
    out.push({ to: { user: r.author }, event: "message:updated", payload: item.message });
    out.push({
      to: { user: r.author },
      event: "notice",
      payload: { code: "rejected", message: REJECTED_MESSAGE, messageId: r.id, roomId: item.roomId },
    });
    if (r.hadSeq)
      out.push({
        to: { room: item.roomId },
        event: "message:deleted",
        payload: { roomId: item.roomId, messageId: r.id },
      });
  } else {
    const seen = { ...item, parent: null };
    if (r.hadSeq) out.push(...toForum(seen));
    else if ("title" in item.post)
      out.push({ to: { user: r.author }, event: "forum:thread", payload: item.post });
    else out.push({ to: { user: r.author }, event: "forum:reply", payload: item.post });
    out.push({
      to: { user: r.author },
      event: "notice",
      payload: { code: "rejected", message: REJECTED_POST, messageId: r.id, roomId: FORUM_ROOM },
    });
  }
  const status =
    r.kind === "approve" ? (item.where === "room" ? item.message.status : item.post.status) : "rejected";
  out.push({ to: { staff: 1 }, event: "mod:resolved", payload: { messageId: r.id, status } });
  return out;
}
