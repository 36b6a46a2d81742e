/**
 * Every client event, in one table: the compiler checks that it covers the event map exactly,
 * and the server answers any other event name with `invalid`.
 */
import { chatEvents } from "./chat-events.ts";
import { forumEvents } from "./forum-events.ts";
import { staffEvents } from "./staff-events.ts";
import type { ClientEvent, Table } from "./table.ts";

export const EVENTS = { ...chatEvents, ...forumEvents, ...staffEvents } satisfies Table<ClientEvent>;

/** The event names the table answers; anything else is refused as unknown. */
export const KNOWN: ReadonlySet<string> = new Set(Object.keys(EVENTS));
