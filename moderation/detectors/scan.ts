/**
 * What every detector reads: one message, normalized once by the pipeline, and the one signature
 * every detector has (a scan in, findings out). Detectors that a policy configures (the crisis
 * detector's learned stage, a room's keywords) are made by a factory that returns a Detector.
 */
import type { Token } from "../lexicon/tokens.ts";
import type { Normalized } from "../normalize/normalize.ts";
import type { PlainView } from "../normalize/plain.ts";
import type { Finding } from "../types.ts";

export interface Scan {
  readonly original: string;
  readonly norm: Normalized;
  /** Tokens as typed (privacy and keywords read these). */
  readonly tokens: readonly Token[];
  /** Tokens with run-together words split ("iwanttodie"): what the lexicon detectors read. */
  readonly words: readonly Token[];
  readonly plain: PlainView;
  /** The plain view with digit look-alikes folded; same length and map as `plain`. */
  readonly digits: string;
  /** Every privacy span found, whatever the policy disables (the learned stage masks them all). */
  readonly found: readonly Finding[];
  /** The privacy findings the policy keeps (solicitation reads contact details from these). */
  readonly privacy: readonly Finding[];
}

export type Detector = (scan: Scan) => Finding[];
