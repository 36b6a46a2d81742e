/**
 * The moderation pipeline: normalize -> detectors (crisis, privacy, solicitation, keywords)
 * -> policy -> Verdict. Pure and synchronous; the server enforces the verdict elsewhere.
 */
import { crisisDetector } from "./detectors/crisis.ts";
import { detectPrivacy } from "./detectors/privacy/index.ts";
import type { Scan } from "./detectors/scan.ts";
import { detectSolicitation } from "./detectors/solicitation.ts";
import { splitRunTogether } from "./lexicon/segment.ts";
import { tokenize } from "./lexicon/tokens.ts";
import { normalize } from "./normalize/normalize.ts";
import { digitView, plainView } from "./normalize/plain.ts";
import { defaultPolicy } from "./policy/defaults.ts";
import { keywordDetector } from "./policy/keywords.ts";
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
  const scan = scanMessage(judged, policy);
  const crisis = crisisDetector(policy.crisis.model)(scan);
  const solicitation = detectSolicitation(scan);
  const keywords = keywordDetector(policy.keywords)(scan);
  return decide(judged, policy, crisis, scan.privacy, solicitation, keywords);
}

/**
 * What every detector reads (detectors/scan.ts): the views of `text`, computed once, and its
 * privacy spans, those the policy disables left out of `privacy` but kept in `found`.
 */
export function scanMessage(text: string, policy: Policy = GROUP): Scan {
  const norm = normalize(text);
  const tokens = tokenize(norm.text);
  const plain = plainView(text);
  // run-together words split for the lexicon detectors; privacy and keywords see words as typed
  const base: Scan = {
    original: text,
    norm,
    tokens,
    words: splitRunTogether(tokens),
    plain,
    digits: digitView(plain.text),
    found: [],
    privacy: [],
  };
  const found = detectPrivacy(base);
  const disabled = policy.privacy.disabled;
  const privacy = disabled.length ? found.filter((f) => !disabled.includes(f.type as never)) : found;
  // the learned stage reads the words with every privacy span masked (found, not only redacted)
  return { ...base, found, privacy };
}
