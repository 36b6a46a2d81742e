/**
 * Lexicon lint (issue 11): every alternative of every entry matches at least one of the positive
 * examples written beside it, and the lexicons hold no duplicates after folding (ids, compiled
 * step sequences, class words). A failure names the entry ids and the alternative labels.
 */
import { describe, expect, it } from "vitest";
import { CLASSES } from "../../../moderation/lexicon/classes.ts";
import { compileAlternatives, type Step } from "../../../moderation/lexicon/compile.ts";
import { CUES } from "../../../moderation/lexicon/crisis-context.ts";
import { ABUSE, HARM_OTHERS, OVERDOSE, RELAPSE } from "../../../moderation/lexicon/crisis-others.ts";
import { SELF_HARM } from "../../../moderation/lexicon/crisis-self-harm.ts";
import { SPANISH } from "../../../moderation/lexicon/crisis-spanish.ts";
import { PhraseMatcher } from "../../../moderation/lexicon/matcher.ts";
import { splitRunTogether } from "../../../moderation/lexicon/segment.ts";
import { SOLICITATION } from "../../../moderation/lexicon/solicitation.ts";
import { tokenize } from "../../../moderation/lexicon/tokens.ts";
import { foldPhrase, normalize } from "../../../moderation/normalize/normalize.ts";

/** One lexicon row, whatever its table: where it comes from, its phrase and its examples. */
interface Row {
  readonly table: string;
  readonly id: string;
  readonly phrase: string;
  readonly examples: readonly string[];
}

const ROWS: readonly Row[] = [
  ...(
    [
      ["self_harm", SELF_HARM],
      ["overdose", OVERDOSE],
      ["harm_others", HARM_OTHERS],
      ["abuse", ABUSE],
      ["relapse", RELAPSE],
    ] as const
  ).flatMap(([table, rows]) => rows.map(([id, , phrase, examples]) => ({ table, id, phrase, examples }))),
  ...SPANISH.map(([, [id, , phrase, examples]]) => ({ table: "spanish", id, phrase, examples })),
  ...CUES.map(([, id, phrase, examples]) => ({ table: "cues", id, phrase, examples })),
  ...SOLICITATION.map(([id, , phrase, examples]) => ({ table: "solicitation", id, phrase, examples })),
];

/** Every alternative label the entry's phrase compiles to ("a0", "a1.g2.0", "a0.g3.none"). */
function labelsOf(phrase: string): Set<string> {
  const out = new Set<string>();
  for (const seq of compileAlternatives(phrase, CLASSES)) for (const c of seq.choices) out.add(c);
  return out;
}

/** The labels the examples take when the entry's phrase alone is matched against each of them. */
function labelsTaken(row: Row): Set<string> {
  const matcher = new PhraseMatcher([row], (r) => r.phrase, CLASSES);
  const out = new Set<string>();
  for (const example of row.examples) {
    const tokens = splitRunTogether(tokenize(normalize(example).text));
    for (const m of matcher.explain(tokens)) for (const c of m.choices) out.add(c);
  }
  return out;
}

/** A step as text, alternatives sorted, so that word order inside `a|b` does not matter. */
function stepKey(s: Step): string {
  if (s.kind === "gap") return `~${s.max}`;
  const alts = [...new Set(s.alts.map((a) => `${a.mode}:${a.word}`))].sort();
  return `${s.optional ? "?" : ""}${alts.join("|")}`;
}

describe("lexicon lint", () => {
  it("every alternative of every entry is taken by one of its examples", () => {
    const failures: string[] = [];
    for (const row of ROWS) {
      const taken = labelsTaken(row);
      const missing = [...labelsOf(row.phrase)].filter((l) => !taken.has(l));
      if (missing.length) failures.push(`${row.table} ${row.id}: ${missing.join(", ")}`);
    }
    expect(failures, `alternatives no example matches:\n${failures.join("\n")}`).toEqual([]);
  });

  it("no two rows share an id", () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const row of ROWS) {
      const before = seen.get(row.id);
      if (before) dupes.push(`${row.id} (${before} and ${row.table})`);
      else seen.set(row.id, row.table);
    }
    expect(dupes, `duplicate ids:\n${dupes.join("\n")}`).toEqual([]);
  });

  it("no two entries compile to the same step sequence after folding", () => {
    const owner = new Map<string, string>();
    const dupes: string[] = [];
    for (const row of ROWS)
      for (const seq of compileAlternatives(row.phrase, CLASSES)) {
        const key = seq.steps.map(stepKey).join(" ");
        const name = `${row.table} ${row.id} ${seq.choices.join(" ")}`;
        const before = owner.get(key);
        if (before) dupes.push(`${before} = ${name}: ${key}`);
        else owner.set(key, name);
      }
    expect(dupes, `entries that compile alike:\n${dupes.join("\n")}`).toEqual([]);
  });

  it("no class lists a word twice after folding", () => {
    const dupes: string[] = [];
    for (const [name, words] of Object.entries(CLASSES)) {
      const seen = new Map<string, string>();
      for (const w of words) {
        const folded = foldPhrase(w);
        const before = seen.get(folded);
        if (before !== undefined) dupes.push(`@${name}: "${before}" and "${w}" both fold to "${folded}"`);
        else seen.set(folded, w);
      }
    }
    expect(dupes, `class words listed twice:\n${dupes.join("\n")}`).toEqual([]);
  });
});
