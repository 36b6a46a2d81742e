/**
 * The moderation contract: what `moderate()` returns and the policy it applies.
 * Pure data; the server enforces a Verdict in one place and never re-judges.
 */

export type PolicyKind = "group" | "social" | "buddy" | "forum";
export type Action = "allow" | "redact" | "hold" | "block";
export type CrisisLevel = 0 | 1 | 2 | 3 | 4;
export type CrisisCategory = "self_harm" | "overdose" | "harm_others" | "abuse" | "relapse";
export type PrivacyType =
  | "phone"
  | "email"
  | "address"
  | "ssn"
  | "card"
  | "handle"
  | "url"
  | "dob"
  | "ip"
  | "name";

/** One reason the pipeline found, with its span into the ORIGINAL text (JS string indices, end exclusive). */
export interface Finding {
  kind: "crisis" | "privacy" | "solicitation" | "custom";
  /** crisis: its category; privacy: its PrivacyType; solicitation: "off_platform" | "private_meeting"; custom: "keyword". */
  type: string;
  /** crisis: the level 0..4; privacy and others: 1 (low) .. 3 (high). */
  severity: number;
  start: number;
  end: number;
  /** The id of the lexicon entry or pattern that fired, e.g. "crisis.self_harm.kms" or "privacy.phone.libphonenumber". */
  rule: string;
  /** Learned-stage findings (`crisis.model.v1`): the features of the window that weighed most, readable ("word:die"). */
  features?: string[];
}

export interface Verdict {
  action: Action;
  crisis: { level: CrisisLevel; category: CrisisCategory | null };
  privacy: Finding[];
  solicitation: boolean;
  /** Every finding of every detector, sorted by start. */
  findings: Finding[];
  /** The text as other participants would see it: privacy spans replaced by `[phone]`, `[email]`, ... */
  redacted: string;
  /** Short machine-readable reasons, no user text: "privacy:phone", "crisis:self_harm:3", "solicitation", "keyword". */
  reasons: string[];
  /** Send the author the private `support` event with crisis resources. */
  support: boolean;
  /** Open a case for a human (crisis level at or above the policy's case threshold). */
  escalate: boolean;
  /** Show it on the staff feed (any finding that the policy says staff should see). */
  flag: boolean;
}

/** What to do with a message at each crisis level, and when to send support or open a case. */
export interface CrisisPolicy {
  /** Action per level 0..4. */
  actions: Record<CrisisLevel, Action>;
  /** Levels at or above which the author gets crisis resources, a case opens, staff see it. */
  /** 0..4, or 5 for never. */
  supportAt: number;
  escalateAt: number;
  flagAt: number;
  /** Run the learned stage beside the rules (it may raise a message to level 2, never higher). */
  model: boolean;
}

/** Tenant/room keywords: Discord-style (`cat*`, `*cat`, `*cat*`, phrases), never raw regex. */
export interface KeywordPolicy {
  terms: string[];
  /** Matches of these cancel an overlapping keyword match ("class*" with allow "classic"). */
  allow: string[];
  action: Action;
}

/** A room's moderation policy: plain data, JSON-serialisable, cached per room by the server. */
export interface Policy {
  kind: PolicyKind;
  crisis: CrisisPolicy;
  privacy: {
    action: Action;
    /** Types not to look for in this room (e.g. "name" in a staff-only room). */
    disabled: PrivacyType[];
    placeholders: Record<PrivacyType, string>;
  };
  solicitation: { action: Action; flag: boolean };
  keywords: KeywordPolicy;
}
