/**
 * A date of birth survives a contrast with a sobriety date, wherever the birth word stands,
 * and a sobriety "birthday" (recovery's anniversary) is not a date of birth.
 */
import { describe, expect, it } from "vitest";
import { moderate } from "../../../../moderation/index.ts";

const spans = (t: string) => moderate(t).privacy.map((p) => [p.type, t.slice(p.start, p.end)]);

describe("dob: contrasts with a clean date", () => {
  it.each([
    ["negated clean date between", "my birthday, not my clean date, is 3/14/1990", "3/14/1990"],
    ["in brackets", "my birthday (not my sobriety date) is march 14 1990", "march 14 1990"],
    ["with isnt", "the bday isnt my sobriety date, its 3/14/1990", "3/14/1990"],
    ["clean date first", "my clean date is 2019-05-01 but i was born 1988-02-11", "1988-02-11"],
    ["birth first", "born on 1988-02-11 and clean since 2019-05-01", "1988-02-11"],
    ["the contrast from the brief's class", "not my sobriety date, my birthday is 3/14/1990", "3/14/1990"],
    ["birth word after the date", "3/14/1990 is my birthday fyi", "3/14/1990"],
    ["after, with a clean date before it", "2019-05-01 is my clean date and 1988-02-11 my dob", "1988-02-11"],
    ["birth date written as two words", "birth date: 07/04/1985", "07/04/1985"],
    ["spanish contrast", "no es mi fecha de sobriedad, mi cumpleaños es 14/03/1990", "14/03/1990"],
    ["spanish, after", "el 14/03/1990 es mi fecha de nacimiento", "14/03/1990"],
    [
      "a birth word after one date is not before the next",
      "3/14/1990 is my birthday, 5/1/2019 is my clean date",
      "3/14/1990",
    ],
    ["spanish, when i was born", "14/03/1990 fue cuando nací, 01/05/2019 cuando dejé de beber", "14/03/1990"],
  ])("%s", (_why, text, dob) => expect(spans(text)).toEqual([["dob", dob]]));
});

describe("dob: sobriety birthdays and clean dates stay visible", () => {
  it.each([
    "my sober birthday is 2019-05-01",
    "my 5 year aa birthday is 05/01/2024 and im nervous",
    "clean birthday coming up 6/2/2024!",
    "mi cumpleaños de sobriedad es el 01/05/2019",
    "2019-05-01 is my clean date, it feels like a birthday",
    "i was born again on 5/1/2019 when i got sober",
  ])("%j", (t) => expect(moderate(t).redacted).toBe(t));
});
