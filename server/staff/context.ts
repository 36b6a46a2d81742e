/** What a reviewer sees around a chat message: the few visible messages just before it, and the item. */
import type { HeldItem } from "../../shared/events.ts";
import type { Message } from "../../shared/types.ts";
import type { Ctx } from "../core/context.ts";

/** How many earlier messages a reviewer sees around a held or flagged one. */
export const CONTEXT_MESSAGES = 3;

/** The visible messages just before `seq` (or the newest, for a held message) in a room. */
export async function roomContext(
  ctx: Ctx,
  tenant: string,
  roomId: string,
  seq: number | null,
): Promise<Message[]> {
  const page = await ctx.store.pageBefore(roomId, seq ?? undefined, CONTEXT_MESSAGES);
  return ctx.store.toMessages(tenant, page.rows);
}

/** The item a reviewer sees: the message, why, and the messages just before it in its room. */
export async function heldItem(
  ctx: Ctx,
  tenant: string,
  message: Message,
  findings: HeldItem["findings"],
): Promise<HeldItem> {
  return { message, findings, context: await roomContext(ctx, tenant, message.roomId, message.seq) };
}
