import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every file outside server/db/ (and its one opener) that talks to storage. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path.endsWith(join("server", "db")) || e.name === "web" ? [] : sources(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

describe("the storage port", () => {
  it("is all that services, routes, handlers and jobs see of the database", () => {
    const offenders = sources("server").filter((file) => {
      const text = readFileSync(file, "utf8");
      return (
        /from "(better-sqlite3|pg|drizzle-orm[^"]*)"/.test(text) ||
        /db\/(sqlite|pg)\//.test(text) ||
        /\b(select|insert|update|delete)\s+.*\b(from|into|set)\b/i.test(
          text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""),
        )
      );
    });
    expect(offenders).toEqual([]);
  });
});
