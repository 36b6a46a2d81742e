/**
 * Crisis detector: phrase signals from the lexicons, then context rules (idiom vetoes,
 * negation, recovered past, educational talk, quotes, laughter) and raising modifiers
 * (time, plan, means). Returns findings with levels and rule ids; no user text leaves here.
 */
import {
  AT_HAND,
  MEANS_COMMON,
  MEANS_LETHAL,
  PLACES,
  SAFE_WITH_MEANS,
  STOCKPILE,
} from "../lexicon/crisis-compose.ts";
import { CRISIS_MATCHER, phraseHasNegation } from "../lexicon/crisis-lexicon.ts";
import type { CrisisEntry, CueRole, SignalEntry } from "../lexicon/crisis-types.ts";
import type { PhraseMatch } from "../lexicon/matcher.ts";
import type { Token } from "../lexicon/tokens.ts";
import { MODEL_RULE, scoreWindows, topFeatures, windowCategory } from "../model/model.ts";
import { WEIGHTS } from "../model/weights.ts";
import { modelWords } from "../model/words.ts";
import { foldPhrase, type Normalized, toOriginal } from "../normalize/normalize.ts";
import type { CrisisCategory, CrisisLevel, Finding } from "../types.ts";
import { quotedRanges } from "./quotes.ts";
import type { Detector, Scan } from "./scan.ts";

/** The crisis part of a verdict. */
export interface CrisisResult {
  level: CrisisLevel;
  category: CrisisCategory | null;
  findings: Finding[];
}

const PRIORITY: readonly CrisisCategory[] = ["overdose", "self_harm", "harm_others", "abuse", "relapse"];
const LAUGH_EMOJI = /[\u{1F602}\u{1F923}\u{1F480}\u{1F606}\u{1F605}\u{1F61C}\u{1F92A}]/u;
const LAUGH_EMOJI_ALL = new RegExp(LAUGH_EMOJI.source, "gu");

const NO_CUES: PhraseMatch<CrisisEntry>[] = [];

const foldAll = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => foldPhrase(w)));
const LETHAL = foldAll(MEANS_LETHAL);
const COMMON = foldAll(MEANS_COMMON);
const HAND = foldAll(AT_HAND);
const STOCK = foldAll(STOCKPILE);
const PLACE = foldAll(PLACES);
const SAFE = foldAll(SAFE_WITH_MEANS);
/** The writer as subject or owner: "i", "im", "ive", "ill" (folded "il"), "my", "me", Spanish "yo", "mi". */
const FIRST_PERSON = foldAll([
  "i",
  "im",
  "ive",
  "id",
  "ill",
  "me",
  "my",
  "myself",
  "mine",
  "yo",
  "mi",
  "mis",
  "me",
]);
/** Words that open a new clause: a cue before them does not govern a signal after them. */
const OPENERS = foldAll(
  ["but", "though", "although", "however", "except", "yet", "anyway", "anyways", "now", "nowadays"].concat([
    "pero",
    "aunque",
    "ahora",
  ]),
);
/** An opener right after these words belongs to the phrase before it ("years ago now", "right now"). */
const NOT_OPENING_AFTER = foldAll([
  "ago",
  "right",
  "just",
  "until",
  "since",
  "by",
  "from",
  "even",
  "and",
  "y",
]);
/** Punctuation between two words that ends a clause (sentence ends are already sentence breaks). */
function clauseBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 58 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013) return true;
    if (c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) return true;
  }
  return false;
}
/** How far (in words) a recovered-past or educational cue reaches inside its clause. */
const PAST_REACH = 10;
/** How far a laugh reaches across a clause break: "kms, lol". */
const LAUGH_REACH = 3;
/** The window (in words, either side) in which a means and its readiness compose. */
const COMPOSE_REACH = 6;

/**
 * Clause number of every token: a new clause at each sentence break, at a comma, colon, dash or
 * parenthesis between words, and at an opener ("but", "now", "pero"), so that a cue such as
 * "used to" or "lol" governs the clause it is in, not a whole unpunctuated post.
 */
