/**
 * The kind words the widget says when moderation touched a participant's message or the
 * server sent a notice. Warm, plain, never blaming: DESIGN.md "stepped, explained moderation".
 * The words themselves live in i18n.ts, in the widget's language.
 */
import type { Notice } from "../../../shared/types.ts";
import { LOCALE, S } from "./i18n.ts";

const PRIVACY_KINDS = [
  "phone",
  "email",
  "address",
  "ssn",
  "card",
  "handle",
  "url",
  "dob",
  "ip",
  "name",
] as const;

/** "a phone number and an email address", from reasons such as `privacy:phone` or `phone`. */
export function privacyPhrase(reasons: readonly string[]): string {
  const found = new Set<string>();
  for (const reason of reasons) {
    for (const word of reason.toLowerCase().split(/[^a-z]+/)) {
      if ((PRIVACY_KINDS as readonly string[]).includes(word))
        found.add(S.privacy[word as (typeof PRIVACY_KINDS)[number]]);
    }
  }
  const list = [...found];
  if (list.length === 0) return S.privacy.some;
  if (list.length === 1) return list[0]!;
  return `${list.slice(0, -1).join(", ")} ${S.privacy.and} ${list.at(-1)}`;
}

export function redactedNote(reasons: readonly string[]): string {
  return S.redacted(privacyPhrase(reasons));
}

/** The note on the author's own held message. */
export const heldNote = () => S.held;
/** What replaces the author's own message when a peer specialist did not share it. */
export const rejectedNote = () => S.rejected;

/** What to show for an ack error on send, by code. */
export function sendErrorText(code: string, details: Record<string, unknown>): string {
  switch (code) {
    case "blocked":
      return S.blocked;
    case "muted":
      return S.mutedUntil(untilText(details.until));
    case "rate_limited":
      return S.rateLimited;
    case "forbidden":
      return S.forbidden;
    case "invalid":
      return S.invalid;
    default:
      return S.failed;
  }
}

function untilText(until: unknown): string {
  if (typeof until !== "string") return "";
  const d = new Date(until);
  return Number.isNaN(d.getTime())
    ? ""
    : S.until(d.toLocaleTimeString(LOCALE, { hour: "2-digit", minute: "2-digit" }));
}

/** The sentence shown for a server `notice`; server-provided text is shown as text, never HTML. */
export function noticeText(notice: Notice): string {
  switch (notice.code) {
    case "muted":
      return S.noticeMuted(untilText(notice.until));
    case "unmuted":
      return S.noticeUnmuted;
    case "removed":
      return S.noticeRemoved;
    case "facilitator_helping":
      return S.noticeHelping;
    case "held":
      return S.held;
    case "rejected":
      return S.rejected;
    case "redacted":
      return redactedNote(Array.isArray(notice.reasons) ? (notice.reasons as string[]) : []);
    case "token_expired":
      return "";
    case "server_shutdown":
      return S.noticeRestart;
    default:
      return typeof notice.message === "string" ? notice.message : "";
  }
}
