/** Staff events (PROTOCOL.md "Staff events"); participants get `forbidden` from the services. */
import * as S from "../../shared/schemas.ts";
import { channel } from "../services/bus.ts";
import * as cases from "../services/cases.ts";
import { type Ctx, requireStaff } from "../services/context.ts";
import { remove } from "../services/message-actions.ts";
import * as staff from "../services/staff-actions.ts";
import { handle } from "./handler.ts";
import { announcePresence } from "./presence.ts";
import type { LanternSocket } from "./types.ts";

export function registerStaffHandlers(socket: LanternSocket, ctx: Ctx): void {
  const log = ctx.log;

  handle(socket, log, "mod:subscribe", S.empty, async (_, p) => {
    requireStaff(p);
    // Clinicians work escalated cases (tier 2); peer specialists and admins see the whole feed.
    await socket.join(p.role === "clinician" ? channel.staffTier2(p.tenant) : channel.staff(p.tenant));
    return { held: p.role === "clinician" ? [] : staff.heldQueue(ctx, p), cases: cases.casesFor(ctx, p) };
  });
  handle(socket, log, "mod:approve", S.modApprove, ({ messageId }, p) => ({
    message: staff.approve(ctx, p, messageId),
  }));
  handle(socket, log, "mod:reject", S.modReject, ({ messageId, reason }, p) => {
    staff.reject(ctx, p, messageId, reason);
    return {};
  });
  handle(socket, log, "mod:delete", S.modDelete, ({ messageId, reason }, p) => {
    requireStaff(p);
    remove(ctx, p, messageId, reason);
    return {};
  });
  handle(socket, log, "mod:mute", S.modMute, ({ roomId, userId, minutes, reason }, p) => ({
    until: staff.mute(ctx, p, roomId, userId, minutes, reason),
  }));
  handle(socket, log, "mod:unmute", S.modUnmute, ({ roomId, userId }, p) => {
    staff.unmute(ctx, p, roomId, userId);
    return {};
  });
  handle(socket, log, "mod:remove", S.modRemove, async ({ roomId, userId, reason }, p) => {
    staff.removeMember(ctx, p, roomId, userId, reason);
    announcePresence(ctx, roomId);
    return {};
  });
  handle(socket, log, "case:ack", S.caseAck, ({ caseId }, p) => ({ case: cases.ackCase(ctx, p, caseId) }));
  handle(socket, log, "case:escalate", S.caseEscalate, ({ caseId, note }, p) => ({
    case: cases.escalateCase(ctx, p, caseId, note),
  }));
  handle(socket, log, "case:resolve", S.caseResolve, ({ caseId, note }, p) => ({
    case: cases.resolveCase(ctx, p, caseId, note),
  }));
}
