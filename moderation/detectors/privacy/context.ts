/**
 * What every privacy detector receives: the original text and its views, computed once.
 */
import type { Token } from "../../lexicon/tokens.ts";
import type { Normalized } from "../../normalize/normalize.ts";
import { type PlainView, plainToOriginal } from "../../normalize/plain.ts";
import type { Finding, PrivacyType } from "../../types.ts";

/** Views of one message shared by the privacy detectors. */
export interface PrivacyInput {
  readonly original: string;
  readonly plain: PlainView;
  /** The plain view with digit look-alikes folded; same length and map as `plain`. */
  readonly digits: string;
  readonly norm: Normalized;
  readonly tokens: readonly Token[];
}

/** Builds a privacy finding from a range of the plain view. */
export function plainFinding(
  input: PrivacyInput,
  type: PrivacyType,
  from: number,
  to: number,
  rule: string,
  severity = 2,
): Finding {
  const { start, end } = plainToOriginal(input.plain, from, to);
  return { kind: "privacy", type, severity, start, end, rule: `privacy.${type}.${rule}` };
}

/** True when any of `words` appears as a whole word within `window` chars before `at`. */
export function contextBefore(text: string, at: number, window: number, words: RegExp): boolean {
  return words.test(text.slice(Math.max(0, at - window), at));
}
