/**
 * Solicitation detector: phrases that move contact off-platform or propose a private meeting,
 * plus contact details posted with a contact verb ("3125550129 call after 8"), or spaced out
 * to get past the filter. Someone else's number, or a call for the police, is not solicitation.
 */
import { CLASSES } from "../lexicon/classes.ts";
import { PhraseMatcher } from "../lexicon/matcher.ts";
import { SOLICITATION, SOLICITATION_VETO, type SolicitationType } from "../lexicon/solicitation.ts";
import type { Token } from "../lexicon/tokens.ts";
import { type Normalized, toOriginal } from "../normalize/normalize.ts";
import type { Finding } from "../types.ts";
import type { Scan } from "./scan.ts";

type Row = { id: string; type: SolicitationType | "veto"; phrase: string };
const ROWS: Row[] = [
  ...SOLICITATION.map(([id, type, phrase]) => ({ id, type, phrase })),
  ...SOLICITATION_VETO.map((phrase, i) => ({ id: `veto${i}`, type: "veto" as const, phrase })),
];
const MATCHER = new PhraseMatcher<Row>(ROWS, (r) => r.phrase, CLASSES);
const CONTACT_TYPES = new Set(["phone", "email", "handle", "url", "address"]);
const THIRD_PARTY =
  /\b(his|her|their|my (ex|exs|ex's|dad|mom|sister|brother|sponsor|caseworker|friend|mother|father)('?s)?|ex's|sister's|dad's|mom's)\b/;

/** Finds solicitation; the scan's `privacy` are the privacy findings already made for the message. */
export function detectSolicitation({ original, norm, words: tokens, privacy }: Scan): Finding[] {
  const matches = MATCHER.find(tokens);
  const vetoes = matches.filter((m) => m.entry.type === "veto");
  const out: Finding[] = [];
  for (const m of matches) {
    if (m.entry.type === "veto") continue;
    if (vetoes.some((v) => v.fromTok < m.toTok && m.fromTok < v.toTok)) continue;
    const { start, end } = toOriginal(norm, tokens[m.fromTok]!.from, tokens[m.toTok - 1]!.to);
    out.push({
      kind: "solicitation",
      type: m.entry.type,
      severity: 2,
      start,
      end,
      rule: `solicitation.${m.entry.id}`,
    });
  }
  if (out.length === 0) {
    const f = contactSolicitation(original, privacy, vetoes.length > 0);
    if (f) out.push(f);
  }
  return out;
}

const MESSAGING =
  /\b(snap|snapchat|discord|telegram|whatsapp|whats|kik|signal|wechat|line id|wa\.me|t\.me)\b/;
const VERB =
  /\b(call|text|txt|msg|message|dm|hmu|add|request|reach|contact|whatsapp|ll[aá]ma|escr[ií]be|ring)\b/;
// the writer's own number offered in the room ("my cell 07700 900456") is an invitation to use it
const OWN_NUMBER =
  /\bmy (?:cell|cel|celular|number|num|phone|mobile|digits|#|n[uú]mero|whatsapp|whats|telegram|signal)\b[^.!?]{0,12}$/;
// obfuscated contact details mean someone worked to get past the filter: that is the invitation
const OBFUSCATED = /\.(spelled|spaced|lookalike)$/;

/** Contact details that invite contact: obfuscated, on a messaging app, or with a contact verb. */
function contactSolicitation(original: string, privacy: readonly Finding[], vetoed: boolean): Finding | null {
  const lower = original.toLowerCase();
  for (const c of privacy) {
    if (!CONTACT_TYPES.has(c.type)) continue;
    const before = lower.slice(Math.max(0, c.start - 30), c.start);
    if (THIRD_PARTY.test(before)) continue;
    const near = `${lower.slice(Math.max(0, c.start - 20), c.start)} ${lower.slice(c.end, c.end + 25)}`;
    const why = OBFUSCATED.test(c.rule)
      ? "obfuscated_contact"
      : c.type === "handle" && MESSAGING.test(lower)
        ? "messaging_handle"
        : !vetoed && VERB.test(near)
          ? "contact_with_verb"
          : c.type === "phone" && OWN_NUMBER.test(before)
            ? "own_number"
            : null;
    if (why)
      return {
        kind: "solicitation",
        type: "off_platform",
        severity: 2,
        start: c.start,
        end: c.end,
        rule: `solicitation.${why}`,
      };
  }
  return null;
}
