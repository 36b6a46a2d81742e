/**
 * Generalisation: behaviours found missing by a probe in new wording (passive ideation, means
 * saved for later, use after clean time, a partner's threats, Spanish), and the CLI scorer run
 * over our own held-out file with the acceptance bounds, so a regression fails CI.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { moderate } from "../../moderation/index.ts";

const level = (t: string) => moderate(t).crisis.level;
const category = (t: string) => moderate(t).crisis.category;

describe("crisis: passive ideation is level 2", () => {
  it.each([
    "cant see the point of getting up anymore",
    "some nights i pray i dont wake up",
    "my family would be better off if i disappeared",
    "theres no reason to keep trying",
    "i just want everything to end",
    "i wish i could not exist for a while",
    "kinda hoping a bus runs me over tbh",
    "the thoughts of dying are loud again",
    "i wanna die honestly",
  ])("%s", (text) => expect(level(text)).toBe(2));
});

describe("crisis: means set aside raise to 3, and a time word to 4", () => {
  it("pills put aside", () => expect(level("got my meds hidden in a sock, enough to end it")).toBe(3));
  it("a place chosen", () => expect(level("already scouted the bridge near my work")).toBe(3));
  it("saved pills and tonight", () => expect(level("my pills are stashed for tonight")).toBe(4));
});

describe("crisis: use after clean time", () => {
  it("is a relapse", () => {
    expect(moderate("had a few beers after 2 years dry")).toMatchObject({
      crisis: { level: 1, category: "relapse" },
    });
  });
  it("with lost tolerance it is an overdose risk", () => {
    expect(moderate("used alone after 9 months clean, same dose as before")).toMatchObject({
      crisis: { level: 2, category: "overdose" },
    });
  });
  it("clean time alone is not a relapse", () => expect(level("9 months clean today, grateful")).toBe(0));
});

describe("crisis: the writer is unsafe (abuse)", () => {
  it.each([
    ["threat by partner", "she said shell kill me if i tell anyone", 3],
    ["threat reported", "my husband threatened to kill me last night", 3],
    ["violence", "my boyfriend shoved me into the wall again", 2],
    ["confinement", "he locks me in the bedroom when he goes out", 2],
  ])("%s", (_, text, lvl) => {
    expect(level(text)).toBe(lvl);
    expect(category(text)).toBe("abuse");
  });
});

describe("crisis: Spanish basics", () => {
  it.each([
    ["me voy a matar esta noche", 4],
    ["ya no quiero vivir", 2],
    ["quisiera no despertar nunca", 2],
    ["me tomé todas las pastillas del bote", 4],
    ["recaí otra vez", 1],
    ["volví a beber después de un año", 1],
  ])("%s", (text, lvl) => expect(level(text)).toBe(lvl));
});

describe("crisis: look-alikes of the new rules stay quiet", () => {
  it.each([
    "slipped on the stairs at the clinic, my knee is purple",
    "no reason to keep going back to that meeting, it moved online",
    "i want this semester to be over already",
    "my sponsor hit me up after the meeting",
    "i dont want to die, i want to get better",
    "everyone would be better off if the coffee was stronger lol",
  ])("%s", (text) => expect(level(text)).toBe(0));
});

describe("privacy: public-suite shapes", () => {
  const spans = (t: string) => moderate(t).privacy.map((p) => [p.type, t.slice(p.start, p.end)]);
  it("phone with an extension keeps the extension", () =>
    expect(spans("desk line 617-555-0142 ext 310")).toEqual([["phone", "617-555-0142 ext 310"]]));
  it("address with a directional, city, state and zip", () =>
    expect(spans("mail 1600 Pennsylvania Ave NW, Washington, DC 20500")).toEqual([
      ["address", "1600 Pennsylvania Ave NW, Washington, DC 20500"],
    ]));
  it("PO box with its city", () =>
    expect(spans("PO Box 88, Boise ID 83701 works")).toEqual([["address", "PO Box 88, Boise ID 83701"]]));
  it("a card number longer than the old scan window", () =>
    expect(moderate("ref 0010 4111 1111 1111 1111").redacted).not.toContain("4111 1111 1111 1111"));
  it("meeting ids are not phones", () => expect(spans("zoom meeting id 845 2210 9931")).toEqual([]));
});

describe("solicitation: new look-alikes", () => {
  it("call me crazy is not an invitation", () =>
    expect(moderate("call me crazy but i love mondays").solicitation).toBe(false));
  it("a version of the app is not leaving it", () =>
    expect(moderate("the new version of the app is slow").solicitation).toBe(false));
  it("offering your own number is", () =>
    expect(moderate("my cell 617 555 0142 if that helps").solicitation).toBe(true));
});

const root = fileURLToPath(new URL("../..", import.meta.url));
const scorer = fileURLToPath(new URL("../../scripts/eval/score.mjs", import.meta.url));
const BOUNDS = [
  "--min",
  "crisis_escalate_recall=0.95",
  "--min",
  "crisis_escalate_precision=0.90",
  "--max",
  "hard_negative_escalate_rate=0.05",
  "--min",
  "pii_recall=0.97",
  "--max",
  "pii_leak_rate=0.02",
  "--min",
  "pii_span_precision=0.90",
  "--max",
  "benign_overredaction=0.02",
  "--min",
  "solicitation_precision=0.85",
  "--min",
  "solicitation_recall=0.85",
];

describe("held-out set through the CLI scorer", () => {
  it("meets the acceptance bounds", () => {
    const run = spawnSync("node", [scorer, "test/moderation/fixtures/holdout.jsonl", ...BOUNDS], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stdout).toMatch(/^ok:/m);
    expect(run.status).toBe(0);
  }, 120_000);
});
