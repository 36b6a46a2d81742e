/**
 * When a message was written, as a person reads it: the time for today, "Yesterday, 14:05",
 * the date and time for older ones (with the year when it is not this year), and the full
 * date and time on hover (the `title` of the `<time>`).
 */
import { LOCALE, S } from "./i18n.ts";

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/** The visible text and the hover text for an ISO time; empty strings for a bad one. */
export function when(iso: string, now = new Date()): { text: string; full: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { text: "", full: "" };
  const time = d.toLocaleTimeString(LOCALE, { hour: "2-digit", minute: "2-digit" });
  const full = d.toLocaleString(LOCALE, { dateStyle: "full", timeStyle: "short" });
  if (dayKey(d) === dayKey(now)) return { text: time, full };
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(d) === dayKey(yesterday)) return { text: `${S.yesterday}, ${time}`, full };
  const date = d.toLocaleDateString(LOCALE, {
    month: "short",
    day: "numeric",
    ...(d.getFullYear() === now.getFullYear() ? {} : { year: "numeric" }),
  });
  return { text: `${date}, ${time}`, full };
}
