/**
 * The matching view of a message: folded for detection, with an offset map back to the
 * original. Detectors match on `text` and report spans in the ORIGINAL string via `span()`.
 * Folding is for matching only; the original is what gets redacted and displayed.
 */
import { HOMOGLYPHS, isInvisible, LEET, SPLIT_SEPARATORS } from "./fold-tables.ts";

/** A folded copy of a message and, for each of its characters, the original span it came from. */
export interface Normalized {
  /** Lower-case, accent-free, homoglyph- and leet-folded, repeats collapsed, split letters joined. */
  readonly text: string;
  /** starts[i]..ends[i] is the original (UTF-16) range that produced text[i]. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Length of the original text. */
  readonly sourceLength: number;
}

const MARK = /\p{M}/gu;
const SPACE = /\s/u;
const cache = new Map<string, string>();

/** Folds one non-ASCII code point: NFKD, drop marks, lower-case, homoglyphs. Cached per code point. */
function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = "";
  for (const c of ch.normalize("NFKD").replace(MARK, "").toLowerCase()) out += HOMOGLYPHS[c] ?? c;
  if (SPACE.test(out)) out = " ";
  if (out === "‘" || out === "’" || out === "ʼ" || out === "`") out = "";
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

// lookup tables over UTF-16 code units, built once: leet replacement (0 = none) and split separators
const LEET_CODE = new Uint16Array(65536);
for (const [k, v] of Object.entries(LEET)) LEET_CODE[k.charCodeAt(0)] = v.charCodeAt(0);
const SEP_CODE = new Uint8Array(65536);
for (const k of SPLIT_SEPARATORS) SEP_CODE[k.charCodeAt(0)] = 1;

const isLetterCode = (c: number): boolean => c >= 97 && c <= 122;

/**
 * Working buffers reused across calls (moderate() is synchronous, so one set suffices); they grow
 * to the longest message seen. `c` holds folded UTF-16 units, `s`/`e` their original ranges.
 */
let cap = 0;
let C = new Uint16Array(0);
let S = new Int32Array(0);
let E = new Int32Array(0);
let DROP = new Uint8Array(0);

function ensure(n: number): void {
  if (n <= cap) return;
  cap = Math.max(n, cap * 2, 256);
  const c = new Uint16Array(cap);
  c.set(C);
  C = c;
  const s = new Int32Array(cap);
  s.set(S);
  S = s;
  const e = new Int32Array(cap);
  e.set(E);
  E = e;
  DROP = new Uint8Array(cap);
}

/** Pass 1: per code point folding; invisible characters and apostrophes vanish. Returns the length. */
function fold(src: string): number {
  ensure(src.length + 8);
  let n = 0;
  for (let i = 0; i < src.length; ) {
    const cu = src.charCodeAt(i);
    if (cu < 128) {
      if (cu !== 39 && cu !== 96) {
        C[n] = cu >= 65 && cu <= 90 ? cu + 32 : cu === 9 || cu === 13 ? 32 : cu;
        S[n] = i;
        E[n] = i + 1;
        n++;
      }
      i++;
      continue;
    }
    const cp = src.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) {
      const folded = foldChar(w === 1 ? src[i]! : src.slice(i, i + w));
      ensure(n + folded.length + (src.length - i) + 8);
      // per UTF-16 unit, so the map stays index-aligned with the joined string
      for (let k = 0; k < folded.length; k++) {
        C[n] = folded.charCodeAt(k);
        S[n] = i;
        E[n] = i + w;
        n++;
      }
    }
    i += w;
  }
  return n;
}

