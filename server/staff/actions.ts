/**
 * Stepped, explained moderation by staff: approve or reject held messages, mute, unmute and
 * remove people from rooms. Each step is written to the audit trail with its reason
 * (the audit is not a log: reasons are staff words, never message text), and the person affected
 * is told privately.
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Message } from "../../shared/types.ts";
import { type Ctx, type Principal, requireStaff } from "../core/context.ts";
import { notFound } from "../errors.ts";
import { approveForum, forumKind, heldForumItems, rejectForum } from "../forum/review.ts";
import { announceReviewed, heldItem } from "./feed.ts";

/** The held queue of the tenant (chat messages, then forum posts), each with its findings and context. */
export async function heldQueue(ctx: Ctx, p: Principal): Promise<HeldItem[]> {
  requireStaff(p);
  const rows = await ctx.store.heldMessages(p.tenant);
  const messages = await ctx.store.toMessages(p.tenant, rows);
  const chat = await Promise.all(
    messages.map((m, i) => heldItem(ctx, p.tenant, m, rows[i]!.findings as HeldItem["findings"])),
  );
  return [...chat, ...(await heldForumItems(ctx, p))];
}

/**
 * Make a held message visible; it takes the room's next seq now, unless it already had one.
 * Forum thread ("t_") and reply ("p_") ids are approved by the forum's review.
 */
export async function approve(ctx: Ctx, p: Principal, messageId: string): Promise<Message> {
  requireStaff(p);
  const kind = forumKind(messageId);
  const message = kind ? await approveForum(ctx, p, kind, messageId) : await approveChat(ctx, p, messageId);
  announceReviewed(ctx, p.tenant, messageId, message.status);
  return message;
}

async function approveChat(ctx: Ctx, p: Principal, messageId: string): Promise<Message> {
  // Of two reviewers acting at once, one wins and one gets `conflict`.
  const { row, hadSeq } = await ctx.store.approveMessage(p.tenant, messageId, p.handle);
  const [message] = await ctx.store.toMessages(p.tenant, [row]);
  ctx.bus.toRoom(row.roomId, hadSeq ? "message:updated" : "message:new", message!);
  return message!;
}

/** Refuse a held message (or forum post): it is never shown, and its author is told kindly. */
export async function reject(ctx: Ctx, p: Principal, messageId: string, reason: string): Promise<void> {
  requireStaff(p);
  const kind = forumKind(messageId);
  if (kind) await rejectForum(ctx, p, kind, messageId, reason);
  else await rejectChat(ctx, p, messageId, reason);
  announceReviewed(ctx, p.tenant, messageId, "rejected");
}

async function rejectChat(ctx: Ctx, p: Principal, messageId: string, reason: string): Promise<void> {
  const { row, hadSeq } = await ctx.store.rejectMessage(p.tenant, messageId, p.handle, reason);
  const [message] = await ctx.store.toMessages(p.tenant, [row]);
  ctx.bus.toUser(p.tenant, row.authorHandle, "message:updated", message!);
  ctx.bus.toUser(p.tenant, row.authorHandle, "notice", {
    code: "rejected",
    message:
      "A peer specialist reviewed your message and didn't post it to the group. You're still welcome here; a facilitator may reach out.",
    messageId,
    roomId: row.roomId,
  });
  if (hadSeq) ctx.bus.toRoom(row.roomId, "message:deleted", { roomId: row.roomId, messageId });
}

async function target(ctx: Ctx, p: Principal, roomId: string, handle: string) {
  requireStaff(p);
  const room = await ctx.store.findRoom(p.tenant, roomId);
  if (!room) throw notFound("room");
  if (!(await ctx.store.membersByHandle(p.tenant, [handle])).has(handle)) throw notFound("user");
  return room;
}

export async function mute(
  ctx: Ctx,
  p: Principal,
  roomId: string,
  handle: string,
  minutes: number,
  reason: string,
): Promise<string> {
  await target(ctx, p, roomId, handle);
  const until = await ctx.store.mute(roomId, handle, minutes, p.handle, {
    tenant: p.tenant,
    actor: p.handle,
    action: "member.muted",
    target: handle,
    details: { roomId, minutes, reason: reason ?? "" },
  });
  ctx.bus.toUser(p.tenant, handle, "notice", {
    code: "muted",
    message: `A facilitator paused your messages in this room for ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    roomId,
    until,
  });
  return until;
}

export async function unmute(ctx: Ctx, p: Principal, roomId: string, handle: string): Promise<void> {
  await target(ctx, p, roomId, handle);
  await ctx.store.unmute(roomId, handle, {
    tenant: p.tenant,
    actor: p.handle,
    action: "member.unmuted",
    target: handle,
    details: { roomId },
  });
  ctx.bus.toUser(p.tenant, handle, "notice", {
    code: "unmuted",
    message: "You can send messages again.",
    roomId,
  });
}

/** Take someone out of a room; they cannot join it again until re-enrolled by staff. */
export async function removeMember(
  ctx: Ctx,
  p: Principal,
  roomId: string,
  handle: string,
  reason: string,
): Promise<void> {
  await target(ctx, p, roomId, handle);
  await ctx.store.removeMember(roomId, handle, {
    tenant: p.tenant,
    actor: p.handle,
    action: "member.removed",
    target: handle,
    details: { roomId, reason: reason ?? "" },
  });
  ctx.bus.toUser(p.tenant, handle, "notice", {
    code: "removed",
    message: "A facilitator removed you from this room.",
    roomId,
  });
  ctx.bus.removeFromRoom(roomId, p.tenant, handle);
}
