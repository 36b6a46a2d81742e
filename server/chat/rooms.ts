/**
 * Rooms: creation and enrolment by staff, joining and leaving by the participant's own choice,
 * and the group agreement every room shows on join.
 */
import { PolicyError } from "../../moderation/index.ts";
import type { CreateRoom } from "../../shared/schemas.ts";
import type { JoinedRoom, Message, Room } from "../../shared/types.ts";
import { type Ctx, isStaff, type Principal } from "../core/context.ts";
import { toRoom } from "../db/rows.ts";
import type { MemberRow, RoomRow } from "../db/store.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { newId } from "../ids.ts";

/** Shown on every join (peer-support practice: SAMHSA, SMART Recovery online, 7 Cups). */
export const GROUP_AGREEMENT = [
  "What is shared here stays here.",
  "First names or chosen names only.",
  "No exchanging phone numbers, emails, addresses or social handles.",
  "No recording or screenshots.",
  "You may always pass; you never have to share.",
  "Messages are screened automatically for safety and privacy, and peer specialists may review them.",
];

const canManage = (p: Principal) => p.role === "peer_specialist" || p.role === "admin";

export async function createRoom(ctx: Ctx, p: Principal, input: CreateRoom): Promise<Room> {
  if (!canManage(p)) throw forbidden("only peer specialists and admins create rooms");
  if (input.policy) {
    try {
      ctx.policies.validate(p.tenant, input.kind, input.policy);
    } catch (e) {
      if (e instanceof PolicyError) throw new AppError("invalid", `policy: ${e.message}`);
      throw e;
    }
  }
  const id = newId("r");
  const row = await ctx.store.createRoom(
    {
      id,
      tenant: p.tenant,
      kind: input.kind,
      name: input.name,
      topic: input.topic ?? null,
      visibility: input.visibility,
      policy: input.policy ?? null,
      createdBy: p.handle,
    },
    input.members ?? [],
    {
      tenant: p.tenant,
      actor: p.handle,
      action: "room.created",
      target: id,
      details: { kind: input.kind, visibility: input.visibility, members: input.members?.length ?? 0 },
    },
  );
  return toRoom(row);
}

export async function enrol(ctx: Ctx, p: Principal, roomId: string, sub: string): Promise<void> {
  if (!canManage(p)) throw forbidden("only peer specialists and admins enrol members");
  const room = await ctx.store.findRoom(p.tenant, roomId);
  if (!room) throw notFound("room");
  await ctx.store.enrol(p.tenant, roomId, sub, p.handle);
}

export async function listRooms(ctx: Ctx, p: Principal): Promise<Room[]> {
  return (await ctx.store.listRoomsFor(p.tenant, p.handle, isStaff(p))).map(toRoom);
}

/** The room if the caller may enter it: invite rooms need enrolment, removal bars everyone but staff. */
export async function roomForEntry(ctx: Ctx, p: Principal, roomId: string): Promise<RoomRow> {
  const room = await ctx.store.findRoom(p.tenant, roomId);
  if (!room) throw notFound("room");
  if (isStaff(p)) return room;
  const m = await ctx.store.findMembership(roomId, p.handle);
  if (m?.removedAt) throw forbidden("you were removed from this room");
  if (room.visibility === "invite" && !m?.enrolled) throw notFound("room");
  return room;
}

/** The room if the caller joined it (or is staff); used by sends, history and typing. */
export async function roomForMember(ctx: Ctx, p: Principal, roomId: string): Promise<RoomRow> {
  const room = await roomInTenant(ctx, p, roomId);
  if (!isStaff(p)) assertMember(room, await ctx.store.findMembership(roomId, p.handle));
  return room;
}

/** The room (from the room cache) if it exists in the caller's tenant. */
export async function roomInTenant(ctx: Ctx, p: Principal, roomId: string): Promise<RoomRow> {
  const room = await ctx.store.findRoomCached(p.tenant, roomId);
  if (!room) throw notFound("room");
  return room;
}

/** A participant's membership as roomForMember checks it: the checks of roomForEntry, then joined. */
export function assertMember(
  room: RoomRow,
  m: Pick<MemberRow, "removedAt" | "enrolled" | "joined"> | undefined,
): void {
  if (m?.removedAt) throw forbidden("you were removed from this room");
  if (room.visibility === "invite" && !m?.enrolled) throw notFound("room");
  if (!m?.joined) throw forbidden("join the room first");
}

export async function join(ctx: Ctx, p: Principal, roomId: string, afterSeq?: number) {
  const room = await roomForEntry(ctx, p, roomId);
  await ctx.store.setMembership(roomId, p.handle, { joined: true });
  const page =
    afterSeq === undefined
      ? await ctx.store.pageBefore(roomId, undefined, 50)
      : await ctx.store.pageAfter(roomId, afterSeq, 200);
  const joined: JoinedRoom = { ...toRoom(room), agreement: GROUP_AGREEMENT };
  return { room: joined, messages: await ctx.store.toMessages(p.tenant, page.rows), hasMore: page.hasMore };
}

export async function leave(ctx: Ctx, p: Principal, roomId: string): Promise<void> {
  const room = await ctx.store.findRoom(p.tenant, roomId);
  if (!room) throw notFound("room");
  await ctx.store.setMembership(roomId, p.handle, { joined: false });
}

export async function history(
  ctx: Ctx,
  p: Principal,
  roomId: string,
  beforeSeq: number | undefined,
  limit = 50,
): Promise<{ messages: Message[]; hasMore: boolean }> {
  await roomForMember(ctx, p, roomId);
  const page = await ctx.store.pageBefore(roomId, beforeSeq, limit);
  return { messages: await ctx.store.toMessages(p.tenant, page.rows), hasMore: page.hasMore };
}
