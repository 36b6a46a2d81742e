/**
 * What follows a participant across reloads: their own held messages (the `pending` of a
 * `room:join` ack: only they see them, marked as waiting) and the support card of every crisis
 * case about them that is still open, replayed to the joining socket. And the card's "ask for a
 * peer specialist now", which writes a case note and tells the staff feed.
 */
import type { Message, SupportPayload } from "../../shared/types.ts";
import { announceCase } from "../cases/cases.ts";
import type { Ctx, Principal } from "../core/context.ts";
import type { CaseRow } from "../db/store.ts";
import { AppError, notFound } from "../errors.ts";
import { supportCard } from "./card.ts";
import { resolveLocale } from "./locale.ts";

/** The most held messages of one author a join hands back. */
const PENDING_LIMIT = 50;

/** The caller's own messages held for review in `roomId`, oldest first (they have no seq yet). */
export async function pendingFor(ctx: Ctx, p: Principal, roomId: string): Promise<Message[]> {
  const rows = (await ctx.store.heldMessages(p.tenant, 500)).filter(
    (r) => r.roomId === roomId && r.authorHandle === p.handle,
  );
  const mine = rows.slice(-PENDING_LIMIT);
  return ctx.store.toMessages(p.tenant, mine, { id: p.handle, name: p.name, role: p.role });
}

/** The id the author's card was sent for: the message, or the forum reply or thread. */
const postOf = (row: CaseRow) => row.messageId ?? row.replyId ?? row.threadId ?? "";

/** Crisis cases about the caller still open (a report's subject is not in crisis: never those). */
async function openCrisisCases(ctx: Ctx, p: Principal): Promise<CaseRow[]> {
  const rows = await ctx.store.openCasesAbout(p.tenant, p.handle);
  return rows.filter((r) => r.source === "crisis" && postOf(r));
}

/** The support cards to show the caller again, in their socket's language. */
export async function supportToReplay(ctx: Ctx, p: Principal): Promise<SupportPayload[]> {
  const tenant = ctx.config.tenants.get(p.tenant);
  if (!tenant || p.role !== "participant") return [];
  const locale = p.locale ?? resolveLocale(tenant, undefined);
  return (await openCrisisCases(ctx, p)).map((row) => ({
    ...supportCard(
      tenant,
      { messageId: postOf(row), level: row.level, category: row.category, caseId: row.id },
      locale,
    ),
    replayed: true,
  }));
}

/** What a staff member reads in the case: the author asked from their support card. */
export const HELP_REQUESTED_NOTE = "The participant asked for a peer specialist now (support card).";
/** A second ask within this long adds no second note (a double tap, two tabs). */
const REPEAT_MS = 60_000;

/**
 * `support:request`: the author of `postId` asks for a peer specialist now. Only the subject of
 * an open crisis case about that post may ask; the case gets a note, the staff feed a
 * `case:updated`, and the audit trail a `case.help_requested` row.
 */
export async function requestSpecialist(ctx: Ctx, p: Principal, postId: string): Promise<{ caseId: string }> {
  const row = (await openCrisisCases(ctx, p)).find((r) => postOf(r) === postId);
  if (!row) throw notFound("open case for this message");
  const last = row.notes.at(-1);
  if (last?.text === HELP_REQUESTED_NOTE && Date.now() - Date.parse(last.at) < REPEAT_MS)
    return { caseId: row.id };
  const updated = await ctx.store.changeCase(p.tenant, row.id, (current) => {
    if (!current || current.subjectHandle !== p.handle) throw notFound("case");
    if (current.status === "resolved") throw new AppError("conflict", "case is resolved");
    return {
      set: {},
      note: { by: p.name, text: HELP_REQUESTED_NOTE },
      audit: {
        tenant: p.tenant,
        actor: p.handle,
        action: "case.help_requested",
        target: row.id,
        details: { from: current.status },
      },
    };
  });
  announceCase(ctx, p.tenant, updated, false);
  return { caseId: updated.id };
}
