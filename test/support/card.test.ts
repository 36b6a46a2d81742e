/** The support card's pure parts: tenant forms of resources and numbers, locale choice, order. */
import { describe, expect, it } from "vitest";
import { toTenant } from "../../server/config.ts";
import { supportCard } from "../../server/support/card.ts";
import { resolveLocale } from "../../server/support/locale.ts";

const jwt = { alg: "HS256" as const, secret: "s-0123456789" };
const kinds = (c: ReturnType<typeof supportCard>) => c.resources.map((r) => `${r.kind}:${r.phone ?? r.sms}`);

describe("tenant resources and emergency numbers", () => {
  it("reads the old array form as the default locale's, and defaults 911 and Poison Control", () => {
    const t = toTenant({
      id: "a",
      jwt,
      crisisResources: [
        { name: "Warmline", phone: "555-0100" },
        { name: "Emergency", phone: "911" },
      ],
    });
    expect(t.crisisResourcesByLocale).toEqual({ en: t.crisisResources });
    expect(t.emergencyByLocale.en).toEqual({ number: "911", poisonControl: "1-800-222-1222" });
    // A listed 911 is not shown twice.
    expect(kinds(supportCard(t, { messageId: "m", level: 2 }, "en"))).toEqual([
      "line:555-0100",
      "emergency:911",
    ]);
    expect(kinds(supportCard(t, { messageId: "m", level: 4, category: "overdose" }, "es"))).toEqual([
      "emergency:911",
      "poison_control:1-800-222-1222",
      "line:555-0100",
    ]);
  });

  it("takes lines and numbers per locale, and a defaultLocale other than en", () => {
    const t = toTenant({
      id: "b",
      jwt,
      defaultLocale: "es",
      crisisResources: [{ name: "Línea", phone: "555-0101" }],
      emergency: { number: "112" },
    });
    expect(t.crisisResourcesByLocale).toEqual({ es: [{ name: "Línea", phone: "555-0101" }] });
    const card = supportCard(
      t,
      { messageId: "m", level: 4, category: "self_harm" },
      resolveLocale(t, "fr-FR"),
    );
    expect(card.locale).toBe("es");
    expect(card.text).toMatch(/Tu seguridad/);
    expect(kinds(card)).toEqual(["emergency:112", "line:555-0101"]);
    expect(() => toTenant({ id: "c", jwt, crisisResources: { "not a tag": [] } })).toThrow();
  });

  it("resolves a requested locale to one the tenant can answer in", () => {
    const t = toTenant({ id: "d", jwt });
    expect(resolveLocale(t, "es-MX")).toBe("es");
    expect(resolveLocale(t, "ES")).toBe("es");
    expect(resolveLocale(t, "de")).toBe("en");
    expect(resolveLocale(t, 42)).toBe("en");
    expect(resolveLocale(t, "x".repeat(100))).toBe("en");
  });
});
