/**
 * The training corpus is the team's own writing (the learned-stage issue): no 6-word sequence
 * shared with any evaluation or fixture file, and no line whose word-trigram Jaccard similarity
 * to an evaluation line exceeds 0.6. Blind sets that joined the training data after their first
 * run are read from the fixtures by the trainer, never copied into the corpus.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const corpusDir = new URL("../../../scripts/train/corpus/", import.meta.url);
const fixturesDir = new URL("../fixtures/", import.meta.url);

const texts = (file: URL): string[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);

function jsonlFiles(dir: URL): URL[] {
  const out: URL[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...jsonlFiles(new URL(`${e.name}/`, dir)));
    else if (e.name.endsWith(".jsonl")) out.push(new URL(e.name, dir));
  }
  return out.sort((a, b) => a.href.localeCompare(b.href));
}

/** Words as a reader counts them: contractions are one word ("don't" is "dont"). */
const wordsOf = (t: string): string[] =>
  t
    .toLowerCase()
    .replace(/['’]/g, "")
    .match(/[\p{L}\p{N}]+/gu) ?? [];
const grams = (ws: readonly string[], n: number): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(" "));
  return out;
};

const corpus = jsonlFiles(corpusDir).flatMap(texts);
const evalFiles = jsonlFiles(fixturesDir);
const evalLines = evalFiles.flatMap(texts);

describe("the training corpus is our own", () => {
  it("has the data to check", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(3000);
    expect(evalFiles.map((f) => f.pathname.split("/").pop())).toEqual(
      expect.arrayContaining([
        "dev.jsonl",
        "blind.jsonl",
        "holdout.jsonl",
        "b1.jsonl",
        "b2.jsonl",
        "b3.jsonl",
      ]),
    );
  });

  it("shares no 6-word sequence with any evaluation or fixture line", () => {
    const seen = new Set<string>();
    for (const t of evalLines) for (const g of grams(wordsOf(t), 6)) seen.add(g);
    const shared = corpus.flatMap((t) => [...grams(wordsOf(t), 6)].filter((g) => seen.has(g)));
    expect(shared).toEqual([]);
  });

  it("has no line whose word-trigram Jaccard similarity to an evaluation line exceeds 0.6", () => {
    const evalGrams = evalLines.map((t) => grams(wordsOf(t), 3));
    const index = new Map<string, number[]>();
    evalGrams.forEach((gs, i) => {
      for (const g of gs) {
        const list = index.get(g);
        if (list) list.push(i);
        else index.set(g, [i]);
      }
    });
    const close: string[] = [];
    for (const t of corpus) {
      const gs = grams(wordsOf(t), 3);
      const common = new Map<number, number>();
      for (const g of gs) for (const i of index.get(g) ?? []) common.set(i, (common.get(i) ?? 0) + 1);
      for (const [i, n] of common) {
        const jaccard = n / (gs.size + evalGrams[i]!.size - n);
        if (jaccard > 0.6) close.push(`${jaccard.toFixed(2)}: ${t.slice(0, 60)}`);
      }
    }
    expect(close).toEqual([]);
  });
});
