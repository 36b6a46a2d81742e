import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moderate } from "../../moderation/index.ts";
import { normalize } from "../../moderation/normalize/normalize.ts";

// strings mixing ASCII, digits, homoglyphs, zero-width, combining marks and astral emoji
const tricky = fc.string({
  unit: fc.constantFrom(
    ..."ab kil1 0@.-_+()/#$ \n5'\"",
    "\u200b",
    "\u0301",
    "а",
    "ο",
    "１",
    "😂",
    "\ud83d",
    "é",
    "ß",
  ),
  maxLength: 200,
});
const any = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), tricky);

describe("normalization properties", () => {
  it("never throws and maps every character inside the original", () => {
    fc.assert(
      fc.property(any, (s) => {
        const n = normalize(s);
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]).toBeGreaterThanOrEqual(0);
          expect(n.ends[i]).toBeLessThanOrEqual(s.length);
          expect(n.starts[i]).toBeLessThan(n.ends[i]!);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("moderate() properties", () => {
  it("reports spans inside the original and never shows a redacted span", () => {
    fc.assert(
      fc.property(any, (s) => {
        const v = moderate(s);
        for (const f of v.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(s.length);
          expect(f.start).toBeLessThanOrEqual(f.end);
        }
        for (const p of v.privacy) {
          const span = s.slice(p.start, p.end);
          if (span.length >= 4) expect(v.redacted.includes(span)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("finds and removes contact details wherever they are embedded", () => {
    const contact = fc.constantFrom(
      "312-555-0148",
      "sam.k.77@example.com",
      "4111 1111 1111 1111",
      "219-09-9999",
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), contact, fc.string({ maxLength: 40 }), (a, c, b) => {
        const v = moderate(`${a} ${c} ${b}`);
        expect(v.redacted.includes(c)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(any, (s) => {
        expect(moderate(s)).toEqual(moderate(s));
      }),
      { numRuns: 300 },
    );
  });
});
