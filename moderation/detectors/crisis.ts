/**
 * Crisis detector: phrase signals from the lexicons, then context rules (idiom vetoes,
 * negation, recovered past, educational talk, quotes, laughter) and raising modifiers
 * (time, plan, means). Returns findings with levels and rule ids; no user text leaves here.
 */
import { CRISIS_MATCHER, phraseHasNegation } from "../lexicon/crisis-lexicon.ts";
import type { CrisisEntry, CueRole, SignalEntry } from "../lexicon/crisis-types.ts";
import type { PhraseMatch } from "../lexicon/matcher.ts";
import type { Token } from "../lexicon/tokens.ts";
import { type Normalized, toOriginal } from "../normalize/normalize.ts";
import type { CrisisCategory, CrisisLevel, Finding } from "../types.ts";
import { quotedRanges } from "./quotes.ts";

/** The crisis part of a verdict. */
export interface CrisisResult {
  level: CrisisLevel;
  category: CrisisCategory | null;
  findings: Finding[];
}

const PRIORITY: readonly CrisisCategory[] = ["overdose", "self_harm", "harm_others", "abuse", "relapse"];
const LAUGH_EMOJI = /[\u{1F602}\u{1F923}\u{1F480}\u{1F606}\u{1F605}\u{1F61C}\u{1F92A}]/u;

const NO_CUES: PhraseMatch<CrisisEntry>[] = [];

type Sig = PhraseMatch<SignalEntry> & { level: CrisisLevel; category: CrisisCategory };

const overlaps = (a: { fromTok: number; toTok: number }, b: { fromTok: number; toTok: number }): boolean =>
  a.fromTok < b.toTok && b.fromTok < a.toTok;

