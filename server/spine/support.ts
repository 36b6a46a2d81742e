/**
 * The private `support` answer to someone whose words show risk: warm, short, with the
 * tenant's crisis resources (988 by default) in the order the situation asks for, in each of
 * the author's tabs' own language (server/support/). Never shown to anyone else.
 */
import type { SupportPayload } from "../../shared/types.ts";
import { type SupportFacts, type SupportLocales, supportCard } from "../support/card.ts";
import { localeHandle, localesOf } from "../support/locale.ts";
import type { Consequence } from "./write.ts";

/** Without a tenant's locale settings: the default words, the lines given, the default emergency number. */
const PLAIN: SupportLocales = { defaultLocale: "en", crisisResourcesByLocale: {}, emergencyByLocale: {} };

/**
 * The support cards for the author of a text: with the tenant's locales, one per locale on the
 * channel of that locale (each socket of the author listens on exactly one, joined at connect,
 * so each tab gets one card in its language); without them, one card to every tab of theirs.
 */
export function supportFor(
  author: string,
  facts: SupportFacts,
  resources: SupportPayload["resources"],
  locales?: SupportLocales,
): Consequence[] {
  if (!locales) {
    const payload = supportCard({ ...PLAIN, crisisResources: resources }, facts, PLAIN.defaultLocale);
    return [{ to: { user: author }, event: "support", payload }];
  }
  const settings = { ...locales, crisisResources: resources };
  return localesOf(settings).map((locale) => ({
    to: { user: localeHandle(author, locale) },
    event: "support",
    payload: supportCard(settings, facts, locale),
  }));
}
