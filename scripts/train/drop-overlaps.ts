/**
 * Keeps the training corpus our own: drops every corpus line that shares a 6-word sequence with,
 * or has word-trigram Jaccard similarity above 0.6 to, a line of any fixture file
 * (test/moderation/fixtures/**), and prints only how many lines each file lost, never the text.
 * Run after a new fixture or corpus file lands: npx tsx scripts/train/drop-overlaps.ts
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const corpusDir = new URL("./corpus/", import.meta.url);
const fixturesDir = new URL("../../test/moderation/fixtures/", import.meta.url);

function jsonlFiles(dir: URL): URL[] {
  const out: URL[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...jsonlFiles(new URL(`${e.name}/`, dir)));
    else if (e.name.endsWith(".jsonl")) out.push(new URL(e.name, dir));
  }
  return out;
}
const lines = (f: URL) =>
  readFileSync(f, "utf8")
    .split("\n")
    .filter((l) => l.trim());
/** The same word and gram definitions as test/moderation/model/corpus.test.ts. */
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

const six = new Set<string>();
const tri: Set<string>[] = [];
for (const f of jsonlFiles(fixturesDir))
  for (const l of lines(f)) {
    const ws = wordsOf((JSON.parse(l) as { text: string }).text);
    for (const g of grams(ws, 6)) six.add(g);
    tri.push(grams(ws, 3));
  }
const index = new Map<string, number[]>();
tri.forEach((gs, i) => {
  for (const g of gs) index.set(g, [...(index.get(g) ?? []), i]);
});

function tooClose(text: string): boolean {
  const ws = wordsOf(text);
  for (const g of grams(ws, 6)) if (six.has(g)) return true;
  const gs = grams(ws, 3);
  const common = new Map<number, number>();
  for (const g of gs) for (const i of index.get(g) ?? []) common.set(i, (common.get(i) ?? 0) + 1);
  for (const [i, n] of common) if (n / (gs.size + tri[i]!.size - n) > 0.6) return true;
  return false;
}

for (const f of jsonlFiles(corpusDir).sort((a, b) => a.href.localeCompare(b.href))) {
  const all = lines(f);
  const kept = all.filter((l) => !tooClose((JSON.parse(l) as { text: string }).text));
  if (kept.length !== all.length) writeFileSync(f, `${kept.join("\n")}\n`);
  console.log(`${f.pathname.split("/").pop()}: ${all.length} -> ${kept.length}`);
}
