/**
 * The words the model reads: the rules' tokens (normalized, run-together words split), with
 * every token that overlaps a privacy finding replaced by one placeholder, so that no feature,
 * and so no stored explanation, ever holds a phone number or other redacted text.
 */
import type { Token } from "../lexicon/tokens.ts";
import { type Normalized, toOriginal } from "../normalize/normalize.ts";
import type { Finding } from "../types.ts";
import { MASKED } from "./features.ts";

export function modelWords(
  norm: Normalized,
  tokens: readonly Token[],
  privacy: readonly Finding[],
): string[] {
  const out = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (privacy.length) {
      const { start, end } = toOriginal(norm, t.from, t.to);
      if (privacy.some((f) => f.start < end && start < f.end)) {
        out[i] = MASKED;
        continue;
      }
    }
    out[i] = t.text;
  }
  return out;
}
