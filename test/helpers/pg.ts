/**
 * PostgreSQL for the tests: the machine's server (LANTERN_TEST_PG_URL, by default
 * postgres://postgres@127.0.0.1:5432/test, trust auth), one freshly created database per test,
 * dropped after it. Without a server the suites skip with a printed reason, unless
 * LANTERN_REQUIRE_SERVICES=1 (CI), where they fail instead.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";

export const PG_ADMIN_URL = process.env.LANTERN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Why PostgreSQL cannot be used here, or null when it can. */
export async function pgUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (e) {
    return `no PostgreSQL at ${new URL(PG_ADMIN_URL).host} (${(e as { code?: string }).code ?? (e as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** `describe` for a suite that needs PostgreSQL: skips with a reason, or fails under CI. */
export function describeWithPostgres(name: string, reason: string | null, body: () => void): void {
  if (!reason) {
    describe(name, body);
    return;
  }
  if (process.env.LANTERN_REQUIRE_SERVICES === "1") {
    describe(name, () => {
      throw new Error(`"${name}" needs PostgreSQL and LANTERN_REQUIRE_SERVICES=1: ${reason}`);
    });
    return;
  }
  process.stderr.write(
    `\n[lantern] SKIPPED "${name}": ${reason} (set LANTERN_REQUIRE_SERVICES=1 to fail instead).\n`,
  );
  describe.skip(name, body);
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface FreshDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server; `drop()` removes it (closing what still uses it). */
export async function freshDatabase(): Promise<FreshDatabase> {
  const name = `lantern_t_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
