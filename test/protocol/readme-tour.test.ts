/** The README's five-minute tour, run as written (seed, token, the typed client) against a real server. */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SECRET, startServer, type TestServer } from "../helpers/server.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const tour = /## A five-minute tour[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe("the README tour", () => {
  it("runs with the typed client and shows the redaction", async () => {
    expect(tour).toContain("shared/client/index.ts");
    // Asynchronously: the server answering the tour lives in this process.
    const child = spawn("bash", ["-euo", "pipefail", "-c", tour], {
      cwd: root,
      env: {
        ...process.env,
        LANTERN_URL: server.url,
        DATABASE_URL: server.databasePath,
        JWT_SECRET: DEFAULT_SECRET,
        LANTERN_CONFIG: "",
        LOG_LEVEL: "silent",
      },
    });
    const r = { stdout: "", stderr: "", status: -1 };
    child.stdout.on("data", (d) => (r.stdout += d));
    child.stderr.on("data", (d) => (r.stderr += d));
    r.status = await new Promise<number>((done) => child.on("close", (code) => done(code ?? -1)));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("redact day 30! text me at [phone]");
    expect(r.stdout).toMatch(/1 Sky/);
  }, 90_000);
});
