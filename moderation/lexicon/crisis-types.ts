/**
 * Shapes of crisis lexicon entries. A lexicon file is a list of tuples so that reviewers can read
 * it as a table: [id, level, phrase, examples, flags?]. See compile.ts for the phrase language.
 * `examples` are short invented messages the phrase is meant to match, written beside it; the
 * lexicon lint (test/moderation/lexicon/lint.test.ts) checks that every alternative of the phrase
 * matches at least one of them.
 */
import type { CrisisCategory, CrisisLevel } from "../types.ts";

/**
 * Flags on a signal:
 * - "intent": a stated intention to act ("gonna ..."); time words raise it to imminent.
 * - "hyper": often hyperbole ("kms", "gonna kill my sister"); laughter or a trivial object cancels it.
 * - "firm": never dampened by past/education cues (an emergency in progress stays an emergency).
 * - "third": describes someone else's emergency; still counts (DESIGN.md: overdose of anyone is level 4).
 * - "after_clean": use after a period of abstinence; the clean time it names ("8 months sober")
 *   is part of the signal, not a recovered past.
 * - "prep": a preparation act that is ordinary on its own (a date picked, a will written); it
 *   counts only beside other self-harm language or a means at hand in the same message.
 */
export type SignalFlag = "intent" | "hyper" | "firm" | "third" | "after_clean" | "prep";

/** One row of a crisis lexicon: [id, level, phrase, examples, flags]. */
export type SignalRow = readonly [
  id: string,
  level: CrisisLevel,
  phrase: string,
  examples: readonly string[],
  flags?: readonly SignalFlag[],
];

/** One context cue: [role, id, phrase, examples]; examples contain the cue's wording. */
export type CueRow = readonly [role: CueRole, id: string, phrase: string, examples: readonly string[]];

/** Roles a context cue plays around signals. */
export type CueRole =
  | "veto" // idiom or hard negative: cancels signals it overlaps ("killing it", "dying to")
  | "negation" // cancels a signal that follows within 3 words in the same clause
  | "unnegate" // "id be lying if i said i didnt...": negation in this sentence does not count
  | "third_subject" // "he", "she" right before a signal: someone else, unless the signal is firm
  | "past" // recovered past in the same sentence lowers the signal to 0 ("two years ago")
  | "present" // cancels a past cue in the same sentence ("again", "lately")
  | "educational" // talk about the topic, not a disclosure ("signs of", "article", "training")
  | "frame" // opens a post as topic talk ("psa", "heads up", "recap"): its impersonal clauses are educational
  | "time_now" // "tonight", "right now": raises intent to 4, ideation to 3
  | "time_later" // "this weekend", "on friday": raises intent to 3
  | "plan" // "planned out", "i know how": raises ideation to 3
  | "means" // weapons, stockpiles: raise ideation and threats to 3
  | "laugh" // laughter: cancels "hyper" signals
  | "denial" // "asked if i ever... and i said no": the writer answers no to the question in the sentence
  | "intox" // the writer is drunk or high now: raises self-harm ideation to 3 (capability, DESIGN.md)
  | "od_risk"; // using alone, the old dose, fentanyl: after abstinence, use becomes overdose risk

/** A compiled signal entry. */
export interface SignalEntry {
  readonly kind: "signal";
  readonly id: string;
  readonly category: CrisisCategory;
  readonly level: CrisisLevel;
  readonly phrase: string;
  readonly flags: ReadonlySet<SignalFlag>;
}

/** A compiled context cue. */
export interface CueEntry {
  readonly kind: "cue";
  readonly id: string;
  readonly role: CueRole;
  readonly phrase: string;
}

/** Anything the crisis matcher looks for. */
export type CrisisEntry = SignalEntry | CueEntry;
