/**
 * Public API of the moderation engine: `moderate(text, policy?)`, policy resolution and types.
 * Imports nothing from server/ and does no I/O.
 */
export { moderate } from "./pipeline.ts";
export { defaultPolicy, PLACEHOLDERS } from "./policy/defaults.ts";
export { PolicyError, resolvePolicy } from "./policy/resolve.ts";
export type {
  Action,
  CrisisCategory,
  CrisisLevel,
  CrisisPolicy,
  Finding,
  KeywordPolicy,
  Policy,
  PolicyKind,
  PrivacyType,
  Verdict,
} from "./types.ts";
