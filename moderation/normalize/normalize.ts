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

interface Buf {
  c: string[];
  s: number[];
  e: number[];
}

const MARK = /\p{M}/gu;
const cache = new Map<string, string>();

/** Folds one non-ASCII code point: NFKD, drop marks, lower-case, homoglyphs. Cached per code point. */
function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = "";
  for (const c of ch.normalize("NFKD").replace(MARK, "").toLowerCase()) out += HOMOGLYPHS[c] ?? c;
  if (/\s/u.test(out)) out = " ";
  if (out === "‘" || out === "’" || out === "ʼ" || out === "`") out = "";
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

/** Pass 1: per code point folding; invisible characters and apostrophes vanish. */
function fold(src: string): Buf {
  const b: Buf = { c: [], s: [], e: [] };
  for (let i = 0; i < src.length; ) {
    const cp = src.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    if (cp < 128) {
      if (cp !== 39 && cp !== 96) {
        const ch =
          cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : cp === 9 || cp === 13 ? " " : src[i]!;
        b.c.push(ch);
        b.s.push(i);
        b.e.push(i + 1);
      }
    } else if (!isInvisible(cp)) {
      const folded = foldChar(src.slice(i, i + w));
      // per UTF-16 unit, so the map stays index-aligned with the joined string
      for (let k = 0; k < folded.length; k++) {
        b.c.push(folded[k]!);
        b.s.push(i);
        b.e.push(i + w);
      }
    }
    i += w;
  }
  return b;
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= "a" && ch <= "z";
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

/** Pass 2: leetspeak. Digits fold inside tokens that hold a letter; symbols only before a letter. */
function leet(b: Buf): void {
  const n = b.c.length;
  let i = 0;
  while (i < n) {
    const ch = b.c[i]!;
    if (!(isLetter(ch) || LEET[ch] !== undefined)) {
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    while (j < n && (isLetter(b.c[j]) || LEET[b.c[j]!] !== undefined)) {
      if (isLetter(b.c[j])) letters++;
      j++;
    }
    if (letters > 0) {
      for (let k = i; k < j; k++) {
        const c = b.c[k]!;
        if (isLetter(c)) continue;
        if (isDigit(c) || (isLetter(b.c[k + 1]) && (k === i || isLetter(b.c[k - 1])))) b.c[k] = LEET[c]!;
      }
    }
    i = j;
  }
}

/** Pass 3: join letters split by one repeated separator ("k i l l", "k.i.l.l"); keeps a leading "i"/"a". */
function joinSplit(b: Buf): Buf {
  const n = b.c.length;
  const drop = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    // a run starts at a lone letter followed by a separator and another lone letter
    if (!isLetter(b.c[i]) || isLetter(b.c[i - 1]) || isLetter(b.c[i + 1])) {
      i++;
      continue;
    }
    const sep = b.c[i + 1];
    if (sep === undefined || !SPLIT_SEPARATORS.has(sep)) {
      i++;
      continue;
    }
    let k = i;
    let count = 1;
    while (b.c[k + 1] === sep && isLetter(b.c[k + 2]) && !isLetter(b.c[k + 3])) {
      k += 2;
      count++;
    }
    if (count >= 3) {
      let from = i;
      if ((b.c[i] === "i" || b.c[i] === "a") && count >= 4) from = i + 2;
      for (let m = from + 1; m < k; m += 2) drop[m] = 1;
    }
    i = k + 1;
  }
  const out: Buf = { c: [], s: [], e: [] };
  for (let m = 0; m < n; m++) {
    if (drop[m]) continue;
    out.c.push(b.c[m]!);
    out.s.push(b.s[m]!);
    out.e.push(b.e[m]!);
  }
  return out;
}

/** Pass 4: collapse repeated letters to one ("diiiie" -> "die", "kill" -> "kil"); lexicons fold the same way. */
function collapse(b: Buf): Buf {
  const out: Buf = { c: [], s: [], e: [] };
  for (let m = 0; m < b.c.length; m++) {
    const ch = b.c[m]!;
    const last = out.c.length - 1;
    if (last >= 0 && out.c[last] === ch && isLetter(ch)) {
      out.e[last] = b.e[m]!;
      continue;
    }
    out.c.push(ch);
    out.s.push(b.s[m]!);
    out.e.push(b.e[m]!);
  }
  return out;
}

/** Builds the matching view of `src`. Never throws; linear in the input length. */
export function normalize(src: string): Normalized {
  const b = fold(src);
  leet(b);
  const c = collapse(joinSplit(b));
  return {
    text: c.c.join(""),
    starts: Int32Array.from(c.s),
    ends: Int32Array.from(c.e),
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
