import { describe, expect, it } from "vitest";
import { crisisDetector, crisisOf } from "../../../moderation/detectors/crisis.ts";
import { detectPrivacy } from "../../../moderation/detectors/privacy/index.ts";
import type { Detector } from "../../../moderation/detectors/scan.ts";
import { detectSolicitation } from "../../../moderation/detectors/solicitation.ts";
import { scanMessage } from "../../../moderation/pipeline.ts";
import { keywordDetector } from "../../../moderation/policy/keywords.ts";
import type { Finding } from "../../../moderation/types.ts";

describe("one detector signature", () => {
  it("every detector takes the same scan and returns findings", () => {
    const scan = scanMessage("text me at 312-555-0143, i took all my pills tonight and the word is banana");
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
