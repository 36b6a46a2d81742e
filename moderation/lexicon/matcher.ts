/**
 * A phrase matcher over tokens: entries are indexed by the first letters of their first word,
 * so each token looks at a handful of candidates. Cost is linear in the number of tokens times
 * a small constant bounded by the phrase language (gaps <= 4 words, no nesting).
 */
import { altMatches, compileAlternatives, type Step } from "./compile.ts";
import type { Token } from "./tokens.ts";

/** A match of one entry: tokens [fromTok, toTok). */
export interface PhraseMatch<T> {
  readonly entry: T;
  readonly fromTok: number;
  readonly toTok: number;
  /** The alternatives of the entry's phrase that this match took (see compile.ts). */
  readonly choices: readonly string[];
}

interface Compiled<T> {
  readonly entry: T;
  readonly steps: readonly Step[];
  readonly choices: readonly string[];
}

function wordMatches(step: Extract<Step, { kind: "word" }>, word: string): boolean {
  if (step.exact.has(word)) return true;
  const wild = step.wild;
  for (let i = 0; i < wild.length; i++) if (altMatches(wild[i]!, word)) return true;
  return false;
}

function matchAt(
  steps: readonly Step[],
  si: number,
  tokens: readonly Token[],
  ti: number,
  sentence: number,
): number {
  if (si === steps.length) return ti;
  const step = steps[si]!;
  if (step.kind === "gap") {
    for (let k = 0; k <= step.max; k++) {
      const at = ti + k;
      if (at > tokens.length) break;
      if (k > 0 && tokens[at - 1]!.sentence !== sentence) break;
      const r = matchAt(steps, si + 1, tokens, at, sentence);
      if (r >= 0) return r;
    }
    return -1;
  }
  const tok = tokens[ti];
  if (tok && tok.sentence === sentence && wordMatches(step, tok.text)) {
    const r = matchAt(steps, si + 1, tokens, ti + 1, sentence);
    if (r >= 0) return r;
  }
  return step.optional ? matchAt(steps, si + 1, tokens, ti, sentence) : -1;
}

const CACHE_MAX = 20_000;
const NONE: readonly never[] = Object.freeze([]);

/** Compiles phrase entries once; call `find` per message. */
export class PhraseMatcher<T> {
  private readonly index = new Map<string, Compiled<T>[]>();
  private readonly loose: Compiled<T>[] = [];
  private readonly cache = new Map<string, readonly Compiled<T>[]>();

  /** `phraseOf` extracts the phrase of an entry; `classes` resolves `@class` words. */
  constructor(
    entries: readonly T[],
    phraseOf: (e: T) => string,
    classes: Readonly<Record<string, readonly string[]>> = {},
  ) {
    for (const entry of entries)
      for (const seq of compileAlternatives(phraseOf(entry), classes))
        this.add({ entry, steps: seq.steps, choices: seq.choices });
  }

  private add(c: Compiled<T>): void {
    {
      const steps = c.steps;
      const first = steps[0]!;
      if (first.kind !== "word") return;
      const keys = new Set<string>();
      let loose = false;
      for (const a of first.alts) {
        if (a.mode === "exact" || a.mode === "prefix") keys.add(a.word.slice(0, 3));
        else loose = true;
      }
      if (loose) this.loose.push(c);
      else
        for (const k of keys) {
          const list = this.index.get(k);
          if (list) list.push(c);
          else this.index.set(k, [c]);
        }
    }
  }

  /**
   * The entries whose first word matches `word`, in index order. Words repeat across messages
   * (Zipf), so the list is cached per word; the cache is bounded and only saves work, it never
   * changes a result.
   */
  private candidates(word: string): readonly Compiled<T>[] {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    const out: Compiled<T>[] = [];
    const k3 = word.slice(0, 3);
    const k2 = word.slice(0, 2);
    const k1 = word.slice(0, 1);
    const lists = [
      this.index.get(k3),
      k2 !== k3 ? this.index.get(k2) : undefined,
      k1 !== k2 ? this.index.get(k1) : undefined,
      this.loose,
    ];
    for (const list of lists)
      if (list)
        for (const c of list)
          if (wordMatches(c.steps[0] as Extract<Step, { kind: "word" }>, word)) out.push(c);
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(word, out.length ? out : NONE);
    return out.length ? out : NONE;
  }

  /** Every entry that matches, at every token where it starts (first match per start). */
  find(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let ti = 0; ti < tokens.length; ti++) {
      const list = this.candidates(tokens[ti]!.text);
      if (list.length === 0) continue;
      const sentence = tokens[ti]!.sentence;
      for (const c of list) {
        // the first word already matched: continue from the second step
        const end = matchAt(c.steps, 1, tokens, ti + 1, sentence);
        if (end > ti) out.push({ entry: c.entry, fromTok: ti, toTok: end, choices: c.choices });
      }
    }
    return out;
  }
}