function clauseIds(text: string, tokens: readonly Token[]): Int32Array {
  const out = new Int32Array(tokens.length);
  let c = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    if (
      t.sentence !== prev.sentence ||
      (OPENERS.has(t.text) && !NOT_OPENING_AFTER.has(prev.text)) ||
      clauseBreakBetween(text, prev.to, t.from)
    )
      c++;
    out[i] = c;
  }
  return out;
}

/** Indices of tokens that a laughing emoji sits right after (or token 0 when it opens the message). */
function laughEmojiTokens(text: string, tokens: readonly Token[]): number[] {
  if (!LAUGH_EMOJI.test(text)) return [];
  const out: number[] = [];
  let k = 0;
  for (const m of text.matchAll(LAUGH_EMOJI_ALL)) {
    while (k + 1 < tokens.length && tokens[k + 1]!.from <= m.index) k++;
    out.push(k);
  }
  return out;
}

type Sig = PhraseMatch<SignalEntry> & { level: CrisisLevel; category: CrisisCategory };

/** The entry a composed finding reports (its rule id). */
const COMPOSED: SignalEntry = {
  kind: "signal",
  id: "crisis.self_harm.means_at_hand",
  category: "self_harm",
  level: 3,
  phrase: "",
  flags: new Set(),
};

const overlaps = (a: { fromTok: number; toTok: number }, b: { fromTok: number; toTok: number }): boolean =>
  a.fromTok < b.toTok && b.fromTok < a.toTok;

/** What the learned stage reads: the tokens' words with privacy spans masked (model/words.ts). */
interface ModelInput {
  readonly words: readonly string[];
}

const PLAIN = (scan: Scan): Finding[] => judgeCrisis(scan.original, scan.norm, scan.words, null).findings;
const WITH_MODEL = (scan: Scan): Finding[] =>
  judgeCrisis(scan.original, scan.norm, scan.words, { words: modelWords(scan.norm, scan.words, scan.found) })
    .findings;

/** The crisis detector, with or without the learned stage (the policy's `crisis.model`). */
export function crisisDetector(model: boolean): Detector {
  return model ? WITH_MODEL : PLAIN;
}

/**
 * A message's crisis level and category from its crisis findings: the highest level, and among
 * equals the category that matters most (an overdose before self-harm before the rest).
 */
export function crisisOf(findings: readonly Finding[]): {
  level: CrisisLevel;
  category: CrisisCategory | null;
} {
  let best: Finding | undefined;
  for (const f of findings) {
    if (f.kind !== "crisis") continue;
    if (
      !best ||
      f.severity > best.severity ||
      (f.severity === best.severity &&
        PRIORITY.indexOf(f.type as CrisisCategory) < PRIORITY.indexOf(best.type as CrisisCategory))
    )
      best = f;
  }
  return best ? { level: best.severity as CrisisLevel, category: best.type as CrisisCategory } : NONE;
}
const NONE = { level: 0 as CrisisLevel, category: null };

/** The lexicon's signals and its context cues by role, in token order. */
function lexiconMatches(tokens: readonly Token[]): {
  signals: Sig[];
  cues: Map<CueRole, PhraseMatch<CrisisEntry>[]>;
} {
  const cues = new Map<CueRole, PhraseMatch<CrisisEntry>[]>();
  const signals: Sig[] = [];
  for (const m of CRISIS_MATCHER.find(tokens)) {
    if (m.entry.kind === "signal")
      signals.push({ ...(m as PhraseMatch<SignalEntry>), level: m.entry.level, category: m.entry.category });
    else {
      const list = cues.get(m.entry.role);
      if (list) list.push(m);
      else cues.set(m.entry.role, [m]);
    }
  }
  return { signals, cues };
}

/**
 * Whether the rules' context would silence the learned stage on a window (see withModel), for
 * the trainer, which must judge its held-out folds as the pipeline will.
 */
export function modelVeto(
  original: string,
  norm: Normalized,
  tokens: readonly Token[],
): (w: { from: number; to: number; peak: number }, category: CrisisCategory) => boolean {
  const ctx = buildContext(original, norm, tokens, lexiconMatches(tokens).cues);
  return (w, category) => modelSilenced(ctx, tokens, w, category);
}

