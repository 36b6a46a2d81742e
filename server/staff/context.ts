/** What a reviewer sees around a chat message: the few visible messages just before it. */
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
