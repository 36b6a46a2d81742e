/**
 * Every client event, in one table: the compiler checks that it covers the event map exactly,
 * that each schema accepts the payload the map declares, and the server answers any other event
 * name with `invalid`.
 */
import type { z } from "zod";
import type { ClientToServerEvents } from "../../shared/events.ts";
import { chatEvents } from "./chat-events.ts";
import { forumEvents } from "./forum-events.ts";
import { staffEvents } from "./staff-events.ts";
import type { ClientEvent, Table } from "./table.ts";

export const EVENTS = { ...chatEvents, ...forumEvents, ...staffEvents } satisfies Table<ClientEvent>;

/** The event names the table answers; anything else is refused as unknown. */
export const KNOWN: ReadonlySet<string> = new Set(Object.keys(EVENTS));

// Compile-time: an event whose declared payload its schema would not accept names itself here.
type Accepted<E extends ClientEvent> = [Parameters<ClientToServerEvents[E]>[0]] extends [
  z.input<(typeof EVENTS)[E]["schema"]>,
]
  ? never
  : E;
const _schemasFitTheMap: { [E in ClientEvent]: Accepted<E> }[ClientEvent] extends never ? true : never = true;
void _schemasFitTheMap;
