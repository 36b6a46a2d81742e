/**
 * The kind words the widget says when moderation touched a participant's message or the
 * server sent a notice. Warm, plain, never blaming: DESIGN.md "stepped, explained moderation".
 */
import type { Notice } from "../../../shared/types.ts";

const PRIVACY: Record<string, string> = {
  phone: "a phone number",
  email: "an email address",
  address: "a street address",
  ssn: "a social security number",
  card: "a card number",
  handle: "a social media handle",
  url: "a link",
  dob: "a date of birth",
  ip: "an IP address",
  name: "a full name",
};

/** "a phone number and an email address", from reasons such as `privacy:phone` or `phone`. */
export function privacyPhrase(reasons: readonly string[]): string {
  const found = new Set<string>();
  for (const reason of reasons) {
    for (const word of reason.toLowerCase().split(/[^a-z]+/)) {
      const phrase = PRIVACY[word];
      if (phrase) found.add(phrase);
    }
  }
  const list = [...found];
  if (list.length === 0) return "some personal details";
  if (list.length === 1) return list[0]!;
  return `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

export function redactedNote(reasons: readonly string[]): string {
  return `We removed ${privacyPhrase(reasons)} to protect your privacy. Everyone else sees the rest of your message.`;
}

export const HELD_NOTE =
  "Only you can see this for now: a facilitator will review it before it is shared with the group.";
export const REJECTED_NOTE = "A facilitator decided not to share this message with the group.";

/** What to show for an ack error on send, by code. */
export function sendErrorText(code: string, details: Record<string, unknown>): string {
  switch (code) {
    case "blocked":
      return "This message can't be shared here. A facilitator can help if you're not sure why.";
    case "muted":
      return `You're paused from posting in this room${untilText(details.until)}.`;
    case "rate_limited":
      return "You're sending quickly; we'll try again in a moment.";
    case "forbidden":
      return "You can't post in this room.";
    case "invalid":
      return "That message couldn't be sent (it may be empty or too long).";
    default:
      return "That didn't go through. We'll keep trying.";
  }
}

function untilText(until: unknown): string {
  if (typeof until !== "string") return "";
  const d = new Date(until);
  return Number.isNaN(d.getTime())
    ? ""
    : ` until ${d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`;
}

/** The sentence shown for a server `notice`; server-provided text is shown as text, never HTML. */
export function noticeText(notice: Notice): string {
  switch (notice.code) {
    case "muted":
      return `A facilitator paused your posting${untilText(notice.until)}. You can still read along.`;
    case "unmuted":
      return "You can post again.";
    case "removed":
      return "A facilitator has removed you from this room. Please reach out to your program if you have questions.";
    case "facilitator_helping":
      return "A facilitator is helping a member of the group.";
    case "held":
      return HELD_NOTE;
    case "rejected":
      return REJECTED_NOTE;
    case "redacted":
      return redactedNote(Array.isArray(notice.reasons) ? (notice.reasons as string[]) : []);
    case "token_expired":
      return "Reconnecting…";
    case "server_shutdown":
      return "The chat is restarting; we'll reconnect you in a moment.";
    default:
      return typeof notice.message === "string" ? notice.message : "";
  }
}
