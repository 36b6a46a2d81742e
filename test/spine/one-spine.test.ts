/**
 * The store-moderated sequence exists once: only the spine calls the store's units of work that
 * keep a moderated text or settle a review, and only the spine's carry-out acts on a verdict's
 * consequences.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path.endsWith(join("server", "db")) || e.name === "web" ? [] : sources(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

const callers = (pattern: RegExp) =>
  sources("server")
    .filter((file) => pattern.test(readFileSync(file, "utf8")))
    .map((f) => f.split("\\").join("/"))
    .sort();

describe("the spine", () => {
  it("is the only caller of the store's moderated writes", () => {
    expect(callers(/\.(storeMessage|editMessage|postThread|postReply|editThread|editReply)\(/)).toEqual([
      "server/spine/kinds.ts",
    ]);
  });

  it("is the only caller of the store's reviews", () => {
    expect(callers(/\.(approveMessage|rejectMessage|approvePost|rejectPost)\(/)).toEqual([
      "server/spine/spine.ts",
    ]);
  });

  it("is the only place that judges a text for storing (the dry-run check route aside)", () => {
    expect(callers(/\bjudge\(/).filter((f) => f !== "server/routes/moderation.ts")).toEqual([
      "server/forum/moderation.ts",
      "server/spine/judge.ts",
      "server/spine/kinds.ts",
    ]);
  });

  it("keeps channel names in the realtime layer", () => {
    expect(
      callers(/\bchannel\.(room|user|staff|staffTier2|forum)\(/).every((f) =>
        f.startsWith("server/realtime/"),
      ),
    ).toBe(true);
  });
});
