/** Rooms and membership. */
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { nowIso } from "../../../ids.ts";
import type { SendGate } from "../../store.ts";
import type { Db } from "../client.ts";
import { once } from "../prepared.ts";
import { mutes, roomMembers, rooms } from "../schema.ts";

export type RoomRow = typeof rooms.$inferSelect;
export type MemberRow = typeof roomMembers.$inferSelect;

export function insertRoom(db: Db, row: typeof rooms.$inferInsert): RoomRow {
  return db.insert(rooms).values(row).returning().get();
}

/** The room if it exists in this tenant; another tenant's room is as absent as an unknown one. */
export function findRoom(db: Db, tenant: string, roomId: string): RoomRow | undefined {
  return once(db, "rooms.find", () =>
    db
      .select()
      .from(rooms)
      .where(and(eq(rooms.id, sql.placeholder("roomId")), eq(rooms.tenant, sql.placeholder("tenant"))))
      .prepare(),
  ).get({ roomId, tenant });
}

const roomCache = new WeakMap<Db, Map<string, RoomRow>>();

/**
 * `findRoom` for the per-send checks, from memory after the first read: a room's tenant, kind,
 * visibility and policy never change after creation and rooms are never deleted, so a cached row
 * is never stale in what callers use (its `lastSeq` is; read seq only through `nextSeq`). Only
 * rooms that exist are cached; membership is still read on every call that needs it.
 */
export function findRoomCached(db: Db, tenant: string, roomId: string): RoomRow | undefined {
  let byId = roomCache.get(db);
  if (!byId) {
    byId = new Map();
    roomCache.set(db, byId);
  }
  const hit = byId.get(roomId);
  if (hit) return hit.tenant === tenant ? hit : undefined;
  const row = findRoom(db, tenant, roomId);
  if (row) {
    if (byId.size >= 10_000) byId.clear();
    byId.set(roomId, row);
  }
  return row;
}

export function findMembership(db: Db, roomId: string, handle: string): MemberRow | undefined {
  return once(db, "rooms.membership", () =>
    db
      .select()
      .from(roomMembers)
      .where(
        and(
          eq(roomMembers.roomId, sql.placeholder("roomId")),
          eq(roomMembers.handle, sql.placeholder("handle")),
        ),
      )
      .prepare(),
  ).get({ roomId, handle });
}

/**
 * Membership, active mute and clientId in one statement: on the send path these were three
 * statements (each with its own read lock and drizzle row mapping), about 10 µs a send.
 */
export function sendGate(db: Db, roomId: string, handle: string, clientId: string, now: string): SendGate {
  const row = once(db, "rooms.sendGate", () =>
    db.$client.prepare(
      `select m.removed_at as removedAt, m.enrolled as enrolled, m.joined as joined,
         (select until from mutes where room_id = $roomId and handle = $handle and until > $now) as mutedUntil,
         (select id from messages
           where room_id = $roomId and author_handle = $handle and client_id = $clientId) as earlierId
       from (select 1) left join room_members m on m.room_id = $roomId and m.handle = $handle`,
    ),
  ).get({ roomId, handle, clientId, now }) as {
    removedAt: string | null;
    enrolled: number | null;
    joined: number | null;
    mutedUntil: string | null;
    earlierId: string | null;
  };
  return {
    member:
      row.joined === null
        ? undefined
        : { removedAt: row.removedAt, enrolled: row.enrolled === 1, joined: row.joined === 1 },
    mutedUntil: row.mutedUntil,
    earlierId: row.earlierId,
  };
}

/** Set flags on a membership row, creating it if needed. */
export function upsertMembership(
  db: Db,
  roomId: string,
  handle: string,
  set: Partial<Pick<MemberRow, "enrolled" | "joined" | "removedAt">>,
): void {
  const now = nowIso();
  db.insert(roomMembers)
    .values({ roomId, handle, enrolled: false, joined: false, removedAt: null, ...set, updatedAt: now })
    .onConflictDoUpdate({ target: [roomMembers.roomId, roomMembers.handle], set: { ...set, updatedAt: now } })
    .run();
}

/** Rooms the caller may join (open, or enrolled in) or has joined, and is not removed from. */
export function listRoomsFor(db: Db, tenant: string, handle: string, staff: boolean): RoomRow[] {
  if (staff) return db.select().from(rooms).where(eq(rooms.tenant, tenant)).orderBy(rooms.createdAt).all();
  return db
    .select({ room: rooms })
    .from(rooms)
    .leftJoin(roomMembers, and(eq(roomMembers.roomId, rooms.id), eq(roomMembers.handle, handle)))
    .where(
      and(
        eq(rooms.tenant, tenant),
        isNull(roomMembers.removedAt),
        or(eq(rooms.visibility, "open"), eq(roomMembers.enrolled, true), eq(roomMembers.joined, true)),
      ),
    )
    .orderBy(rooms.createdAt)
    .all()
    .map((r) => r.room);
}

/** Take the next seq of a room. Call only inside the transaction that stores the message. */
export function nextSeq(db: Db, roomId: string): number {
  const seq = once(db, "rooms.nextSeq", () =>
    db.$client.prepare("update rooms set last_seq = last_seq + 1 where id = ? returning last_seq").pluck(),
  ).get(roomId) as number | undefined;
  if (seq === undefined) throw new Error("room vanished during a send");
  return seq;
}

/** When the person's mute in the room active at `now` ends, or null. */
export function activeMute(db: Db, roomId: string, handle: string, now: string): string | null {
  const row = once(db, "mutes.active", () =>
    db
      .select({ until: mutes.until })
      .from(mutes)
      .where(
        and(
          eq(mutes.roomId, sql.placeholder("roomId")),
          eq(mutes.handle, sql.placeholder("handle")),
          gt(mutes.until, sql.placeholder("now")),
        ),
      )
      .prepare(),
  ).get({ roomId, handle, now });
  return row?.until ?? null;
}
