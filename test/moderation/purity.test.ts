import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../moderation", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("the moderation folder stands alone", () => {
  it("imports nothing from server/ and no Node I/O module, only its own files and libphonenumber-js", () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const specifiers = [
        ...readFileSync(file, "utf8").matchAll(
          /(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\s*\(?\s*["']([^"']+)["']/g,
        ),
      ].map((m) => m[1] ?? m[2]!);
      for (const s of specifiers) {
        const relative = s.startsWith("./") || s.startsWith("../");
        const ok = relative ? join(file, "..", s).startsWith(root) : /^libphonenumber-js(\/|$)/.test(s);
        expect(ok, `${file.slice(root.length)} imports ${s}`).toBe(true);
      }
      expect(readFileSync(file, "utf8"), file).not.toMatch(/\bprocess\.|\brequire\(|\bfetch\(/);
    }
  });
});
