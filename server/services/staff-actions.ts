/**
 * Stepped, explained moderation by staff: approve or reject held messages, mute, unmute and
 * remove people from rooms. Each step is written to the audit trail with its reason
 * (the audit is not a log: reasons are staff words, never message text), and the person affected
 * is told privately.
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Message } from "../../shared/types.ts";
import { transaction } from "../db/client.ts";
import { appendAudit } from "../db/repos/audit.ts";
import * as msgs from "../db/repos/messages.ts";
import { findRoom, nextSeq, upsertMembership } from "../db/repos/rooms.ts";
import { memberOf } from "../db/repos/users.ts";
import { AppError, notFound } from "../errors.ts";
import { nowIso } from "../ids.ts";
import { type Ctx, type Principal, requireStaff } from "./context.ts";
import { approveForum, heldForumItems, isForumId, rejectForum } from "./forum-review.ts";
import { clearMute, setMute } from "./mutes.ts";
import { announceReviewed, heldItem } from "./staff-feed.ts";

function heldMessage(ctx: Ctx, p: Principal, messageId: string): msgs.MessageRow {
  requireStaff(p);
  const row = msgs.findMessage(ctx.db, p.tenant, messageId);
  if (!row) throw notFound("message");
  if (row.status !== "held") throw new AppError("conflict", `message is ${row.status}`);
  return row;
}

/** Re-read under the write lock: of two reviewers acting at once, one wins and one gets `conflict`. */
function stillHeld(ctx: Ctx, p: Principal, messageId: string): msgs.MessageRow {
  const current = msgs.findMessage(ctx.db, p.tenant, messageId);
  if (current?.status !== "held") throw new AppError("conflict", "message was already reviewed");
  return current;
}

/** The held queue of the tenant (chat messages, then forum posts), each with its findings and context. */
export function heldQueue(ctx: Ctx, p: Principal): HeldItem[] {
  requireStaff(p);
  const rows = msgs.heldMessages(ctx.db, p.tenant);
  const chat = msgs
    .toMessages(ctx.db, p.tenant, rows)
    .map((m, i) => heldItem(ctx, p.tenant, m, rows[i]!.findings as HeldItem["findings"]));
  return [...chat, ...heldForumItems(ctx, p)];
}

/**
 * Make a held message visible; it takes the room's next seq now, unless it already had one.
 * Forum thread ("t_") and reply ("p_") ids are approved by the forum's review.
 */
export function approve(ctx: Ctx, p: Principal, messageId: string): Message {
  const message = isForumId(messageId) ? approveForum(ctx, p, messageId) : approveChat(ctx, p, messageId);
  announceReviewed(ctx, p.tenant, messageId, message.status);
  return message;
}

function approveChat(ctx: Ctx, p: Principal, messageId: string): Message {
  const held = heldMessage(ctx, p, messageId);
  const redacted = (held.findings as { kind?: string }[]).some((f) => f.kind === "privacy");
  const row = transaction(ctx.db, () => {
    const current = stillHeld(ctx, p, messageId);
    const row = msgs.updateMessage(ctx.db, messageId, {
      status: redacted ? "redacted" : "visible",
      seq: current.seq ?? nextSeq(ctx.db, current.roomId),
    });
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: "message.approved",
      target: messageId,
      details: { roomId: row.roomId, seq: row.seq },
    });
    return row;
  });
  const message = msgs.toMessage(ctx.db, p.tenant, row);
  ctx.bus.toRoom(row.roomId, held.seq === null ? "message:new" : "message:updated", message);
  return message;
}

/** Refuse a held message (or forum post): it is never shown, and its author is told kindly. */
export function reject(ctx: Ctx, p: Principal, messageId: string, reason: string): void {
  if (isForumId(messageId)) rejectForum(ctx, p, messageId, reason);
  else rejectChat(ctx, p, messageId, reason);
  announceReviewed(ctx, p.tenant, messageId, "rejected");
}

function rejectChat(ctx: Ctx, p: Principal, messageId: string, reason: string): void {
  const held = heldMessage(ctx, p, messageId);
  const row = transaction(ctx.db, () => {
    stillHeld(ctx, p, messageId);
    const row = msgs.updateMessage(ctx.db, messageId, { status: "rejected", body: "", findings: [] });
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: "message.rejected",
      target: messageId,
      details: { roomId: row.roomId, reason: reason ?? "" },
    });
    return row;
  });
  const message = msgs.toMessage(ctx.db, p.tenant, row);
  ctx.bus.toUser(p.tenant, held.authorHandle, "message:updated", message);
  ctx.bus.toUser(p.tenant, held.authorHandle, "notice", {
    code: "rejected",
    message:
      "A peer specialist reviewed your message and didn't post it to the group. You're still welcome here; a facilitator may reach out.",
    messageId,
    roomId: row.roomId,
  });
  if (held.seq !== null) ctx.bus.toRoom(row.roomId, "message:deleted", { roomId: row.roomId, messageId });
}

function target(ctx: Ctx, p: Principal, roomId: string, handle: string) {
  requireStaff(p);
  const room = findRoom(ctx.db, p.tenant, roomId);
  if (!room) throw notFound("room");
  if (!memberOf(ctx.db, p.tenant, handle)) throw notFound("user");
  return room;
}

export function mute(
  ctx: Ctx,
  p: Principal,
  roomId: string,
  handle: string,
  minutes: number,
  reason: string,
): string {
  target(ctx, p, roomId, handle);
  const until = nowIso(Date.now() + minutes * 60_000);
  transaction(ctx.db, () => {
    setMute(ctx, roomId, handle, until, p.handle);
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: "member.muted",
      target: handle,
      details: { roomId, minutes, reason: reason ?? "" },
    });
  });
  ctx.bus.toUser(p.tenant, handle, "notice", {
    code: "muted",
    message: `A facilitator paused your messages in this room for ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    roomId,
    until,
  });
  return until;
}

export function unmute(ctx: Ctx, p: Principal, roomId: string, handle: string): void {
  target(ctx, p, roomId, handle);
  transaction(ctx.db, () => {
    clearMute(ctx, roomId, handle);
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: "member.unmuted",
      target: handle,
      details: { roomId },
    });
  });
  ctx.bus.toUser(p.tenant, handle, "notice", {
    code: "unmuted",
    message: "You can send messages again.",
    roomId,
  });
}

/** Take someone out of a room; they cannot join it again until re-enrolled by staff. */
export function removeMember(ctx: Ctx, p: Principal, roomId: string, handle: string, reason: string): void {
  target(ctx, p, roomId, handle);
  transaction(ctx.db, () => {
    upsertMembership(ctx.db, roomId, handle, { joined: false, enrolled: false, removedAt: nowIso() });
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: "member.removed",
      target: handle,
      details: { roomId, reason: reason ?? "" },
    });
  });
  ctx.bus.toUser(p.tenant, handle, "notice", {
    code: "removed",
    message: "A facilitator removed you from this room.",
    roomId,
  });
  ctx.bus.removeFromRoom(roomId, p.tenant, handle);
}
