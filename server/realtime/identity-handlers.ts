/** `case:identity` (extension): the audited "show identity" of a case's subject, for staff. */
import { caseIdentity } from "../../shared/integrations.ts";
import { showCaseIdentity } from "../integrations/case-identity.ts";
import type { Ctx } from "../services/context.ts";
import { handle } from "./handler.ts";
import type { LanternSocket } from "./types.ts";

/** The SocketRegistrar of the integrator-facing staff events: pass it to attachHandlers. */
export function registerIdentityHandlers(socket: LanternSocket, ctx: Ctx): void {
  handle(socket, ctx.log, "case:identity", caseIdentity, ({ caseId }, p) => showCaseIdentity(ctx, p, caseId));
}
