import { describe, expect, it } from "vitest";
import { moderate } from "../../../../moderation/index.ts";

const found = (t: string) => moderate(t).privacy.map((p) => [p.type, t.slice(p.start, p.end)]);
const redacted = (t: string) => moderate(t).redacted;

describe("privacy classes found by the first blind set", () => {
  it.each([
    ["an ITIN given as a social", "my social is 934-71-2208 for the benefits form", "ssn", "934-71-2208"],
    ["a spaced taxpayer number", "mi seguro social es 947 62 1183", "ssn", "947 62 1183"],
    [
      "a Spanish spelled email",
      "escríbeme a lupe punto reyes arroba correo punto com",
      "email",
      "lupe punto reyes arroba correo punto com",
    ],
    [
      "a reserved test domain",
      "reach me at sam at newleaf dot example",
      "email",
      "sam at newleaf dot example",
    ],
    ["a local number with a dot", "cel: 555.0198, text first", "phone", "555.0198"],
    ["an Australian mobile", "my mob is 0412 345 678 if u wanna chat", "phone", "0412 345 678"],
    ["a handle before its platform", "he goes by d4nny_boy on snap now", "handle", "d4nny_boy"],
    ["a handle after a colon", "my steam, dont laugh: coffee_and_chips", "handle", "coffee_and_chips"],
    ["a titled name", "please call Dr. Imogen Vasquez at the clinic", "name", "Imogen Vasquez"],
    [
      "a name after knew",
      "if you knew Harriet Olufemi from the old group, say hi",
      "name",
      "Harriet Olufemi",
    ],
    ["a street called row", "we moved to 27 Cobble Row last month", "address", "27 Cobble Row"],
  ])("%s", (_, text, type, span) => expect(found(text)).toContainEqual([type, span]));

  it.each([
    ["a mention at the start", "@rio_22 same here, day 40 today"],
    ["a mention after a greeting", "hey @mara.k congrats on the chip"],
    ["a famous person", "Demi Lovato talked about her relapse on a podcast"],
    ["a work", "we watched the Johnny Cash documentary at the clubhouse"],
    ["a game", "game night: Mario Kart and snacks"],
    ["spanish words before del", "estoy cansada del trabajo hoy"],
    ["a spelled number and a street word", "got a one way ticket home"],
    ["a router", "my router says 192.168.0.1 is the gateway"],
  ])("not PII: %s", (_, text) => expect(redacted(text)).toBe(text));

  it("a handle with a platform stays found even at the start", () =>
    expect(found("@sober.sam on insta, follow me")).toContainEqual(["handle", "@sober.sam"]));
});

describe("handle: named after its platform with 'as'", () => {
  it.each([
    ["the guy selling pressed pills is on snap as blaze_man420, warn your kids", "blaze_man420"],
    ["shes on insta as luz.del.dia_88 if you want to see the hike pics", "luz.del.dia_88"],
  ])("redacts %j", (t, handle) => expect(moderate(t).redacted).not.toContain(handle));
  it("leaves a verb alone", () =>
    expect(moderate("i snap as much as i can lately").redacted).toBe("i snap as much as i can lately"));
});
