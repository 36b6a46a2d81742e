/**
 * Phone numbers, payment cards and SSNs: one scan for digit runs (separators, spaces between
 * single digits and look-alike letters allowed), then each run is classified by checksum and
 * shape. Dates, decimals, day counts, times, prices and short numbers are left alone.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Finding } from "../../types.ts";
import { isCard, isSsn, numericDate } from "./checks.ts";
import { contextBefore, type PrivacyInput, plainFinding } from "./context.ts";

const TOLL_FREE = /^1?8(00|33|44|55|66|77|88)\d{7}$/;
// one digit per repetition with a non-digit separator between: unambiguous, so linear however long
const RUN = /\+?\(?\d(?:[ \-.()/]{0,3}\d){5,}/g;
/** Longer runs are tables or noise, never one identifier. */
const MAX_RUN_DIGITS = 40;
const DATE_SHAPE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/;
const SSN_WORDS = /\b(ssn|social|security|seguro|ss#|ss)\b/;
// reference numbers that are not a person's: meeting ids, orders, tracking, case numbers
const NOT_PHONE_WORDS =
  /\b(id|zoom|meeting|order|tracking|isbn|case|ref|reference|confirmation|invoice|account|acct|serial|model)\b[ #:.no]{0,5}$/;
const NANP_SHAPE = /^\+?1?[ -.]?\(?\d{3}\)?[ -.]?\d{3}[-.]\d{4}$/;
const EXTENSION = /^,? ?(?:ext\.?|extension|x|#) ?\d{1,5}(?![\d])/;
const CONTACT_WORDS =
  /\b(call|text|txt|cell|number|num|phone|whatsapp|whats|msg|message|tel|mobile|n[uú]mero|cel|celular|llama|ll[aá]mame|reach|contact|hmu)\b/;

/** Finds phones, cards and SSNs in the digit view. */
export function detectDigits(input: PrivacyInput): Finding[] {
  const t = input.digits;
  const out: Finding[] = [];
  for (const m of t.matchAll(RUN)) {
    let raw = m[0];
    let from = m.index;
    while (raw.length > 0 && /[ \-.(/]$/.test(raw)) raw = raw.slice(0, -1);
    if (raw.startsWith("(") && !raw.includes(")")) {
      raw = raw.slice(1);
      from++;
    }
    const before = t[from - 1] ?? " ";
    const after = t[from + raw.length] ?? " ";
    // a run glued to a word or a longer number loses that end group instead of being dropped
    const minHead = /[0-9a-z]/.test(before) ? 1 : 0;
    const minTail = /[0-9]/.test(after) ? 1 : 0;
    const all = raw.replace(/\D/g, "");
    if (all.length > MAX_RUN_DIGITS || TOLL_FREE.test(all)) continue;
    const hit = classifyTrimmed(input, raw, from, minHead, minTail);
    if (!hit) continue;
    let { f } = hit;
    if (f.type === "phone") {
      // "(415) 555-0132 ext. 22": the extension is part of the number
      const ext = EXTENSION.exec(t.slice(hit.to, hit.to + 16));
      if (ext) {
        f = { ...f, end: plainFinding(input, "phone", hit.from, hit.to + ext[0].length, "x").end };
        hit.to += ext[0].length;
      }
    }
    const seen = input.digits.slice(hit.from, hit.to);
    // mark obfuscation: letters standing in for digits, or digits spaced one by one
    if (input.plain.text.slice(hit.from, hit.to) !== seen)
      f.rule = `${f.rule.replace(/\.[a-z_]+$/, "")}.lookalike`;
    else if (/^\d( ?[ -] ?\d){6,}$/.test(seen) && /\d \d \d/.test(seen))
      f.rule = `${f.rule.replace(/\.[a-z_]+$/, "")}.spaced`;
    out.push(f);
  }
  return out;
}

/**
 * A run may glue a number to its neighbours ("call 312-555-0148 2 times"): when the whole run is
 * nothing, retry without up to two groups at either end.
 */
function classifyTrimmed(
  input: PrivacyInput,
  raw: string,
  from: number,
  minHead: number,
  minTail: number,
): { f: Finding; from: number; to: number } | null {
  const groups = [...raw.matchAll(/\+?\(?\d+\)?/g)];
  for (let drop = 0; drop <= 2; drop++) {
    for (let head = 0; head <= drop; head++) {
      const tail = drop - head;
      if (head < minHead || tail < minTail) continue;
      if (head + tail >= groups.length) continue;
      const a = groups[head]!.index;
      const lastG = groups[groups.length - 1 - tail]!;
      const z = lastG.index + lastG[0].length;
      const f = classify(input, raw.slice(a, z), from + a, from + z, drop > 0);
      if (f) return { f, from: from + a, to: from + z };
    }
  }
  return null;
}

function classify(
  input: PrivacyInput,
  raw: string,
  from: number,
  to: number,
  trimmed: boolean,
): Finding | null {
  const t = input.digits;
  const digits = raw.replace(/\D/g, "");
  const seps = raw.replace(/[\d+]/g, "");
  if (DATE_SHAPE.test(raw) && numericDate(raw)) return null;
  if (/^\d+[.,]\d+$/.test(raw)) return null; // a decimal or a thousands figure
  if (!raw.startsWith("+") && isCard(digits)) return plainFinding(input, "card", from, to, "luhn", 3);
  if (digits.length === 9 && isSsn(digits)) {
    const grouped =
      /^\d{3}([ -]{1,3})\d{2}\1\d{4}$/.test(raw) || /^\d( \d){2} ?- ?\d \d ?- ?\d( \d){3}$/.test(raw);
    if (grouped || contextBefore(t, from, 40, SSN_WORDS))
      return plainFinding(input, "ssn", from, to, "ssa_rules", 3);
  }
  // after "meeting id" or "order #" a number is a reference, unless it is written like a phone number
  if (!NANP_SHAPE.test(raw) && NOT_PHONE_WORDS.test(t.slice(Math.max(0, from - 24), from))) return null;
  const contact = contextBefore(t, from, 50, CONTACT_WORDS) || CONTACT_WORDS.test(t.slice(to, to + 40));
  if (raw.startsWith("+")) {
    const p = parsePhoneNumberFromString(`+${digits}`);
    if (p?.isPossible()) return plainFinding(input, "phone", from, to, "international", 3);
    return null;
  }
  const n = digits.length;
  // toll-free lines are businesses and helplines (SAMHSA, Never Use Alone), never a person
  if (TOLL_FREE.test(digits)) return null;
  if (n === 10 && !/^[01]/.test(digits)) return plainFinding(input, "phone", from, to, "nanp", 3);
  if (n === 11 && /^[01]/.test(digits)) return plainFinding(input, "phone", from, to, "national", 3);
  // a 7-digit piece cut out of a longer run is a phone only when contact words say so
  if (n === 7 && /^\d{3}[-. ]\d{4}$/.test(raw) && (!trimmed || contact))
    return plainFinding(input, "phone", from, to, "local", 2);
  if (n >= 8 && n <= 13 && contact && seps.length > 0) {
    const p = parsePhoneNumberFromString(`+${digits}`);
    if (p?.isPossible() || n >= 10) return plainFinding(input, "phone", from, to, "context", 2);
  }
  if (n >= 10 && n <= 12 && contact) return plainFinding(input, "phone", from, to, "context", 2);
  return null;
}
