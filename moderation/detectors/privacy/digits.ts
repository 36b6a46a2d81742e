/**
 * Phone numbers, payment cards and SSNs: one scan for digit runs (separators, spaces between
 * single digits and look-alike letters allowed), then each run is cut into the numbers it holds
 * (a run may be three cards in a row, or a card beside a phone) and each number is classified by
 * checksum and shape. Dates, decimals, day counts, times, prices, helplines and short numbers are
 * left alone.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Finding } from "../../types.ts";
import { isCard, isSsn, luhn, numericDate } from "./checks.ts";
import { contextBefore, type PrivacyInput, plainFinding } from "./context.ts";

const TOLL_FREE = /^1?8(00|33|44|55|66|77|88)\d{7}$/;
// one digit per repetition with a non-digit separator between: unambiguous, so linear however long
const RUN = /\+?\(?\d(?:[ \-.()/]{0,3}\d){5,}/g;
/** No identifier is longer than a 19-digit card; longer stretches of a run are cut. */
const MAX_ID_DIGITS = 19;
const MIN_ID_DIGITS = 7;
const GROUP = /\+?\(?\d+\)?/g;
const DATE_SHAPE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/;
const SSN_WORDS = /\b(ssn|social|security|seguro|ss#|ss)\b/;
// reference numbers that are not a person's: meeting ids, orders, tracking, case numbers
const NOT_PHONE_WORDS =
  /\b(id|zoom|meeting|order|tracking|isbn|case|ref|reference|confirmation|invoice|account|acct|serial|model)\b[ #:.no]{0,5}$/;
const NANP_GROUPS = /^(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]?\d{4}$/;
const NANP_SHAPE = /^\+?1?[ -.]?\(?\d{3}\)?[ -.]?\d{3}[-.]\d{4}$/;
const EXTENSION = /^,? ?(?:ext\.?|extension|x|#) ?\d{1,5}(?![\d])/;
const CONTACT_WORDS =
  /\b(call|text|txt|cell|number|num|phone|whatsapp|whats|msg|message|tel|mobile|mob|digits|n[uú]mero|cel|celular|m[oó]vil|llama|ll[aá]mame|reach|contact|hmu)\b/;

/** A stretch of a run that is a recognised number that is not a person's (a date, a helpline). */
const KEEP = "keep";

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
    const reference = NOT_PHONE_WORDS.test(t.slice(Math.max(0, from - 24), from));
    for (const hit of segment(input, raw, from, minHead, minTail, reference)) {
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
  }
  return out;
}

/**
 * Cuts a run into the numbers it holds. A run's digit groups are split where the split explains
 * the most digits with the most confidence (digits times severity; a date or a helpline counts
 * as fully explained), so "card card card" gives three cards, "card phone" a card and a phone,
 * and "call 1-800-662-4357" no phone hidden inside the helpline. Windows never exceed 19 digits,
 * so the work is linear in the run's length.
 */
function segment(
  input: PrivacyInput,
  raw: string,
  from: number,
  minHead: number,
  minTail: number,
  reference: boolean,
): Array<{ f: Finding; from: number; to: number }> {
  const groups = [...raw.matchAll(GROUP)].map((g) => ({ a: g.index, z: g.index + g[0].length, at: 0 }));
  // the run's digits in one string: window i..j holds all[groups[i].at .. at(j + 1)]
  let all = "";
  for (const g of groups) {
    g.at = all.length;
    all += raw.slice(g.a, g.z).replace(/\D/g, "");
  }
  const at = (k: number): number => (k < groups.length ? groups[k]!.at : all.length);
  const lo = minHead;
  const hi = groups.length - minTail;
  if (hi - lo < 1) return [];
  const t = input.digits;
  const end = from + raw.length;
  // contact words around the run hold for every number in it
  let contactMemo: boolean | undefined;
  const contact = (): boolean =>
    (contactMemo ??= contextBefore(t, from, 50, CONTACT_WORDS) || CONTACT_WORDS.test(t.slice(end, end + 40)));
  const windowOf = (i: number, j: number, digits: string): Window => ({
    raw: raw.slice(groups[i]!.a, groups[j]!.z),
    digits,
    groups: j - i + 1,
    from: from + groups[i]!.a,
    trimmed: !(i === 0 && j === groups.length - 1),
    reference,
    contact,
  });
  const found: Array<{ f: Finding; from: number; to: number }> = [];
  const take = (i: number, j: number, f: Found) => {
    const a = from + groups[i]!.a;
    const z = from + groups[j]!.z;
    found.push({ f: plainFinding(input, f.type, a, z, f.rule, f.severity), from: a, to: z });
  };
  // most runs are one number: a confident reading of the whole run needs no search
  if (lo === 0 && hi === groups.length && all.length <= MAX_ID_DIGITS && all.length >= MIN_ID_DIGITS) {
    const whole = classify(t, windowOf(0, hi - 1, all));
    if (whole === KEEP) return found;
    if (whole && whole.severity === 3) {
      take(0, hi - 1, whole);
      return found;
    }
  }
  // best[i]: the most that groups i..hi-1 can explain; pick[i]: the window chosen at i
  const best = new Float64Array(hi + 1);
  const pick: Array<{ j: number; f: Found | null } | null> = new Array(hi + 1).fill(null);
  for (let i = hi - 1; i >= lo; i--) {
    best[i] = best[i + 1]!;
    const plus = raw[groups[i]!.a] === "+";
    for (let j = i; j < hi; j++) {
      const n = at(j + 1) - groups[i]!.at;
      if (n > MAX_ID_DIGITS) break;
      if (n < MIN_ID_DIGITS) continue;
      const digits = all.slice(groups[i]!.at, at(j + 1));
      if (!worthTrying(digits, j - i + 1, plus, contact)) continue;
      const got = classify(t, windowOf(i, j, digits));
      if (!got) continue;
      const score = n * (got === KEEP ? 3 : got.severity) + best[j + 1]!;
      if (score > best[i]!) {
        best[i] = score;
        pick[i] = { j, f: got === KEEP ? null : got };
      }
    }
  }
  for (let i = lo; i < hi; ) {
    const p = pick[i];
    if (!p) {
      i++;
      continue;
    }
    if (p.f) take(i, p.j, p.f);
    i = p.j + 1;
  }
  return found;
}

/**
 * A cheap necessary condition for `classify` to find anything, so that long runs of one-digit
 * groups cost a checksum per window rather than a full classification.
 */
function worthTrying(digits: string, groups: number, plus: boolean, contact: () => boolean): boolean {
  const n = digits.length;
  if (plus) return n <= 15;
  // beyond 13 digits only a card is left, and nine windows in ten fail its checksum
  if (n >= 14) return luhn(digits);
  if (n === 13) return luhn(digits) || contact();
  // 7 and 8 digits are a local phone or a date (two or three groups), or a number among contact words
  if (n <= 8) return groups <= 3 || (n === 8 && contact());
  if (n === 12) return contact();
  return true;
}

interface Window {
  /** The stretch as written, separators included. */
  readonly raw: string;
  readonly digits: string;
  readonly groups: number;
  /** Where it starts in the digit view. */
  readonly from: number;
  /** Cut out of a longer run. */
  readonly trimmed: boolean;
  /** The run follows a reference word ("order", "meeting id"). */
  readonly reference: boolean;
  readonly contact: () => boolean;
}

interface Found {
  readonly type: "phone" | "card" | "ssn";
  readonly rule: string;
  readonly severity: number;
}

/** Classifies one stretch of a run: an identifier, a number known not to be one, or nothing. */
function classify(t: string, w: Window): Found | typeof KEEP | null {
  const { raw, digits } = w;
  const n = digits.length;
  if (w.groups <= 3 && DATE_SHAPE.test(raw) && numericDate(raw)) return KEEP;
  // a decimal or a thousands figure, unless it is a local number given as one ("cell: 555.0121")
  if (w.groups === 2 && /^\d+[.,]\d+$/.test(raw) && !(/^\d{3}\.\d{4}$/.test(raw) && w.contact())) return KEEP;
  const plus = raw.startsWith("+");
  if (n >= 13 && !plus && isCard(digits, raw)) return { type: "card", rule: "luhn", severity: 3 };
  if (n === 9 && isSsn(digits, true)) {
    // "my ssn is ...", "... is my social": the number is given as an SSN, whatever it is
    const to = w.from + raw.length;
    const said = contextBefore(t, w.from, 40, SSN_WORDS) || SSN_WORDS.test(t.slice(to, to + 24));
    const grouped =
      /^\d{3}([ -]{1,3})\d{2}\1\d{4}$/.test(raw) || /^\d( \d){2} ?- ?\d \d ?- ?\d( \d){3}$/.test(raw);
    if (isSsn(digits, said) && (grouped || said)) return { type: "ssn", rule: "ssa_rules", severity: 3 };
  }
  // toll-free lines are businesses and helplines (SAMHSA, Never Use Alone), never a person
  if ((n === 10 || n === 11) && TOLL_FREE.test(digits)) return KEEP;
  // after "meeting id" or "order #" a number is a reference, unless it is written like a phone number
  if (w.reference && !NANP_SHAPE.test(raw)) return null;
  if (plus) {
    const p = parsePhoneNumberFromString(`+${digits}`);
    return p?.isPossible() ? { type: "phone", rule: "international", severity: 3 } : null;
  }
  if (n > 13) return null;
  // cut out of a longer run, a 10- or 11-digit reading must be grouped like one number
  // ("206 555 0142", "1-206-555-0142"), or it swallows the tail of one number and the head of
  // the next ("555-0142 555-0199")
  const shaped = !w.trimmed || NANP_GROUPS.test(raw);
  if (n === 10 && !/^[01]/.test(digits) && shaped) return { type: "phone", rule: "nanp", severity: 3 };
  if (n === 11 && /^[01]/.test(digits) && shaped) return { type: "phone", rule: "national", severity: 3 };
  // a 7-digit piece cut out of a longer run is a phone only when contact words say so
  if (n === 7 && /^(?:\d{3}[-. ]\d{4}|\d( \d){2} ?- ?\d( \d){3})$/.test(raw) && (!w.trimmed || w.contact()))
    return { type: "phone", rule: "local", severity: 2 };
  if (n < 8 || !w.contact()) return null;
  const separated = raw.length > n;
  if (n <= 12 ? n >= 10 || (separated && parsePhoneNumberFromString(`+${digits}`)?.isPossible()) : separated)
    return { type: "phone", rule: "context", severity: 2 };
  return null;
}
