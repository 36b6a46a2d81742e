/**
 * Findings highlighted in a message: the text cut at every finding boundary, each piece marked
 * with the findings that cover it. Spans come from the server and are trusted for nothing:
 * they are clamped to the text and dropped when empty or not numbers.
 */
import type { Finding } from "../../../shared/types.ts";
import { h } from "../lib/dom.ts";

export interface Segment {
  text: string;
  findings: Finding[];
}

/** Cut `text` into plain and flagged segments, in order; joining them gives `text` back. */
export function segments(text: string, findings: readonly Finding[]): Segment[] {
  const spans = findings
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end))
    .map((f) => ({ f, start: Math.max(0, f.start), end: Math.min(text.length, f.end) }))
    .filter((s) => s.start < s.end);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const covering = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.f);
    out.push({ text: text.slice(a, b), findings: covering });
  }
  return out;
}

/**
 * A short, plain description of a finding for a moderator; a learned-stage finding also says
 * which features of the window weighed most, so the specialist sees why it fired.
 */
export function describe(f: Finding): string {
  const base = `${f.kind}: ${f.type} (severity ${f.severity}, rule ${f.rule})`;
  const features = Array.isArray(f.features)
    ? f.features.filter((x) => typeof x === "string").slice(0, 8)
    : [];
  return features.length ? `${base}, weighed most: ${features.join(", ")}` : base;
}

/** The message body with <mark>s around flagged text; every piece is a Text node. */
export function highlighted(text: string, findings: readonly Finding[]): HTMLElement {
  const body = h("p", { class: "body" });
  for (const seg of segments(text, findings)) {
    const first = seg.findings[0];
    body.append(
      first
        ? h("mark", { class: `f-${first.kind}`, title: seg.findings.map(describe).join("; ") }, seg.text)
        : document.createTextNode(seg.text),
    );
  }
  return body;
}
