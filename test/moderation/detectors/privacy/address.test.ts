/**
 * A street address needs a house number and a street word joined by a street name: numbered
 * things (routes, buses, rooms, steps) and ordinary sentences that happen to end in a street
 * word ("9 is close", "5 miles down the road") are not addresses.
 */
import { describe, expect, it } from "vitest";
import { moderate } from "../../../../moderation/index.ts";

const spans = (t: string) => moderate(t).privacy.map((p) => [p.type, t.slice(p.start, p.end)]);

describe("address: numbered things and sentences are not streets", () => {
  it.each([
    "the bridge on route 9 is close to my place",
    "we did route 66 road trip last summer",
    "highway 101 drive is long at night",
    "take bus 12 stops at the court house",
    "line 3 is the way to go",
    "step 9 was the hardest way to go",
    "chapter 5 lane changes in the book",
    "room 4 is down the hall and the place is nice",
    "exit 14 off the turnpike, then the i-95 hwy",
    "we walked 5 miles down the road together",
    "i have two dogs and a court date",
    "3 of us were at the park place diner",
    "voy camino a casa 2 horas de bus",
    "la ruta 9 queda cerca de mi casa",
  ])("leaves %j alone", (t) => expect(moderate(t).redacted).toBe(t));
});

describe("address: real streets stay found", () => {
  it.each([
    ["a court", "im at 418 willow ct if you need me", "418 willow ct"],
    ["a close", "i live at 9 elm close now", "9 elm close"],
    ["a way", "meet at 12 oak way", "12 oak way"],
    ["a two-word name", "my place is 27 harbor view drive", "27 harbor view drive"],
    ["an adjective name", "try 40 old mill rd", "40 old mill rd"],
    ["after a numbered thing", "room 4 at 418 willow ct", "418 willow ct"],
    ["route as a street name", "we are at 2210 route 9 road", "2210 route 9 road"],
    ["spanish", "vivo en calle olivo 45", "calle olivo 45"],
    ["spanish with articles", "avenida de la paz 12, 2ºa", "avenida de la paz 12, 2ºa"],
  ])("%s", (_why, text, address) => expect(spans(text)).toEqual([["address", address]]));
});
