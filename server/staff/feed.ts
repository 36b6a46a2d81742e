/**
 * After a text is stored: the author's private support, the staff feed (held or flagged, with
 * the findings and the few messages before it) and the room's neutral notice when a
 * facilitator steps in. Staff see the minimum a reviewer needs, no more.
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Case, Message, MessageStatus } from "../../shared/types.ts";
import { announceCase } from "../cases/cases.ts";
import type { Ctx, Principal } from "../core/context.ts";
import type { Decision } from "../spine/enforce-verdict.ts";
import { sendSupport } from "../spine/support.ts";

/** How many earlier messages a reviewer sees around a held or flagged one. */
export const CONTEXT_MESSAGES = 3;

/** The item a reviewer sees: the message, why, and the messages just before it in its room. */
export async function heldItem(
  ctx: Ctx,
  tenant: string,
  message: Message,
  findings: HeldItem["findings"],
): Promise<HeldItem> {
  const before = message.seq ?? undefined;
  const page = await ctx.store.pageBefore(message.roomId, before, CONTEXT_MESSAGES);
  const context = await ctx.store.toMessages(tenant, page.rows);
  return { message, findings, context };
}

/** Tell every staff screen that a held item was settled, so other tabs drop it from their queue. */
export function announceReviewed(ctx: Ctx, tenant: string, messageId: string, status: MessageStatus): void {
  ctx.bus.toStaff(tenant, "mod:resolved", { messageId, status });
}

export async function announceAfterStore(
  ctx: Ctx,
  p: Principal,
  s: { message: Message; decision: Decision; caseOpened: Case | null },
): Promise<void> {
  const { message, decision: d } = s;
  if (d.support) sendSupport(ctx, p.tenant, p.handle, message.id, d.level);
  if (d.status === "held") {
    ctx.bus.toStaff(p.tenant, "mod:held", await heldItem(ctx, p.tenant, message, d.findings));
    if (d.level >= 4)
      ctx.bus.toRoom(message.roomId, "notice", {
        code: "facilitator_helping",
        message: "A facilitator is checking in with a member of the group. Thank you for holding space.",
      });
  } else if (d.flag) {
    ctx.bus.toStaff(p.tenant, "mod:flagged", await heldItem(ctx, p.tenant, message, d.findings));
  }
  if (s.caseOpened) announceCase(ctx, p.tenant, s.caseOpened, true);
}