/**
 * Runs the crisis lexicons and context rules over a normalized message, then, when `model` is
 * given and the rules found less than ideation, the learned stage: it may raise the message to
 * level 2 (never higher: levels 3 and 4 need rule evidence), never where the rules' context (a
 * negation, an idiom, laughter, topic talk, a recovered past, a quotation) governs the word it
 * weighs most, and its finding carries the window's span and features.
 */
function judgeCrisis(
  original: string,
  norm: Normalized,
  tokens: readonly Token[],
  model: ModelInput | null = null,
): CrisisResult {
  const { signals, cues } = lexiconMatches(tokens);
  let ctx: Context | undefined;
  const context = (): Context => {
    ctx ??= buildContext(original, norm, tokens, cues);
    return ctx;
  };
  const done = (r: CrisisResult): CrisisResult => (model ? withModel(r, model, norm, tokens, context) : r);
  // most messages hold neither a signal nor a means word: no rule below can fire
  if (signals.length === 0 && !tokens.some((t) => LETHAL.has(t.text) || COMMON.has(t.text)))
    return done({ level: 0, category: null, findings: [] });
  const {
    cue,
    near,
    cl,
    sentenceOf,
    inSentence,
    laughing,
    pastGoverns,
    thirdSubject,
    negated,
    educational,
    quoted,
    maxSpan,
  } = context();

  const kept = signals.filter((s) => {
    if (near("veto", s.fromTok - maxSpan, s.toTok).some((v) => overlaps(v, s))) return false;
    if (negated(s, phraseHasNegation(s.entry.phrase))) return false;
    if (s.entry.flags.has("hyper") && laughing(s)) return false;
    const firm = s.entry.flags.has("firm");
    const own = s.entry.category === "self_harm" || s.entry.category === "relapse";
    if (!firm && own && thirdSubject(s)) return false;
    if (educational(s)) return false;
    // a screening question answered no after the signal: "asked if i ever had thoughts of..., i said no"
    if (
      !firm &&
      inSentence("denial", s) &&
      cue("denial").some((d) => d.fromTok >= s.toTok && sentenceOf(d.fromTok) === sentenceOf(s.fromTok))
    )
      return false;
    // the clean time named by an after-abstinence signal ("8 months sober gone") is not a recovered past
    if (pastGoverns(s, s.entry.flags.has("after_clean"))) return false;
    if (quoted(s)) return false;
    return true;
  });

  // level 3 by composition: a means at hand in the writer's own clause (crisis-compose.ts)
  const distressed = kept.some((s) => s.category === "self_harm" && !s.entry.flags.has("prep"));
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.text;
    const lethal = LETHAL.has(w);
    if (!lethal && !COMMON.has(w)) continue;
    const c = cl(i);
    let hand = false;
    let stock = false;
    let mine = false;
    let from = i;
    let to = i + 1;
    for (let k = Math.max(0, i - COMPOSE_REACH); k < Math.min(tokens.length, i + COMPOSE_REACH + 1); k++) {
      if (cl(k) !== c) continue;
      const t = tokens[k]!.text;
      if (SAFE.has(t)) {
        hand = stock = false;
        break;
      }
      const h = HAND.has(t) || PLACE.has(t);
      const st = STOCK.has(t);
      if (h || st) {
        hand ||= h;
        stock ||= st;
        from = Math.min(from, k);
        to = Math.max(to, k + 1);
      }
      if (FIRST_PERSON.has(t)) mine = true;
    }
    if (!mine || !(hand || stock)) continue;
    if (!(lethal && hand) && !stock && !distressed) continue;
    const span = { fromTok: from, toTok: to };
    if (
      negated(span, false) ||
      thirdSubject(span) ||
      educational(span) ||
      pastGoverns(span, false) ||
      quoted(span)
    )
      continue;
    kept.push({
      entry: COMPOSED,
      fromTok: from,
      toTok: to,
      choices: [],
      level: 3,
      category: "self_harm",
    });
    i = to;
  }
  // a preparation act that needs company (a date picked, a will) counts beside distress or means
  const preps = new Set(kept.filter((s) => s.entry.flags.has("prep")).map((s) => s.entry.id));
  const company =
    preps.size >= 2 || kept.some((s) => !s.entry.flags.has("prep") && s.category === "self_harm");
  for (let k = kept.length - 1; k >= 0; k--)
    if (kept[k]!.entry.flags.has("prep") && !company) kept.splice(k, 1);
  if (kept.length === 0) return done({ level: 0, category: null, findings: [] });

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
  return done({ level: best!.level, category: best!.category, findings });
}

