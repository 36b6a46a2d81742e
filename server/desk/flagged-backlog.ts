/**
 * The flagged backlog: messages that were delivered but flagged (privacy, solicitation, level 1
 * concern, room keywords), newest first, so a specialist who signs in sees what happened while
 * nobody was watching, not only what arrives after. Read from the recent history of each room
 * of the tenant: the store keeps findings on every message row.
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Ctx, Principal } from "../core/context.ts";
import { heldItem } from "../staff/context.ts";

/** How far back in each room the backlog looks, and how many items it hands back. */
const PER_ROOM = 100;
const LIMIT = 50;

export async function flaggedBacklog(ctx: Ctx, p: Principal): Promise<HeldItem[]> {
  if (p.role === "participant" || p.role === "clinician") return [];
  const rooms = await ctx.store.listRoomsFor(p.tenant, p.handle, true);
  const rows = [];
  for (const room of rooms) {
    const page = await ctx.store.pageBefore(room.id, undefined, PER_ROOM);
    for (const r of page.rows)
      if ((r.status === "visible" || r.status === "redacted") && r.findings.length > 0) rows.push(r);
  }
  rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const newest = rows.slice(0, LIMIT);
  const messages = await ctx.store.toMessages(p.tenant, newest);
  return Promise.all(
    messages.map((m, i) => heldItem(ctx, p.tenant, m, newest[i]!.findings as HeldItem["findings"])),
  );
}
