import { describe, expect, it } from "vitest";
import { crisisDetector, crisisOf } from "../../../moderation/detectors/crisis.ts";
import { detectPrivacy } from "../../../moderation/detectors/privacy/index.ts";
import type { Detector, Scan } from "../../../moderation/detectors/scan.ts";
import { detectSolicitation } from "../../../moderation/detectors/solicitation.ts";
import { splitRunTogether } from "../../../moderation/lexicon/segment.ts";
import { tokenize } from "../../../moderation/lexicon/tokens.ts";
import { normalize } from "../../../moderation/normalize/normalize.ts";
import { digitView, plainView } from "../../../moderation/normalize/plain.ts";
import { keywordDetector } from "../../../moderation/policy/keywords.ts";
import type { Finding } from "../../../moderation/types.ts";

function scanOf(text: string): Scan {
  const norm = normalize(text);
  const tokens = tokenize(norm.text);
  const plain = plainView(text);
  const base: Scan = {
    original: text,
    norm,
    tokens,
    words: splitRunTogether(tokens),
    plain,
    digits: digitView(plain.text),
    found: [],
    privacy: [],
  };
  const found = detectPrivacy(base);
  return { ...base, found, privacy: found };
}

describe("one detector signature", () => {
  it("every detector takes the same scan and returns findings", () => {
    const scan = scanOf("text me at 312-555-0143, i took all my pills tonight and the word is banana");
    const detectors: [string, Detector][] = [
      ["privacy", detectPrivacy],
      ["crisis (rules)", crisisDetector(false)],
      ["crisis (rules + model)", crisisDetector(true)],
      ["solicitation", detectSolicitation],
      ["keywords", keywordDetector({ terms: ["banana"], allow: [], action: "hold" })],
    ];
    const kinds = detectors.map(([name, d]) => [name, [...new Set(d(scan).map((f) => f.kind))]]);
    expect(Object.fromEntries(kinds)).toEqual({
      privacy: ["privacy"],
      "crisis (rules)": ["crisis"],
      "crisis (rules + model)": ["crisis"],
      solicitation: ["solicitation"],
      keywords: ["custom"],
    });
  });
});

describe("a message's crisis level from its findings", () => {
  const f = (type: string, severity: number): Finding => ({
    kind: "crisis",
    type,
    severity,
    start: 0,
    end: 1,
    rule: "test",
  });
  it("takes the highest level, and an overdose first among equals", () => {
    expect(crisisOf([f("self_harm", 2), f("relapse", 3)])).toEqual({ level: 3, category: "relapse" });
    expect(crisisOf([f("self_harm", 4), f("overdose", 4)])).toEqual({ level: 4, category: "overdose" });
    expect(crisisOf([])).toEqual({ level: 0, category: null });
  });
});
