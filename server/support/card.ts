/**
 * The `support` payload for one text, in the author's language, with the resources in the
 * order the situation asks for. An overdose, or anything at level 4, puts the emergency number
 * first (and Poison Control second for an overdose): someone may not be breathing. Otherwise
 * the tenant's crisis lines come first and the emergency number last.
 */
import type { SupportPayload } from "../../shared/types.ts";
import { DEFAULT_EMERGENCY, type Tenant } from "../config.ts";

type Words = { levels: Record<2 | 3 | 4, string>; overdose: string; emergency: string; poison: string };

const WORDS: Record<string, Words> = {
  en: {
    levels: {
      2: "It sounds like things are really heavy right now. You're not alone: a peer specialist has been let know and will check in. If you want to talk to someone now, these lines are free and open 24/7.",
      3: "We're worried about you and want you safe. A peer specialist is reaching out. Please contact one of these now; they're free, confidential and open 24/7.",
      4: "Your safety matters most right now. If you or someone with you is in danger or not breathing, call emergency services now. A peer specialist has been alerted.",
    },
    overdose:
      "If you or someone with you may have overdosed, call emergency services now and stay with them. Use naloxone (Narcan) if you have it. A peer specialist has been alerted.",
    emergency: "Emergency services",
    poison: "Poison Control",
  },
  es: {
    levels: {
      2: "Parece que las cosas están muy pesadas ahora mismo. No estás solo/a: un especialista de apoyo entre pares ya lo sabe y se pondrá en contacto. Si quieres hablar con alguien ahora, estas líneas son gratuitas y atienden las 24 horas.",
      3: "Nos preocupas y queremos que estés a salvo. Un especialista de apoyo se está comunicando contigo. Por favor, contacta ahora una de estas líneas; son gratuitas, confidenciales y atienden las 24 horas.",
      4: "Tu seguridad es lo más importante ahora. Si tú o alguien contigo está en peligro o no respira, llama a emergencias ahora. Ya avisamos a un especialista de apoyo.",
    },
    overdose:
      "Si tú o alguien contigo pudo haber tenido una sobredosis, llama a emergencias ahora y quédate con esa persona. Usa naloxona (Narcan) si la tienes. Ya avisamos a un especialista de apoyo.",
    emergency: "Servicios de emergencia",
    poison: "Centro de Toxicología (Poison Control)",
  },
};

/** What moderation found in the text, and the case it opened. */
export interface SupportFacts {
  messageId: string;
  level: number;
  category?: string | null;
  caseId?: string | null;
}

/** What a card is written from: the tenant's default locale, its lines and emergency numbers per locale. */
export type SupportSettings = Pick<
  Tenant,
  "defaultLocale" | "crisisResources" | "crisisResourcesByLocale" | "emergencyByLocale"
>;
/** The per-locale part of SupportSettings (the default locale's lines are `crisisResources`). */
export type SupportLocales = Omit<SupportSettings, "crisisResources">;

/** Pick a locale's entry, falling back to its language, then to the tenant's default locale. */
function pick<T>(map: Record<string, T>, locale: string, fallback: string): T | undefined {
  return map[locale] ?? map[locale.split("-")[0] ?? ""] ?? map[fallback];
}

/** Build the payload for `locale` (one the socket resolved with `resolveLocale`). */
export function supportCard(tenant: SupportSettings, facts: SupportFacts, locale: string): SupportPayload {
  const words = pick(WORDS, locale, tenant.defaultLocale) ?? WORDS.en!;
  const lines = pick(tenant.crisisResourcesByLocale, locale, tenant.defaultLocale) ?? tenant.crisisResources;
  const numbers = pick(tenant.emergencyByLocale, locale, tenant.defaultLocale) ?? DEFAULT_EMERGENCY;
  const overdose = facts.category === "overdose";
  const urgent = overdose || facts.level >= 4;
  const emergency = { name: words.emergency, phone: numbers.number, kind: "emergency" as const };
  const poison =
    overdose && numbers.poisonControl
      ? [{ name: words.poison, phone: numbers.poisonControl, kind: "poison_control" as const }]
      : [];
  // A tenant that listed its emergency number among its lines (the old form) gets it once.
  const digits = (s?: string) => (s ?? "").replace(/\D/g, "");
  const crisisLines = lines
    .filter((r) => !r.phone || digits(r.phone) !== digits(numbers.number))
    .map((r) => ({ ...r, kind: "line" as const }));
  const level = Math.min(Math.max(facts.level, 2), 4) as 2 | 3 | 4;
  return {
    messageId: facts.messageId,
    level: facts.level,
    text: overdose ? words.overdose : words.levels[level],
    resources: urgent ? [emergency, ...poison, ...crisisLines] : [...crisisLines, emergency],
    category: facts.category ?? null,
    caseId: facts.caseId ?? null,
    locale,
  };
}
