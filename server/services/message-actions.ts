/**
 * What happens to a message after it is sent: the author edits (moderated again) or deletes it,
 * people react, and anyone may report it to staff anonymously.
 */
import { and, eq } from "drizzle-orm";
import type { Message, ModerationOutcome } from "../../shared/types.ts";
import { transaction } from "../db/client.ts";
import { appendAudit } from "../db/repos/audit.ts";
import * as msgs from "../db/repos/messages.ts";
import { cases } from "../db/schema.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { nowIso } from "../ids.ts";
import { announceCase, openCaseInTx, openCrisisCaseInTx } from "./cases.ts";
import { type Ctx, isStaff, type Principal } from "./context.ts";
import { enforce } from "./enforce-verdict.ts";
import { judge } from "./moderation.ts";
import { assertNotMuted } from "./mutes.ts";
import { roomForMember } from "./rooms.ts";
import { announceAfterStore, announceReviewed } from "./staff-feed.ts";

const LIVE = new Set(["visible", "redacted"]);

/** A message the caller can act on: in their tenant, in a room they are in. */
function reachable(ctx: Ctx, p: Principal, messageId: string) {
  const row = msgs.findMessage(ctx.db, p.tenant, messageId);
  if (!row) throw notFound("message");
  const room = roomForMember(ctx, p, row.roomId);
  return { row, room };
}

/** What the room may see of a message: never the text of a held one. */
export function roomView(m: Message): Message {
  return m.status === "held" ? { ...m, body: "" } : m;
}

export function edit(
  ctx: Ctx,
  p: Principal,
  messageId: string,
  body: string,
): { message: Message; moderation: ModerationOutcome } {
  const { row, room } = reachable(ctx, p, messageId);
  if (row.authorHandle !== p.handle) throw forbidden("you can only edit your own messages");
  if (!LIVE.has(row.status)) throw new AppError("conflict", `message is ${row.status}`);
  assertNotMuted(ctx, room.id, p.handle);
  const d = enforce(body, judge(ctx, p.tenant, room.kind as "group", room.id, room.policy, body));
  const { updated, caseOpened } = transaction(ctx.db, () => {
    const updated = msgs.updateMessage(ctx.db, row.id, {
      body: d.body,
      status: d.status,
      action: d.outcome.action,
      reasons: d.outcome.reasons,
      findings: d.findings,
      level: d.level,
      category: d.category,
      editedAt: nowIso(),
    });
    const caseOpened = openCrisisCaseInTx(ctx, p, d, { roomId: room.id, messageId: row.id });
    return { updated, caseOpened };
  });
  const message = msgs.toMessage(ctx.db, p.tenant, updated);
  ctx.bus.toRoom(room.id, "message:updated", roomView(message));
  announceAfterStore(ctx, p, { message, decision: d, caseOpened });
  return { message, moderation: d.outcome };
}

/** Delete a message: its author may, and staff may delete any (with an audit row). */
export function remove(ctx: Ctx, p: Principal, messageId: string, reason?: string): void {
  const row = msgs.findMessage(ctx.db, p.tenant, messageId);
  if (!row) throw notFound("message");
  if (!isStaff(p)) {
    roomForMember(ctx, p, row.roomId);
    if (row.authorHandle !== p.handle) throw forbidden("you can only delete your own messages");
  }
  if (row.status === "deleted") return;
  transaction(ctx.db, () => {
    msgs.updateMessage(ctx.db, row.id, { body: "", status: "deleted", findings: [], editedAt: nowIso() });
    if (row.authorHandle !== p.handle)
      appendAudit(ctx.db, {
        tenant: p.tenant,
        actor: p.handle,
        action: "message.deleted",
        target: row.id,
        details: { roomId: row.roomId, reason: reason ?? "" },
      });
  });
  if (row.seq !== null)
    ctx.bus.toRoom(row.roomId, "message:deleted", { roomId: row.roomId, messageId: row.id });
  if (row.status === "held") announceReviewed(ctx, p.tenant, row.id, "deleted");
}

export function react(ctx: Ctx, p: Principal, messageId: string, emoji: string): Message {
  const { row } = reachable(ctx, p, messageId);
  if (!LIVE.has(row.status)) throw new AppError("conflict", `message is ${row.status}`);
  msgs.toggleReaction(ctx.db, row.id, p.handle, emoji);
  const message = msgs.toMessage(ctx.db, p.tenant, row);
  ctx.bus.toRoom(row.roomId, "message:updated", message);
  return message;
}

/** Report a message to staff. The reporter is kept on the case and never shown to the reported person. */
export function report(ctx: Ctx, p: Principal, messageId: string): { caseId: string } {
  const { row } = reachable(ctx, p, messageId);
  const existing = ctx.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.messageId, row.id), eq(cases.reporterHandle, p.handle)))
    .get();
  if (existing) return { caseId: existing.id };
  const c = transaction(ctx.db, () =>
    openCaseInTx(ctx, {
      tenant: p.tenant,
      source: "report",
      level: Math.max(row.level, 2),
      category: "report",
      roomId: row.roomId,
      messageId: row.id,
      subjectHandle: row.authorHandle,
      reporterHandle: p.handle,
      actor: p.handle,
    }),
  );
  announceCase(ctx, p.tenant, c, true);
  return { caseId: c.id };
}
