/**
 * Replay the support cards of the caller's open crisis cases to one socket, after it joined a
 * room or subscribed to the forum. The widget keeps one card per message, so a replay after
 * both (or after a reconnect) shows nothing twice.
 */
import type { Ctx, Principal } from "../core/context.ts";
import { supportToReplay } from "../support/replay.ts";
import type { LanternSocket } from "./types.ts";

export async function replaySupport(ctx: Ctx, p: Principal, socket: LanternSocket): Promise<void> {
  try {
    for (const card of await supportToReplay(ctx, p)) if (socket.connected) socket.emit("support", card);
  } catch (err) {
    // A replay is a courtesy: a failed read must not break the join it followed.
    ctx.log.warn({ err }, "support replay failed");
  }
}
