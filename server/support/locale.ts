/**
 * The language of a socket: the widget says it in the handshake (`auth.locale`, from its `lang`
 * attribute or the page's `<html lang>`); the server answers `support` in it when the tenant
 * has resources for it (`es-MX` falls back to `es`, anything else to the tenant's default).
 */
import type { Tenant } from "../config.ts";

/** The locales the support words are written in. */
export const SUPPORT_LOCALES = ["en", "es"] as const;

/** Every locale a tenant's support can be sent in: its configured ones and the written ones. */
export function localesOf(
  tenant: Pick<Tenant, "defaultLocale" | "crisisResourcesByLocale" | "emergencyByLocale">,
): string[] {
  return [
    ...new Set([
      tenant.defaultLocale,
      ...SUPPORT_LOCALES,
      ...Object.keys(tenant.crisisResourcesByLocale),
      ...Object.keys(tenant.emergencyByLocale),
    ]),
  ];
}

/** The supported locale closest to what the client asked for (`es-MX` -> `es`), or the default. */
export function resolveLocale(tenant: Tenant, requested: unknown): string {
  const known = localesOf(tenant);
  if (typeof requested !== "string" || requested.length > 35) return tenant.defaultLocale;
  const tag = requested.trim().toLowerCase().replace(/_/g, "-");
  if (known.includes(tag)) return tag;
  const lang = tag.split("-")[0] ?? "";
  return known.includes(lang) ? lang : tenant.defaultLocale;
}

/**
 * The handle whose user channel carries one locale's `support` for a person: each socket joins
 * exactly one of these beside its user channel, so one emit per locale reaches every tab of the
 * person, on every node, each in its own language (a plain user-channel name, so the Bus needs
 * nothing new).
 */
export function localeHandle(handle: string, locale: string): string {
  return `${handle}~${locale}`;
}