/** Runs the crisis lexicons and context rules over a normalized message. */
export function detectCrisis(original: string, norm: Normalized, tokens: readonly Token[]): CrisisResult {
  const matches = CRISIS_MATCHER.find(tokens);
  const cues = new Map<CueRole, PhraseMatch<CrisisEntry>[]>();
  const signals: Sig[] = [];
  for (const m of matches) {
    if (m.entry.kind === "signal")
      signals.push({ ...(m as PhraseMatch<SignalEntry>), level: m.entry.level, category: m.entry.category });
    else {
      const list = cues.get(m.entry.role);
      if (list) list.push(m);
      else cues.set(m.entry.role, [m]);
    }
  }
  if (signals.length === 0) return { level: 0, category: null, findings: [] };
  const cue = (r: CueRole): PhraseMatch<CrisisEntry>[] => cues.get(r) ?? [];
  const sentenceOf = (ti: number): number => tokens[Math.min(ti, tokens.length - 1)]!.sentence;
  // context lookups stay local (sentence sets, token windows found by binary search), so a long
  // message full of signals and cues costs n log n, not signals x cues
  const sentences = new Map<CueRole, Set<number>>();
  let maxSpan = 0;
  for (const [role, list] of cues) {
    const set = new Set<number>();
    for (const c of list) {
      set.add(sentenceOf(c.fromTok));
      if (c.toTok - c.fromTok > maxSpan) maxSpan = c.toTok - c.fromTok;
    }
    sentences.set(role, set);
  }
  const inSentence = (r: CueRole, s: Sig): boolean => sentences.get(r)?.has(sentenceOf(s.fromTok)) ?? false;
  /** Cues of role `r` that start in tokens [lo, hi), in order. */
  const near = (r: CueRole, lo: number, hi: number): PhraseMatch<CrisisEntry>[] => {
    const list = cues.get(r);
    if (!list) return NO_CUES;
    let l = 0;
    let h = list.length;
    while (l < h) {
      const mid = (l + h) >> 1;
      if (list[mid]!.fromTok < lo) l = mid + 1;
      else h = mid;
    }
    let z = l;
    while (z < list.length && list[z]!.fromTok < hi) z++;
    return z === l ? NO_CUES : list.slice(l, z);
  };
  const laughing = cue("laugh").length > 0 || LAUGH_EMOJI.test(original);
  const quotes = /["'“‘«]/.test(original) ? quotedRanges(original) : [];

  const kept = signals.filter((s) => {
    if (near("veto", s.fromTok - maxSpan, s.toTok).some((v) => overlaps(v, s))) return false;
    const ownNeg = phraseHasNegation(s.entry.phrase);
    const negated =
      !inSentence("unnegate", s) &&
      near("negation", s.fromTok - 3, s.toTok).some(
        (n) =>
          (n.toTok <= s.fromTok || (!ownNeg && n.fromTok < s.toTok)) &&
          !hasBreakBetween(norm.text, tokens, n.fromTok, s.fromTok),
      );
    if (negated) return false;
    if (s.entry.flags.has("hyper") && laughing) return false;
    const firm = s.entry.flags.has("firm");
    const own = s.entry.category === "self_harm" || s.entry.category === "relapse";
    if (
      !firm &&
      own &&
      near("third_subject", s.fromTok - 1 - maxSpan, s.fromTok).some(
        (t) => t.toTok <= s.fromTok && t.toTok >= s.fromTok - 1,
      )
    )
      return false;
    if (inSentence("educational", s)) return false;
    // a screening question answered no after the signal: "asked if i ever had thoughts of..., i said no"
    if (
      !firm &&
      inSentence("denial", s) &&
      cue("denial").some((d) => d.fromTok >= s.toTok && sentenceOf(d.fromTok) === sentenceOf(s.fromTok))
    )
      return false;
    // the clean time named by an after-abstinence signal ("8 months sober gone") is not a recovered past
    if (inSentence("past", s) && !inSentence("present", s)) {
      if (!s.entry.flags.has("after_clean")) return false;
      const sentence = sentenceOf(s.fromTok);
      if (cue("past").some((c) => sentenceOf(c.fromTok) === sentence && !overlaps(c, s))) return false;
    }
    const span = toOriginal(norm, tokens[s.fromTok]!.from, tokens[s.toTok - 1]!.to);
    if (quotes.length && quotes.some(([a, b]) => span.start >= a && span.end <= b)) return false;
    return true;
  });
  if (kept.length === 0) return { level: 0, category: null, findings: [] };

  // raise: time, plan and means words weigh more than feelings (DESIGN.md)
  const now = cue("time_now").length > 0;
  const later = cue("time_later").length > 0;
  const plan = cue("plan").length > 0;
  const means = cue("means").length > 0;
  const odRisk = cue("od_risk").length > 0;
  const intox = cue("intox").length > 0;
  for (const s of kept) {
    const c = s.entry.category;
    // use after clean time with lost tolerance is an overdose risk, not only a relapse
    if (odRisk && s.entry.flags.has("after_clean")) {
      s.level = 2;
      s.category = "overdose";
      continue;
    }
    if (c === "relapse" || c === "abuse") continue;
    const intent = s.entry.flags.has("intent");
    let lvl: number = s.level;
    if ((plan || means) && (lvl >= 2 || (intent && c === "harm_others"))) lvl = Math.max(lvl, 3);
    if (later && intent && lvl >= 2) lvl = Math.max(lvl, 3);
    if (now && (intent || lvl >= 3) && lvl >= 2) lvl = 4;
    else if (now && lvl === 2) lvl = 3;
    if (intox && c === "self_harm" && lvl === 2) lvl = 3;
    s.level = lvl as CrisisLevel;
  }

  let best: Sig | undefined;
  for (const s of kept) {
    if (
      !best ||
      s.level > best.level ||
      (s.level === best.level && PRIORITY.indexOf(s.category) < PRIORITY.indexOf(best.category))
    )
      best = s;
  }
  const findings: Finding[] = kept.map((s) => {
    const { start, end } = toOriginal(norm, tokens[s.fromTok]!.from, tokens[s.toTok - 1]!.to);
    return { kind: "crisis", type: s.category, severity: s.level, start, end, rule: s.entry.id };
  });
  return { level: best!.level, category: best!.category, findings };
}

/** A comma, colon or dash between a negation and its signal ends the negation's reach. */
function hasBreakBetween(text: string, tokens: readonly Token[], a: number, b: number): boolean {
  if (a >= b) return false;
  const from = tokens[a]!.to;
  const to = tokens[b]!.from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === "," || c === ":" || c === "—" || c === "(" || c === ")") return true;
  }
  return false;
}
