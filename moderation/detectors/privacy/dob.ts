/**
 * Dates of birth: a calendar date (numeric, "march 9th 1987", "3 de mayo de 1990") with a
 * birth word shortly before it. Sobriety dates, meeting dates and years alone stay visible.
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
const NOT_BIRTH = /\b(clean|sober|sobriety|since|date|sobria|sobrio|limpio|limpia)\b[^.]{0,12}$/;

/** Finds dates of birth in the plain view. */
export function detectDob(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  const births = [...t.matchAll(BIRTH)].map((m) => m.index + m[0].length);
  if (births.length === 0) return [];
  const dates: Array<[number, number]> = [];
  for (const m of t.matchAll(NUMERIC)) if (numericDate(m[0])) dates.push([m.index, m.index + m[0].length]);
  for (const m of t.matchAll(TEXTUAL)) dates.push([m.index, m.index + m[0].length]);
  dates.sort((a, b) => a[0] - b[0]);
  const out: Finding[] = [];
  for (const [from, to] of dates) {
    // the nearest birth word before this date, with no other date between them
    const b = births.filter((x) => x <= from && from - x <= 40).pop();
    if (b === undefined) continue;
    if (dates.some(([f, e]) => f >= b && e <= from)) continue;
    if (NOT_BIRTH.test(t.slice(b, from))) continue;
    out.push(plainFinding(input, "dob", from, to, "birth_context", 3));
  }
  return out;
}
