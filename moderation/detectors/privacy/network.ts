/**
 * IP addresses (IPv4, defanged "1[.]2[.]3[.]4", IPv6) and personal links (profile URLs,
 * link-in-bio pages, personal sites). Public resource sites (.gov, crisis lines) are not personal.
 */
import type { Finding } from "../../types.ts";
import { type PrivacyInput, plainFinding } from "./context.ts";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const DOT = "(?:\\.|\\[\\.\\]|\\(\\.\\)|\\[dot\\])";
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:${DOT}${OCTET}){3}(?![\\w]|\\.\\d)`, "g");
const IPV6 = /(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/g;

const SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"'`]{2,2000}/g;
const TLDS =
  "com|net|org|io|me|ly|gg|co|ee|app|page|link|site|blog|tv|us|uk|ca|mx|es|info|biz|xyz|dev|social|bio";
const BARE = new RegExp(
  `(?<![\\w@.])[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,3}\\.(?:${TLDS})(?![\\w@])(?:/[^\\s<>"'\`]{0,2000})?`,
  "g",
);
// a bare link needs a known top-level domain right after a dot; testing for it first skips BARE
const BARE_HINT = new RegExp(`\\.(?:${TLDS})(?![\\w@])`);
const PUBLIC =
  /(^|\.)(gov|edu|988lifeline\.org|samhsa\.gov|crisistextline\.org|aa\.org|na\.org|smartrecovery\.org|google\.com|youtube\.com|wikipedia\.org|nih\.gov|cdc\.gov)$/;
const PERSONAL_HOSTS =
  /(^|\.)(instagram\.com|facebook\.com|fb\.com|tiktok\.com|t\.me|wa\.me|discord\.gg|linktr\.ee|twitter\.com|x\.com|snapchat\.com|reddit\.com|venmo\.com|cash\.app|paypal\.me|onlyfans\.com|linkedin\.com|threads\.net|wordpress\.com|blogspot\.com|substack\.com|tumblr\.com|medium\.com)$/;

/** Finds IPv4 and IPv6 addresses. */
export function detectIp(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  const out: Finding[] = [];
  if (/\d[.[(]/.test(t)) {
    for (const m of t.matchAll(IPV4))
      out.push(plainFinding(input, "ip", m.index, m.index + m[0].length, "v4", 2));
  }
  if (t.includes("::") || /:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/.test(t)) {
    for (const m of t.matchAll(IPV6)) {
      const groups = m[0].split(":");
      const compressed = m[0].includes("::");
      if (m[0].split("::").length > 2) continue;
      if (!(compressed ? groups.length >= 3 : groups.length === 8)) continue;
      if (!/[a-f]/.test(m[0]) && !compressed) continue;
      if (groups.filter((g) => g.length > 0).length < 2) continue;
      out.push(plainFinding(input, "ip", m.index, m.index + m[0].length, "v6", 2));
    }
  }
  return out;
}

/** Finds personal links; skips bare public domains and the crisis/resource sites. */
export function detectUrl(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  if (!t.includes(".")) return [];
  const out: Finding[] = [];
  const taken: Array<[number, number]> = [];
  const push = (from: number, raw: string, rule: string) => {
    const text = raw.replace(/[.,!?;:)\]]+$/, "");
    const host =
      text
        .replace(/^https?:\/\//, "")
        .replace(/^www\./, "")
        .split(/[/?#]/)[0] ?? "";
    const hasPath = /[/?#]./.test(text.replace(/^https?:\/\//, ""));
    if (PUBLIC.test(host)) return;
    if (rule === "bare" && !hasPath && !PERSONAL_HOSTS.test(host) && host.split(".").length < 3) return;
    if (rule === "bare" && /^\d+(\.\d+)*$/.test(host.replace(/\.[a-z]+$/, "")) && !hasPath) return;
    out.push(plainFinding(input, "url", from, from + text.length, rule, 2));
    taken.push([from, from + text.length]);
  };
  for (const m of t.matchAll(SCHEME)) push(m.index, m[0], "scheme");
  for (const m of BARE_HINT.test(t) ? t.matchAll(BARE) : []) {
    if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
    push(m.index, m[0], "bare");
  }
  return out;
}
