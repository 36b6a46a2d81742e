/**
 * Compiles lexicon phrases (data) into token patterns. The phrase language is deliberately
 * small so that every match runs in time linear in the message and no tenant can supply regex:
 *
 *   word        a literal word (folded like message text: "kill" matches "k1lll")
 *   a|b|c       any of these words
 *   kill*       a word starting with "kill"; `*ing` ends with; `*pill*` contains
 *   @class      any word of a named class (see classes.ts)
 *   ?word       an optional word (alternatives and classes allowed after `?`)
 *   ~N          skip up to N words (N <= 6) within the same sentence
 *   a b / c d   either phrase (top-level alternatives, spaces around the slash)
 */
import { foldPhrase } from "../normalize/normalize.ts";

/** One alternative of a pattern step. */
export interface Alt {
  readonly mode: "exact" | "prefix" | "suffix" | "contains";
  readonly word: string;
}

/** One step of a compiled phrase. */
export type Step =
  | {
      kind: "word";
      alts: readonly Alt[];
      exact: ReadonlySet<string>;
      wild: readonly Alt[];
      optional: boolean;
    }
  | { kind: "gap"; max: number };

/** Thrown for a malformed phrase; the message names the phrase position, never user text. */
export class PhraseError extends Error {}

function compileAlt(raw: string): Alt {
  const pre = raw.startsWith("*");
  const post = raw.endsWith("*") && raw.length > 1;
  const core = foldPhrase(raw.slice(pre ? 1 : 0, post ? -1 : undefined)).replace(/[^a-z0-9]/g, "");
  if (core.length === 0) throw new PhraseError(`empty word in "${raw}"`);
  if ((pre || post) && core.length < 2) throw new PhraseError(`wildcard word "${raw}" needs 2+ letters`);
  const mode = pre && post ? "contains" : pre ? "suffix" : post ? "prefix" : "exact";
  return { mode, word: core };
}

/** Compiles one phrase; `classes` maps a class name to its words. */
export function compilePhrase(phrase: string, classes: Readonly<Record<string, readonly string[]>>): Step[] {
  const steps: Step[] = [];
  for (const part of phrase.trim().split(/\s+/)) {
    if (part.length === 0) continue;
    const gap = /^~([0-6])$/.exec(part);
    if (gap) {
      steps.push({ kind: "gap", max: Number(gap[1]) });
      continue;
    }
    const optional = part.startsWith("?");
    const body = optional ? part.slice(1) : part;
    const alts: Alt[] = [];
    for (const raw of body.split("|")) {
      if (raw.startsWith("@")) {
        const words = classes[raw.slice(1)];
        if (!words) throw new PhraseError(`unknown class ${raw}`);
        for (const w of words) alts.push(compileAlt(w));
      } else alts.push(compileAlt(raw));
    }
    // exact words go in a set: classes such as @pills have dozens of them
    const exact = new Set(alts.filter((a) => a.mode === "exact").map((a) => a.word));
    steps.push({ kind: "word", alts, exact, wild: alts.filter((a) => a.mode !== "exact"), optional });
  }
  if (steps.length === 0 || steps[0]!.kind !== "word" || steps[0]!.optional) {
    throw new PhraseError(`phrase must start with a required word: "${phrase}"`);
  }
  return steps;
}

/** True when `word` satisfies one alternative. */
export function altMatches(a: Alt, word: string): boolean {
  switch (a.mode) {
    case "exact":
      return word === a.word;
    case "prefix":
      return word.startsWith(a.word);
    case "suffix":
      return word.endsWith(a.word);
    default:
      return word.includes(a.word);
  }
}
