import { describe, expect, it } from "vitest";
import { moderate } from "../../moderation/index.ts";

const level = (t: string) => moderate(t).crisis.level;
const types = (t: string) => moderate(t).privacy.map((p) => p.type);

describe("crisis: obfuscation", () => {
  it.each([
    ["leetspeak", "honestly i w4nna k1ll mys3lf"],
    ["spaced letters", "i want to d i e"],
    ["dotted letters", "gonna k.i.l.l myself"],
    ["zero-width", "i want to d\u200bie"],
    ["cyrillic homoglyphs", "i wаnt tо diе"],
    ["repeated letters", "i just want to diiiiie"],
    ["euphemism", "thinking about unaliving myself"],
    ["spanish", "quiero morirme, ya no puedo"],
  ])("%s", (_, text) => expect(level(text)).toBeGreaterThanOrEqual(2));
});

describe("crisis: must not fire", () => {
  it.each([
    ["idiom", "my new job is killing me but i love it"],
    ["hyperbole", "i would kill for a nap right now"],
    ["food idiom", "overdosed on popcorn at movie night"],
    ["negation", "i am not suicidal, just worn out"],
    ["recovered past", "five years ago i wanted to die, now i chair the meeting"],
    ["educational", "we learned the warning signs of suicide in class"],
    ["gaming", "we killed the boss on the third try"],
    ["harm reduction", "keep narcan in your glovebox, it saves lives"],
    ["medication", "my doctor raised my sertraline to 100mg"],
  ])("%s", (_, text) => expect(level(text)).toBe(0));
});

describe("crisis: levels", () => {
  it("a plan with means is 3", () => expect(level("i have been stockpiling my pills for weeks")).toBe(3));
  it("intent with a time word is 4", () => expect(level("going to kill myself tonight")).toBe(4));
  it("a friend's overdose is 4", () => {
    expect(moderate("my roommate isnt breathing and his lips look blue")).toMatchObject({
      crisis: { level: 4, category: "overdose" },
      action: "hold",
    });
  });
  it("a slip is relapse level 1, delivered and flagged", () => {
    expect(moderate("i slipped on friday, had a few drinks")).toMatchObject({
      crisis: { level: 1, category: "relapse" },
      action: "allow",
      flag: true,
      escalate: false,
    });
  });
});

describe("privacy: each type and its look-alikes", () => {
  it.each([
    ["phone", "reach me on (206) 555-0142"],
    ["phone", "my cell +49 1512 3456789"],
    ["email", "write to jo.king88@example.org"],
    ["email", "jo dot king at gmail dot com"],
    ["address", "im at 77 sunset blvd apt 3"],
    ["ssn", "ssn 219-09-9991"],
    ["card", "card 4111 1111 1111 1111"],
    ["handle", "add me on snap: quiet_river_21"],
    ["url", "see instagram.com/quiet.river"],
    ["dob", "date of birth 07/04/1985"],
    ["ip", "server said 192.0.2.15 is blocked"],
    ["name", "my counselor is Maria Gonzalez"],
  ])("%s in %j", (type, text) => expect(types(text)).toContain(type));

  it.each([
    "120 days clean today",
    "meeting at 7:30 in room 214",
    "the book costs $18.50",
    "step 9 and page 83",
    "sober since 2015",
    "my clean date is 05/06/2021",
    "call 988 if you need to",
    "mods can you pin this @mods",
  ])("leaves %j alone", (text) => expect(moderate(text).redacted).toBe(text));

  it("rejects a 16-digit number that fails Luhn", () =>
    expect(types("ref 4111 1111 1111 1112")).not.toContain("card"));
  it("rejects an SSN with area 000", () => expect(types("id 000-12-3456")).not.toContain("ssn"));
});

describe("solicitation", () => {
  it.each(["dm me on insta", "lets meet up, just us", "text me later 206-555-0177"])("flags %j", (t) =>
    expect(moderate(t).solicitation).toBe(true),
  );
  it("does not flag in-app offers", () =>
    expect(moderate("message me here on the app any time").solicitation).toBe(false));
});
