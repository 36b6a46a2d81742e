/**
 * Hashed features of the learned crisis stage: word unigrams, bigrams and skip-bigrams, and
 * character 3-5 grams of each word (with word boundaries), over the normalized tokens the rules
 * see, with privacy spans already masked. Each feature is anchored at the token that ends it, so
 * a window of tokens [a, b) owns the features anchored inside it and its score is two prefix-sum
 * lookups. Hashing is FNV-1a over UTF-16 units, with no string built per feature.
 */

/** Dimensions of the escalate weights and of each category's weights (powers of two). */
export const DIM_BITS = 18;
export const CATEGORY_BITS = 16;
export const DIM_MASK = (1 << DIM_BITS) - 1;
export const CATEGORY_MASK = (1 << CATEGORY_BITS) - 1;
/** Tokens per scoring window and the step between windows. */
export const WINDOW = 24;
export const STRIDE = 6;
/** The token text that stands for a masked privacy span. */
export const MASKED = "\u0000pii";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const CHAR_GRAM_MIN = 3;
const CHAR_GRAM_MAX = 5;
/** Longest word whose character grams are taken (an attacker's 4k-letter word costs 24 units). */
const CHAR_WORD_MAX = 24;

/**
 * Function words carry no evidence on their own (every first-person post has "i" and "my"), so
 * they get no unigram or character features; they still take part in pairs ("to die").
 */
const STOP = new Set(
  (
    "i im ive id il me my mine myself you your u ur we our us he she it its they them their his her " +
    "a an the and or but so to of in on at for with from by as is am are was were be been being do " +
    "does did have has had this that these those there here just then than yo mi me te se el la lo " +
    "los las un una y o de del en con por para que es"
  ).split(" "),
);

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
const tag = (c: string): number => Math.imul(FNV_OFFSET ^ c.charCodeAt(0), FNV_PRIME);
const W = tag("w");
const B = tag("b");
const S = tag("s");
const C = tag("c");
const SEP = 0x20;

/**
 * Calls `emit(anchor, hash)` for every feature of `words` (hash unmasked, 32-bit), and, when
 * `name` is given, lets the caller ask for a readable name of the last feature emitted.
 */
export function forEachFeature(words: readonly string[], emit: (anchor: number, hash: number) => void): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // a masked privacy span is no evidence either way: no feature touches it
    if (w === MASKED) continue;
    const stop = STOP.has(w);
    if (!stop) emit(i, mix(W, w) >>> 0);
    if (i >= 1 && words[i - 1] !== MASKED)
      emit(i, mix(Math.imul(mix(B, words[i - 1]!) ^ SEP, FNV_PRIME), w) >>> 0);
    if (i >= 2 && words[i - 2] !== MASKED)
      emit(i, mix(Math.imul(mix(S, words[i - 2]!) ^ SEP, FNV_PRIME), w) >>> 0);
    if (stop) continue;
    const n = Math.min(w.length, CHAR_WORD_MAX);
    // " word " padded: grams over positions -1..n, each start's 3-, 4- and 5-gram hashed in one
    // pass (the length is mixed in last, so the longer grams extend the shorter one's hash)
    for (let start = -1; start + CHAR_GRAM_MIN <= n + 1; start++) {
      let h = C;
      for (let k = start; k < start + CHAR_GRAM_MAX && k <= n; k++) {
        h = Math.imul(h ^ (k < 0 || k >= n ? SEP : w.charCodeAt(k)), FNV_PRIME);
        const len = k - start + 1;
        if (len >= CHAR_GRAM_MIN) emit(i, Math.imul(h ^ len, FNV_PRIME) >>> 0);
      }
    }
  }
}

/** Readable names of the features anchored at token `i` (for explaining a finding), with their hashes. */
export function featureNames(words: readonly string[], i: number): { name: string; hash: number }[] {
  const out: { name: string; hash: number }[] = [];
  const names: string[] = [];
  const w = words[i]!;
  if (w === MASKED) return out;
  const stop = STOP.has(w);
  if (!stop) names.push(`word:${w}`);
  if (i >= 1 && words[i - 1] !== MASKED) names.push(`pair:${words[i - 1]} ${w}`);
  if (i >= 2 && words[i - 2] !== MASKED) names.push(`skip:${words[i - 2]} _ ${w}`);
  if (!stop) {
    const n = Math.min(w.length, CHAR_WORD_MAX);
    const padded = ` ${w.slice(0, n)} `;
    for (let start = 0; start + CHAR_GRAM_MIN <= n + 2; start++)
      for (let len = CHAR_GRAM_MIN; len <= CHAR_GRAM_MAX && start + len <= n + 2; len++)
        names.push(`chars:${padded.slice(start, start + len)}`);
  }
  let k = 0;
  forEachFeature(words.slice(Math.max(0, i - 2), i + 1), (anchor, hash) => {
    if (anchor === Math.min(i, 2)) out.push({ name: names[k++] ?? "?", hash });
  });
  return out;
}
