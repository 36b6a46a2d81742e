/**
 * The spine of one message: authorise, limit, deduplicate, moderate, store (message, seq, case,
 * outbox and audit in one unit of work), then broadcast and tell the author and staff.
 */
import type { MessageSend } from "../../shared/schemas.ts";
import type { Message, ModerationOutcome } from "../../shared/types.ts";
import { crisisOpening } from "../cases/cases.ts";
import { type Ctx, isStaff, type Principal } from "../core/context.ts";
import { newMessage } from "../db/rows.ts";
import { DuplicateError, type MessageRow } from "../db/store.ts";
import { AppError, notFound } from "../errors.ts";
import { sortableId } from "../ids.ts";
import { enforce } from "../spine/enforce-verdict.ts";
import { judge } from "../spine/judge.ts";
import { announceAfterStore } from "../staff/feed.ts";
import { mutedError } from "./mutes.ts";
import { assertMember, roomInTenant } from "./rooms.ts";

export interface SendResult {
  message: Message;
  moderation: ModerationOutcome;
}

const authorOf = (p: Principal) => ({ id: p.handle, name: p.name, role: p.role });

/** The result a resent clientId gets: what the first send returned. */
async function replay(ctx: Ctx, p: Principal, row: MessageRow): Promise<SendResult> {
  const action = row.action === "hold" || row.action === "redact" ? row.action : "allow";
  const [message] = await ctx.store.toMessages(p.tenant, [row], authorOf(p));
  return { message: message!, moderation: { action, reasons: row.reasons } };
}

/** Send a message; refusals (blocked, muted, rate_limited, ...) are counted by their code. */
export async function send(ctx: Ctx, p: Principal, input: MessageSend): Promise<SendResult> {
  try {
    return await storeAndBroadcast(ctx, p, input);
  } catch (e) {
    ctx.metrics.messagesIn.inc({ outcome: e instanceof AppError ? e.code : "error" });
    throw e;
  }
}

async function storeAndBroadcast(ctx: Ctx, p: Principal, input: MessageSend): Promise<SendResult> {
  // roomForMember, assertNotMuted and the clientId lookup, in that order, from one read.
  const room = await roomInTenant(ctx, p, input.roomId);
  const gate = await ctx.store.sendGate(room.id, p.handle, input.clientId);
  if (!isStaff(p)) assertMember(room, gate.member);
  if (gate.mutedUntil) throw mutedError(gate.mutedUntil);
  const earlier = gate.earlierId
    ? await ctx.store.findByClientId(room.id, p.handle, input.clientId)
    : undefined;
  if (earlier) return replay(ctx, p, earlier);
  const limit = await ctx.limiter.hit(`send:${p.tenant}:${p.handle}`);
  if (!limit.ok)
    throw new AppError("rate_limited", "slow down a little", { retryAfterMs: limit.retryAfterMs });
  if (input.replyTo) {
    const parent = await ctx.store.findMessage(p.tenant, input.replyTo);
    if (!parent || parent.roomId !== room.id || parent.seq === null) throw notFound("message to reply to");
  }

  const verdict = judge(ctx, p.tenant, room.kind as "group", room.id, room.policy, input.body);
  const d = enforce(input.body, verdict);
  const id = sortableId("m");
  let stored: Awaited<ReturnType<Ctx["store"]["storeMessage"]>>;
  try {
    // Acked and broadcast only after the commit.
    stored = await ctx.store.storeMessage(
      {
        id,
        tenant: p.tenant,
        roomId: room.id,
        authorHandle: p.handle,
        clientId: input.clientId,
        body: d.body,
        status: d.status,
        replyTo: input.replyTo ?? null,
        action: d.outcome.action,
        reasons: d.outcome.reasons,
        findings: d.findings,
        level: d.level,
        category: d.category,
      },
      crisisOpening(ctx, p, d, { roomId: room.id, messageId: id }),
    );
  } catch (e) {
    // Two sends with one clientId raced: the loser returns the winner's result.
    const winner =
      e instanceof DuplicateError && e.table === "messages"
        ? await ctx.store.findByClientId(room.id, p.handle, input.clientId)
        : undefined;
    if (winner) return replay(ctx, p, winner);
    throw e;
  }

  // Just stored by the caller: no reactions yet and the author is known, so nothing to read back.
  const message = newMessage(stored.row, authorOf(p));
  ctx.metrics.messagesIn.inc({ outcome: d.outcome.action });
  if (d.status !== "held") {
    ctx.bus.toRoom(room.id, "message:new", message);
    ctx.metrics.messagesOut.inc({ kind: "new" });
  }
  await announceAfterStore(ctx, p, { message, decision: d, caseOpened: stored.caseOpened });
  return { message, moderation: d.outcome };
}
