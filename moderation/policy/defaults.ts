/**
 * Default policies per room kind (DESIGN.md "Moderation model"). Group: levels 0-2 deliver,
 * 3-4 hold; privacy redacts; solicitation flags. Buddy (1:1 mentor chat) keeps the same crisis
 * routing (a mentor is a peer, not a clinician) and still flags solicitation, because moving a
 * mentor relationship off-platform is what programs forbid. Social rooms and the forum get the
 * same floor.
 */
import type { Action, CrisisLevel, Policy, PolicyKind, PrivacyType } from "../types.ts";

/** Typed placeholders that replace privacy spans in what others see. */
export const PLACEHOLDERS: Readonly<Record<PrivacyType, string>> = {
  phone: "[phone]",
  email: "[email]",
  address: "[address]",
  ssn: "[ssn]",
  card: "[card]",
  handle: "[handle]",
  url: "[link]",
  dob: "[dob]",
  ip: "[ip]",
  name: "[name]",
};

const GROUP_ACTIONS: Record<CrisisLevel, Action> = {
  0: "allow",
  1: "allow",
  2: "allow",
  3: "hold",
  4: "hold",
};

function base(kind: PolicyKind): Policy {
  return {
    kind,
    crisis: { actions: { ...GROUP_ACTIONS }, supportAt: 2, escalateAt: 2, flagAt: 1, model: true },
    privacy: { action: "redact", disabled: [], placeholders: { ...PLACEHOLDERS } },
    solicitation: { action: "allow", flag: true },
    keywords: { terms: [], allow: [], action: "allow" },
  };
}

/** A fresh copy of the default policy of a room kind; callers may mutate it. */
export function defaultPolicy(kind: PolicyKind): Policy {
  // every kind shares the safety floor today; the kinds stay separate so tenants can tune them apart
  return base(kind);
}

/** The room kinds a policy can be resolved for. */
export const POLICY_KINDS: readonly PolicyKind[] = ["group", "social", "buddy", "forum"];
