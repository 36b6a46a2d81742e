/**
 * Street addresses ("220 linden st apt 4b", "four eleven maple ave", "16 Birchwood Ct, Unit 2,
 * Asheville NC 28801"), Spanish forms ("calle olivo 45, 3ºb") and PO boxes. A house number and a
 * street-type word are both required, so floors, rooms, steps and day counts never match.
 */
import type { Finding } from "../../types.ts";
import { type PrivacyInput, plainFinding } from "./context.ts";

const NUM_WORD =
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)";
const HOUSE = `(?:\\d{1,6}[a-z]?|${NUM_WORD}(?:[ -]${NUM_WORD}){0,3})`;
const SUFFIX =
  "(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|crescent|cres|close|alley|pike|plaza)";
// a directional after the street type ("1600 Pennsylvania Ave NW")
const DIRECTION = "(?: (?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\\b\\.?)?";
const UNIT = "(?:,? (?:apt|apartment|unit|suite|ste|#|no\\.?) ?[a-z0-9-]{1,6})?";
const CITY =
  "(?:, ?[a-z]{2,20}(?: [a-z]{2,20}){0,2},? [a-z]{2} \\d{5}(?:-\\d{4})?|, ?[a-z]{3,20}(?=[.!?]|$| -| —))?";
const STREET = new RegExp(
  `(?<![\\w$#.,])${HOUSE} (?:[a-z0-9'.-]{1,25} ){0,3}${SUFFIX}\\b\\.?${DIRECTION}${UNIT}${CITY}`,
  "g",
);
const SPANISH =
  /\b(?:calle|avenida|avda\.?|av\.|paseo|camino|carrera|plaza|rua|carretera)(?: [a-záéíóúñ]{1,20}){1,3},? (?:no\.? ?|#)?\d{1,5}(?:, ?\d{1,3}[ºo°]? ?[a-z]?)?/g;
// every address form needs one of these words; testing for them first skips the long patterns
const HINT = new RegExp(
  `\\b(?:${SUFFIX.slice(3, -1)}|calle|avenida|avda|paseo|camino|carrera|plaza|rua|carretera|box)\\b`,
);
const PO_BOX = new RegExp(`\\b(?:p\\.? ?o\\.?|post office) ?box #?\\d{1,8}\\b${CITY}`, "g");

/** Finds street addresses and PO boxes in the plain view. */
export function detectAddress(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  if (!HINT.test(t)) return [];
  const out: Finding[] = [];
  for (const m of t.matchAll(STREET)) {
    // a number right before a street word with nothing between ("2 st") is too thin
    if (/^\d{1,6} [a-z]{1,3}\.?$/.test(m[0])) continue;
    out.push(plainFinding(input, "address", m.index, m.index + m[0].length, "street", 3));
  }
  for (const m of t.matchAll(SPANISH))
    out.push(plainFinding(input, "address", m.index, m.index + m[0].length, "calle", 3));
  for (const m of t.matchAll(PO_BOX))
    out.push(plainFinding(input, "address", m.index, m.index + m[0].length, "po_box", 3));
  return out;
}
