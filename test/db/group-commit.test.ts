import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { groupTransaction, openDatabase } from "../../server/db/sqlite/client.ts";
import { isUniqueViolation } from "../../server/db/sqlite/errors.ts";
import { insertMessage } from "../../server/db/sqlite/repos/messages.ts";
import { nextSeq } from "../../server/db/sqlite/repos/rooms.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "lantern-group-"));
  dirs.push(dir);
  const db = openDatabase(join(dir, "x.db"));
  db.$client
    .prepare(
      "insert into rooms (id, tenant, kind, name, visibility, created_at) values ('r1', 't', 'group', 'R', 'open', '2026')",
    )
    .run();
  const store = (clientId: string) =>
    groupTransaction(db, () =>
      insertMessage(db, {
        id: `m_${clientId}`,
        tenant: "t",
        roomId: "r1",
        seq: nextSeq(db, "r1"),
        authorHandle: "u",
        clientId,
        body: "hello",
        status: "visible",
        replyTo: null,
        action: "allow",
        reasons: [],
        findings: [],
        level: 0,
        category: null,
        createdAt: "2026-11-27T00:00:00.000Z",
      }),
    );
  return { db, store };
}

describe("group commit", () => {
  it("commits the writes of one turn together; a failing one gives back its seq and fails alone", async () => {
    const { db, store } = setup();
    // Asked in one turn: one transaction; the third reuses a clientId, so its insert fails.
    const results = await Promise.allSettled([store("a"), store("b"), store("a"), store("c")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(isUniqueViolation((results[2] as PromiseRejectedResult).reason, "messages")).toBe(true);
    const seqs = db.$client.prepare("select seq from messages order by seq").pluck().all();
    expect(seqs).toEqual([1, 2, 3]);
    expect(db.$client.prepare("select last_seq from rooms").pluck().get()).toBe(3);
    expect((results[3] as PromiseFulfilledResult<{ seq: number }>).value.seq).toBe(3);
  });

  it("settles only after the commit, and later turns continue the sequence", async () => {
    const { db, store } = setup();
    const pending = store("x");
    // Nothing is written before the group runs.
    expect(db.$client.prepare("select count(*) from messages").pluck().get()).toBe(0);
    await pending;
    expect(db.$client.inTransaction).toBe(false);
    await store("y");
    expect(db.$client.prepare("select seq from messages order by seq").pluck().all()).toEqual([1, 2]);
  });
});
