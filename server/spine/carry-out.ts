/**
 * The one place that acts on a list of consequences: each becomes an emit on the bus, in order,
 * after the commit. Nothing here decides anything; consequences.ts did.
 */
import type { Ctx } from "../core/context.ts";
import type { Consequence } from "./write.ts";

/** Emit every consequence for `tenant`, in the order given. */
export function carryOut(ctx: Ctx, tenant: string, list: readonly Consequence[]): void {
  for (const c of list) {
    // Each consequence pairs an event with its payload by type; one member of the union stands
    // for all of them here, where they are only passed on.
    const { to, event, payload } = c as Extract<Consequence, { event: "notice" }>;
    if ("room" in to) {
      ctx.bus.toRoom(to.room, event, payload, to.except ? { tenant, handle: to.except } : undefined);
      if (c.event === "message:new") ctx.metrics.messagesOut.inc({ kind: "new" });
    } else if ("user" in to) ctx.bus.toUser(tenant, to.user, event, payload);
    else if ("staff" in to) ctx.bus.toStaff(tenant, event, payload, to.staff);
    else ctx.bus.toForum(tenant, event, payload);
  }
}
