import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moderate } from "../../../moderation/index.ts";
import { splitRunTogether } from "../../../moderation/lexicon/segment.ts";
import { tokenize } from "../../../moderation/lexicon/tokens.ts";
import { wellFormed } from "../../../moderation/normalize/fold-tables.ts";
import { normalize } from "../../../moderation/normalize/normalize.ts";

const level = (t: string) => moderate(t).crisis.level;

/** Every Default_Ignorable_Code_Point, found by property over the whole code space. */
const IGNORABLES: string[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const ch = String.fromCodePoint(cp);
  if (/\p{Default_Ignorable_Code_Point}/u.test(ch)) IGNORABLES.push(ch);
}
// one kind per run: a high inserted before a low would make a pair, a new character, not a hidden one
const HIGH_SURROGATES = ["\ud800", "\udbff"];
const LOW_SURROGATES = ["\udc00", "\udfff"];

describe("invisible and filler characters", () => {
  const variants: [string, string][] = [
    ["lone high surrogate", "\ud83d"],
    ["lone low surrogate", "\ude00"],
    ["tag character", "\u{E0041}"],
    ["cancel tag", "\u{E007F}"],
    ["Hangul choseong filler", "\u115f"],
    ["Hangul jungseong filler", "\u1160"],
    ["Hangul filler", "\u3164"],
    ["halfwidth Hangul filler", "\uffa0"],
    ["musical begin beam", "\u{1D173}"],
    ["musical end phrase", "\u{1D17A}"],
    ["word joiner", "\u2060"],
    ["Mongolian vowel separator", "\u180e"],
  ];
  const spread = (text: string, ch: string) => [...text].join(ch);

  it.each(variants)("%s between every letter hides neither crisis nor a phone number", (_, ch) => {
    expect(level(spread("i want to kill myself", ch))).toBeGreaterThanOrEqual(2);
    const v = moderate(`call me ${spread("312-555-0147", ch)} tonight`);
    expect(v.privacy.map((p) => p.type)).toContain("phone");
    expect(v.redacted.replace(/\D/g, "")).toBe("");
  });

  it("the offset map stays exact: spans cover the original characters, fillers included", () => {
    const text = `my email is j\u3164o\u{E0041}e@exam\u115fple.com ok`;
    const f = moderate(text).privacy.find((p) => p.type === "email")!;
    expect(text.slice(f.start, f.end)).toBe(`j\u3164o\u{E0041}e@exam\u115fple.com`);
  });

  it("lone surrogates are stored as U+FFFD, paired ones untouched", () => {
    expect(wellFormed("a\ud800b\udc00c\ud83d\ude00")).toBe("a\ufffdb\ufffdc\ud83d\ude00");
  });

  const dev = readFileSync(new URL("../fixtures/dev.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l).text as string);
  const baseline = new Map(dev.map((t) => [t, { level: level(t), pii: moderate(t).privacy.length }]));

  it("inserting any default-ignorable character anywhere never lowers crisis level or PII count", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dev),
        fc.constantFrom(HIGH_SURROGATES, LOW_SURROGATES).chain((lone) =>
          fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...IGNORABLES), fc.constantFrom(...lone))), {
            minLength: 1,
            maxLength: 6,
          }),
        ),
        (text, inserts) => {
          let t = text;
          for (const [at, ch] of inserts) {
            // between code points: splitting a surrogate pair would change the text, not hide it
            const cps = [...t];
            const i = at % (cps.length + 1);
            t = [...cps.slice(0, i), ch, ...cps.slice(i)].join("");
          }
          const before = baseline.get(text)!;
          const v = moderate(t);
          expect(v.crisis.level).toBeGreaterThanOrEqual(before.level);
          expect(v.privacy.length).toBeGreaterThanOrEqual(before.pii);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe("contractions that lost their apostrophe", () => {
  it.each([
    ["i don t want to die, i want to get better", 0],
    ["i can t keep doing this", 1],
    ["i m going to kill myself", 2],
    ["i won t hurt myself, promise", 0],
  ])("%s", (text, min) => {
    expect(normalize(text).text).not.toMatch(/\b(don|can|won) t\b|\bi m\b/);
    if (min === 0) expect(level(text)).toBe(0);
    else expect(level(text)).toBeGreaterThanOrEqual(min);
  });

  it("a lone letter that is not a contraction stays apart", () => {
    expect(normalize("the t shirt and vitamin d").text).toBe("the t shirt and vitamin d");
  });
});

describe("run-together words", () => {
  const words = (t: string) => splitRunTogether(tokenize(normalize(t).text)).map((w) => w.text);
  it("splits into known words, keeping each piece's span inside its token", () => {
    expect(words("iamready")).toEqual(["i", "am", "ready"]);
    expect(words("cantdothisanymore")).toEqual(["cant", "do", "this", "anymore"]);
    expect(words("iwanttodie")).toEqual(["i", "want", "to", "die"]);
  });
  it("leaves ordinary words alone", () => {
    for (const w of ["therapist", "someone", "sometimes", "everything", "welcome"])
      expect(words(w)).toEqual([w]);
  });
  it.each([
    ["iwanttodie", 2],
    ["imgonnakillmyself tonight", 4],
    ["ijustwanttodie", 2],
  ])("%s is found", (text, min) => expect(level(text)).toBeGreaterThanOrEqual(min));
  it.each(["i dontwanttodie, i want to live", "notsuicidal just tired"])("%s stays negated", (text) =>
    expect(level(text)).toBe(0),
  );
});
