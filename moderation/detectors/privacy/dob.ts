/**
 * Dates of birth: a calendar date (numeric, "march 9th 1987", "3 de mayo de 1990") with a
 * birth word shortly before it, or right after it ("3/14/1990 is my birthday"). Sobriety dates,
 * recovery "birthdays" ("my 5 year aa birthday"), meeting dates and years alone stay visible; a
 * denied clean date ("my birthday, not my clean date, is ...") does not hide the birth date.
 */
import type { Finding } from "../../types.ts";
import { numericDate } from "./checks.ts";
import { type PrivacyInput, plainFinding } from "./context.ts";

const MONTHS =
  "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-z]{0,6}";
const NUMERIC = /(?<![\d/.-])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![\d/-])/g;
const TEXTUAL = new RegExp(
  `\\b(?:${MONTHS}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? (?:de |of )?${MONTHS},? (?:de |del )?\\d{4})\\b`,
  "g",
);
const BIRTH =
  /(?<![a-z])(born|birth|dob|d\.o\.b|birthday|bday|b-day|nac[ií]|nacido|nacida|nacimiento|cumplea[nñ]os)(?![a-z])/g;
const CLEAN_WORDS =
  "clean|sober|sobriety|since|date|sobria|sobrio|sobriedad|limpio|limpia|aniversario|anniversary|recovery|aa|na";
// a clean word close before the date makes it that date ("born in 88, sober since 5/1/2019")
const NOT_BIRTH = new RegExp(`\\b(?:${CLEAN_WORDS})\\b(?=[^.]{0,12}$)`, "g");
// ...unless it is denied ("my birthday, not my clean date, is ...")
const DENIED = /\b(?:not|no|nor|isnt|isn't|aint|ain't|instead of|rather than|ni|tampoco)\b[^.,;:]{0,14}$/;
// recovery's "birthday" is the sobriety anniversary: "my sober birthday", "5 year aa birthday"
const RECOVERY_BIRTHDAY =
  /(?:\b(?:sober|sobriety|clean|aa|na|program|recovery|\d+ ?(?:years?|yrs?|months?|days?))|\bbirthday(?= (?:de|of) (?:sobriedad|sobriety|recovery)))\s*$/;
const SPIRITUAL = /^ again\b/;
// a birth word right after the date: "3/14/1990 is my birthday", "... es mi fecha de nacimiento"
const BIRTH_AFTER =
  /^,? ?(?:(?:is|was|=|:|-|es|fue) )?(?:(?:my|mi|his|her|their|su) )?(?:(?:real|actual|belly button|fecha de) )?(?:birthday|bday|b-day|dob|d\.o\.b|date of birth|birth ?date|cumplea[nñ]os|nacimiento)(?![a-z])|^,? ?(?:(?:is|was|es|fue) )?(?:(?:the day )?when (?:i|he|she|they) (?:was|were) born\b|(?:el d[ií]a )?(?:cuando|que) nac[ií](?:[oó])?(?![a-z]))/;

/** True when the birth word ending at `at` names a date of birth, not a sobriety birthday. */
function birthWord(t: string, word: string, at: number): boolean {
  const before = t.slice(Math.max(0, at - word.length - 24), at - word.length);
  if (RECOVERY_BIRTHDAY.test(before)) return false;
  const after = t.slice(at, at + 20);
  if (/^(?: (?:de|of) (?:sobriedad|sobriety|recovery))/.test(after)) return false;
  return !(word === "born" && SPIRITUAL.test(after));
}

/** True when a clean word governs the date, i.e. one stands close before it and is not denied. */
function cleanDate(between: string): boolean {
  for (const m of between.matchAll(NOT_BIRTH)) {
    const lead = between.slice(0, m.index);
    // "birth date" is one word; "not my clean date" is denied
    if (m[0] === "date" && /^[ -]?$/.test(lead)) continue;
    if (!DENIED.test(lead)) return true;
  }
  return false;
}

/** Finds dates of birth in the plain view. */
export function detectDob(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  const words = [...t.matchAll(BIRTH)];
  // every birth context, before or after the date, holds a birth word
  if (words.length === 0) return [];
  const births = words
    .filter((m) => birthWord(t, m[0], m.index + m[0].length))
    .map((m) => m.index + m[0].length);
  const dates: Array<[number, number]> = [];
  for (const m of t.matchAll(NUMERIC)) if (numericDate(m[0])) dates.push([m.index, m.index + m[0].length]);
  for (const m of t.matchAll(TEXTUAL)) dates.push([m.index, m.index + m[0].length]);
  dates.sort((a, b) => a[0] - b[0]);
  const out: Finding[] = [];
  // a birth word that names the date before it ("3/14/1990 is my birthday, 5/1/2019 ...") does
  // not name the one after it
  const used = new Set<number>();
  for (const [from, to] of dates) {
    const after = BIRTH_AFTER.exec(t.slice(to, to + 40));
    if (after) {
      used.add(to + after[0].length);
      out.push(plainFinding(input, "dob", from, to, "birth_context", 3));
      continue;
    }
    // the nearest birth word before this date, with no other date between them
    const b = births.filter((x) => x <= from && from - x <= 40 && !used.has(x)).pop();
    if (b === undefined) continue;
    if (dates.some(([f, e]) => f >= b && e <= from)) continue;
    if (cleanDate(t.slice(b, from))) continue;
    out.push(plainFinding(input, "dob", from, to, "birth_context", 3));
  }
  return out;
}
