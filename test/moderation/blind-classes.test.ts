/**
 * Classes of language found by the blind set (fixtures/blind.jsonl), tested with different
 * wording so the rules, not the sentences, are what passes.
 */
import { describe, expect, it } from "vitest";
import { moderate } from "../../moderation/index.ts";

const crisis = (t: string) => {
  const c = moderate(t).crisis;
  return [c.level, c.category];
};

describe("blind classes: obfuscation", () => {
  it("a failed split run does not swallow the next one", () =>
    expect(crisis("so i b.u.r.n.e.d again last night")[0]).toBeGreaterThanOrEqual(2));
  it("two-letter split words tied to longer ones", () =>
    expect(crisis("i  w a n n a  d i e")[0]).toBeGreaterThanOrEqual(2));
  it("unsplit short words stay apart", () => expect(moderate("i am ok, a b test").crisis.level).toBe(0));
});

describe("blind classes: signals", () => {
  it.each([
    ["stockpiling a named medication", "been hoarding my trazodone for a month", 3, "self_harm"],
    ["lethal-dose research", "looked into how much of my lithium it would take", 3, "self_harm"],
    ["a large amount taken at once", "i took a handful of percocets like ten min ago", 4, "overdose"],
    ["a recent reversed overdose", "overdosed yesterday, the medics had to narcan me", 4, "overdose"],
    ["spanish wish to die", "a veces me dan ganas de desaparecer", 2, "self_harm"],
    ["spanish threat with a time", "lo voy a matar a ese cuando lo vea", 3, "harm_others"],
    ["thinking about hurting people", "i keep having to think about hurting someone", 2, "harm_others"],
    ["a named method against a person", "im going to shoot him", 2, "harm_others"],
    ["heading out with a weapon", "heading over there tonight with my knife", 4, "harm_others"],
    ["blackmail", "she said shell post my pics if i dont pay", 2, "abuse"],
    ["fear of a partner", "honestly im terrified of my boyfriend", 2, "abuse"],
    ["using now", "so drunk rn lmao dont judge", 1, "relapse"],
    ["ideation while intoxicated raises", "im wasted and i want to die", 3, "self_harm"],
    ["means laid out raises", "i want to end my life, pills lined up on the desk", 3, "self_harm"],
  ])("%s", (_, text, lvl, cat) => expect(crisis(text)).toEqual([lvl, cat]));
});

describe("blind classes: must not fire", () => {
  it.each([
    ["cringe hyperbole", "that karaoke was so cringe i could die"],
    ["screening question answered no", "the nurse asked if i ever wanted to kill myself, i told her no"],
    ["book talk", "the memoir is about her suicide attempt and recovery"],
    ["a dose", "took 50 mg of sertraline with breakfast"],
    ["hurt feelings", "i think about hurting her feelings back then"],
    ["fear of a reaction", "scared of my wife finding out i skipped group"],
    ["high risk", "im high risk for heart stuff so no energy drinks"],
    ["going somewhere with someone", "going to the store right now with my sister"],
  ])("%s", (_, text) => expect(moderate(text).crisis.level).toBe(0));
});

describe("blind classes: solicitation", () => {
  it("meeting at someone's place", () =>
    expect(moderate("we could hang out at my apartment after").solicitation).toBe(true));
});
