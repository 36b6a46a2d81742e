/**
 * The Bus over Socket.IO: every emit goes through the adapter, so with Redis it reaches the
 * right sockets on every node. Cross-node queries carry a timeout and fall back to this node.
 */
import type { Member } from "../../shared/types.ts";
import type { Bus } from "../core/bus.ts";
import type { Logger } from "../logger.ts";
import { channel } from "./channels.ts";
import type { LanternServer } from "./types.ts";

export function socketBus(io: LanternServer, log: Logger, timeoutMs: number): Bus {
  const emit = (rooms: string | string[], event: string, payload: unknown, except?: string) => {
    const target = except ? io.to(rooms).except(except) : io.to(rooms);
    (target as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
  };
  return {
    toRoom: (roomId, event, payload, except) =>
      emit(
        channel.room(roomId),
        event,
        payload,
        except ? channel.user(except.tenant, except.handle) : undefined,
      ),
    toUser: (tenant, handle, event, payload) => emit(channel.user(tenant, handle), event, payload),
    toStaff: (tenant, event, payload, tier) =>
      emit(
        (tier ?? 0) >= 2 ? [channel.staff(tenant), channel.staffTier2(tenant)] : channel.staff(tenant),
        event,
        payload,
      ),
    toForum: (tenant, event, payload) => emit(channel.forum(tenant), event, payload),
    async online(roomId) {
      let sockets: { data: { handle: string; name: string; role: Member["role"] } }[];
      try {
        sockets = await io.in(channel.room(roomId)).timeout(timeoutMs).fetchSockets();
      } catch (e) {
        log.warn({ err: e, roomId }, "cross-node presence timed out; answering with this node's view");
        sockets = await io.in(channel.room(roomId)).local.fetchSockets();
      }
      const byHandle = new Map<string, Member>();
      for (const s of sockets)
        byHandle.set(s.data.handle, { id: s.data.handle, name: s.data.name, role: s.data.role });
      return [...byHandle.values()];
    },
    removeFromRoom: (roomId, tenant, handle) =>
      io.in(channel.user(tenant, handle)).socketsLeave(channel.room(roomId)),
  };
}
