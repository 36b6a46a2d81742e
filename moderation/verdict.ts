/**
 * Applies a policy to detector results: picks the strictest action, builds the redacted text
 * and the reason codes. Reasons carry no user text, only codes such as "privacy:phone".
 */
import { crisisOf } from "./detectors/crisis.ts";
import type { Action, Finding, Policy, PrivacyType, Verdict } from "./types.ts";

const STRICTNESS: Readonly<Record<Action, number>> = { allow: 0, redact: 1, hold: 2, block: 3 };
const stricter = (a: Action, b: Action): Action => (STRICTNESS[b] > STRICTNESS[a] ? b : a);

/** Replaces each privacy span (non-overlapping, sorted) with its placeholder. */
export function redact(
  text: string,
  privacy: readonly Finding[],
  placeholders: Record<PrivacyType, string>,
): string {
  if (privacy.length === 0) return text;
  let out = "";
  let at = 0;
  for (const f of privacy) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + (placeholders[f.type as PrivacyType] ?? "[redacted]");
    at = f.end;
  }
  return out + text.slice(at);
}

/** Builds the verdict from detector results under `policy`. */
export function decide(
  text: string,
  policy: Policy,
  crisisFindings: Finding[],
  privacy: readonly Finding[],
  solicitation: Finding[],
  keywords: Finding[],
): Verdict {
  const crisis = crisisOf(crisisFindings);
  const reasons: string[] = [];
  let action: Action = "allow";
  let flag = false;
  if (crisis.level > 0 && crisis.category) {
    reasons.push(`crisis:${crisis.category}:${crisis.level}`);
    action = stricter(action, policy.crisis.actions[crisis.level]);
    if (crisis.level >= policy.crisis.flagAt) flag = true;
  }
  for (const t of new Set(privacy.map((p) => p.type))) reasons.push(`privacy:${t}`);
  if (privacy.length) {
    action = stricter(action, policy.privacy.action);
    flag = true;
  }
  for (const t of new Set(solicitation.map((s) => s.type))) reasons.push(`solicitation:${t}`);
  if (solicitation.length) {
    action = stricter(action, policy.solicitation.action);
    if (policy.solicitation.flag) flag = true;
  }
  if (keywords.length) {
    reasons.push("keyword");
    action = stricter(action, policy.keywords.action);
    flag = true;
  }
  // the stored text is always the privacy-safe one, whatever the action (DESIGN.md)
  const redacted = redact(text, privacy, policy.privacy.placeholders);
  const findings = [...crisisFindings, ...privacy, ...solicitation, ...keywords].sort(
    (a, b) => a.start - b.start,
  );
  return {
    action,
    crisis: { level: crisis.level, category: crisis.category },
    privacy: [...privacy],
    solicitation: solicitation.length > 0,
    findings,
    redacted,
    reasons,
    support: crisis.level > 0 && crisis.level >= policy.crisis.supportAt,
    escalate: crisis.level > 0 && crisis.level >= policy.crisis.escalateAt,
    flag,
  };
}
