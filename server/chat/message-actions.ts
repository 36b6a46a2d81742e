/**
 * What happens to a message after it is sent: the author edits (moderated again) or deletes it,
 * people react, and anyone may report it to staff anonymously.
 */
import type { Message, ModerationOutcome } from "../../shared/types.ts";
import { announceCase, caseOpening } from "../cases/cases.ts";
import { type Ctx, isStaff, type Principal } from "../core/context.ts";
import { isLive } from "../db/rows.ts";
import type { MessageRow } from "../db/store.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import { write } from "../spine/spine.ts";
import { announceReviewed } from "../staff/held.ts";
import { assertNotMuted } from "./mutes.ts";
import { roomForMember } from "./rooms.ts";

/** A message the caller can act on: in their tenant, in a room they are in. */
async function reachable(ctx: Ctx, p: Principal, messageId: string) {
  const row = await ctx.store.findMessage(p.tenant, messageId);
  if (!row) throw notFound("message");
  const room = await roomForMember(ctx, p, row.roomId);
  return { row, room };
}

async function toMessage(ctx: Ctx, tenant: string, row: MessageRow) {
  return (await ctx.store.toMessages(tenant, [row]))[0]!;
}

/** The author edits a live message; the new text goes through the spine like a send. */
export async function edit(
  ctx: Ctx,
  p: Principal,
  messageId: string,
  body: string,
): Promise<{ message: Message; moderation: ModerationOutcome }> {
  const { row, room } = await reachable(ctx, p, messageId);
  if (row.authorHandle !== p.handle) throw forbidden("you can only edit your own messages");
  if (!isLive(row.status)) throw new AppError("conflict", `message is ${row.status}`);
  await assertNotMuted(ctx, room.id, p.handle);
  const written = await write(ctx, p, { kind: "message-edit", room, target: row, body });
  return { message: written.view, moderation: written.moderation };
}

/** Delete a message: its author may, and staff may delete any (with an audit row). */
export async function remove(ctx: Ctx, p: Principal, messageId: string, reason?: string): Promise<void> {
  const row = await ctx.store.findMessage(p.tenant, messageId);
  if (!row) throw notFound("message");
  if (!isStaff(p)) {
    await roomForMember(ctx, p, row.roomId);
    if (row.authorHandle !== p.handle) throw forbidden("you can only delete your own messages");
  }
  if (row.status === "deleted") return;
  const before = await ctx.store.deleteMessage(
    p.tenant,
    row.id,
    row.authorHandle !== p.handle
      ? {
          tenant: p.tenant,
          actor: p.handle,
          action: "message.deleted",
          target: row.id,
          details: { roomId: row.roomId, reason: reason ?? "" },
        }
      : null,
  );
  if (!before) return;
  if (before.seq !== null)
    ctx.bus.toRoom(before.roomId, "message:deleted", { roomId: before.roomId, messageId: before.id });
  if (before.status === "held") announceReviewed(ctx, p.tenant, before.id, "deleted");
}

export async function react(ctx: Ctx, p: Principal, messageId: string, emoji: string): Promise<Message> {
  const { row: target } = await reachable(ctx, p, messageId);
  // A mute silences every write in the room, not only messages (issue 15).
  await assertNotMuted(ctx, target.roomId, p.handle);
  const row = await ctx.store.toggleReaction(p.tenant, messageId, p.handle, emoji);
  const message = await toMessage(ctx, p.tenant, row);
  ctx.bus.toRoom(row.roomId, "message:updated", message);
  return message;
}

/** Report a message to staff. The reporter is kept on the case and never shown to the reported person. */
export async function report(ctx: Ctx, p: Principal, messageId: string): Promise<{ caseId: string }> {
  const { row } = await reachable(ctx, p, messageId);
  const r = await ctx.store.report({
    ...caseOpening(ctx, {
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
    messageId: row.id,
    reporterHandle: p.handle,
  });
  if (r.isNew) announceCase(ctx, p.tenant, r.case, true);
  return { caseId: r.case.id };
}
