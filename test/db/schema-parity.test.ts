/**
 * The two schema files declare the same database: tables, columns (name, nullability, default,
 * primary key), composite keys and indexes (name, columns, unique, partial). Types differ only
 * where the dialects do (integer booleans and JSON text on SQLite, boolean and jsonb on PostgreSQL).
 */
import { getTableConfig as pgConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "../../server/db/pg/schema.ts";
import * as sqlite from "../../server/db/sqlite/schema.ts";

type Cfg = ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>;

function shape(c: Cfg) {
  return {
    name: c.name,
    columns: c.columns
      .map((col) => ({
        name: col.name,
        notNull: col.notNull,
        primary: col.primary,
        hasDefault: col.hasDefault,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: c.primaryKeys.map((k) => k.columns.map((col) => col.name)),
    indexes: c.indexes
      .map((i) => ({
        name: i.config.name ?? "",
        unique: Boolean(i.config.unique),
        partial: Boolean(i.config.where),
        columns: i.config.columns.map((col) => (col as { name: string }).name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const tables = <T extends Record<string, unknown>>(m: T, config: (t: never) => Cfg) =>
  Object.values(m)
    .filter((v) => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v)
    .map((t) => shape(config(t as never)))
    .sort((a, b) => a.name.localeCompare(b.name));

describe("schema parity", () => {
  it("declares the same tables, columns, keys and indexes in both dialects", () => {
    const a = tables(sqlite, sqliteConfig as never);
    const b = tables(pg, pgConfig as never);
    expect(a.map((t) => t.name)).toHaveLength(14);
    // The audit id is an identity column on PostgreSQL, an autoincrement key on SQLite: both defaulted.
    const normal = (ts: typeof a) =>
      ts.map((t) => ({
        ...t,
        columns: t.columns.map((c) =>
          t.name === "audit" && c.name === "id" ? { ...c, hasDefault: true } : c,
        ),
      }));
    expect(normal(b)).toEqual(normal(a));
  });
});
