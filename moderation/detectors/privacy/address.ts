/**
 * Street addresses ("220 linden st apt 4b", "four eleven maple ave", "16 Birchwood Ct, Unit 2,
 * Asheville NC 28801"), Spanish forms ("calle olivo 45, 3ºb") and PO boxes. A house number, a
 * street name and a street-type word are all required: a number that counts something else
 * ("route 9", "bus 12", "room 4", "step 9") is no house number, and the words of a sentence
 * ("9 is close", "5 miles down the road") are no street name.
 */
import type { Finding } from "../../types.ts";
import { type PrivacyInput, plainFinding } from "./context.ts";
import { COMMON_WORDS } from "./words.ts";

const NUM_WORD =
  "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)";
const HOUSE = `(?:\\d{1,6}[a-z]?|${NUM_WORD}(?:[ -]${NUM_WORD}){0,3})`;
const SUFFIX =
  "(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|crescent|cres|close|alley|pike|plaza|row|mews|walk|grove)";
// a directional after the street type ("1600 Pennsylvania Ave NW")
const DIRECTION = "(?: (?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\\b\\.?)?";
const UNIT =
  "(?:,? (?:(?:apt|apartment|unit|suite|ste)\\.? ?#? ?[a-z0-9-]{1,6}|(?:#|no\\.?) ?\\d[a-z0-9-]{0,5})(?![a-z0-9]))?";
const CITY =
  "(?:, ?[a-z]{2,20}(?: [a-z]{2,20}){0,2},? [a-z]{2} \\d{5}(?:-\\d{4})?|, ?[a-z]{3,20}(?=[.!?]|$| -| —))?";
const STREET = new RegExp(
  `(?<![\\w$#.,-])(${HOUSE}) ((?:[a-z0-9'.-]{1,25} ){0,3})${SUFFIX}\\b\\.?${DIRECTION}${UNIT}${CITY}`,
  "g",
);
// a number after these counts something else: "route 9", "bus 12", "room 4", "step 9", "ruta 9"
const NUMBERED =
  /\b(?:route|rte|rt|highway|hwy|interstate|freeway|road|rd|bus|buses|line|lines|train|tram|metro|subway|platform|track|gate|exit|stop|room|rm|floor|level|step|steps|tradition|concept|page|pg|chapter|ch|verse|psalm|lesson|day|days|week|year|grade|mile|apt|suite|unit|bed|ward|seat|row|section|aisle|table|lot|pier|dock|terminal|channel|episode|season|number|no|ruta|l[ií]nea|cami[oó]n|autob[uú]s|paso|sala|piso|cap[ií]tulo|p[aá]gina)\.? ?#? ?$/;
// words that make street names ("40 old mill rd", "5 first st") though they are common words
const NAME_WORDS = new Set(["new", "old", "long", "little", "big", "great", "first", "last", "best", "home"]);
// a street name is names, not the words of a sentence ("9 is close", "5 miles down the road")
const NOT_NAME = new Set([
  ...[...COMMON_WORDS].filter((w) => !NAME_WORDS.has(w)),
  ...["miles", "mile", "km", "blocks", "block", "minutes", "mins", "hours", "hrs", "years", "yrs", "months"],
  ...["times", "steps", "stops", "lanes", "stories", "floors", "dogs", "cats", "kids", "of", "hardest"],
]);
// "camino a casa 2 horas": the number counts a measure, not a door
const MEASURE_AFTER =
  /^ ?(?:horas?|minutos?|min|d[ií]as?|veces|a[nñ]os|semanas?|meses|km|kil[oó]metros|cuadras|personas|pasos|miles|hours?|minutes|times|years|days|blocks)\b/;
const SPANISH =
  /\b(?:calle|avenida|avda\.?|av\.|paseo|camino|carrera|plaza|rua|carretera)(?: [a-záéíóúñ]{1,20}){1,3},? (?:no\.? ?|#)?\d{1,5}(?:, ?\d{1,3}[ºo°]? ?[a-z]?)?/g;
// every address form needs one of these words; testing for them first skips the long patterns
const HINT = new RegExp(
  `\\b(?:${SUFFIX.slice(3, -1)}|calle|avenida|avda|paseo|camino|carrera|plaza|rua|carretera|box)\\b`,
);
const PO_BOX = new RegExp(`\\b(?:p\\.? ?o\\.?|post office) ?box #?\\d{1,8}\\b${CITY}`, "g");

/** True when a STREET match is a house number and a street name, not a count in a sentence. */
function isStreet(t: string, m: RegExpExecArray): boolean {
  // a number right before a street word with nothing between ("2 st") is too thin
  if (/^\d{1,6} [a-z]{1,3}\.?$/.test(m[0])) return false;
  const name = m[2]!.split(" ").filter(Boolean);
  // a spelled number and a street word alone is a phrase ("a one way ticket", "two way street")
  if (name.length === 0 && !/^\d/.test(m[1]!)) return false;
  if (NUMBERED.test(t.slice(Math.max(0, m.index - 16), m.index))) return false;
  // "route 9" inside a street name is fine ("2210 route 9 road"); other bare numbers are not
  return name.every((w, i) => !NOT_NAME.has(w) && (!/^\d+$/.test(w) || NUMBERED.test(`${name[i - 1]} `)));
}

/** Finds street addresses and PO boxes in the plain view. */
export function detectAddress(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  if (!HINT.test(t)) return [];
  const out: Finding[] = [];
  STREET.lastIndex = 0;
  for (let m = STREET.exec(t); m; m = STREET.exec(t)) {
    if (!isStreet(t, m)) {
      // a rejected start may hide a real address inside it ("room 4 at 418 willow ct")
      STREET.lastIndex = m.index + 1;
      continue;
    }
    out.push(plainFinding(input, "address", m.index, m.index + m[0].length, "street", 3));
  }
  for (const m of t.matchAll(SPANISH)) {
    if (MEASURE_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 14))) continue;
    out.push(plainFinding(input, "address", m.index, m.index + m[0].length, "calle", 3));
  }
  for (const m of t.matchAll(PO_BOX))
    out.push(plainFinding(input, "address", m.index, m.index + m[0].length, "po_box", 3));
  return out;
}
