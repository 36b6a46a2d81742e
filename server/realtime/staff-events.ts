/** Staff events (PROTOCOL.md "Staff events"); participants get `forbidden` from the services. */
import * as S from "../../shared/schemas.ts";
import * as cases from "../cases/cases.ts";
import { remove } from "../chat/message-actions.ts";
import { type Ctx, requireStaff } from "../core/context.ts";
import * as staff from "../staff/actions.ts";
import * as held from "../staff/held.ts";
import { channel } from "./channels.ts";
import { handle } from "./handler.ts";
import { announcePresence } from "./presence.ts";
import type { LanternSocket } from "./types.ts";

export function registerStaffHandlers(socket: LanternSocket, ctx: Ctx): void {
  const log = ctx.log;

  handle(socket, log, "mod:subscribe", S.empty, async (_, p) => {
    requireStaff(p);
    // Clinicians work escalated cases (tier 2); peer specialists and admins see the whole feed.
    await socket.join(p.role === "clinician" ? channel.staffTier2(p.tenant) : channel.staff(p.tenant));
    return {
      held: p.role === "clinician" ? [] : await held.heldQueue(ctx, p),
      cases: await cases.casesFor(ctx, p),
    };
  });
  handle(socket, log, "mod:approve", S.modApprove, async ({ messageId }, p) => ({
    message: await held.approve(ctx, p, messageId),
  }));
  handle(socket, log, "mod:reject", S.modReject, async ({ messageId, reason }, p) => {
    await held.reject(ctx, p, messageId, reason);
    return {};
  });
  handle(socket, log, "mod:delete", S.modDelete, async ({ messageId, reason }, p) => {
    requireStaff(p);
    await remove(ctx, p, messageId, reason);
    return {};
  });
  handle(socket, log, "mod:mute", S.modMute, async ({ roomId, userId, minutes, reason }, p) => ({
    until: await staff.mute(ctx, p, roomId, userId, minutes, reason),
  }));
  handle(socket, log, "mod:unmute", S.modUnmute, async ({ roomId, userId }, p) => {
    await staff.unmute(ctx, p, roomId, userId);
    return {};
  });
  handle(socket, log, "mod:remove", S.modRemove, async ({ roomId, userId, reason }, p) => {
    await staff.removeMember(ctx, p, roomId, userId, reason);
    announcePresence(ctx, roomId);
    return {};
  });
  handle(socket, log, "case:ack", S.caseAck, async ({ caseId }, p) => ({
    case: await cases.ackCase(ctx, p, caseId),
  }));
  handle(socket, log, "case:escalate", S.caseEscalate, async ({ caseId, note }, p) => ({
    case: await cases.escalateCase(ctx, p, caseId, note),
  }));
  handle(socket, log, "case:resolve", S.caseResolve, async ({ caseId, note }, p) => ({
    case: await cases.resolveCase(ctx, p, caseId, note),
  }));
}
