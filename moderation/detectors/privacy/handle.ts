/**
 * Social and messaging handles: "@name" (when it looks personal or a platform is named),
 * "name#1234" (Discord), "u/name" (Reddit), "$cashtag", a handle right after a platform name
 * ("snapchat -> s0b3r_g4l_99", "add me on snap: sobersteph22") and spaced-out handles.
 */
import type { Finding } from "../../types.ts";
import { type PrivacyInput, plainFinding } from "./context.ts";
import { COMMON_WORDS } from "./words.ts";

const PLATFORM =
  /\b(instagram|insta|ig|snapchat|snap|tiktok|tik tok|telegram|tg|whatsapp|whats|discord|facebook|fb|twitter|threads|kik|reddit|venmo|cashapp|cash app|paypal|linkedin|twitch|youtube|wechat|bluesky|bsky|skype|steam|xbox|psn|gamertag|signal|handle|username|user name|usuario|ig:|insta:)\b/;
/** A handle named before its platform: "goes by tr4v1s_0 on snap", "im k8lyn.sober on insta". */
const BEFORE_PLATFORM =
  /(?<![a-z0-9_.@])([a-z0-9_.]{3,32})\s+(?:on|en|in)\s+(?:instagram|insta|ig|snapchat|snap|tiktok|telegram|discord|kik|steam|xbox|twitter|threads|facebook|fb)\b/g;
/** After a platform in the same sentence, a colon and a handle-like word: "my snap, dont judge: k8lyn.sober". */
const COLON_HANDLE = /:\s*([a-z0-9_.]{3,32})(?![a-z0-9_.@])/g;
/** A greeting or a message start before an @name: it addresses a member of this chat, not a contact. */
const MENTION_BEFORE =
  /(?:^|[.!?\n]\s*|\b(?:hey|hi|hello|thanks|thank you|ty|thx|yo|hola|gracias|sorry|congrats|welcome|cc)[\s,]*|@[a-z0-9_.]+[\s,]+)$/;
const AT = /(?<![a-z0-9._%+-])@([a-z0-9_](?:[a-z0-9_.]{0,29}[a-z0-9_])?)/g;
const DISCORD = /(?<![a-z0-9_.])[a-z0-9_.]{2,32}#\d{4}(?!\d)/g;
const REDDIT = /(?<![a-z0-9_/])u\/[a-z0-9_-]{3,20}/g;
const CASHTAG = /(?<![a-z0-9_$])\$[a-z][a-z0-9_]{2,19}(?![a-z0-9_])/g;
const AFTER_PLATFORM =
  /\b(instagram|insta|ig|snapchat|snap|tiktok|telegram|discord|kik|venmo|cashapp|twitter|threads|facebook|fb)\b[\s:→>\-–=|]{0,4}((?:(?:is|me|at|on|as|add|handle|username|user|my|es|en|como|@)[\s:→>\-–=|]{1,3}){0,3})([a-z0-9_.]{3,32})/g;
const SPACED = /(?<![a-z0-9_.])(?:[a-z0-9_.] ){3,40}[a-z0-9_.](?![a-z0-9_.])/g;
const SPACED_HINT = /(?:^|[^a-z0-9_.])[a-z0-9_.] [a-z0-9_.] [a-z0-9_.] /;
const ROLES = new Set([
  "mods",
  "mod",
  "admin",
  "admins",
  "everyone",
  "here",
  "all",
  "staff",
  "facilitator",
  "facilitators",
  "host",
  "hosts",
  "channel",
  "team",
  "moderator",
  "moderators",
  "group",
  "room",
  "support",
  "peer",
  "peers",
  "you",
]);

const looksPersonal = (h: string): boolean => /[\d_.]/.test(h) || h.length >= 10;

/** Finds handles in the plain view. */
export function detectHandle(input: PrivacyInput): Finding[] {
  const t = input.plain.text;
  // "i n s t a" spelled out counts as naming the platform
  const spacedWords = (SPACED_HINT.test(t) ? [...t.matchAll(SPACED)] : [])
    .map((m) => m[0].replace(/ /g, ""))
    .join(" ");
  const platform = PLATFORM.test(t) || PLATFORM.test(input.norm.text) || PLATFORM.test(spacedWords);
  const out: Finding[] = [];
  const taken: Array<[number, number]> = [];
  const push = (from: number, to: number, rule: string) => {
    if (taken.some(([a, b]) => from < b && a < to)) return;
    taken.push([from, to]);
    out.push(plainFinding(input, "handle", from, to, rule, 2));
  };
  if (t.includes("@"))
    for (const m of t.matchAll(AT)) {
      const h = m[1]!;
      if (ROLES.has(h)) continue;
      // "@dani thanks", "hey @jonah_k": a mention of someone in this room, visible here anyway
      if (!platform && MENTION_BEFORE.test(t.slice(Math.max(0, m.index - 24), m.index))) continue;
      if (platform || looksPersonal(h)) push(m.index, m.index + m[0].length, "at");
    }
  if (t.includes("#")) for (const m of t.matchAll(DISCORD)) push(m.index, m.index + m[0].length, "discord");
  if (t.includes("u/")) for (const m of t.matchAll(REDDIT)) push(m.index, m.index + m[0].length, "reddit");
  if (t.includes("$"))
    for (const m of t.matchAll(CASHTAG))
      if (platform || /\d/.test(m[0])) push(m.index, m.index + m[0].length, "cashtag");
  if (platform) {
    for (const m of t.matchAll(AFTER_PLATFORM)) {
      const h = m[3]!.replace(/\.+$/, "");
      const connector = /[:→>=]|is|@/.test(m[0].slice(m[1]!.length, m[0].length - m[3]!.length));
      if (COMMON_WORDS.has(h) || ROLES.has(h)) continue;
      if (!connector && !looksPersonal(h)) continue;
      const from = m.index + m[0].length - m[3]!.length;
      push(from, from + h.length, "after_platform");
    }
    for (const m of t.matchAll(BEFORE_PLATFORM)) {
      const h = m[1]!.replace(/^\.+|\.+$/g, "");
      if (COMMON_WORDS.has(h) || ROLES.has(h) || !looksPersonal(h)) continue;
      const from = m.index + m[0].indexOf(h);
      push(from, from + h.length, "before_platform");
    }
    for (const m of t.matchAll(COLON_HANDLE)) {
      const h = m[1]!.replace(/\.+$/, "");
      if (COMMON_WORDS.has(h) || ROLES.has(h) || !/[\d_.]/.test(h) || /^\d+([.:]\d+)*$/.test(h)) continue;
      const from = m.index + m[0].indexOf(h);
      push(from, from + h.length, "colon");
    }
    for (const m of t.matchAll(SPACED)) {
      const joined = m[0].replace(/ /g, "");
      if (joined.length >= 6 && /[\d_]/.test(joined) && /[a-z]/.test(joined))
        push(m.index, m.index + m[0].length, "spaced");
    }
  }
  return out;
}
