/**
 * IP addresses (IPv4, defanged "1[.]2[.]3[.]4", IPv6 full or compressed, with their zone, port
 * or CIDR prefix) and personal links (profile URLs, link-in-bio pages, personal sites, shared
 * documents, forms and meetings). Public resource sites (.gov, crisis lines) are not personal,
 * but a shared document on a public company's domain (docs.google.com/...) is.
 */
import type { Finding } from "../../types.ts";
import { type PrivacyInput, plainFinding } from "./context.ts";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
// a dot, bracketed, or spaced out on both sides ("198 . 51 . 100 . 12", "10 dot 0 dot 0 dot 7")
const DOT_CORE = "(?:\\.|\\[\\.\\]|\\(\\.\\)|\\[dot\\])";
const DOT = `(?:${DOT_CORE}| ${DOT_CORE} | dot )`;
// an address may carry a CIDR prefix length ("/24") or a port (":8080"); both belong to it
const IPV4 = new RegExp(
  `(?<![\\w.])${OCTET}(?:${DOT}${OCTET}){3}(?:/(?:3[0-2]|[12]?\\d)(?!\\d))?(?::\\d{2,5}(?!\\d))?(?![\\w]|\\.\\d)`,
  "g",
);
// groups of up to 4 hex digits, "::" for a run of zero groups, an IPv4 tail ("::ffff:1.2.3.4"),
// then a zone ("%eth0", "%25eth0" in a URL), a prefix length, and a port when bracketed
const IPV6 =
  /(?<![\w:.[])(\[)?((?:[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){1,6}:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})(?![\w.:]))(%[0-9a-z._~-]{1,20})?(?:(\])(:\d{2,5}(?!\d))?)?(\/(?:12[0-8]|1[01]\d|[1-9]?\d)(?!\d))?/g;

const SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"'`]{2,2000}/g;
const TLDS =
  "com|net|org|io|me|ly|gg|co|ee|app|page|link|site|blog|tv|us|uk|ca|mx|es|info|biz|xyz|dev|social|bio|gle|gl|ms";
const BARE = new RegExp(
  `(?<![\\w@.])[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,3}\\.(?:${TLDS})(?![\\w@])(?:/[^\\s<>"'\`]{0,2000})?`,
  "g",
);
// a bare link needs a known top-level domain right after a dot; testing for it first skips BARE
const BARE_HINT = new RegExp(`\\.(?:${TLDS})(?![\\w@])`);
const PUBLIC =
  /(^|\.)(gov|edu|988lifeline\.org|samhsa\.gov|crisistextline\.org|aa\.org|na\.org|smartrecovery\.org|google\.com|youtube\.com|wikipedia\.org|nih\.gov|cdc\.gov)$/;
// a public domain's document, file, form and meeting hosts: a link there opens one person's thing
const SHARED_HOSTS =
  /(^|\.)((docs|drive|forms|sites|photos|meet|calendar|groups|maps|mail)\.google\.com|forms\.gle|goo\.gl|photos\.app\.goo\.gl|dropbox\.com|1drv\.ms|onedrive\.live\.com|sharepoint\.com|icloud\.com|box\.com|notion\.site|zoom\.us|calendly\.com|we\.tl|wetransfer\.com)$/;
// the same on the bare domain: google.com/maps/place/..., google.com/drive/...
const SHARED_PATHS = /^(?:www\.)?google\.com\/(?:maps|drive|forms|calendar|photos)\b/;
const PERSONAL_HOSTS =
  /(^|\.)(instagram\.com|facebook\.com|fb\.com|tiktok\.com|t\.me|wa\.me|discord\.gg|linktr\.ee|twitter\.com|x\.com|snapchat\.com|reddit\.com|venmo\.com|cash\.app|paypal\.me|onlyfans\.com|linkedin\.com|threads\.net|wordpress\.com|blogspot\.com|substack\.com|tumblr\.com|medium\.com)$/;

const HOME_NETWORK = /\b(?:router|wifi|wi-fi|modem|gateway|lan|localhost|printer|hotspot|enrutador)\b/;
const PRIVATE_V4 = /^(?:192\.168\.|10\.|172\.(?:1[6-9]|2\d|3[01])\.|127\.)/;

/** Finds IPv4 and IPv6 addresses. */
export function detectIp(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  const out: Finding[] = [];
  if (/\d ?[.[(]|\d dot \d/.test(t)) {
    // a home network's private address behind a router names nobody ("my router is 192.168.1.1")
    const homeNetwork = HOME_NETWORK.test(t);
    for (const m of t.matchAll(IPV4)) {
      if (homeNetwork && PRIVATE_V4.test(m[0])) continue;
      out.push(plainFinding(input, "ip", m.index, m.index + m[0].length, "v4", 2));
    }
  }
  if (t.includes("::") || /:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/.test(t)) {
    for (const m of t.matchAll(IPV6)) {
      const [, open, core, zone, close, port, prefix] = m as unknown as Array<string | undefined>;
      if (!isIpv6(core!)) continue;
      // brackets and a port count only as a pair ("[2001:db8::5]:8443")
      const bracketed = open !== undefined && close !== undefined;
      const from = m.index + (open && !bracketed ? 1 : 0);
      const tail = (zone ?? "") + (bracketed ? `]${port ?? ""}` : "") + (prefix ?? "");
      const to = m.index + (open ?? "").length + core!.length + tail.length;
      out.push(plainFinding(input, "ip", bracketed ? m.index : from, to, "v6", 2));
    }
  }
  return out;
}

/** IPv6 by its grammar: eight groups, or fewer around one "::", with an optional IPv4 tail. */
function isIpv6(core: string): boolean {
  const halves = core.split("::");
  if (halves.length > 2) return false;
  const compressed = halves.length === 2;
  const v4 = /\.\d+$/.test(core);
  const groups = core.split(":");
  const count = groups.length + (v4 ? 1 : 0);
  if (!(compressed ? count >= 3 && count <= 9 : count === 8)) return false;
  if (!compressed && !/[a-f]/.test(core)) return false;
  const filled = groups.filter((g) => g.length > 0);
  if (filled.length >= 2) return true;
  // one group around "::": the loopback "::1", or a prefix such as "fe80::" or "2001::"
  return core === "::1" || (/^[0-9a-f]{3,4}::$/.test(core) && /\d/.test(core));
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
    const shared =
      hasPath && (SHARED_HOSTS.test(host) || SHARED_PATHS.test(text.replace(/^https?:\/\//, "")));
    if (PUBLIC.test(host) && !shared) return;
    if (rule === "bare" && !hasPath && !PERSONAL_HOSTS.test(host) && host.split(".").length < 3) return;
    if (rule === "bare" && /^\d+(\.\d+)*$/.test(host.replace(/\.[a-z]+$/, "")) && !hasPath) return;
    out.push(plainFinding(input, "url", from, from + text.length, shared ? "shared" : rule, 2));
    taken.push([from, from + text.length]);
  };
  for (const m of t.matchAll(SCHEME)) push(m.index, m[0], "scheme");
  for (const m of BARE_HINT.test(t) ? t.matchAll(BARE) : []) {
    if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
    push(m.index, m[0], "bare");
  }
  return out;
}
