/**
 * A third party's full name: a known first name followed by one or two surname-like words
 * ("Brian Okafor", "rosa delgado", "Claudia Reyes Ortega", "J.e.s.s.i.c.a P.r.e.s.t.o.n"), or
 * any two name-like words where the context introduces a person ("my sponsor Tobias Wrenfield",
 * "his name is oskar lindqvist", "tell Osei Mensah", "X Y from the tuesday group", "se llama
 * X Y"). First names alone are the group norm and stay visible.
 */
import { foldPhrase, toOriginal } from "../../normalize/normalize.ts";
import type { Finding } from "../../types.ts";
import type { PrivacyInput } from "./context.ts";
import { AMBIGUOUS_NAMES, FIRST_NAMES } from "./first-names.ts";
import {
  AFTER_FIRST_WORDS,
  CIRCLE_AFTER,
  CUE_LAST_WORDS,
  NEVER_NAME,
  PUBLIC_AFTER,
  PUBLIC_BEFORE,
  PUBLIC_FIGURES,
  RELATION_AFTER,
  RELATION_BEFORE,
  RELATION_ES_BEFORE,
  STRONG_BEFORE,
  TITLE_BEFORE,
  VERB_BEFORE,
} from "./name-cues.ts";
import { COMMON_WORDS } from "./words.ts";

const collapse = (w: string): string => w.replace(/([a-z])\1+/g, "$1");
const COMMON = new Set([...COMMON_WORDS].map(collapse));
// a name that folds onto a common word ("ann" -> "an") would fire on ordinary text
const FIRST = new Set(
  [...FIRST_NAMES, ...AMBIGUOUS_NAMES].map(collapse).filter((n) => n.length >= 3 && !COMMON.has(n)),
);
const AMBIG = new Set([...AMBIGUOUS_NAMES].map(collapse));

const isCapitalised = (s: string): boolean => /^[A-Z][a-z.]/.test(s.replace(/[^A-Za-z.]/g, ""));

/** Finds full names on the normalized tokens; spans map back to the original. */
export function detectName(input: PrivacyInput): Finding[] {
  return [...listedNames(input), ...introducedNames(input)];
}

type Cue = "strong" | "relation" | "verb";
const atEnd = (re: RegExp): RegExp => new RegExp(`(?:${re.source})$`);
const STRONG = atEnd(STRONG_BEFORE);
const RELATION = atEnd(RELATION_BEFORE);
const VERB = atEnd(VERB_BEFORE);
const RELATION_ES = atEnd(RELATION_ES_BEFORE);
// the last word of a cue as the normalized tokens spell it ("llamé" -> "lame")
const CUE_LAST = new Set(CUE_LAST_WORDS.map(foldPhrase));
const AFTER_FIRST = new Set(AFTER_FIRST_WORDS.map(foldPhrase));
// an adverb or a verb form in lower case is the sentence going on, not a surname
const NOT_LOWER_NAME = /(?:ed|ing|ly)$|[^aiouys]s$/;

/**
 * Names whose first name is on no list, found from the words that introduce a person. Capitalised
 * pairs need any cue; lower-case pairs need a cue that can only introduce a name ("his name is",
 * "my sponsor", "se llama", "from the tuesday group"), and look like names, not verbs.
 */
