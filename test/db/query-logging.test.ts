import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/sqlite/client.ts";
import { isUniqueViolation } from "../../server/db/sqlite/errors.ts";
import { messages } from "../../server/db/sqlite/schema.ts";
import { captureLogs } from "../helpers/logs.ts";

describe("logging a failed query", () => {
  it("keeps the failure's type, code and query but withholds its parameters", () => {
    // A real constraint failure from the driver, then drizzle's wrapper around it.
    const db = openDatabase(":memory:");
    const row = {
      id: "m_1",
      tenant: "t",
      roomId: "r",
      authorHandle: "u",
      clientId: "c",
      body: "SECRET-BODY-TEXT call 415-555-0132",
      status: "visible",
      action: "allow",
      reasons: [],
      findings: [],
      createdAt: "2026-01-01T00:00:00.000Z",
    };
    db.insert(messages).values(row).run();
    let failure: unknown;
    try {
      db.insert(messages).values(row).run();
    } catch (e) {
      failure = e;
    }
    expect(isUniqueViolation(failure, "messages")).toBe(true);
    expect(isUniqueViolation(failure, "threads")).toBe(false);
    // drizzle's async paths wrap the driver error with the parameters in the message.
    const wrapped = new DrizzleQueryError(
      "insert into messages values (?, ?)",
      [row.id, row.body],
      failure as Error,
    );
    expect(String(wrapped)).toContain("SECRET-BODY-TEXT");
    expect(isUniqueViolation(wrapped, "messages")).toBe(true);

    const logs = captureLogs();
    logs.logger.error({ err: wrapped }, "insert failed");
    const logged = logs.text();
    expect(logged).toContain("SQLITE_CONSTRAINT_UNIQUE");
    expect(logged).toContain("parameters withheld");
    expect(logged).not.toContain("SECRET-BODY-TEXT");
    expect(logged).not.toContain("0132");
  });
});