/** Pass 2: leetspeak. Digits fold inside tokens that hold a letter; symbols only before a letter. */
function leet(n: number): void {
  let i = 0;
  while (i < n) {
    const ch = C[i]!;
    if (!(isLetterCode(ch) || LEET_CODE[ch] !== 0)) {
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    while (j < n && (isLetterCode(C[j]!) || LEET_CODE[C[j]!] !== 0)) {
      if (isLetterCode(C[j]!)) letters++;
      j++;
    }
    if (letters > 0 && letters < j - i) {
      for (let k = i; k < j; k++) {
        const c = C[k]!;
        if (isLetterCode(c)) continue;
        const next = k + 1 < n && isLetterCode(C[k + 1]!);
        if ((c >= 48 && c <= 57) || (next && (k === i || isLetterCode(C[k - 1]!)))) C[k] = LEET_CODE[c]!;
      }
    }
    i = j;
  }
}

/** Pass 3: mark separators between letters split apart ("k i l l", "k.i.l.l"); keeps a leading "i"/"a". */
function markSplit(n: number): boolean {
  const letter = (k: number): boolean => k >= 0 && k < n && isLetterCode(C[k]!);
  const sepAt = (k: number): boolean => k >= 0 && k < n && SEP_CODE[C[k]!] === 1;
  /** Two separators in a row at `k`: a word gap between split-letter words. */
  const gapAt = (k: number): boolean => sepAt(k) && sepAt(k + 1);
  /** A split run of 3+ lone letters starts at `k`. */
  const runAt = (k: number): boolean =>
    letter(k) &&
    !letter(k + 1) &&
    sepAt(k + 1) &&
    letter(k + 2) &&
    !letter(k + 3) &&
    C[k + 3] === C[k + 1] &&
    letter(k + 4) &&
    !letter(k + 5);
  let any = false;
  let lastEnd = -1;
  let i = 0;
  while (i < n) {
    // a run starts at a lone letter followed by a separator and another lone letter
    if (!letter(i) || letter(i - 1) || letter(i + 1)) {
      i++;
      continue;
    }
    if (i + 1 >= n || SEP_CODE[C[i + 1]!] === 0) {
      i++;
      continue;
    }
    const sep = C[i + 1]!;
    let k = i;
    let count = 1;
    while (k + 1 < n && C[k + 1] === sep && letter(k + 2) && !letter(k + 3)) {
      k += 2;
      count++;
    }
    // a two-letter run joins when a word gap (two separators) ties it to a longer split run:
    // "w a n t  t o  d i e"
    const tied =
      count === 2 &&
      ((lastEnd >= 0 && i - lastEnd === 3 && gapAt(lastEnd + 1)) || (gapAt(k + 1) && runAt(k + 3)));
    if (count >= 3 || tied) {
      let from = i;
      if ((C[i] === 105 || C[i] === 97) && count >= 4) from = i + 2;
      for (let m = from + 1; m < k; m += 2) {
        DROP[m] = 1;
        any = true;
      }
      lastEnd = k;
      i = k + 1;
    } else i++; // the run failed: its second letter may start a run of its own ("i c.u.t")
  }
  return any;
}

/** Left words that take each contraction suffix, folded and repeat-collapsed as `C` holds them. */
const PRONOUNS = ["i", "you", "we", "they", "he", "she", "it", "that", "there", "who", "what", "where"];
const CONTRACTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    "t",
    new Set(
      ["don", "doesn", "didn", "can", "couldn", "wouldn", "shouldn", "won", "isn", "wasn", "aren", "weren"]
        .concat(["haven", "hasn", "hadn", "ain", "mustn", "needn"])
        .map(collapse),
    ),
  ],
  ["m", new Set(["i"])],
  ["s", new Set(PRONOUNS.concat(["here", "hows", "everything", "nothing", "life"]))],
  ["d", new Set(PRONOUNS)],
  ["ll", new Set(PRONOUNS)],
  ["ve", new Set(PRONOUNS)],
  ["re", new Set(PRONOUNS)],
]);

function collapse(word: string): string {
  return word.replace(/(.)\1+/g, "$1");
}

/**
 * True when the space at `k` separates a word from a contraction suffix that lost its
 * apostrophe: the suffix is one of t/m/s/d/ll/ve/re followed by a non-letter, and the word
 * before it (already written to C[..m)) takes that suffix. Only looks a few units either side.
 */
function joinsContraction(k: number, n: number, m: number): boolean {
  const a = C[k + 1]!;
  // cheap rejection first: a suffix is t/m/s/d or ll/ve/re, followed by a non-letter
  const one = a === 116 || a === 109 || a === 115 || a === 100;
  const two = (a === 108 && C[k + 2] === 108) || ((a === 118 || a === 114) && C[k + 2] === 101);
  const len = one ? 1 : two ? 2 : 0;
  if (len === 0 || k + 1 + len > n || (k + 1 + len < n && isLetterCode(C[k + 1 + len]!))) return false;
  const lefts = CONTRACTIONS.get(len === 1 ? String.fromCharCode(a) : String.fromCharCode(a, C[k + 2]!));
  if (!lefts) return false;
  let b = m - 1;
  while (b > 0 && isLetterCode(C[b - 1]!)) b--;
  if (m - b > 8) return false;
  let left = "";
  for (let x = b; x < m; x++) left += String.fromCharCode(C[x]!);
  return lefts.has(left);
}

const CHUNK = 8192;

/** Builds the matching view of `src`. Never throws; linear in the input length. */
export function normalize(src: string): Normalized {
  const n = fold(src);
  leet(n);
  const split = markSplit(n);
  // pass 4, fused with dropping the split separators: collapse repeated letters ("diiiie" -> "die",
  // "kill" -> "kil"); lexicons fold the same way
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    if (split && DROP[k]) {
      DROP[k] = 0;
      continue;
    }
    // a contraction whose apostrophe became a space ("don t", "i m") is one word again
    if (C[k] === 32 && m > 0 && isLetterCode(C[m - 1]!) && joinsContraction(k, n, m)) continue;
    const ch = C[k]!;
    if (m > 0 && C[m - 1] === ch && isLetterCode(ch)) {
      ends[m - 1] = E[k]!;
      continue;
    }
    C[m] = ch;
    starts[m] = S[k]!;
    ends[m] = E[k]!;
    m++;
  }
  let text = "";
  for (let k = 0; k < m; k += CHUNK)
    text += String.fromCharCode.apply(null, C.subarray(k, Math.min(m, k + CHUNK)) as unknown as number[]);
  return {
    text,
    starts: m === n ? starts : starts.slice(0, m),
    ends: m === n ? ends : ends.slice(0, m),
    sourceLength: src.length,
  };
}

/** Folds a lexicon phrase exactly as message text is folded, so patterns and input agree. */
export function foldPhrase(phrase: string): string {
  return normalize(phrase).text;
}

/** Maps a [from, to) range of the normalized text back to the original text. */
export function toOriginal(n: Normalized, from: number, to: number): { start: number; end: number } {
  if (n.text.length === 0) return { start: 0, end: 0 };
  const a = Math.min(Math.max(from, 0), n.text.length - 1);
  const z = Math.min(Math.max(to - 1, a), n.text.length - 1);
  return { start: n.starts[a]!, end: n.ends[z]! };
}
