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

type Row = { id: string; type: SolicitationType | "veto"; phrase: string };
const ROWS: Row[] = [
  ...SOLICITATION.map(([id, type, phrase]) => ({ id, type, phrase })),
  ...SOLICITATION_VETO.map((phrase, i) => ({ id: `veto${i}`, type: "veto" as const, phrase })),
];
const MATCHER = new PhraseMatcher<Row>(ROWS, (r) => r.phrase, CLASSES);
const CONTACT_TYPES = new Set(["phone", "email", "handle", "url", "address"]);
const THIRD_PARTY =
  /\b(his|her|their|my (ex|exs|ex's|dad|mom|sister|brother|sponsor|caseworker|friend|mother|father)('?s)?|ex's|sister's|dad's|mom's)\b/;

/** Finds solicitation; `privacy` are the privacy findings already made for the message. */
export function detectSolicitation(
  original: string,
  norm: Normalized,
  tokens: readonly Token[],
  privacy: readonly Finding[],
): Finding[] {
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
  const contacts = privacy.filter((p) => CONTACT_TYPES.has(p.type));
  if (out.length === 0 && contacts.length > 0) {
    const lower = original.toLowerCase();
    for (const c of contacts) {
      const before = lower.slice(Math.max(0, c.start - 30), c.start);
      const thirdParty = THIRD_PARTY.test(before);
      const verb =
        /\b(call|text|msg|message|dm|hmu|add|follow|request|reach|contact|whatsapp|ll[aá]ma|escr[ií]be)\b/.test(
          lower.slice(c.end, c.end + 25),
        );
      if (!thirdParty && verb && vetoes.length === 0) {
        out.push({
          kind: "solicitation",
          type: "off_platform",
          severity: 2,
          start: c.start,
          end: c.end,
          rule: "solicitation.contact_with_verb",
        });
        break;
      }
    }
  }
  return out;
}
