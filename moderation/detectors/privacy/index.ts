/**
 * Runs every privacy detector and keeps one finding per stretch of text: where two overlap,
 * the more specific type wins (an email beats the handle inside it, a card beats a phone).
 */
import type { Finding, PrivacyType } from "../../types.ts";
import { detectAddress } from "./address.ts";
import type { PrivacyInput } from "./context.ts";
import { detectDigits } from "./digits.ts";
import { detectDob } from "./dob.ts";
import { detectEmail } from "./email.ts";
import { detectHandle } from "./handle.ts";
import { detectName, namesBesideDetails } from "./name.ts";
import { detectIp, detectUrl } from "./network.ts";
import { detectSpelledPhone } from "./spelled-phone.ts";

export type { PrivacyInput } from "./context.ts";

const RANK: Readonly<Record<PrivacyType, number>> = {
  email: 0,
  url: 1,
  ip: 2,
  card: 3,
  ssn: 4,
  dob: 5,
  phone: 6,
  address: 7,
  handle: 8,
  name: 9,
};

const DETECTORS = [
  detectEmail,
  detectUrl,
  detectIp,
  detectDigits,
  detectSpelledPhone,
  detectDob,
  detectAddress,
  detectHandle,
  detectName,
];

/** All privacy findings of a message, non-overlapping, sorted by start. */
export function detectPrivacy(input: PrivacyInput): Finding[] {
  const all: Finding[] = [];
  for (const d of DETECTORS) all.push(...d(input));
  all.sort(
    (a, b) =>
      RANK[a.type as PrivacyType] - RANK[b.type as PrivacyType] || b.end - b.start - (a.end - a.start),
  );
  const kept: Finding[] = [];
  const keep = (f: Finding) => {
    if (f.end <= f.start) return;
    if (kept.some((k) => f.start < k.end && k.start < f.end)) return;
    kept.push(f);
  };
  for (const f of all) keep(f);
  // a name that comes with a person's details is found once the details are
  for (const f of namesBesideDetails(input, kept)) keep(f);
  return kept.sort((a, b) => a.start - b.start);
}
