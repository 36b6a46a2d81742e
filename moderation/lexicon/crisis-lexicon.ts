/**
 * Assembles every crisis lexicon table into one compiled matcher (built once at import).
 */
import type { CrisisCategory } from "../types.ts";
import { CLASSES } from "./classes.ts";
import { CUES } from "./crisis-context.ts";
import { ABUSE, HARM_OTHERS, OVERDOSE, RELAPSE } from "./crisis-others.ts";
import { SELF_HARM } from "./crisis-self-harm.ts";
import { SPANISH } from "./crisis-spanish.ts";
import type { CrisisEntry, SignalRow } from "./crisis-types.ts";
import { PhraseMatcher } from "./matcher.ts";

const NEGATION_WORDS = /\b(not|no|never|dont|didnt|doesnt|isnt|wasnt|wont|cant|nunca|nobody|wouldnt)\b/;

function signal(category: CrisisCategory, [id, level, phrase, , flags]: SignalRow): CrisisEntry {
  return { kind: "signal", id: `crisis.${id}`, category, level, phrase, flags: new Set(flags ?? []) };
}

/** All crisis entries, signals then cues. Exported for tests and docs tooling. */
export const CRISIS_ENTRIES: readonly CrisisEntry[] = [
  ...SELF_HARM.map((r) => signal("self_harm", r)),
  ...OVERDOSE.map((r) => signal("overdose", r)),
  ...HARM_OTHERS.map((r) => signal("harm_others", r)),
  ...ABUSE.map((r) => signal("abuse", r)),
  ...RELAPSE.map((r) => signal("relapse", r)),
  ...SPANISH.map(([c, r]) => signal(c, r)),
  ...CUES.map(([role, id, phrase]): CrisisEntry => ({ kind: "cue", id: `cue.${id}`, role, phrase })),
];

/** True when the phrase itself says "not"/"dont": a negation inside its span is part of it. */
export function phraseHasNegation(phrase: string): boolean {
  return NEGATION_WORDS.test(phrase);
}

/** The compiled matcher over every crisis entry. */
export const CRISIS_MATCHER = new PhraseMatcher<CrisisEntry>(CRISIS_ENTRIES, (e) => e.phrase, CLASSES);
