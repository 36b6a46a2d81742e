/**
 * The privacy view of a message: NFKC-folded (fullwidth and math letters become ASCII),
 * lower-cased, invisible characters removed, nothing else changed, so identifiers keep their
 * digits and punctuation. A second derived view folds digit look-alikes ("3l2-555-Ol07").
 */
import { isInvisible } from "./fold-tables.ts";

/** A lightly folded copy of the text with an original span per character. */
export interface PlainView {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = ch.normalize("NFKC").toLowerCase();
  if (/^\s+$/u.test(out)) out = " ";
  else if (/^\p{M}+$/u.test(out)) out = "";
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

// identity maps shared by every ASCII message: plain[i] comes from original[i]
let IDENTITY = new Int32Array(0);
function identity(n: number): Int32Array {
  if (IDENTITY.length < n + 1) {
    IDENTITY = new Int32Array(Math.max(n + 1, IDENTITY.length * 2, 1024));
    for (let i = 0; i < IDENTITY.length; i++) IDENTITY[i] = i;
  }
  return IDENTITY;
}
const NON_ASCII = /[^\x00-\x7f]/;
const CONTROL_SPACE = /[\t\n\r]/g;

/** Builds the privacy view. Never throws; linear. */
export function plainView(src: string): PlainView {
  const n = src.length;
  if (!NON_ASCII.test(src)) {
    // ASCII: one character per character, so the maps are the identity
    const id = identity(n);
    let text = src.toLowerCase();
    if (text.indexOf("\t") >= 0 || text.indexOf("\n") >= 0 || text.indexOf("\r") >= 0)
      text = text.replace(CONTROL_SPACE, " ");
    return { text, starts: id.subarray(0, n), ends: id.subarray(1, n + 1) };
  }
  const c: string[] = [];
  const s: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < n; ) {
    const cp = src.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    if (cp < 128) {
      c.push(
        cp >= 65 && cp <= 90
          ? String.fromCharCode(cp + 32)
          : cp === 9 || cp === 10 || cp === 13
            ? " "
            : src[i]!,
      );
      s.push(i);
      e.push(i + 1);
    } else if (!isInvisible(cp)) {
      const folded = foldChar(src.slice(i, i + w));
      for (let k = 0; k < folded.length; k++) {
        c.push(folded[k]!);
        s.push(i);
        e.push(i + w);
      }
    }
    i += w;
  }
  return { text: c.join(""), starts: Int32Array.from(s), ends: Int32Array.from(e) };
}

const LOOKS_DIGIT: Readonly<Record<string, string>> = { l: "1", i: "1", "|": "1", o: "0" };
const DIGITISH = /[0-9lio|][0-9lio|\-. ]{2,40}[0-9lio|]/g;
const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && c >= "a" && c <= "z";

/**
 * Folds letters that stand in for digits inside digit-heavy runs ("3l2-555-Ol07" -> "312-555-0107").
 * Only a letter glued to a digit (no separator) in a piece with no other letters is folded,
 * so "ok" or "on" next to a number stay letters. Same length as the plain view, so its map is reused.
 */
export function digitView(plain: string): string {
  if (!/[lio|]/.test(plain)) return plain;
  return plain.replace(DIGITISH, (run: string, offset: number) => {
    let digits = 0;
    for (const ch of run) if (ch >= "0" && ch <= "9") digits++;
    if (digits < 4) return run;
    // fold piece by piece; a piece is a separator-free stretch
    return run.replace(/[0-9lio|]+/g, (piece: string, at: number) => {
      if (!/\d/.test(piece) || !/[lio|]/.test(piece)) return piece;
      const before = plain[offset + at - 1];
      const after = plain[offset + at + piece.length];
      if (isAsciiLetter(before) || isAsciiLetter(after)) return piece;
      let out = "";
      for (const ch of piece) out += LOOKS_DIGIT[ch] ?? ch;
      return out;
    });
  });
}

/** Maps a [from, to) range of a plain view back to the original text. */
export function plainToOriginal(v: PlainView, from: number, to: number): { start: number; end: number } {
  const a = Math.min(Math.max(from, 0), v.text.length - 1);
  const z = Math.min(Math.max(to - 1, a), v.text.length - 1);
  return { start: v.starts[a]!, end: v.ends[z]! };
}
