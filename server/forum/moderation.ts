/**
 * Moderation of forum posts with the tenant's `forum` policy. A thread's title and body are
 * judged together (crisis context can span both), then each is redacted on its own, so that a
 * privacy span in either is replaced before anything is stored or sent. Acting on the verdict
 * stays with enforce(); this module only splits its redaction between the two fields.
 */
import { redact } from "../../moderation/verdict.ts";
import type { Ctx } from "../core/context.ts";
import { type Decision, enforce } from "../spine/enforce-verdict.ts";
import { judge } from "../spine/judge.ts";

/** Joins title and body for judging, and in the staff queue's view of a held thread. */
export const TITLE_SEPARATOR = "\n\n";

/** A decision on a thread: the stored title and body, each redacted on its own. */
export interface PostDecision extends Decision {
  title: string;
}

/** Judge a thread (title + body). Throws `blocked` when the policy refuses it. */
export function moderatePost(ctx: Ctx, tenant: string, title: string, body: string): PostDecision {
  const joined = title + TITLE_SEPARATOR + body;
  const verdict = judge(ctx, tenant, "forum", null, undefined, joined);
  const d = enforce(joined, verdict);
  if (verdict.privacy.length === 0) return { ...d, title, body };
  const placeholders = ctx.policies.get(tenant, "forum", null).privacy.placeholders;
  const offset = title.length + TITLE_SEPARATOR.length;
  // A span is clipped to each field it touches, so one crossing the separator is cut in both.
  const within = (from: number, to: number) =>
    verdict.privacy
      .filter((f) => f.start < to && f.end > from)
      .map((f) => ({ ...f, start: Math.max(f.start, from) - from, end: Math.min(f.end, to) - from }));
  return {
    ...d,
    title: redact(title, within(0, title.length), placeholders),
    body: redact(body, within(offset, joined.length), placeholders),
  };
}

/** Judge a reply's body. Throws `blocked` when the policy refuses it. */
export function moderateReply(ctx: Ctx, tenant: string, body: string): Decision {
  return enforce(body, judge(ctx, tenant, "forum", null, undefined, body));
}
