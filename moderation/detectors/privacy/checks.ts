/**
 * Validators that turn digit runs into identifiers: Luhn for cards, SSA rules for SSNs,
 * calendar sanity for dates. Pure functions over digit strings.
 */

/** Luhn checksum, as every payment card number carries. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/**
 * How cards are written: contiguous, in fours with a short last group (4-4-4-4, 4-4-4-4-3,
 * 4-4-4-1), Amex and Diners 4-6-5 and 4-6-4, or one digit at a time.
 */
const CARD_GROUPING = /^(?:\d+|\d{4}(?:\D+\d{4}){2,3}(?:\D+\d{1,4})?|\d{4}\D+\d{6}\D+\d{4,5}|\d(?:\D+\d)+)$/;
// famous or advertising numbers that people quote as examples, not as their own
const WELL_KNOWN_SSNS = new Set(["123456789", "078051120"]);

function repeated(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) if (digits[i] !== digits[0]) return false;
  return true;
}

/**
 * A plausible payment card: 13-19 digits, Luhn-valid, not one repeated digit and not starting
 * with 0 (no issuer uses it), written in a card grouping when `written` (the digits with their
 * separators) is given. Networks come and go, so no issuer prefix is required.
 */
export function isCard(digits: string, written: string = digits): boolean {
  if (digits.length < 13 || digits.length > 19 || digits[0] === "0") return false;
  // cheapest first: the digit scan runs this on every window of every run
  if (!luhn(digits) || repeated(digits)) return false;
  return CARD_GROUPING.test(written.replace(/^\+/, ""));
}

/**
 * SSA rules: area not 000 or 666; group not 00; serial not 0000. Area 9xx is never an SSN but is
 * an ITIN (the IRS's taxpayer number for people without one), just as identifying: it counts
 * when `context` says the writer gives a social security or taxpayer number. Famous example
 * numbers and one repeated digit are rejected unless `context` says so too.
 */
export function isSsn(digits: string, context = false): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === "000" || area === "666" || (area[0] === "9" && !context)) return false;
  if (digits.slice(3, 5) === "00" || digits.slice(5) === "0000") return false;
  if (!context && (WELL_KNOWN_SSNS.has(digits) || /^(\d)\1+$/.test(digits))) return false;
  return true;
}

/** Parses a numeric date in any common order; null when it is not a calendar date. */
export function numericDate(raw: string): { y: number; m: number; d: number } | null {
  const parts = raw.split(/[/.-]/).map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p))) return null;
  const [a, b, c] = parts as [number, number, number];
  const ok = (y: number, m: number, d: number) =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 && ((y >= 1900 && y <= 2100) || (y >= 0 && y <= 99));
  if (String(raw.split(/[/.-]/)[0]).length === 4) return ok(a, b, c) ? { y: a, m: b, d: c } : null;
  if (ok(c, a, b)) return { y: c, m: a, d: b };
  if (ok(c, b, a)) return { y: c, m: b, d: a };
  return null;
}
