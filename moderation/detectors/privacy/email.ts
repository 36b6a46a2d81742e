/**
 * Email addresses: plain, fullwidth (via the plain view), spaced out ("a . b @ c . com") and
 * spelled out ("a at b dot com", "a [at] b [dot] com"). Every quantifier is bounded and every
 * repetition is separated by a required delimiter, so matching stays linear.
 */
import type { Finding } from "../../types.ts";
import { type PrivacyInput, plainFinding } from "./context.ts";

const PLAIN = /[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}/y;
const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
// the local-part characters: a-z 0-9 . _ % + -
const isLocal = (c: number): boolean =>
  isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const SEP_DOT = String.raw`(?: ?\. ?| dot | punto | ?[\[(]dot[\])] ?)`;
const SEP_AT = String.raw`(?: ?@ ?| at | arroba | ?[\[(]at[\])] ?)`;
const SPELLED = new RegExp(
  `[a-z0-9][a-z0-9_%+-]{0,40}(?:${SEP_DOT}[a-z0-9_%+-]{1,40}){0,4}${SEP_AT}[a-z0-9-]{1,40}(?:${SEP_DOT}[a-z0-9-]{1,40}){1,3}`,
  "g",
);
const TLD =
  /^(com|net|org|edu|gov|io|co|me|us|uk|ca|mx|es|de|fr|au|info|biz|app|dev|xyz|email|mail|online|ar|cl|br|nl|it|ie|nz|in|example|test)$/;
const PROVIDER =
  /^(gmail|yahoo|hotmail|outlook|icloud|aol|protonmail|proton|live|msn|gmx|mail|ymail|me|zoho)$/;

/** Finds email addresses in the plain view. */
export function detectEmail(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  if (
    !t.includes("@") &&
    !t.includes(" at ") &&
    !t.includes("at]") &&
    !t.includes("at)") &&
    !t.includes("arroba")
  )
    return [];
  const out: Finding[] = [];
  const taken: Array<[number, number]> = [];
  // anchor the plain form at each "@": walk back over the local part, then match from there
  let strayAt = false;
  for (let at = t.indexOf("@"); at >= 0; at = t.indexOf("@", at + 1)) {
    if (taken.length && at < taken[taken.length - 1]![1]) continue;
    let from = at;
    while (from > 0 && at - from < 64 && isLocal(t.charCodeAt(from - 1))) from--;
    while (from < at && !isAlnum(t.charCodeAt(from))) from++;
    PLAIN.lastIndex = from;
    const m = from < at ? PLAIN.exec(t) : null;
    const text = m ? m[0].replace(/[.-]+$/, "") : "";
    const tld = text.slice(text.lastIndexOf(".") + 1);
    if (!m || !/^[a-z]{2,24}$/.test(tld)) {
      strayAt = true;
      continue;
    }
    out.push(plainFinding(input, "email", from, from + text.length, "plain", 3));
    taken.push([from, from + text.length]);
  }
  // the spelled form needs an "@" no plain address used, a bracketed at, or " at " together with "dot"
  const spelled =
    strayAt ||
    /[[(]at[\])]/.test(t) ||
    (t.includes(" at ") && t.includes("dot")) ||
    (t.includes(" arroba ") && t.includes("punto"));
  for (const m of spelled ? t.matchAll(SPELLED) : []) {
    const from = m.index;
    const to = from + m[0].length;
    if (taken.some(([a, b]) => from < b && a < to)) continue;
    const labels = m[0].split(/ ?@ ?| at | arroba | ?[[(]at[\])] ?/);
    const domain = (labels[1] ?? "").split(/ ?\. ?| dot | punto | ?[[(]dot[\])] ?/);
    const tld = domain[domain.length - 1] ?? "";
    if (!TLD.test(tld)) continue;
    const spelledAt = !m[0].includes("@");
    if (spelledAt && !PROVIDER.test(domain[0] ?? "") && !m[0].includes("dot") && !m[0].includes("punto"))
      continue;
    out.push(plainFinding(input, "email", from, to, spelledAt ? "spelled" : "spaced", 3));
  }
  return out;
}
