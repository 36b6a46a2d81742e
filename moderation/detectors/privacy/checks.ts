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

/** A plausible card: 13-19 digits, a known network prefix, Luhn-valid, not one repeated digit. */
export function isCard(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  if (!/^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|6[05]|62|35)/.test(digits)) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  return luhn(digits);
}

/** SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000; no famous fakes. */
export function isSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === "000" || area === "666" || area[0] === "9") return false;
  if (digits.slice(3, 5) === "00" || digits.slice(5) === "0000") return false;
  if (digits === "123456789" || digits === "078051120" || /^(\d)\1+$/.test(digits)) return false;
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
