import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const MIGRATIONS = readdirSync(new URL("../../drizzle", import.meta.url)).filter((f) =>
  f.endsWith(".sql"),
).length;

/** Start `n` children that open `path` at the same moment; resolves with what each said. */
async function openTogether(path: string, n: number): Promise<string[]> {
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ["--import", "tsx", "test/helpers/open-db.ts", path], {
      stdio: ["pipe", "pipe", "inherit"],
    }),
  );
  const outputs = children.map(
    (child) =>
      new Promise<string>((resolve) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
        });
        child.on("exit", () => resolve(out.replace("ready\n", "").trim()));
      }),
  );
  // Every child has loaded its code before any of them touches the file.
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          const onData = (d: Buffer) => {
            if (String(d).includes("ready")) {
              child.stdout.off("data", onData);
              resolve();
            }
          };
          child.stdout.on("data", onData);
        }),
    ),
  );
  for (const child of children) child.stdin.write("go\n");
  return Promise.all(outputs);
}

describe("nodes starting together on one new database", () => {
  it("all open it, switch it to WAL and migrate it once, whoever wins the race", async () => {
    for (let round = 0; round < 4; round++) {
      const path = join(mkdtempSync(join(tmpdir(), "lantern-start-")), "shared.db");
      const results = await openTogether(path, 6);
      expect(results).toEqual(Array(6).fill("ok"));
      const db = new Database(path, { readonly: true });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const applied = db.prepare("select count(*) n from __drizzle_migrations").get() as { n: number };
      db.close();
      // Every committed migration applied exactly once.
      expect(applied.n).toBe(MIGRATIONS);
    }
  }, 60_000);
});
