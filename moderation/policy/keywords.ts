/**
 * Tenant and room keywords compiled into the same token matcher as the lexicons, never into a
 * RegExp, so tenant data cannot cause catastrophic backtracking. Compiled once per policy object.
 */

import type { Detector } from "../detectors/scan.ts";
import { PhraseMatcher } from "../lexicon/matcher.ts";
import type { Token } from "../lexicon/tokens.ts";
import { type Normalized, toOriginal } from "../normalize/normalize.ts";
import type { Finding, KeywordPolicy } from "../types.ts";

interface Compiled {
  terms: PhraseMatcher<string> | null;
  allow: PhraseMatcher<string> | null;
}

const cache = new WeakMap<KeywordPolicy, Compiled>();

// "self-harm" and "a.b" are several tokens in a message, so they are several words in a term; a
// tenant's term is literal apart from `*`, so the lexicon grammar's operators are not operators here
const toPhrase = (term: string): string => term.replace(/[.\-()|~?@/]+/g, " ").trim();

function compile(k: KeywordPolicy): Compiled {
  let c = cache.get(k);
  if (!c) {
    const build = (list: string[]) =>
      list.length
        ? new PhraseMatcher<string>(
            list.filter((t) => /[\p{L}\p{N}]/u.test(toPhrase(t))),
            toPhrase,
          )
        : null;
    c = { terms: build(k.terms), allow: build(k.allow) };
    cache.set(k, c);
  }
  return c;
}

const NO_KEYWORDS: Detector = () => [];

/** The detector of a policy's keyword list (custom keyword findings, over the words as typed). */
export function keywordDetector(k: KeywordPolicy): Detector {
  return k.terms.length === 0 ? NO_KEYWORDS : (scan) => detectKeywords(k, scan.norm, scan.tokens);
}

function detectKeywords(k: KeywordPolicy, norm: Normalized, tokens: readonly Token[]): Finding[] {
  const c = compile(k);
  const hits = c.terms?.find(tokens) ?? [];
  if (hits.length === 0) return [];
  const allowed = c.allow?.find(tokens) ?? [];
  const out: Finding[] = [];
  for (const h of hits) {
    if (allowed.some((a) => a.fromTok < h.toTok && h.fromTok < a.toTok)) continue;
    const { start, end } = toOriginal(norm, tokens[h.fromTok]!.from, tokens[h.toTok - 1]!.to);
    out.push({ kind: "custom", type: "keyword", severity: 1, start, end, rule: "custom.keyword" });
  }
  return out;
}
