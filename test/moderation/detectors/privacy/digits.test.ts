/**
 * The digit scan judges each number of a run on its own: neighbouring numbers written with only
 * spaces or dashes between them are separate identifiers, and a long run is split, never skipped.
 */
import { describe, expect, it } from "vitest";
import { moderate } from "../../../../moderation/index.ts";

const spans = (t: string) => moderate(t).privacy.map((p) => [p.type, t.slice(p.start, p.end)]);

describe("digits: neighbouring numbers", () => {
  it("three grouped cards on one line", () =>
    expect(spans("cards 4674 7680 8092 1603 5372 3641 1208 6441 3722 532062 62300")).toEqual([
      ["card", "4674 7680 8092 1603"],
      ["card", "5372 3641 1208 6441"],
      ["card", "3722 532062 62300"],
    ]));

  it("three contiguous cards on one line", () =>
    expect(spans("4674768080921603 5372364112086441 372253206262300")).toEqual([
      ["card", "4674768080921603"],
      ["card", "5372364112086441"],
      ["card", "372253206262300"],
    ]));

  it("a card right beside a phone", () =>
    expect(spans("4674 7680 8092 1603 206-555-0142")).toEqual([
      ["card", "4674 7680 8092 1603"],
      ["phone", "206-555-0142"],
    ]));

  it("two phones separated by a slash", () =>
    expect(spans("home 206-555-0142 / 312-555-0148")).toEqual([
      ["phone", "206-555-0142"],
      ["phone", "312-555-0148"],
    ]));

  it("an ssn right after a card", () =>
    expect(spans("5372-3641-1208-6441 219-09-9991")).toEqual([
      ["card", "5372-3641-1208-6441"],
      ["ssn", "219-09-9991"],
    ]));

  it("two local numbers are not read as one national number across them", () =>
    expect(spans("555-0142 555-0199 call me")).toEqual([
      ["phone", "555-0142"],
      ["phone", "555-0199"],
    ]));

  it("an ssn and a phone in one run", () =>
    expect(spans("219 09 9991 206 555 0142")).toEqual([
      ["ssn", "219 09 9991"],
      ["phone", "206 555 0142"],
    ]));

  it("a run of more than 40 digits is split, not skipped", () => {
    const t = "4674768080921603 5372364112086441 4916338506082832 5425233430109903";
    expect(spans(t).map(([type]) => type)).toEqual(["card", "card", "card", "card"]);
  });

  it("a long dashed run of cards is split on the card boundaries", () =>
    expect(spans("4674-7680-8092-1603-5372-3641-1208-6441")).toEqual([
      ["card", "4674-7680-8092-1603"],
      ["card", "5372-3641-1208-6441"],
    ]));

  it("a card and its security code are kept together with the card", () =>
    expect(moderate("4674 7680 8092 1603 exp 04/27").redacted).toBe("[card] exp 04/27"));
});

describe("digits: what splitting must not find", () => {
  it.each([
    "call 1-800-662-4357 any time",
    "samhsa 1 800 662 4357 / 988",
    "zoom meeting id 845 2210 9931 5567",
    "order 1200 3344 5566 7788 9900 shipped",
    "on 05/06/2021 and 06/07/2022 i went to meetings",
  ])("leaves %j alone", (t) => expect(moderate(t).redacted).toBe(t));
});
