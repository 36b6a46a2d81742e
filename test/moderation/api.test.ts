import { describe, expect, it } from "vitest";
import { defaultPolicy, moderate, PolicyError, resolvePolicy } from "../../moderation/index.ts";

describe("moderate() API", () => {
  it("allows an everyday message untouched", () => {
    const v = moderate("see everyone at the thursday meeting, bringing cookies");
    expect(v).toMatchObject({
      action: "allow",
      solicitation: false,
      support: false,
      escalate: false,
      flag: false,
    });
    expect(v.redacted).toBe("see everyone at the thursday meeting, bringing cookies");
  });

  it("redacts a phone number and flags the invitation", () => {
    const text = "ring me tonight on 206-555-0199 ok";
    const v = moderate(text);
    expect(v.action).toBe("redact");
    expect(v.redacted).toBe("ring me tonight on [phone] ok");
    expect(v.privacy[0]).toMatchObject({ type: "phone", start: 19, end: 31 });
    expect(v.reasons).toContain("privacy:phone");
    expect(v.flag).toBe(true);
  });

  it("holds an overdose in progress and asks for support and a case", () => {
    const v = moderate("swallowed the whole bottle of my meds an hour ago");
    expect(v.crisis).toEqual({ level: 4, category: "self_harm" });
    expect(v).toMatchObject({ action: "hold", support: true, escalate: true, flag: true });
  });

  it("keeps the redacted text privacy-safe even when held", () => {
    const v = moderate("im gonna unalive myself tonight, my sister is 718-555-0123");
    expect(v.action).toBe("hold");
    expect(v.redacted).not.toContain("718-555-0123");
  });
});

describe("resolvePolicy()", () => {
  it("merges tenant then room overrides and skips null", () => {
    const p = resolvePolicy("group", { crisis: { actions: { 2: "hold" } } }, null, {
      keywords: { terms: ["vape*"] },
    });
    expect(p.crisis.actions[2]).toBe("hold");
    expect(p.keywords.terms).toEqual(["vape*"]);
    expect(defaultPolicy("group").crisis.actions[2]).toBe("allow");
  });

  it("names the bad field", () => {
    expect(() => resolvePolicy("group", { crisis: { actions: { 3: "explode" } } })).toThrow(PolicyError);
    expect(() => resolvePolicy("group", { crisis: { actions: { 3: "explode" } } })).toThrow(
      /crisis\.actions\.3/,
    );
    expect(() => resolvePolicy("group", { keywords: { terms: ["(a+)+$"] } })).toThrow(/keywords\.terms\[0\]/);
    expect(() => resolvePolicy("group", { nope: 1 })).toThrow(/nope/);
  });

  it("applies custom keywords with wildcards and allow lists", () => {
    const p = resolvePolicy("forum", {
      keywords: { terms: ["vape*"], allow: ["vape free"], action: "hold" },
    });
    expect(moderate("anyone selling vapes near the clinic", p)).toMatchObject({ action: "hold", flag: true });
    expect(moderate("proud to be vape free for a month", p).action).toBe("allow");
  });
});
