import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const docs = [
  "README.md",
  "moderation/README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

describe("the repository stands alone", () => {
  it("links only files inside the repository from its READMEs and docs", () => {
    for (const doc of docs) {
      const text = readFileSync(join(root, doc), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const file = resolve(root, dirname(doc), target!.split("#")[0]!);
        expect(relative(root, file).startsWith(".."), `${doc} -> ${target}`).toBe(false);
        expect(existsSync(file), `${doc} -> ${target}`).toBe(true);
      }
      expect(text, doc).not.toMatch(/PROTOCOL\.md|team folder/);
    }
  });
});
