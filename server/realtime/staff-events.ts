/** Staff events (PROTOCOL.md "Staff events"); participants get `forbidden` from the services. */
import { caseIdentity } from "../../shared/integrations.ts";
import * as S from "../../shared/schemas.ts";
import * as cases from "../cases/cases.ts";
import { remove } from "../chat/message-actions.ts";
import { requireStaff } from "../core/context.ts";
import { flaggedBacklog } from "../desk/flagged-backlog.ts";
import { showCaseIdentity } from "../integrations/case-identity.ts";
import * as staff from "../staff/actions.ts";
import * as held from "../staff/held.ts";
import { channel } from "./channels.ts";
import { announcePresence } from "./presence.ts";
import { type ClientEvent, event, type Table } from "./table.ts";

export const staffEvents = {
  "mod:subscribe": event(S.empty).run(async (_, p, { ctx, socket }) => {
    requireStaff(p);
    // Clinicians work escalated cases (tier 2); peer specialists and admins see the whole feed.
    await socket.join(p.role === "clinician" ? channel.staffTier2(p.tenant) : channel.staff(p.tenant));
    return {
      held: p.role === "clinician" ? [] : await held.heldQueue(ctx, p),
      cases: await cases.casesFor(ctx, p),
      flagged: await flaggedBacklog(ctx, p),
    };
  }),
  "mod:approve": event(S.modApprove).run(async ({ messageId }, p, { ctx }) => ({
    message: await held.approve(ctx, p, messageId),
  })),
  "mod:reject": event(S.modReject).run(async ({ messageId, reason }, p, { ctx }) => {
    await held.reject(ctx, p, messageId, reason);
    return {};
  }),
  "mod:delete": event(S.modDelete).run(async ({ messageId, reason }, p, { ctx }) => {
    requireStaff(p);
    await remove(ctx, p, messageId, reason);
    return {};
  }),
  "mod:mute": event(S.modMute).run(async ({ roomId, userId, minutes, reason }, p, { ctx }) => ({
    until: await staff.mute(ctx, p, roomId, userId, minutes, reason),
  })),
  "mod:unmute": event(S.modUnmute).run(async ({ roomId, userId }, p, { ctx }) => {
    await staff.unmute(ctx, p, roomId, userId);
    return {};
  }),
  "mod:remove": event(S.modRemove).run(async ({ roomId, userId, reason }, p, { ctx }) => {
    await staff.removeMember(ctx, p, roomId, userId, reason);
    announcePresence(ctx, roomId);
    return {};
  }),
  "case:ack": event(S.caseAck).run(async ({ caseId }, p, { ctx }) => ({
    case: await cases.ackCase(ctx, p, caseId),
  })),
  "case:escalate": event(S.caseEscalate).run(async ({ caseId, note }, p, { ctx }) => ({
    case: await cases.escalateCase(ctx, p, caseId, note),
  })),
  "case:resolve": event(S.caseResolve).run(async ({ caseId, note }, p, { ctx }) => ({
    case: await cases.resolveCase(ctx, p, caseId, note),
  })),
  // Extension for integrators: the audited "show identity" of a case's subject.
  "case:identity": event(caseIdentity).run(({ caseId }, p, { ctx }) => showCaseIdentity(ctx, p, caseId)),
} satisfies Partial<Table<ClientEvent>>;
