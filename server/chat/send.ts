/**
 * message:send: authorise, find an earlier send with the same clientId, spend the send budget,
 * check what it replies to, then hand the text to the spine (moderate, store, announce).
 */
import type { MessageSend } from "../../shared/schemas.ts";
import type { Message, ModerationOutcome } from "../../shared/types.ts";
import { spend } from "../core/budget.ts";
import { type Ctx, isStaff, type Principal } from "../core/context.ts";
import { AppError, notFound } from "../errors.ts";
import { replayOf, type Written } from "../spine/kinds.ts";
import { write } from "../spine/spine.ts";
import { mutedError } from "./mutes.ts";
import { assertMember, roomInTenant } from "./rooms.ts";

export interface SendResult {
  message: Message;
  moderation: ModerationOutcome;
}

/** Send a message; refusals (blocked, muted, rate_limited, ...) are counted by their code. */
export async function send(ctx: Ctx, p: Principal, input: MessageSend): Promise<SendResult> {
  try {
    return await gateAndWrite(ctx, p, input);
  } catch (e) {
    ctx.metrics.messagesIn.inc({ outcome: e instanceof AppError ? e.code : "error" });
    throw e;
  }
}

async function gateAndWrite(ctx: Ctx, p: Principal, input: MessageSend): Promise<SendResult> {
  // roomForMember, assertNotMuted and the clientId lookup, in that order, from one read.
  const room = await roomInTenant(ctx, p, input.roomId);
  const gate = await ctx.store.sendGate(room.id, p.handle, input.clientId);
  if (!isStaff(p)) assertMember(room, gate.member);
  if (gate.mutedUntil) throw mutedError(gate.mutedUntil);
  const earlier = gate.earlierId ? await ctx.store.findMessage(p.tenant, gate.earlierId) : undefined;
  if (earlier) return result(await replayOf(ctx, p, earlier));
  await spend(ctx, p, "send");
  if (input.replyTo) {
    const parent = await ctx.store.findMessage(p.tenant, input.replyTo);
    if (!parent || parent.roomId !== room.id || parent.seq === null) throw notFound("message to reply to");
  }
  const written = await write(ctx, p, {
    kind: "message",
    room,
    clientId: input.clientId,
    body: input.body,
    replyTo: input.replyTo ?? null,
  });
  if (!written.replayed) ctx.metrics.messagesIn.inc({ outcome: written.moderation.action });
  return result(written);
}

const result = (w: Written<"message">): SendResult => ({ message: w.view, moderation: w.moderation });
