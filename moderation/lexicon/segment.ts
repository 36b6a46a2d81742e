/**
 * Run-together words ("iamready", "dontwanttobehere", "cantdothisanymore") are split back into
 * the words the lexicons know, so negation and phrases see them. A token is split only when it
 * is long (6+ letters), is not itself a known word, and falls apart entirely into known words
 * (single letters only "i" and "a"), taking the split with the fewest pieces. The vocabulary is
 * every word the crisis and solicitation lexicons use plus common function words, so a split
 * can only ever produce words that matter to matching. Cost per token is bounded (40 letters).
 */
import { foldPhrase } from "../normalize/normalize.ts";
import { CLASSES } from "./classes.ts";
import { CRISIS_ENTRIES } from "./crisis-lexicon.ts";
import { SOLICITATION } from "./solicitation.ts";
import type { Token } from "./tokens.ts";

const FUNCTION_WORDS =
  "i a am im me my to the this that it is be been being was do dont did didnt so just all any " +
  "and or but not no never now up out off on in of for with at by can cant wont want wanna need " +
  "go going get got have had has will would could should anymore again ever every one someone " +
  "here there what how why when where who you your we they he she him her them our us yo me mi " +
  "no ya que de la el lo en un una y quiero puedo mas";

const MIN_LEN = 6;
const MAX_LEN = 40;
const MAX_PIECES = 6;

function buildVocab(): Set<string> {
  const vocab = new Set<string>();
  const addWords = (text: string) => {
    for (const part of text.split(/[\s|()/]+/)) {
      if (!part || part.includes("*") || part.startsWith("@") || part.startsWith("~")) continue;
      const w = foldPhrase(part.replace(/^\?/, "")).replace(/[^a-z]/g, "");
      if (w.length >= 2 || w === "i" || w === "a") vocab.add(w);
    }
  };
  for (const e of CRISIS_ENTRIES) addWords(e.phrase);
  for (const [, , phrase] of SOLICITATION) addWords(phrase);
  for (const words of Object.values(CLASSES)) for (const w of words) addWords(w);
  addWords(FUNCTION_WORDS);
  return vocab;
}

const VOCAB = buildVocab();
const LONGEST = Math.min(MAX_LEN, Math.max(...[...VOCAB].map((w) => w.length)));

/** Pieces of one or two letters must be one of these (so "sometimes" is not "so met im es"). */
const SHORT = new Set(
  "i a am im me my to do so be is it in on of up no go or at by we he us al ya yo mi se te".split(" "),
);

/**
 * The fewest-pieces split of `word` into vocabulary words, or null. Repeated letters were
 * collapsed before this ("want" + "to" reads "wanto"), so a piece may start on the last letter
 * of the one before it. Dynamic programming over piece starts, O(L * LONGEST).
 */
export function splitWord(word: string): readonly Piece[] | null {
  const hit = CACHE.get(word);
  if (hit !== undefined) return hit;
  const out = split(word);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(word, out);
  return out;
}

type Piece = { readonly from: number; readonly to: number };
// words repeat across messages (Zipf): splits are cached per word; the cache only saves work
const CACHE = new Map<string, readonly Piece[] | null>();
const CACHE_MAX = 20_000;

function split(word: string): Piece[] | null {
  const n = word.length;
  if (n < MIN_LEN || n > MAX_LEN || VOCAB.has(word) || !/^[a-z]+$/.test(word)) return null;
  // best[s]: fewest pieces covering word[0..s) with the next piece starting at s; a piece ending
  // at e lets the next start at e (plain) or e - 1 (a letter the collapse merged)
  const best = new Int8Array(n + 1).fill(127);
  const prev = new Int8Array(n + 1).fill(-1);
  const end = new Int8Array(n + 1).fill(-1);
  best[0] = 0;
  for (let s = 0; s < n; s++) {
    if (best[s] === 127) continue;
    for (let e = Math.min(n, s + LONGEST); e > s; e--) {
      const piece = word.slice(s, e);
      if (piece.length <= 2 ? !SHORT.has(piece) : !VOCAB.has(piece)) continue;
      const cost = best[s]! + 1;
      const nexts = e < n && e - s >= 3 ? [e, e - 1] : [e];
      for (const t of nexts) {
        if (t <= s || cost >= best[t]!) continue;
        best[t] = cost;
        prev[t] = s;
        end[t] = e;
      }
    }
  }
  if (best[n] === 127 || best[n]! < 2 || best[n]! > MAX_PIECES) return null;
  const pieces: Piece[] = [];
  for (let t = n; t > 0; t = prev[t]!) pieces.push({ from: prev[t]!, to: end[t]! });
  return pieces.reverse();
}

/** Tokens with run-together words split into their pieces (same sentence, sub-ranges of the token). */
export function splitRunTogether(tokens: readonly Token[]): readonly Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const pieces = t.text.length >= MIN_LEN ? splitWord(t.text) : null;
    if (!pieces) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    for (const p of pieces)
      out.push({
        text: t.text.slice(p.from, p.to),
        from: t.from + p.from,
        to: t.from + p.to,
        sentence: t.sentence,
      });
  }
  return out ?? tokens;
}
