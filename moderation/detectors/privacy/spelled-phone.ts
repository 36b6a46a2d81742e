/**
 * Phone numbers written as words ("five five five, oh one nine three, area code four one five").
 * Scans words once, keeping a run of digit words with a little filler allowed between them.
 */
import type { Finding } from "../../types.ts";
import { type PrivacyInput, plainFinding } from "./context.ts";

const DIGIT_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  oh: 0,
  o: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  cero: 0,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
};
const FILLER = new Set(["area", "code", "and", "then", "is", "its", "dash", "y", "el", "codigo", "de"]);
const WORD = /[a-z]+|\d/g;
const ANY_DIGIT_WORD =
  /\b(zero|oh|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b/;

/** Finds spelled-out phone numbers (7+ digit words in one run). */
export function detectSpelledPhone(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  // cheap guard: most messages hold no digit words at all
  if (!ANY_DIGIT_WORD.test(t)) return [];
  const out: Finding[] = [];
  let count = 0;
  let first = -1;
  let last = -1;
  let filler = 0;
  let words = 0;
  let prevEnd = 0;
  const flush = () => {
    if (count >= 7 && words >= 4) out.push(plainFinding(input, "phone", first, last, "spelled", 3));
    count = 0;
    first = -1;
    filler = 0;
    words = 0;
  };
  for (const m of t.matchAll(WORD)) {
    const w = m[0];
    const d = /\d/.test(w) ? 1 : DIGIT_WORDS[w] !== undefined ? 1 : 0;
    // only punctuation-free gaps of spaces, commas and dashes may separate the words of a run
    if (first >= 0 && /[^\s,\-.]/.test(t.slice(prevEnd, m.index))) flush();
    if (d) {
      if (first < 0) first = m.index;
      count++;
      if (!/\d/.test(w)) words++;
      last = m.index + w.length;
      filler = 0;
    } else if (first >= 0 && FILLER.has(w) && filler < 2) {
      filler++;
    } else if (first >= 0) flush();
    prevEnd = m.index + w.length;
  }
  flush();
  return out;
}