/** The context rules over one message's cues, shared by the lexicon signals and the learned stage. */
type Context = ReturnType<typeof buildContext>;

function buildContext(
  original: string,
  norm: Normalized,
  tokens: readonly Token[],
  cues: ReadonlyMap<CueRole, PhraseMatch<CrisisEntry>[]>,
) {
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
  const clause = clauseIds(norm.text, tokens);
  const cl = (ti: number): number => clause[Math.min(ti, tokens.length - 1)]!;
  type Span = { fromTok: number; toTok: number };
  /** Words between two spans (0 when they touch or overlap). */
  const distance = (a: Span, b: Span): number => Math.max(0, a.fromTok - b.toTok, b.fromTok - a.toTok);
  const sameClause = (a: Span, b: Span): boolean => cl(a.fromTok) === cl(b.fromTok);
  const laughTokens = laughEmojiTokens(norm.text, tokens);
  /** Laughter in the signal's clause, or a few words away in its sentence ("kms, lol"). */
  const laughing = (s: Span): boolean =>
    cue("laugh").some(
      (l) =>
        sameClause(l, s) ||
        (sentenceOf(l.fromTok) === sentenceOf(s.fromTok) && distance(l, s) <= LAUGH_REACH),
    ) ||
    laughTokens.some(
      (k) =>
        cl(k) === cl(s.fromTok) ||
        (sentenceOf(k) === sentenceOf(s.fromTok) && distance({ fromTok: k, toTok: k + 1 }, s) <= LAUGH_REACH),
    );
  const inClause = (r: CueRole, s: Span): boolean => cue(r).some((c) => sameClause(c, s));
  /** A recovered past near the signal in its clause, not cancelled by "again", "lately", "tonight". */
  const pastGoverns = (s: Span, excludeOverlap: boolean): boolean =>
    !inClause("present", s) &&
    !inClause("time_now", s) &&
    cue("past").some(
      (c) => sameClause(c, s) && distance(c, s) <= PAST_REACH && !(excludeOverlap && overlaps(c, s)),
    );
  /** The nearest subject before the signal in its clause is someone else ("my brother really wants to..."). */
  const thirdSubject = (s: Span): boolean => {
    for (let k = s.fromTok; k < s.toTok; k++) if (FIRST_PERSON.has(tokens[k]!.text)) return false;
    const thirdEnds = new Set(
      near("third_subject", s.fromTok - 8 - maxSpan, s.fromTok).map((t) => t.toTok - 1),
    );
    for (let k = s.fromTok - 1; k >= 0 && k >= s.fromTok - 8 && cl(k) === cl(s.fromTok); k--) {
      if (FIRST_PERSON.has(tokens[k]!.text)) return false;
      if (thirdEnds.has(k)) return true;
    }
    return false;
  };
  /** Negation that governs the signal: a few words before it (or inside it), in its clause. */
  const negated = (s: Span, ownNeg: boolean): boolean =>
    !inClause("unnegate", s) &&
    near("negation", s.fromTok - 3, s.toTok).some(
      (n) =>
        (n.toTok <= s.fromTok || (!ownNeg && n.fromTok < s.toTok)) &&
        sameClause(n, s) &&
        !hasBreakBetween(norm.text, tokens, n.fromTok, s.fromTok),
    );
  /** The writer speaks in the first person in the clause of `s`. */
  const firstPersonClause = (s: Span): boolean => {
    const c = cl(s.fromTok);
    for (let k = s.fromTok; k >= 0 && cl(k) === c; k--) if (FIRST_PERSON.has(tokens[k]!.text)) return true;
    for (let k = s.fromTok + 1; k < tokens.length && cl(k) === c; k++)
      if (FIRST_PERSON.has(tokens[k]!.text)) return true;
    return false;
  };
  /**
   * Talk about the topic in the signal's clause, or anywhere in a post whose first sentence frames it
   * as topic talk when the signal's clause is not the writer speaking; across a comma in its sentence only when the
   * signal's own clause is not the writer speaking ("book club, heavy stuff about suicide" is
   * topic talk; "a class on coping today, honestly i want to die" is not).
   */
  const framed = cue("frame").some((f) => sentenceOf(f.fromTok) === 0);
  const educational = (s: Span): boolean =>
    (framed && !firstPersonClause(s)) ||
    cue("educational").some(
      (c) =>
        sameClause(c, s) ||
        (sentenceOf(c.fromTok) === sentenceOf(s.fromTok) && distance(c, s) <= 6 && !firstPersonClause(s)),
    );
  const quotes = /["'“‘«]/.test(original) ? quotedRanges(original) : [];
  const quoted = (s: Span): boolean => {
    if (quotes.length === 0) return false;
    const span = toOriginal(norm, tokens[s.fromTok]!.from, tokens[s.toTok - 1]!.to);
    return quotes.some(([a, b]) => span.start >= a && span.end <= b);
  };

  return {
    cue,
    near,
    cl,
    sentenceOf,
    inSentence,
    sameClause,
    laughing,
    pastGoverns,
    thirdSubject,
    negated,
    educational,
    quoted,
    maxSpan,
  };
}

/**
 * The learned stage beside the rules (see judgeCrisis). The rules' context still judges the
 * model's best window: around its peak word, an idiom veto or laughter in the clause, a negation,
 * topic talk, a recovered past or a quotation keep it silent, as they would a lexicon signal.
 */
function withModel(
  rules: CrisisResult,
  model: ModelInput,
  norm: Normalized,
  tokens: readonly Token[],
  context: () => Context,
): CrisisResult {
  if (rules.level >= 2 || tokens.length === 0) return rules;
  const w = scoreWindows(model.words);
  if (!w || w.p < WEIGHTS.threshold) return rules;
  // the context is built only for the few messages the model would raise
  const category = windowCategory(model.words, w);
  if (modelSilenced(context(), tokens, w, category)) return rules;
  const { start, end } = toOriginal(norm, tokens[w.from]!.from, tokens[w.to - 1]!.to);
  const finding: Finding = {
    kind: "crisis",
    type: category,
    severity: 2,
    start,
    end,
    rule: MODEL_RULE,
    features: topFeatures(model.words, w.from, w.to),
  };
  return { level: 2, category, findings: [...rules.findings, finding] };
}

/** The writer as a subject ("my" alone is an owner: "my brother wants to..." is the brother). */
const WRITER_SUBJECT = foldAll(["i", "im", "ive", "id", "ill", "me", "myself", "yo"]);

/** A window that names someone else ("he", "my brother") and never the writer as a subject. */
function aboutSomeoneElse(ctx: Context, tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (WRITER_SUBJECT.has(tokens[k]!.text)) return false;
  return ctx.near("third_subject", from - ctx.maxSpan, to).some((c) => c.fromTok >= from);
}

/**
 * The rules' context speaks against a model window: at its peak word, an idiom veto or laughter
 * in the clause, a negation, topic talk, a recovered past or a quotation; and for the writer's own
 * categories, a window about someone else (as for a lexicon signal).
 */
function modelSilenced(
  ctx: Context,
  tokens: readonly Token[],
  w: { from: number; to: number; peak: number },
  category: CrisisCategory,
): boolean {
  const own = category === "self_harm" || category === "relapse";
  if (own && aboutSomeoneElse(ctx, tokens, w.from, w.to)) return true;
  const s = { fromTok: w.peak, toTok: w.peak + 1 };
  return (
    ctx.cue("veto").some((v) => ctx.sameClause(v, s)) ||
    ctx.negated(s, false) ||
    ctx.laughing(s) ||
    ctx.educational(s) ||
    ctx.pastGoverns(s, false) ||
    ctx.quoted(s)
  );
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
