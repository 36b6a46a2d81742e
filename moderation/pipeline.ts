/**
 * The moderation pipeline: normalize -> detectors (crisis, privacy, solicitation, keywords)
 * -> policy -> Verdict. Pure and synchronous; the server enforces the verdict elsewhere.
 */
import { detectCrisis } from "./detectors/crisis.ts";
import { detectPrivacy } from "./detectors/privacy/index.ts";
import { detectSolicitation } from "./detectors/solicitation.ts";
import { splitRunTogether } from "./lexicon/segment.ts";
import { tokenize } from "./lexicon/tokens.ts";
import { modelWords } from "./model/words.ts";
import { normalize } from "./normalize/normalize.ts";
import { digitView, plainView } from "./normalize/plain.ts";
import { defaultPolicy } from "./policy/defaults.ts";
import { detectKeywords } from "./policy/keywords.ts";
import type { Policy, Verdict } from "./types.ts";
import { decide } from "./verdict.ts";

const GROUP = defaultPolicy("group");

/** Longest text judged; the server's schema caps messages well below this, so it is a safety net. */
export const MAX_TEXT = 20_000;

/**
 * Judges one message under a policy (default: a `group` room). Deterministic, no I/O, never
 * throws for any string. Spans in the verdict index the text as given.
 */
export function moderate(text: string, policy: Policy = GROUP): Verdict {
  const src = typeof text === "string" ? text : String(text ?? "");
  // beyond the cap the tail is judged as withheld: it is neither scanned nor shown
  const judged = src.length > MAX_TEXT ? src.slice(0, MAX_TEXT) : src;
  const norm = normalize(judged);
  const tokens = tokenize(norm.text);
  const plain = plainView(judged);
  const disabled = policy.privacy.disabled;
  const found = detectPrivacy({ original: judged, plain, digits: digitView(plain.text), norm, tokens });
  const privacy = disabled.length ? found.filter((f) => !disabled.includes(f.type as never)) : found;
  // run-together words split for the lexicon detectors; privacy and keywords see words as typed.
  // The learned stage reads the words with every privacy span masked (found, not only redacted).
  const words = splitRunTogether(tokens);
  const model = policy.crisis.model ? { words: modelWords(norm, words, found) } : null;
  const crisis = detectCrisis(judged, norm, words, model);
  const solicitation = detectSolicitation(judged, norm, words, privacy);
  const keywords = detectKeywords(policy.keywords, norm, tokens);
  return decide(judged, policy, crisis, privacy, solicitation, keywords);
}
