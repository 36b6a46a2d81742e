/**
 * Presence broadcasts, coalesced per room. Every join, leave and disconnect would otherwise send
 * the whole member list to the whole room: when a node dies and its clients rejoin elsewhere,
 * that is a storm growing with the square of the room. One list per room per window instead.
 */
import type { Bus } from "../core/bus.ts";
import type { Ctx } from "../core/context.ts";

/** How long changes to one room's presence are gathered before one broadcast. */
export const PRESENCE_WINDOW_MS = 50;

const pending = new WeakMap<Bus, Set<string>>();

/** Tell the room who is in it, soon: several calls within the window make one broadcast. */
export function announcePresence(ctx: Ctx, roomId: string): void {
  let rooms = pending.get(ctx.bus);
  if (!rooms) {
    rooms = new Set();
    pending.set(ctx.bus, rooms);
  }
  if (rooms.has(roomId)) return;
  rooms.add(roomId);
  const timer = setTimeout(async () => {
    rooms.delete(roomId);
    try {
      ctx.bus.toRoom(roomId, "presence", { roomId, online: await ctx.bus.online(roomId) });
    } catch (e) {
      ctx.log.warn({ err: e, roomId }, "presence broadcast failed");
    }
  }, PRESENCE_WINDOW_MS);
  timer.unref();
}
