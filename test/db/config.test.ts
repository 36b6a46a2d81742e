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
