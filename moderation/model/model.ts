/**
 * The learned crisis stage: a hashed linear classifier scored over sliding token windows (so a
 * signal in the middle of a long post is found), with a small softmax over categories. Weights
 * are data imported from weights.ts (written by `npm run train:moderation`): no I/O at run time.
 */
import type { CrisisCategory } from "../types.ts";
import { CATEGORY_MASK, DIM_MASK, featureNames, forEachFeature, STRIDE, WINDOW } from "./features.ts";
import { WEIGHTS } from "./weights.ts";

/** Versioned rule id of every model finding: a new model with other behaviour gets a new id. */
export const MODEL_RULE = "crisis.model.v1";
export const CATEGORIES: readonly CrisisCategory[] = [
  "self_harm",
  "overdose",
  "harm_others",
  "abuse",
  "relapse",
];

/** Trained parameters, as the trainer writes them. */
export interface ModelWeights {
  readonly bias: number;
  /** Escalate weights, 2^DIM_BITS. */
  readonly w: Float32Array;
  /** Category weights, CATEGORIES.length x 2^CATEGORY_BITS, and their biases. */
  readonly cw: Float32Array;
  readonly cb: Float32Array;
  /** Probability at or above which a window counts (chosen by cross-validation). */
  readonly threshold: number;
}

/** The best window of a message. `from`/`to` index the tokens given. */
export interface ModelWindow {
  readonly p: number;
  readonly from: number;
  readonly to: number;
  /** The token whose features weigh most in the window (negation is checked against it). */
  readonly peak: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

// reused per call (moderate() is synchronous)
let SUM = new Float64Array(0);
let CNT = new Int32Array(0);
let TOK = new Float64Array(0);
let COUNTS = new Int32Array(0);

/** Escalate logit of a window: bias + (sum of its feature weights) / sqrt(feature count). */
function windowLogit(m: ModelWeights, a: number, b: number): number {
  const n = CNT[b]! - CNT[a]!;
  return n === 0 ? -Infinity : m.bias + (SUM[b]! - SUM[a]!) / Math.sqrt(n);
}

/** Scores every window of `words` and returns the best one, or null for an empty message. */
export function scoreWindows(words: readonly string[], m: ModelWeights = WEIGHTS): ModelWindow | null {
  const n = words.length;
  if (n === 0) return null;
  if (SUM.length < n + 1) {
    SUM = new Float64Array(n + 1);
    CNT = new Int32Array(n + 1);
    TOK = new Float64Array(n + 1);
    COUNTS = new Int32Array(n + 1);
  }
  TOK.fill(0, 0, n);
  COUNTS.fill(0, 0, n);
  forEachFeature(words, (i, h) => {
    TOK[i]! += m.w[h & DIM_MASK]!;
    COUNTS[i]!++;
  });
  SUM[0] = 0;
  CNT[0] = 0;
  for (let i = 0; i < n; i++) {
    SUM[i + 1] = SUM[i]! + TOK[i]!;
    CNT[i + 1] = CNT[i]! + COUNTS[i]!;
  }
  let best = -Infinity;
  let from = 0;
  let to = n;
  if (n <= WINDOW) best = windowLogit(m, 0, n);
  else
    for (let a = 0; ; a += STRIDE) {
      const b = Math.min(n, a + WINDOW);
      const z = windowLogit(m, a, b);
      if (z > best) {
        best = z;
        from = a;
        to = b;
      }
      if (b === n) break;
    }
  let peak = from;
  for (let i = from; i < to; i++) if (TOK[i]! > TOK[peak]!) peak = i;
  return { p: sigmoid(best), from, to, peak };
}

/** The category of a window: asked only for a window that counts (it reads a second weight table). */
export function windowCategory(
  words: readonly string[],
  { from, to }: Pick<ModelWindow, "from" | "to">,
  m: ModelWeights = WEIGHTS,
): CrisisCategory {
  const k = CATEGORIES.length;
  const z = new Float64Array(k);
  let count = 0;
  forEachFeature(words.slice(Math.max(0, from - 2), to), (i, h) => {
    if (i < Math.min(from, 2)) return;
    count++;
    for (let c = 0; c < k; c++) z[c]! += m.cw[c * (CATEGORY_MASK + 1) + (h & CATEGORY_MASK)]!;
  });
  let arg = 0;
  for (let c = 0; c < k; c++) {
    z[c] = m.cb[c]! + z[c]! / Math.sqrt(Math.max(1, count));
    if (z[c]! > z[arg]!) arg = c;
  }
  return CATEGORIES[arg]!;
}

/** The features of the window that weigh most towards escalation, readable ("word:die"). */
export function topFeatures(
  words: readonly string[],
  from: number,
  to: number,
  k = 5,
  m: ModelWeights = WEIGHTS,
): string[] {
  const all: { name: string; weight: number }[] = [];
  for (let i = from; i < to; i++)
    for (const f of featureNames(words, i)) all.push({ name: f.name, weight: m.w[f.hash & DIM_MASK]! });
  all.sort((a, b) => b.weight - a.weight);
  const out: string[] = [];
  for (const f of all) {
    if (f.weight <= 0 || out.length >= k) break;
    if (!out.includes(f.name)) out.push(f.name);
  }
  return out;
}
