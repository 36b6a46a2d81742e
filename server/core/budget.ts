/**
 * Budgets: how many writes of one kind of action a person may make per window, each action
 * counted on its own so that one kind never eats the budget of another (issue 15 adds edits,
 * reactions, typing and reports here).
 */
import { AppError } from "../errors.ts";
import type { Ctx, Principal } from "./context.ts";

/** The actions with a budget, each its own count. */
export type Action = "send" | "forum";

/** Spend one of the caller's budget for `action`, or throw `rate_limited` with when to retry. */
export async function spend(ctx: Ctx, p: Principal, action: Action): Promise<void> {
  const r = await ctx.limiter.hit(`${action}:${p.tenant}:${p.handle}`);
  if (!r.ok) throw new AppError("rate_limited", "slow down a little", { retryAfterMs: r.retryAfterMs });
}
