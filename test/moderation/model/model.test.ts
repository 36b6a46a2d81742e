import { describe, expect, it } from "vitest";
import { modelVeto } from "../../../moderation/detectors/crisis.ts";
import { defaultPolicy, moderate } from "../../../moderation/index.ts";
import { splitRunTogether } from "../../../moderation/lexicon/segment.ts";
import { tokenize } from "../../../moderation/lexicon/tokens.ts";
import { DIM_BITS, forEachFeature, MASKED, WINDOW } from "../../../moderation/model/features.ts";
import { CATEGORIES, MODEL_RULE, type ModelWeights, scoreWindows } from "../../../moderation/model/model.ts";
import { WEIGHTS, WEIGHTS_SHA256 } from "../../../moderation/model/weights.ts";
import { modelWords } from "../../../moderation/model/words.ts";
import { normalize } from "../../../moderation/normalize/normalize.ts";

const words = (text: string) => {
  const norm = normalize(text);
  const tokens = splitRunTogether(tokenize(norm.text));
  return { norm, tokens, words: modelWords(norm, tokens, moderate(text).privacy) };
};

/** Weights that know one word: every feature of the word weighs +40, everything else nothing. */
function oneWordWeights(word: string): ModelWeights {
  const w = new Float32Array(1 << DIM_BITS);
  forEachFeature([word], (_i, h) => {
    w[h & ((1 << DIM_BITS) - 1)] = 40;
  });
  return {
    bias: -3,
    w,
    cw: new Float32Array(CATEGORIES.length << 16),
    cb: new Float32Array(CATEGORIES.length),
    threshold: 0.5,
  };
}

describe("sliding windows", () => {
  it("find a signal in the middle of a long post, and only there", () => {
    const filler = Array.from({ length: 60 }, (_, i) => `plain${i}`);
    const post = [...filler.slice(0, 30), "vanish", ...filler.slice(30)];
    const m = oneWordWeights("vanish");
    const w = scoreWindows(post, m)!;
    expect(w.p).toBeGreaterThan(0.5);
    expect(w.from).toBeLessThanOrEqual(30);
    expect(w.to).toBeGreaterThan(30);
    expect(w.to - w.from).toBeLessThanOrEqual(WINDOW);
    expect(post[w.peak]).toBe("vanish");
    // the same post without the word scores the bias alone
    expect(scoreWindows(filler, m)!.p).toBeLessThan(0.5);
  });

  it("score nothing for an empty message", () => expect(scoreWindows([], WEIGHTS)).toBeNull());
});

describe("the model reads redacted text", () => {
  it("masks every token inside a privacy span, so no feature holds it", () => {
    const { words: ws } = words("call me at 312-555-0143 or write to sky.rivers@example.org i cant do this");
    expect(ws).toContain(MASKED);
    expect(ws.join(" ")).not.toMatch(/555|0143|rivers|example/);
  });

  it("stores no redacted text in a model finding's features", () => {
    const on = defaultPolicy("group");
    on.crisis.model = true;
    for (const text of [
      "text me at 312-555-0143 i dont see the point of anything anymore",
      "my email is sky.rivers@example.org and honestly i just want everything to stop for good",
    ]) {
      const v = moderate(text, on);
      for (const f of v.findings.filter((f) => f.rule === MODEL_RULE))
        for (const feature of f.features ?? []) expect(feature).not.toMatch(/555|0143|rivers|example/);
    }
  });
});

describe("the rules' context silences the model", () => {
  const at = (text: string, word: string) => {
    const { norm, tokens } = words(text);
    const i = tokens.findIndex((t) => t.text === word);
    expect(i).toBeGreaterThanOrEqual(0);
    return modelVeto(text, norm, tokens)({ from: 0, to: tokens.length, peak: i }, "self_harm");
  };
  it.each([
    ["negation", "i am not going to vanish tonight", "vanish"],
    ["laughter", "lol i want to vanish after that exam", "vanish"],
    ["topic talk", "we learned about the signs someone wants to vanish", "vanish"],
    ["a recovered past", "two years ago i wanted to vanish", "vanish"],
    ["a quotation", 'she wrote "i want to vanish" on the board', "vanish"],
  ])("%s", (_, text, word) => expect(at(text, word)).toBe(true));
  it("someone else's wish, in the writer's own categories", () =>
    expect(at("my brother just wants to vanish forever", "vanish")).toBe(true));
  it("but not the writer speaking now", () => expect(at("honestly i want to vanish", "vanish")).toBe(false));
});

describe("model findings", () => {
  it("raise to level 2 at most, with the versioned rule, the window's span and features", () => {
    const on = defaultPolicy("group");
    on.crisis.model = true;
    // passive ideation in words no lexicon entry lists
    const text = "i wish i could fall asleep and skip the rest of it";
    const rulesOnly = defaultPolicy("group");
    rulesOnly.crisis.model = false;
    expect(moderate(text, rulesOnly).crisis.level).toBeLessThan(2);
    const v = moderate(text, on);
    const f = v.findings.find((x) => x.rule === MODEL_RULE);
    expect(v.crisis.level).toBe(2);
    expect(v.escalate && v.support).toBe(true);
    expect(f).toMatchObject({ kind: "crisis", severity: 2, start: 0, end: text.length });
    expect(f!.features!.length).toBeGreaterThan(0);
  });
  it("the weights file carries its checksum", () => expect(WEIGHTS_SHA256).toMatch(/^[0-9a-f]{64}$/));
});