function introducedNames(input: PrivacyInput): Finding[] {
  const { tokens, norm, original } = input;
  const nameLike = (i: number): boolean => {
    const t = tokens[i]!;
    return !COMMON.has(t.text) && t.text.length >= 2 && t.text.length <= 20 && /^[a-z]+$/.test(t.text);
  };
  const joined = (j: number): boolean =>
    tokens[j]!.sentence === tokens[j - 1]!.sentence &&
    norm.text.slice(tokens[j - 1]!.to, tokens[j]!.from) === " ";
  // two name-like words side by side are rare in chat: look for them before reading any context
  const pairs: number[] = [];
  for (let i = 0; i + 1 < tokens.length; i++)
    if (nameLike(i) && nameLike(i + 1) && joined(i + 1)) pairs.push(i);
  if (pairs.length === 0) return [];
  // the cue, if any, that ends right where a word starts
  const cueBefore = (at: number): Cue | undefined => {
    const before = original.slice(Math.max(0, at - 60), at).toLowerCase();
    if (STRONG.test(before)) return "strong";
    if (RELATION.test(before)) return "relation";
    return VERB.test(before) || RELATION_ES.test(before) || TITLE_BEFORE.test(before) ? "verb" : undefined;
  };
  const word = (i: number) => {
    const t = tokens[i]!;
    const { start, end } = toOriginal(norm, t.from, t.to);
    const text = original.slice(start, end);
    const bare = text.toLowerCase().replace(/[^a-záéíóúñü'-]/g, "");
    return {
      start,
      end,
      bare,
      ok: !COMMON_WORDS.has(bare) && !NEVER_NAME.has(bare),
      caps: isCapitalised(text),
    };
  };
  const out: Finding[] = [];
  let after = -1;
  for (const i of pairs) {
    if (i <= after) continue;
    // most pairs have no cue on either side: rule them out on the tokens alone
    const mayBefore = i > 0 && CUE_LAST.has(tokens[i - 1]!.text);
    const mayAfter = AFTER_FIRST.has(tokens[i + 2]?.text ?? "");
    if (!mayBefore && !mayAfter) continue;
    const a = word(i);
    const b = word(i + 1);
    if (!a.ok || !b.ok) continue;
    const caps = a.caps && b.caps;
    const before = mayBefore ? cueBefore(a.start) : undefined;
    const lowerOk = !NOT_LOWER_NAME.test(a.bare) && !/(?:ed|ing|ly)$/.test(b.bare);
    let cued = before !== undefined && (caps || (before !== "verb" && lowerOk));
    if (!cued && mayAfter && (caps || lowerOk)) {
      const rest = textAfter(input, b.end);
      // "X Y, my sponsor" is only a name in capitals: "work stress, my therapist says" is not
      // in Spanish "de"/"del" follows ordinary words too ("estoy agotada del trabajo"): capitals only
      cued =
        (CIRCLE_AFTER.test(rest) && (caps || /^,? from /.test(rest))) ||
        (RELATION_AFTER.test(rest) && (caps || !rest.startsWith(",")));
    }
    if (!cued) continue;
    let end = b.end;
    after = i + 1;
    if (caps && i + 2 < tokens.length && nameLike(i + 2) && joined(i + 2)) {
      const c = word(i + 2);
      if (c.ok && c.caps) {
        end = c.end;
        after = i + 2;
      }
    }
    out.push({
      kind: "privacy",
      type: "name",
      severity: 2,
      start: a.start,
      end,
      rule: "privacy.name.context",
    });
  }
  return out;
}

/** A public figure's name, also in the possessive ("Matthew Perry's book": token "perys"). */
function isPublicFigure(first: string, last: string, lastAsTyped: string): boolean {
  if (PUBLIC_FIGURES.has(`${first} ${last}`)) return true;
  return (
    /['’]s\b/i.test(lastAsTyped) && last.endsWith("s") && PUBLIC_FIGURES.has(`${first} ${last.slice(0, -1)}`)
  );
}

/** Up to 60 lower-cased characters of the original after `at`. */
function textAfter(input: PrivacyInput, at: number): string {
  return input.original.slice(at, at + 60).toLowerCase();
}

/** Full names whose first name is on the list, with or without context. */
function listedNames(input: PrivacyInput): Finding[] {
  const { tokens, norm, original } = input;
  const out: Finding[] = [];
  const surname = (i: number): boolean => {
    const t = tokens[i];
    if (!t || t.sentence !== tokens[i - 1]!.sentence) return false;
    if (!/^[a-z]{2,20}$/.test(t.text) || COMMON.has(t.text)) return false;
    // nothing but spaces (or a single dot-split) between the words
    const gap = norm.text.slice(tokens[i - 1]!.to, t.from);
    return gap === " ";
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    const first = tokens[i]!.text;
    if (!FIRST.has(first) || !surname(i + 1)) continue;
    const a = toOriginal(norm, tokens[i]!.from, tokens[i]!.to);
    const b = toOriginal(norm, tokens[i + 1]!.from, tokens[i + 1]!.to);
    const caps =
      isCapitalised(original.slice(a.start, a.end)) && isCapitalised(original.slice(b.start, b.end));
    if (AMBIG.has(first) && !caps) continue;
    if (!caps && /(ed|ing|ly)$/.test(tokens[i + 1]!.text)) continue;
    // a public figure, a title or a game, not a third party of the writer's life
    if (isPublicFigure(first, tokens[i + 1]!.text, original.slice(b.start, b.end + 2))) continue;
    if (
      PUBLIC_BEFORE.test(original.slice(Math.max(0, a.start - 30), a.start).toLowerCase()) ||
      PUBLIC_AFTER.test(original.slice(b.end, b.end + 30).toLowerCase())
    )
      continue;
    let end = b.end;
    if (surname(i + 2)) {
      const c = toOriginal(norm, tokens[i + 2]!.from, tokens[i + 2]!.to);
      if (isCapitalised(original.slice(c.start, c.end)) && caps) end = c.end;
    }
    out.push({
      kind: "privacy",
      type: "name",
      severity: 2,
      start: a.start,
      end,
      rule: "privacy.name.first_last",
    });
    i++;
  }
  return out;
}
