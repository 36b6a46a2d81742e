/**
 * A third party's full name: a known first name followed by one or two surname-like words
 * ("Brian Okafor", "rosa delgado", "Claudia Reyes Ortega", "J.e.s.s.i.c.a P.r.e.s.t.o.n").
 * First names alone are the group norm and stay visible.
 */
import { toOriginal } from "../../normalize/normalize.ts";
import type { Finding } from "../../types.ts";
import type { PrivacyInput } from "./context.ts";
import { AMBIGUOUS_NAMES, FIRST_NAMES } from "./first-names.ts";
import { COMMON_WORDS } from "./words.ts";

const collapse = (w: string): string => w.replace(/([a-z])\1+/g, "$1");
const COMMON = new Set([...COMMON_WORDS].map(collapse));
// a name that folds onto a common word ("ann" -> "an") would fire on ordinary text
const FIRST = new Set(
  [...FIRST_NAMES, ...AMBIGUOUS_NAMES].map(collapse).filter((n) => n.length >= 3 && !COMMON.has(n)),
);
const AMBIG = new Set([...AMBIGUOUS_NAMES].map(collapse));

const isCapitalised = (s: string): boolean => /^[A-Z][a-z.]/.test(s.replace(/[^A-Za-z.]/g, ""));

/** Finds full names on the normalized tokens; spans map back to the original. */
export function detectName(input: PrivacyInput): Finding[] {
  const { tokens, norm, original } = input;
  const out: Finding[] = [];
  const surname = (i: number): boolean => {
    const t = tokens[i];
    if (!t || t.sentence !== tokens[i - 1]!.sentence) return false;
    if (!/^[a-z]{2,20}$/.test(t.text) || COMMON.has(t.text)) return false;
    // nothing but spaces (or a single dot-split) between the words
    const gap = norm.text.slice(tokens[i - 1]!.to, t.from);
    return gap === " ";
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    const first = tokens[i]!.text;
    if (!FIRST.has(first) || !surname(i + 1)) continue;
    const a = toOriginal(norm, tokens[i]!.from, tokens[i]!.to);
    const b = toOriginal(norm, tokens[i + 1]!.from, tokens[i + 1]!.to);
    const caps =
      isCapitalised(original.slice(a.start, a.end)) && isCapitalised(original.slice(b.start, b.end));
    if (AMBIG.has(first) && !caps) continue;
    if (!caps && /(ed|ing|ly)$/.test(tokens[i + 1]!.text)) continue;
    let end = b.end;
    if (surname(i + 2)) {
      const c = toOriginal(norm, tokens[i + 2]!.from, tokens[i + 2]!.to);
      if (isCapitalised(original.slice(c.start, c.end)) && caps) end = c.end;
    }
    out.push({
      kind: "privacy",
      type: "name",
      severity: 2,
      start: a.start,
      end,
      rule: "privacy.name.first_last",
    });
    i++;
  }
  return out;
}
