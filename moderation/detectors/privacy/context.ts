/**
 * What every privacy detector receives: the pipeline's scan of the message (detectors/scan.ts).
 */
import { plainToOriginal } from "../../normalize/plain.ts";
import type { Finding, PrivacyType } from "../../types.ts";
import type { Scan } from "../scan.ts";

/** The privacy detectors read the views of the scan; `found` and `privacy` are still empty. */
export type PrivacyInput = Scan;

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
