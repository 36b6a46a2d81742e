import { describe, expect, it } from "vitest";
import { moderate } from "../../moderation/index.ts";
import { enforce } from "../../server/spine/enforce-verdict.ts";

describe("enforcing a verdict", () => {
  it("stores only the redacted text and moves every finding onto it", () => {
    const text = "call me at 415-555-0132 because i want to kill myself";
    const d = enforce(text, moderate(text));
    expect(d.body).not.toContain("0132");
    expect(d.status).toBe("redacted");
    for (const f of d.findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(d.body.length);
    }
    const phone = d.findings.find((f) => f.kind === "privacy")!;
    expect(d.body.slice(phone.start, phone.end)).toBe("[phone]");
    const crisis = d.findings.find((f) => f.kind === "crisis")!;
    expect(d.body.slice(crisis.start, crisis.end)).toMatch(/kill/);
  });

  it("keeps the original text and spans when nothing was removed", () => {
    const text = "i have been saving my pills for tonight";
    const d = enforce(text, moderate(text));
    expect(d.body).toBe(text);
    expect(d.status).toBe("held");
    expect(d.outcome.action).toBe("hold");
    expect(d.support && d.escalate).toBe(true);
  });

  it("refuses a blocked text with its reasons and no text", () => {
    const text = "some text the room forbids";
    const verdict = { ...moderate(text), action: "block" as const, reasons: ["keyword"] };
    expect(() => enforce(text, verdict)).toThrowError(
      expect.objectContaining({ code: "blocked", details: { reasons: ["keyword"] } }),
    );
  });
});
