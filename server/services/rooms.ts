/**
 * Rooms: creation and enrolment by staff, joining and leaving by the participant's own choice,
 * and the group agreement every room shows on join.
 */
import { PolicyError } from "../../moderation/index.ts";
import type { CreateRoom } from "../../shared/schemas.ts";
import type { JoinedRoom, Message, Room } from "../../shared/types.ts";
import { transaction } from "../db/client.ts";
import { appendAudit } from "../db/repos/audit.ts";
import { pageAfter, pageBefore, toMessages } from "../db/repos/messages.ts";
import * as repo from "../db/repos/rooms.ts";
import { ensureUser } from "../db/repos/users.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { newId, nowIso } from "../ids.ts";
import { type Ctx, isStaff, type Principal } from "./context.ts";

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

export function createRoom(ctx: Ctx, p: Principal, input: CreateRoom): Room {
  if (!canManage(p)) throw forbidden("only peer specialists and admins create rooms");
  if (input.policy) {
    try {
      ctx.policies.validate(p.tenant, input.kind, input.policy);
    } catch (e) {
      if (e instanceof PolicyError) throw new AppError("invalid", `policy: ${e.message}`);
      throw e;
    }
  }
  const row = transaction(ctx.db, () => {
    const room = repo.insertRoom(ctx.db, {
      id: newId("r"),
      tenant: p.tenant,
      kind: input.kind,
      name: input.name,
      topic: input.topic ?? null,
      visibility: input.visibility,
      policy: input.policy ?? null,
      createdBy: p.handle,
      createdAt: nowIso(),
    });
    for (const sub of input.members ?? [])
      repo.upsertMembership(ctx.db, room.id, ensureUser(ctx.db, p.tenant, sub), { enrolled: true });
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: "room.created",
      target: room.id,
      details: { kind: room.kind, visibility: room.visibility, members: input.members?.length ?? 0 },
    });
    return room;
  });
  return repo.toRoom(row);
}

export function enrol(ctx: Ctx, p: Principal, roomId: string, sub: string): void {
  if (!canManage(p)) throw forbidden("only peer specialists and admins enrol members");
  const room = repo.findRoom(ctx.db, p.tenant, roomId);
  if (!room) throw notFound("room");
  transaction(ctx.db, () => {
    const handle = ensureUser(ctx.db, p.tenant, sub);
    repo.upsertMembership(ctx.db, roomId, handle, { enrolled: true, removedAt: null });
    appendAudit(ctx.db, {
      tenant: p.tenant,
      actor: p.handle,
      action: "room.enrolled",
      target: roomId,
      details: { member: handle },
    });
  });
}

export function listRooms(ctx: Ctx, p: Principal): Room[] {
  return repo.listRoomsFor(ctx.db, p.tenant, p.handle, isStaff(p)).map(repo.toRoom);
}

/** The room if the caller may enter it: invite rooms need enrolment, removal bars everyone but staff. */
export function roomForEntry(ctx: Ctx, p: Principal, roomId: string): repo.RoomRow {
  const room = repo.findRoom(ctx.db, p.tenant, roomId);
  if (!room) throw notFound("room");
  if (isStaff(p)) return room;
  const m = repo.findMembership(ctx.db, roomId, p.handle);
  if (m?.removedAt) throw forbidden("you were removed from this room");
  if (room.visibility === "invite" && !m?.enrolled) throw notFound("room");
  return room;
}

/** The room if the caller joined it (or is staff); used by sends, history and typing. */
export function roomForMember(ctx: Ctx, p: Principal, roomId: string): repo.RoomRow {
  const room = roomInTenant(ctx, p, roomId);
  if (!isStaff(p)) assertMember(room, repo.findMembership(ctx.db, roomId, p.handle));
  return room;
}

/** The room (from the room cache) if it exists in the caller's tenant. */
export function roomInTenant(ctx: Ctx, p: Principal, roomId: string): repo.RoomRow {
  const room = repo.findRoomCached(ctx.db, p.tenant, roomId);
  if (!room) throw notFound("room");
  return room;
}

/** A participant's membership as roomForMember checks it: the checks of roomForEntry, then joined. */
export function assertMember(
  room: repo.RoomRow,
  m: Pick<repo.MemberRow, "removedAt" | "enrolled" | "joined"> | undefined,
): void {
  if (m?.removedAt) throw forbidden("you were removed from this room");
  if (room.visibility === "invite" && !m?.enrolled) throw notFound("room");
  if (!m?.joined) throw forbidden("join the room first");
}

export function join(ctx: Ctx, p: Principal, roomId: string, afterSeq?: number) {
  const room = roomForEntry(ctx, p, roomId);
  repo.upsertMembership(ctx.db, roomId, p.handle, { joined: true });
  const page =
    afterSeq === undefined
      ? pageBefore(ctx.db, roomId, undefined, 50)
      : pageAfter(ctx.db, roomId, afterSeq, 200);
  const joined: JoinedRoom = { ...repo.toRoom(room), agreement: GROUP_AGREEMENT };
  return { room: joined, messages: toMessages(ctx.db, p.tenant, page.rows), hasMore: page.hasMore };
}

export function leave(ctx: Ctx, p: Principal, roomId: string): void {
  const room = repo.findRoom(ctx.db, p.tenant, roomId);
  if (!room) throw notFound("room");
  repo.upsertMembership(ctx.db, roomId, p.handle, { joined: false });
}

export function history(
  ctx: Ctx,
  p: Principal,
  roomId: string,
  beforeSeq: number | undefined,
  limit = 50,
): { messages: Message[]; hasMore: boolean } {
  roomForMember(ctx, p, roomId);
  const page = pageBefore(ctx.db, roomId, beforeSeq, limit);
  return { messages: toMessages(ctx.db, p.tenant, page.rows), hasMore: page.hasMore };
}
