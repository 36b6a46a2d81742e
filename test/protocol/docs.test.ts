import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AUTH_REFUSAL_REASONS, ERROR_CODES } from "../../shared/errors.ts";
import { CLIENT_EVENTS, SERVER_EVENTS } from "../../shared/events.ts";

const doc = readFileSync(new URL("../../docs/protocol.md", import.meta.url), "utf8");

/** Event names in the first column of a markdown table: "| `name` | ...". */
const tableEvents = (text: string) => [...text.matchAll(/^\| `([a-z]+(?::[a-z]+)?)` \|/gm)].map((m) => m[1]!);

describe("the integrators' protocol doc matches the shared types", () => {
  it("documents every client and server event and every error code", () => {
    const documented = new Set(tableEvents(doc));
    for (const e of [...CLIENT_EVENTS, ...SERVER_EVENTS]) expect(documented, e).toContain(e);
    for (const code of ERROR_CODES) expect(doc, code).toContain(`\`${code}\``);
    for (const reason of AUTH_REFUSAL_REASONS) expect(doc, reason).toContain(`\`${reason}\``);
  });

  it("documents no event the server does not have", () => {
    const known = new Set<string>([...CLIENT_EVENTS, ...SERVER_EVENTS]);
    for (const e of tableEvents(doc)) expect(known, e).toContain(e);
  });
});
