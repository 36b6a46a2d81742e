/** Timed mutes, stored so that every node enforces them on send. */
import { and, eq, gt, sql } from "drizzle-orm";
import { once } from "../db/prepared.ts";
import { mutes } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { nowIso } from "../ids.ts";
import type { Ctx } from "./context.ts";

/** Throw `muted` (with `until`) when the person is muted in the room now. */
export function assertNotMuted(ctx: Ctx, roomId: string, handle: string): void {
  const row = once(ctx.db, "mutes.active", () =>
    ctx.db
      .select({ until: mutes.until })
      .from(mutes)
      .where(
        and(
          eq(mutes.roomId, sql.placeholder("roomId")),
          eq(mutes.handle, sql.placeholder("handle")),
          gt(mutes.until, sql.placeholder("now")),
        ),
      )
      .prepare(),
  ).get({ roomId, handle, now: nowIso() });
  if (row) throw mutedError(row.until);
}

/** The `muted` refusal, with when the mute ends. */
export const mutedError = (until: string) =>
  new AppError("muted", "you are muted in this room for now", { until });

export function setMute(ctx: Ctx, roomId: string, handle: string, until: string, by: string): void {
  ctx.db
    .insert(mutes)
    .values({ roomId, handle, until, by })
    .onConflictDoUpdate({ target: [mutes.roomId, mutes.handle], set: { until, by } })
    .run();
}

export function clearMute(ctx: Ctx, roomId: string, handle: string): boolean {
  return (
    ctx.db
      .delete(mutes)
      .where(and(eq(mutes.roomId, roomId), eq(mutes.handle, handle)))
      .run().changes > 0
  );
}
