/**
 * One case as a specialist reads it: what happened and when (from the audit trail, whose rows
 * name the case as their target, and from the case's notes), the message it is about with the
 * few messages before it, and display names for the room and the people (ids stay for hover).
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Case, CaseStatus, Member } from "../../shared/types.ts";
import { minTierFor } from "../cases/cases.ts";
import { type Ctx, type Principal, requireStaff } from "../core/context.ts";
import { notFound } from "../errors.ts";
import { heldItem } from "../staff/context.ts";

export interface TimelineEntry {
  at: string;
  /** `opened`, `acknowledged`, `escalated`, `auto_escalated`, `resolved`, `help_requested` or `note`. */
  kind: string;
  /** Who did it, as a display name ("system" for the server). */
  by: string;
  /** The note written with it, if any. */
  text?: string;
}

export interface CaseHistory {
  case: Case;
  room: { id: string; name: string } | null;
  subject: Member | null;
  item: HeldItem | null;
  timeline: TimelineEntry[];
}

/** How many audit rows the timeline looks back through. */
const AUDIT_SCAN = 2_000;
const STATUSES: (CaseStatus | undefined)[] = [undefined, "resolved"];

async function findCase(ctx: Ctx, p: Principal, id: string): Promise<Case | undefined> {
  for (const status of STATUSES) {
    const found = (await ctx.store.listCases(p.tenant, minTierFor(p), status)).find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

export async function caseHistory(ctx: Ctx, p: Principal, caseId: string): Promise<CaseHistory> {
  requireStaff(p);
  const found = await findCase(ctx, p, caseId);
  if (!found) throw notFound("case");
  const c = { ...found, notes: [...found.notes] };
  const events: { at: string; kind: string; actor: string; noted: boolean }[] = [];
  let before: number | undefined;
  for (let scanned = 0; scanned < AUDIT_SCAN; ) {
    const page = await ctx.store.auditPage(p.tenant, before, 500);
    for (const row of page.rows)
      if (row.target === caseId && row.action.startsWith("case.")) {
        const kind = row.action.slice(5);
        const noted = kind === "help_requested" || /"note":"added"/.test(String(row.details));
        events.push({ at: row.at, kind, actor: row.actor, noted });
      }
    scanned += page.rows.length;
    if (!page.hasMore || page.rows.length === 0) break;
    before = page.rows.at(-1)!.id;
  }
  const names = await ctx.store.membersByHandle(
    p.tenant,
    events.map((e) => e.actor).filter((a) => a !== "system"),
  );
  const timeline: TimelineEntry[] = events
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .map((e) => ({ at: e.at, kind: e.kind, by: names.get(e.actor)?.name ?? e.actor, noted: e.noted }))
    .map(({ noted, ...e }) => {
      // A note is written in the same unit of work as its change: give it to that change.
      const i = noted ? c.notes.findIndex((n) => Math.abs(Date.parse(n.at) - Date.parse(e.at)) < 2_000) : -1;
      return i < 0 ? e : { ...e, text: c.notes.splice(i, 1)[0]!.text };
    });
  // Notes no change claimed (written some other way) stand on their own.
  for (const n of c.notes) timeline.push({ at: n.at, kind: "note", by: n.by, text: n.text });
  if (!timeline.some((e) => e.kind === "opened"))
    timeline.push({ at: c.createdAt, kind: "opened", by: "system" });
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const row = c.messageId ? await ctx.store.findMessage(p.tenant, c.messageId) : undefined;
  const [message] = row ? await ctx.store.toMessages(p.tenant, [row]) : [];
  const item =
    row && message ? await heldItem(ctx, p.tenant, message, row.findings as HeldItem["findings"]) : null;
  const room = c.roomId ? await ctx.store.findRoom(p.tenant, c.roomId) : undefined;
  return {
    case: found,
    room: room ? { id: room.id, name: room.name } : null,
    subject: message?.author ?? null,
    item,
    timeline,
  };
}
