/**
 * Splits the normalized view into word tokens with sentence numbers, the unit the phrase
 * matcher and the context rules (negation, past, quotes) work on.
 */

/** One word of the normalized text. `from`/`to` index the normalized string. */
export interface Token {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  /** Sentence number: bumps at . ! ? ; newline and a few emoji-free breaks, so cues stay local. */
  readonly sentence: number;
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isBreak = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 59 || c === 10;

/** Tokenizes a normalized string; linear, allocation per word only. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let sentence = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      out.push({ text: text.slice(i, j), from: i, to: j, sentence });
      i = j;
      continue;
    }
    // "3.5" or "v1.2" stay in one sentence; a break needs a non-word after it
    if (isBreak(c) && !(i + 1 < n && isWordChar(text.charCodeAt(i + 1)))) sentence++;
    i++;
  }
  return out;
}
