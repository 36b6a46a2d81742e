/**
 * How services tell people about things, without knowing Socket.IO. The realtime layer
 * implements it over the adapter, so every emit reaches the right sockets on every node.
 */
import type { ServerToClientEvents } from "../../shared/events.ts";
import type { Member } from "../../shared/types.ts";

export type EventName = keyof ServerToClientEvents;
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export interface Bus {
  /** Everyone who joined the room (optionally but one person, e.g. the typist). */
  toRoom<E extends EventName>(
    roomId: string,
    event: E,
    payload: EventPayload<E>,
    except?: { tenant: string; handle: string },
  ): void;
  /** Every socket of one person. */
  toUser<E extends EventName>(tenant: string, handle: string, event: E, payload: EventPayload<E>): void;
  /** The tenant's staff feed; `minTier` 2 reaches clinicians too, tier 1 only peer specialists and admins. */
  toStaff<E extends EventName>(tenant: string, event: E, payload: EventPayload<E>, tier?: number): void;
  /** Every forum subscriber of the tenant. */
  toForum<E extends EventName>(tenant: string, event: E, payload: EventPayload<E>): void;
  /** Who is in the room now, across nodes (degrades to this node's view when a node is slow). */
  online(roomId: string): Promise<Member[]>;
  /** Take one person's sockets out of a room on every node. */
  removeFromRoom(roomId: string, tenant: string, handle: string): void;
}
