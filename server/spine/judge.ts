/**
 * Runs the moderation pipeline for a text and records the metrics. The verdict is then acted on
 * by enforce-verdict.ts; nothing here stores or sends.
 */
import { performance } from "node:perf_hooks";
import { moderate, type PolicyKind, type Verdict } from "../../moderation/index.ts";
import type { Ctx } from "../core/context.ts";

export function judge(
  ctx: Ctx,
  tenant: string,
  kind: PolicyKind,
  roomId: string | null,
  roomPolicy: unknown,
  text: string,
): Verdict {
  const policy = ctx.policies.get(tenant, kind, roomId, roomPolicy);
  const t0 = performance.now();
  const verdict = moderate(text, policy);
  ctx.metrics.moderationSeconds.observe((performance.now() - t0) / 1000);
  ctx.metrics.verdicts.inc({ action: verdict.action, level: String(verdict.crisis.level) });
  return verdict;
}
