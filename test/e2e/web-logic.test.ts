/**
 * The browser code's pure parts, checked without a browser: finding spans (server data the
 * console must not trust), countdowns, the kind wording, token expiry and ordering.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countdownText } from "../../server/web/console/cases-view.ts";
import { describe as describeFinding, segments } from "../../server/web/console/highlight.ts";
import { dialable, safeHref } from "../../server/web/lib/dom.ts";
import { expiryOf, TokenKeeper } from "../../server/web/lib/token.ts";
import { stringsFor, useLanguage } from "../../server/web/widget/i18n.ts";
import { compareMessages } from "../../server/web/widget/message-store.ts";
import { when } from "../../server/web/widget/when.ts";
import { privacyPhrase } from "../../server/web/widget/wording.ts";
import type { Finding } from "../../shared/types.ts";

const finding = (start: number, end: number, kind: Finding["kind"] = "crisis"): Finding => ({
  kind,
  type: "t",
  severity: 1,
  start,
  end,
  rule: "r",
});

describe("finding highlights", () => {
  it("marks exactly the covered text", () => {
    const out = segments("I have pills saved", [finding(7, 12)]);
    expect(out.map((s) => [s.text, s.findings.length])).toEqual([
      ["I have ", 0],
      ["pills", 1],
      [" saved", 0],
    ]);
  });

  it("clamps spans past the end and ignores empty, reversed or non-integer ones", () => {
    const out = segments("short", [finding(3, 99), finding(-5, 1), finding(4, 2), finding(Number.NaN, 3)]);
    expect(out.map((s) => [s.text, s.findings.length])).toEqual([
      ["s", 1],
      ["ho", 0],
      ["rt", 1],
    ]);
    expect(segments("", [finding(0, 10)])).toEqual([]);
  });

  it("always gives the text back whole, whatever the spans", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.tuple(fc.integer({ min: -50, max: 80 }), fc.integer({ min: -50, max: 80 }))),
        (text, spans) => {
          const out = segments(
            text,
            spans.map(([a, b]) => finding(a, b)),
          );
          expect(out.map((s) => s.text).join("")).toBe(text);
          for (const s of out) expect(s.text.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe("finding descriptions", () => {
  it("say which features weighed most in a learned-stage finding", () => {
    const f = {
      ...finding(0, 5),
      kind: "crisis" as const,
      type: "self_harm",
      severity: 2,
      rule: "crisis.model.v1",
    };
    expect(describeFinding({ ...f, features: ["word:asleep", "pair:rest of"] })).toBe(
      "crisis: self_harm (severity 2, rule crisis.model.v1), weighed most: word:asleep, pair:rest of",
    );
    expect(describeFinding(f)).toBe("crisis: self_harm (severity 2, rule crisis.model.v1)");
  });
});

describe("case countdown", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");
  it("counts down, then up once overdue, and stops when someone has it in hand", () => {
    expect(countdownText("2026-01-01T12:04:07Z", "open", now)).toBe("due in 4:07");
    expect(countdownText("2026-01-01T11:59:30Z", "escalated", now)).toBe("overdue 0:30");
    expect(countdownText("2026-01-01T13:30:00Z", "open", now)).toBe("due in 1:30:00");
    expect(countdownText("2026-01-01T12:04:07Z", "acknowledged", now)).toBe("acknowledged");
  });
});

describe("wording", () => {
  it("names what was removed, whatever the reason format", () => {
    expect(privacyPhrase(["privacy:phone"])).toBe("a phone number");
    expect(privacyPhrase(["privacy.email", "phone"])).toBe("an email address and a phone number");
    expect(privacyPhrase(["something-new"])).toBe("some personal details");
  });
});

describe("links the widget will render", () => {
  it("allows http(s), tel and sms only", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref(" JavaScript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("https://988lifeline.org")).toBe("https://988lifeline.org/");
    expect(safeHref("tel:988")).toBe("tel:988");
    expect(dialable("1-800-273-8255;javascript:x")).toBe("18002738255");
  });
});

describe("tokens", () => {
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

  it("reads exp without verifying, and 0 when unreadable", () => {
    expect(expiryOf(jwt({ exp: 1234 }))).toBe(1234);
    expect(expiryOf("not a jwt")).toBe(0);
  });

  it("refreshes a quarter of the lifetime early, at most a minute, and shares one request", async () => {
    let calls = 0;
    const keeper = new TokenKeeper(async () => {
      calls += 1;
      return jwt({ exp: Math.floor(Date.now() / 1000) + 40 });
    });
    await Promise.all([keeper.fresh(), keeper.fresh()]);
    expect(calls).toBe(1);
    expect(keeper.msUntilRefresh()).toBeGreaterThan(28_000);
    expect(keeper.msUntilRefresh()).toBeLessThanOrEqual(30_000);
    await keeper.fresh();
    expect(calls).toBe(1);
    keeper.invalidate();
    await keeper.fresh();
    expect(calls).toBe(2);
  });
});

describe("message order", () => {
  it("puts stored messages by seq, then held or pending ones by time", () => {
    const list = [
      { seq: null, createdAt: "2026-01-01T00:00:02Z" },
      { seq: 2, createdAt: "2026-01-01T00:00:09Z" },
      { seq: null, createdAt: "2026-01-01T00:00:01Z" },
      { seq: 1, createdAt: "2026-01-01T00:00:05Z" },
    ].sort(compareMessages);
    expect(list.map((m) => m.seq ?? m.createdAt.slice(-3, -1))).toEqual([1, 2, "01", "02"]);
  });
});

describe("message dates and languages", () => {
  it("shows the time today, 'Yesterday' the day before, the date before that, the full date always on hover", () => {
    useLanguage("en");
    const now = new Date(2026, 11, 3, 15, 0);
    expect(when(new Date(2026, 11, 3, 9, 5).toISOString(), now).text).not.toMatch(/Dec|Yesterday/);
    expect(when(new Date(2026, 11, 2, 9, 5).toISOString(), now).text).toMatch(/^Yesterday, /);
    expect(when(new Date(2026, 10, 27, 9, 5).toISOString(), now).text).toMatch(/^Nov 27, /);
    expect(when(new Date(2025, 10, 27, 9, 5).toISOString(), now).text).toMatch(/2025/);
    expect(when(new Date(2026, 10, 27, 9, 5).toISOString(), now).full).toMatch(/Friday, November 27, 2026/);
    expect(when("not a date", now)).toEqual({ text: "", full: "" });
  });

  it("reads Spanish for any es-* tag and English otherwise, with the same keys", () => {
    expect(stringsFor("es-MX").s.send).toBe("Enviar");
    expect(stringsFor("fr").s.send).toBe("Send");
    expect(Object.keys(stringsFor("es").s).sort()).toEqual(Object.keys(stringsFor("en").s).sort());
    useLanguage("es");
    expect(privacyPhrase(["privacy:phone", "email"])).toBe("un número de teléfono y un correo electrónico");
    useLanguage("en");
  });
});
