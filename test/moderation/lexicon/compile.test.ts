import { describe, expect, it } from "vitest";
import { compileAlternatives, PhraseError } from "../../../moderation/lexicon/compile.ts";
import { PhraseMatcher } from "../../../moderation/lexicon/matcher.ts";
import { tokenize } from "../../../moderation/lexicon/tokens.ts";
import { normalize } from "../../../moderation/normalize/normalize.ts";

const CLASSES = { self: ["myself", "meself"] };
const matches = (phrase: string, text: string): boolean =>
  new PhraseMatcher([phrase], (p) => p, CLASSES).find(tokenize(normalize(text).text)).length > 0;

describe("phrase grammar: grouped multi-word alternatives", () => {
  const phrase = "cut ?again (last night|yesterday|this morning)";
  it.each(["cut again last night", "cut yesterday", "cut again this morning"])(
    "%s matches every alternative of the group",
    (text) => expect(matches(phrase, text)).toBe(true),
  );

  it.each(["cut again last morning", "cut this night"])("%s is no alternative", (text) =>
    expect(matches(phrase, text)).toBe(false),
  );

  it("a bare | still binds one word", () => {
    expect(matches("last night|week", "last week")).toBe(true);
    expect(matches("last night|week", "week")).toBe(false);
  });

  it("an optional group may be absent, and may start with a class", () => {
    const p = "hurt ?(@self badly|my arm) again";
    expect(matches(p, "hurt again")).toBe(true);
    expect(matches(p, "hurt meself badly again")).toBe(true);
    expect(matches(p, "hurt my arm again")).toBe(true);
    expect(matches(p, "hurt my leg again")).toBe(false);
  });

  it("a group may open a phrase, and gaps work inside it", () => {
    const p = "(gave away|giving ~2 away) my";
    expect(matches(p, "gave away my guitar")).toBe(true);
    expect(matches(p, "giving all of it away my friend")).toBe(false); // gap of 3
    expect(matches(p, "giving it all away my guitar")).toBe(true);
  });

  it("records which alternatives each expanded sequence took", () => {
    const seqs = compileAlternatives("a (b|c d) / e ?(f)", {});
    expect(seqs.map((s) => s.choices.join(" "))).toEqual([
      "a0 a0.g1.0",
      "a0 a0.g1.1",
      "a1 a1.g1.0",
      "a1 a1.g1.none",
    ]);
  });

  it.each([
    ["nested", "a (b (c|d))"],
    ["unbalanced open", "a (b|c"],
    ["unbalanced close", "a b|c)"],
    ["empty alternative", "a (b||c)"],
    ["nothing required", "?(a|b)"],
    ["a gap beyond six words", "a ~8 b"],
  ])("rejects a malformed phrase: %s", (_, p) =>
    expect(() => compileAlternatives(p, {})).toThrow(PhraseError),
  );
});
