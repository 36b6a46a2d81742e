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

/**
 * A phrase's expanded sequences share their step objects up to the first group (compile.ts
 * copies references), so they are stored as a trie: a sequence that fails at its second word
 * fails once for all its group alternatives, not once per alternative.
 */
interface TrieNode {
  readonly step: Step;
  readonly kids: TrieNode[];
  /** The choices of a sequence that ends at this node, if one does. */
  end: readonly string[] | null;
}

interface Compiled<T> {
  readonly entry: T;
  readonly root: TrieNode;
}

function wordMatches(step: Extract<Step, { kind: "word" }>, word: string): boolean {
  if (step.exact.has(word)) return true;
  const wild = step.wild;
  for (let i = 0; i < wild.length; i++) if (altMatches(wild[i]!, word)) return true;
  return false;
}

/** The choices of the last successful match (set by `matchKids`; matching is synchronous). */
let lastChoices: readonly string[] = [];

/** Matches `node`'s step at token `ti`, then its continuations; the end token or -1. */
function matchNode(node: TrieNode, tokens: readonly Token[], ti: number, sentence: number): number {
  const step = node.step;
  if (step.kind === "gap") {
    for (let k = 0; k <= step.max; k++) {
      const at = ti + k;
      if (at > tokens.length) break;
      if (k > 0 && tokens[at - 1]!.sentence !== sentence) break;
      const r = matchKids(node, tokens, at, sentence);
      if (r >= 0) return r;
    }
    return -1;
  }
  const tok = tokens[ti];
  if (tok && tok.sentence === sentence && wordMatches(step, tok.text)) {
    const r = matchKids(node, tokens, ti + 1, sentence);
    if (r >= 0) return r;
  }
  return step.optional ? matchKids(node, tokens, ti, sentence) : -1;
}

/** After `node` matched up to `ti`: a longer continuation first, else the sequence ending here. */
function matchKids(node: TrieNode, tokens: readonly Token[], ti: number, sentence: number): number {
  const kids = node.kids;
  for (let i = 0; i < kids.length; i++) {
    const r = matchNode(kids[i]!, tokens, ti, sentence);
    if (r >= 0) return r;
  }
  if (node.end) {
    lastChoices = node.end;
    return ti;
  }
  return -1;
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
    for (const entry of entries) {
      const roots: TrieNode[] = [];
      for (const seq of compileAlternatives(phraseOf(entry), classes)) {
        let level = roots;
        let node: TrieNode | undefined;
        for (const step of seq.steps) {
          node = level.find((n) => n.step === step);
          if (!node) {
            node = { step, kids: [], end: null };
            level.push(node);
          }
          level = node.kids;
        }
        node!.end ??= seq.choices;
      }
      for (const root of roots) this.add({ entry, root });
    }
  }

  private add(c: Compiled<T>): void {
    {
      const steps = [c.root.step];
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
          if (wordMatches(c.root.step as Extract<Step, { kind: "word" }>, word)) out.push(c);
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(word, out.length ? out : NONE);
    return out.length ? out : NONE;
  }

  /**
   * Every expanded sequence that matches, at every start: the slow, exhaustive form of `find`,
   * for the lexicon lint (which checks that each alternative is reachable by an example).
   */
  explain(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const paths = (node: TrieNode, prefix: TrieNode[]): TrieNode[][] =>
      node.kids.length === 0
        ? [[...prefix, node]]
        : [
            ...(node.end ? [[...prefix, node]] : []),
            ...node.kids.flatMap((k) => paths(k, [...prefix, node])),
          ];
    for (const list of [...this.index.values(), this.loose])
      for (const c of new Set(list))
        for (const path of paths(c.root, [])) {
          // a chain trie of this one path: matching it alone ends where the path does
          const chain = path.reduceRight<TrieNode | null>(
            (next, n) => ({ step: n.step, kids: next ? [next] : [], end: next ? null : n.end }),
            null,
          )!;
          for (let ti = 0; ti < tokens.length; ti++) {
            if (!wordMatches(chain.step as Extract<Step, { kind: "word" }>, tokens[ti]!.text)) continue;
            const end = matchKids(chain, tokens, ti + 1, tokens[ti]!.sentence);
            if (end > ti) out.push({ entry: c.entry, fromTok: ti, toTok: end, choices: lastChoices });
          }
        }
    return out;
  }

  /** Every entry that matches, at every token where it starts (first match per start). */
  find(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let ti = 0; ti < tokens.length; ti++) {
      const list = this.candidates(tokens[ti]!.text);
      if (list.length === 0) continue;
      const sentence = tokens[ti]!.sentence;
      for (const c of list) {
        // the first word already matched: continue from its continuations
        const end = matchKids(c.root, tokens, ti + 1, sentence);
        if (end > ti) out.push({ entry: c.entry, fromTok: ti, toTok: end, choices: lastChoices });
      }
    }
    return out;
  }
}
