import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.ts";

describe("DATABASE_URL", () => {
  it("selects PostgreSQL for postgres:// and postgresql:// URLs, with the pool's settings", () => {
    for (const url of [
      "postgres://u:pw@db.example:6543/lantern",
      "postgresql://u:pw@db.example:6543/lantern",
    ]) {
      const c = loadConfig({ DATABASE_URL: url, JWT_SECRET: "x".repeat(32), DATABASE_POOL_SIZE: "4" });
      expect(c.database).toMatchObject({ kind: "postgres", url, poolSize: 4, statementTimeoutMs: 5000 });
      expect(c.databasePath).toBe("db.example:6543/lantern");
      expect(JSON.stringify(c.databasePath)).not.toContain("pw");
    }
  });

  it("selects SQLite for paths, file: URLs and :memory:", () => {
    expect(loadConfig({ DATABASE_URL: ":memory:", JWT_SECRET: "s" }).database).toEqual({
      kind: "sqlite",
      path: ":memory:",
    });
    expect(loadConfig({ DATABASE_URL: "file:/tmp/x.db", JWT_SECRET: "s" }).database).toEqual({
      kind: "sqlite",
      path: "/tmp/x.db",
    });
  });

  it("requires JWT_SECRET or LANTERN_CONFIG on PostgreSQL, in one line", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://h/db" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: "postgres://h/db" })).toThrow(
      /^JWT_SECRET: is required with a PostgreSQL/,
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://h/db", JWT_SECRET: "s" })).toThrow(/^DATABASE_URL:/);
    expect(() =>
      loadConfig({ DATABASE_URL: "postgres://h/db", JWT_SECRET: "s", DATABASE_POOL_SIZE: "0" }),
    ).toThrow(/^DATABASE_POOL_SIZE:/);
  });
});

describe("REDIS_ADAPTER", () => {
  it("is the sharded fan-out unless classic is asked for, and a bad value is one line", () => {
    expect(loadConfig({ JWT_SECRET: "s", DATABASE_URL: ":memory:" }).redisAdapter).toBe("sharded");
    expect(
      loadConfig({ JWT_SECRET: "s", DATABASE_URL: ":memory:", REDIS_ADAPTER: "classic" }).redisAdapter,
    ).toBe("classic");
    expect(() => loadConfig({ JWT_SECRET: "s", DATABASE_URL: ":memory:", REDIS_ADAPTER: "shard" })).toThrow(
      /^REDIS_ADAPTER: expected one of sharded, classic/,
    );
  });
});

describe("scripts report a bad configuration in the server's one line", () => {
  const run = (script: string, env: Record<string, string>, args: string[] = []) =>
    spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: resolve(import.meta.dirname, "../.."),
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
      timeout: 20_000,
    });

  it("token, seed and audit:verify: `<script>: configuration error: VARIABLE: why`, exit 78", () => {
    for (const [name, script, args] of [
      ["token", "scripts/token.ts", ["--sub", "alice"]],
      ["seed", "scripts/seed.ts", []],
      ["audit:verify", "scripts/audit-verify.ts", []],
    ] as const) {
      const r = run(script, { DATABASE_URL: "postgres://u:hunter2@db.example/lantern" }, [...args]);
      expect(r.stderr).toBe(
        `${name}: configuration error: JWT_SECRET: is required with a PostgreSQL DATABASE_URL (or give tenants in LANTERN_CONFIG)\n`,
      );
      expect(r.status).toBe(78);
    }
    const bad = run("scripts/token.ts", { DATABASE_URL: "mysql://h/db" }, ["--sub", "alice"]);
    expect(bad.stderr).toMatch(/^token: configuration error: DATABASE_URL: [^\n]*\n$/);
    expect(bad.status).toBe(78);
  });

  it("token still signs with JWT_SECRET", () => {
    const r = run("scripts/token.ts", { DATABASE_URL: ":memory:", JWT_SECRET: "s".repeat(32) }, [
      "--sub",
      "alice",
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});
