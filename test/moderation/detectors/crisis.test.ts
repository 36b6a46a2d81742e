import { describe, expect, it } from "vitest";
import { moderate } from "../../../moderation/index.ts";

const crisis = (t: string) => moderate(t).crisis;
const level = (t: string) => crisis(t).level;

describe("laughter cancels hyperbole in its own clause only", () => {
  it.each([
    ["a laugh in another sentence", "lmao that show was wild. i really do want to kill myself tonight"],
    ["an emoji in another sentence", "that meme 😂😂 ok anyway. honestly i want to kill myself"],
  ])("%s does not cancel", (_, text) => expect(level(text)).toBeGreaterThanOrEqual(2));
  it.each([
    ["laugh after", "this traffic, kms lol"],
    ["emoji right after", "kms 😂"],
    ["laugh before", "haha kms"],
  ])("%s still cancels", (_, text) => expect(level(text)).toBe(0));
});

describe("a recovered past governs its clause, not the whole post", () => {
  it.each([
    ["joined by but", "i used to drink every day but now i want to kill myself"],
    [
      "unpunctuated",
      "i used to go to meetings every week and the coffee was bad and the chairs were hard i want to kill myself tonight",
    ],
    ["years ago, then now", "two years ago i was a mess, now i want to die again"],
  ])("%s", (_, text) => expect(level(text)).toBeGreaterThanOrEqual(2));
  it.each([
    "i used to cut myself, 4 years free of it now",
    "3 years ago today i tried to end my life. today im alive and grateful",
  ])("a past stays past: %s", (text) => expect(level(text)).toBe(0));
});

describe("educational talk governs its clause", () => {
  it("a class in one clause does not hide ideation in another", () =>
    expect(level("we had a class on coping skills today, honestly i want to die")).toBeGreaterThanOrEqual(2));
  it("a question about signs stays educational", () =>
    expect(level("what are the warning signs that someone is suicidal")).toBe(0));
});

describe("a post framed as topic talk in its first sentence", () => {
  it.each([
    "psa for the new folks. mixing pills with alcohol slows breathing and a lot of accidental overdoses happen that way",
    "recordatorio para los nuevos: despues de un tiempo sin usar la tolerancia baja y una sobredosis puede pasar con la dosis de antes",
  ])("keeps its impersonal clauses educational: %s", (text) => expect(level(text)).toBeLessThan(2));
  it("still hears the writer speaking in it", () =>
    expect(
      level("heads up for the new folks about the meeting link. honestly i want to die tonight"),
    ).toBeGreaterThanOrEqual(2));
});

describe("someone else's feelings: the subject of the clause, however far back", () => {
  it.each([
    "my brother honestly just wants to disappear forever",
    "my roommate has been really down and keeps saying he feels hopeless",
    "i hear you when you say you feel worthless, it gets better",
  ])("%s", (text) => expect(level(text)).toBe(0));
  it("the writer as the nearer subject is the writer", () =>
    expect(level("my sister says i need help because i want to die")).toBeGreaterThanOrEqual(2));
});

describe("self-injury now is self_harm level 2, accidents are not", () => {
  it.each([
    "sliced my forearm open again after work",
    "i burned my thigh with a cigarette to feel something",
    "kept hitting my legs until they bruised",
    "me corté los brazos otra vez anoche",
  ])("%s", (text) => expect(crisis(text)).toMatchObject({ level: 2, category: "self_harm" }));
  it.each([
    "burned my arm on the oven rack making cookies",
    "cut my leg shaving, bled everywhere lol",
    "slipped on the ice and bruised my hip",
  ])("%s", (text) => expect(level(text)).toBe(0));
  it("gets private support and a case at the default policy", () => {
    const v = moderate("sliced my forearm open again after work");
    expect(v).toMatchObject({ action: "allow", support: true, escalate: true, flag: true });
  });
});

describe("level 3 by composition: a means at hand in the writer's own clause", () => {
  it.each([
    ["loaded, in a drawer", "i keep my pistol loaded in the desk drawer these days"],
    ["already in the car", "theres a noose already in the trunk of my car"],
    ["bought", "i bought bullets on the way home"],
    ["counted out", "my meds are counted out in rows on the bed"],
    ["a common means beside distress", "everything feels pointless and i have a knife hidden in my bag"],
    ["spanish", "ya tengo la soga escondida en el armario"],
  ])("%s", (_, text) => expect(crisis(text)).toMatchObject({ level: 3, category: "self_harm" }));
  it.each([
    ["means restriction", "i gave my gun to my brother so its out of the house"],
    ["locked away", "my dad keeps his rifle locked in the safe"],
    ["ordinary errand", "picked up my meds from the pharmacy, theyre in my bag"],
    ["someone else's", "he bought a gun last week"],
    ["a knife for cooking", "i bought a new knife for the kitchen"],
  ])("%s is not", (_, text) => expect(level(text)).toBeLessThan(3));
  it("names its rule", () => {
    const f = moderate("i keep my pistol loaded in the desk drawer").findings.find(
      (x) => x.kind === "crisis",
    )!;
    expect(f.rule).toBe("crisis.self_harm.means_at_hand");
  });
});

describe("preparation acts", () => {
  it.each([
    "wrote down which songs i want played at my funeral",
    "told my sister who gets my guitar and my records",
    "i wont need any of my stuff after this weekend",
    "updated my will and picked the day, its sunday",
  ])("%s is level 3", (text) => expect(level(text)).toBe(3));
  it.each(["we picked a date for the wedding!", "helping my mom update her will this weekend"])(
    "an ordinary arrangement alone is not: %s",
    (text) => expect(level(text)).toBe(0),
  );
});

describe("negation governs its clause", () => {
  it("a negation before a comma does not reach the next clause", () =>
    expect(level("im not drunk, i just want to die")).toBeGreaterThanOrEqual(2));
  it("a passive wish built on 'wouldnt care' is not negated", () =>
    expect(level("honestly wouldnt care if i didnt wake up at all")).toBe(2));
});
