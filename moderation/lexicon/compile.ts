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
 *   (a b|c|d e) any of these word sequences (a group; `?(...)` makes it optional; no nesting)
 *   a b / c d   either phrase (top-level alternatives, spaces around the slash)
 *
 * `|` between bare words binds one word: "last night|yesterday" is "last (night|yesterday)".
 * Multi-word alternatives need a group: "(last night|yesterday|this morning)".
 *
 * Groups and top-level alternatives are expanded when compiled, so matching stays a linear walk
 * over plain steps; each expanded sequence remembers which alternatives it took (`choices`), so
 * a lint can check that every alternative is exercised by an example.
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

type Classes = Readonly<Record<string, readonly string[]>>;

/** One expanded alternative of a phrase: plain steps, and the alternatives taken ("a1", "a0.g2.1"). */
export interface Sequence {
  readonly steps: readonly Step[];
  readonly choices: readonly string[];
}

/** Most sequences one phrase may expand to: groups multiply, and a lexicon stays reviewable. */
const MAX_SEQUENCES = 512;

/** Splits on `sep` outside parentheses; throws on unbalanced or nested parentheses. */
function splitTop(text: string, sep: RegExp, phrase: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(") {
      if (++depth > 1) throw new PhraseError(`nested group in "${phrase}"`);
    } else if (c === ")") {
      if (--depth < 0) throw new PhraseError(`unbalanced ")" in "${phrase}"`);
    } else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m && m.index === i) {
        out.push(text.slice(from, i));
        from = i + m[0].length;
        i = from - 1;
      }
    }
  }
  if (depth !== 0) throw new PhraseError(`unbalanced "(" in "${phrase}"`);
  out.push(text.slice(from));
  return out;
}

/**
 * Compiles a phrase with its groups and top-level ` / ` alternatives into plain step sequences.
 * Every sequence starts with a required word.
 */
export function compileAlternatives(phrase: string, classes: Classes): Sequence[] {
  const out: Sequence[] = [];
  splitTop(phrase, / \/ /y, phrase).forEach((alt, a) => {
    let seqs: { steps: Step[]; choices: string[] }[] = [{ steps: [], choices: [`a${a}`] }];
    const parts = splitTop(alt.trim(), /\s+/y, phrase).filter((p) => p.length > 0);
    parts.forEach((part, pi) => {
      const optional = part.startsWith("?(");
      if (optional || part.startsWith("(")) {
        if (!part.endsWith(")")) throw new PhraseError(`group must end with ")" in "${phrase}"`);
        const inner = part.slice(optional ? 2 : 1, -1);
        const options = splitTop(inner, /\|/y, phrase).map((o) => compileSteps(o, classes, phrase));
        if (options.some((o) => o.length === 0)) throw new PhraseError(`empty alternative in "${phrase}"`);
        const next: typeof seqs = [];
        for (const s of seqs) {
          options.forEach((o, oi) => {
            next.push({ steps: [...s.steps, ...o], choices: [...s.choices, `a${a}.g${pi}.${oi}`] });
          });
          if (optional) next.push({ steps: s.steps, choices: [...s.choices, `a${a}.g${pi}.none`] });
        }
        if (next.length > MAX_SEQUENCES) throw new PhraseError(`phrase expands too far: "${phrase}"`);
        seqs = next;
      } else {
        const steps = compileSteps(part, classes, phrase);
        for (const s of seqs) s.steps.push(...steps);
      }
    });
    for (const s of seqs) {
      const first = s.steps[0];
      if (!first || first.kind !== "word" || first.optional)
        throw new PhraseError(`phrase must start with a required word: "${phrase}"`);
      out.push(s);
    }
  });
  return out;
}

/** Compiles one phrase without groups or ` / `; `classes` maps a class name to its words. */
export function compilePhrase(phrase: string, classes: Classes): Step[] {
  const seqs = compileAlternatives(phrase, classes);
  if (seqs.length !== 1) throw new PhraseError(`phrase has alternatives: "${phrase}"`);
  return [...seqs[0]!.steps];
}

/** Compiles space-separated words, classes and gaps (no groups). */
function compileSteps(text: string, classes: Classes, phrase: string): Step[] {
  const steps: Step[] = [];
  for (const part of text.trim().split(/\s+/)) {
    if (part.length === 0) continue;
    if (part.includes("(") || part.includes(")"))
      throw new PhraseError(`misplaced parenthesis in "${phrase}"`);
    if (/^~/.test(part) && !/^~[0-6]$/.test(part))
      throw new PhraseError(`gap "${part}" must be ~0 to ~6 in "${phrase}"`);
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
