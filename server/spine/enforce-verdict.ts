/**
 * The one place that turns a moderation Verdict into what the server does with a text:
 * whether it is stored, with which status and body, and whom to tell. Judging stays in
 * moderation/; this module only acts on the judgement.
 */
import type { Finding, Verdict } from "../../moderation/index.ts";
import type { MessageStatus, ModerationOutcome } from "../../shared/types.ts";
import { AppError } from "../errors.ts";

export interface Decision {
  status: Extract<MessageStatus, "visible" | "redacted" | "held">;
  /** The only text ever stored or sent: the original when nothing was removed, else the redacted text. */
  body: string;
  /** Findings with spans into `body` (privacy spans point at their placeholders). */
  findings: Finding[];
  outcome: ModerationOutcome;
  level: number;
  category: string | null;
  support: boolean;
  escalate: boolean;
  flag: boolean;
  /** Whether the room should ever see it redacted once approved. */
  redacted: boolean;
}

/** Decide; a `block` verdict throws the `blocked` error with its reasons (nothing is stored). */
export function enforce(original: string, verdict: Verdict): Decision {
  if (verdict.action === "block")
    throw new AppError("blocked", "this message can't be posted here", { reasons: verdict.reasons });
  const redacted = verdict.privacy.length > 0 && verdict.redacted !== original;
  const body = redacted ? verdict.redacted : original;
  const status = verdict.action === "hold" ? "held" : redacted ? "redacted" : "visible";
  return {
    status,
    body,
    findings: redacted ? remap(body, verdict) : verdict.findings,
    outcome: { action: status === "held" ? "hold" : redacted ? "redact" : "allow", reasons: verdict.reasons },
    level: verdict.crisis.level,
    category: verdict.crisis.category,
    support: verdict.support,
    escalate: verdict.escalate,
    flag: verdict.flag,
    redacted,
  };
}

/**
 * Move finding spans from the original text into the redacted one. Privacy spans become their
 * placeholders; other spans shift by what was removed before them and are clamped into range.
 */
function remap(body: string, verdict: Verdict): Finding[] {
  const cuts: { start: number; end: number; newStart: number; newEnd: number }[] = [];
  let delta = 0;
  let lastEnd = -1;
  for (const p of [...verdict.privacy].sort((a, b) => a.start - b.start)) {
    if (p.start < lastEnd) continue; // merged into the previous placeholder
    const newStart = p.start + delta;
    const close = body.indexOf("]", newStart);
    const newEnd = body[newStart] === "[" && close > newStart ? close + 1 : newStart;
    cuts.push({ start: p.start, end: p.end, newStart, newEnd });
    delta += newEnd - newStart - (p.end - p.start);
    lastEnd = p.end;
  }
  const at = (i: number) => {
    let shift = 0;
    for (const c of cuts) {
      if (i <= c.start) break;
      if (i < c.end) return c.newStart;
      shift = c.newEnd - c.end;
    }
    return Math.min(Math.max(i + shift, 0), body.length);
  };
  return verdict.findings.map((f) => {
    const cut = f.kind === "privacy" ? cuts.find((c) => c.start <= f.start && f.start < c.end) : undefined;
    const start = cut ? cut.newStart : at(f.start);
    const end = cut ? cut.newEnd : Math.max(start, at(f.end));
    return { ...f, start, end };
  });
}
