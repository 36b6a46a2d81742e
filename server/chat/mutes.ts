/** Timed mutes, stored so that every node enforces them on send. */

import type { Ctx } from "../core/context.ts";
import { AppError } from "../errors.ts";

/** Throw `muted` (with `until`) when the person is muted in the room now. */
export async function assertNotMuted(ctx: Ctx, roomId: string, handle: string): Promise<void> {
  const until = await ctx.store.activeMute(roomId, handle);
  if (until) throw mutedError(until);
}

/** The `muted` refusal, with when the mute ends. */
export const mutedError = (until: string) =>
  new AppError("muted", "you are muted in this room for now", { until });
