/**
 * Display names for the console: rooms by name, ids only on hover. Loaded once at sign-in from
 * `GET /api/rooms` (a staff member sees every room of the tenant).
 */
import { h } from "../lib/dom.ts";

const rooms = new Map<string, string>();

/** Replace the known rooms. */
export function setRooms(list: { id: string; name: string }[]): void {
  rooms.clear();
  for (const r of list) rooms.set(r.id, r.name);
}

export function knownRooms(): [string, string][] {
  return [...rooms.entries()].sort((a, b) => a[1].localeCompare(b[1]));
}

/** The room's name (its id on hover), "Forum" for held forum posts. */
export function roomLabel(id: string | null | undefined): HTMLElement {
  if (!id) return h("span", null, "no room");
  if (id === "forum") return h("span", { class: "room" }, "Forum");
  return h("span", { class: "room", title: `room id ${id}` }, rooms.get(id) ?? "a room");
}

/** A person's display name with their opaque handle on hover. */
export function memberLabel(m: { id: string; name: string }): HTMLElement {
  return h("span", { class: "member", title: `handle ${m.id}` }, m.name);
}
