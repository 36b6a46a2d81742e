/**
 * Stepped, explained moderation by staff: mute, unmute and remove people from rooms (approval
 * and rejection of held items are in held.ts). Each step is written to the audit trail with its reason
 * (the audit is not a log: reasons are staff words, never message text), and the person affected
 * is told privately.
 */
import { type Ctx, type Principal, requireStaff } from "../core/context.ts";
import { notFound } from "../errors.ts";

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
