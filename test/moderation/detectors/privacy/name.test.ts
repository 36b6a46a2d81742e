/**
 * A third party's full name is found from how it is introduced ("my sponsor X Y", "his name is
 * X Y", "tell X Y", "X Y from the tuesday group", "se llama X Y"), not only when its first name is
 * on a list; the writer's ordinary words, capitalised or not, stay visible.
 */
import { describe, expect, it } from "vitest";
import { moderate } from "../../../../moderation/index.ts";

const names = (t: string) =>
  moderate(t)
    .privacy.filter((p) => p.type === "name")
    .map((p) => t.slice(p.start, p.end));

describe("name: introduced by context, first name on no list", () => {
  it.each([
    ["a relation, capitalised", "my sponsor Tobias Wrenfield said hi", "Tobias Wrenfield"],
    ["a relation, lower case", "my sponsor tobias wrenfield said hi", "tobias wrenfield"],
    ["a relation's name is", "my caseworker's name is Wendell Achterberg", "Wendell Achterberg"],
    ["his name is", "his name is Oskar Lindqvist and he scares me", "Oskar Lindqvist"],
    ["her name's, lower case", "her name's thandiwe mokoena, shes new", "thandiwe mokoena"],
    ["named", "a guy named Kwame Asante keeps messaging", "Kwame Asante"],
    ["tell", "tell Osei Mensah i said thanks", "Osei Mensah"],
    ["from a group", "Anouk Verhoeven from the tuesday group relapsed", "Anouk Verhoeven"],
    ["from a group, lower case", "anouk verhoeven from the tuesday group relapsed", "anouk verhoeven"],
    ["three words", "my counselor Bartholomew Okonkwo Adeyemi is leaving", "Bartholomew Okonkwo Adeyemi"],
    ["a relation after, apposition", "Osei Mensah, my sponsor, said to call", "Osei Mensah"],
    ["a relation after, lower case", "osei mensah is my sponsor now", "osei mensah"],
    ["a person called", "a guy called kwame asante keeps messaging", "kwame asante"],
    ["spanish su nombre es", "su nombre es Ximena Quiroga", "Ximena Quiroga"],
    ["spanish relation after", "ximena quiroga es mi terapeuta", "ximena quiroga"],
    ["spanish se llama", "mi terapeuta se llama Ximena Quiroga", "Ximena Quiroga"],
    ["spanish se llama, lower case", "el se llama ezequiel barraza y me da miedo", "ezequiel barraza"],
    ["spanish relation", "mi padrino Ezequiel Barraza me llamó", "Ezequiel Barraza"],
  ])("%s", (_why, text, name) => expect(names(text)).toEqual([name]));
});

describe("name: ordinary words stay visible", () => {
  it.each([
    "my sponsor said hi",
    "my therapist suggested journaling",
    "my dad bought beer again",
    "my sponsor really gets it",
    "my sponsor Thinks Differently about it",
    "tell Mom Happy Birthday from me",
    "tell Everyone Thanks",
    "i prayed with Higher Power tonight",
    "ask Big Book questions at the meeting",
    "my sister moved to New York",
    "Step Nine from the tuesday group was hard",
    "my mom made lasagna tonight",
    "his name is on the list",
    "se llama como su abuela",
    "mi padrino dice que todo va bien",
    "mi novio toma mucho los fines",
    "mi mamá cocina rico",
    "for my mom's intake form tonight",
    "my counselor at Kaiser Permanente is nice",
    "feeling better, is my sponsor around",
    "work stress, my therapist says breathe",
    "honestly tired is my excuse",
    "i called my mom last night",
    "mi nombre es importante para mi",
  ])("%j", (t) => expect(names(t)).toEqual([]));
});

describe("name: public figures in the possessive", () => {
  it.each(["Amy Winehouse's songs got me through detox", "Demi Lovato's interview made me cry"])(
    "leaves %j alone",
    (t) => expect(moderate(t).redacted).toBe(t),
  );
});
