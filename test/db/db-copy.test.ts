/** `npm run db:copy`: a SQLite database into an empty PostgreSQL one, audit chain intact. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { openSqliteStore } from "../../server/db/sqlite/store.ts";
import { describeWithPostgres, type FreshDatabase, freshDatabase, pgUnavailable } from "../helpers/pg.ts";

const reason = await pgUnavailable();
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, JWT_SECRET: "copy-test-secret", ...env },
  });

describeWithPostgres("db:copy", reason, () => {
  let fresh: FreshDatabase | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await fresh?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("copies every table with seqs and audit chain, then refuses a non-empty target", async () => {
    dir = mkdtempSync(join(tmpdir(), "lantern-copy-"));
    const file = join(dir, "lantern.db");
    const store = openSqliteStore(file);
    const audit = { tenant: "default", actor: "u_s", action: "room.created", target: "r1" };
    await store.createRoom(
      {
        id: "r1",
        tenant: "default",
        kind: "group",
        name: "R",
        topic: null,
        visibility: "open",
        policy: null,
        createdBy: null,
      },
      ["alice"],
      audit,
    );
    for (let i = 0; i < 30; i++)
      await store.storeMessage(
        {
          id: `m${i}`,
          tenant: "default",
          roomId: "r1",
          authorHandle: "u_a",
          clientId: `c${i}`,
          body: "hi",
          status: "visible",
          replyTo: null,
          action: "allow",
          reasons: [],
          findings: [{ kind: "x" }],
          level: 0,
          category: null,
        },
        null,
      );
    for (let i = 0; i < 5; i++)
      await store.mute("r1", `u_${i}`, 1, "u_s", { ...audit, action: "member.muted" });
    await store.close();

    fresh = await freshDatabase();
    const copy = run("scripts/db-copy.ts", ["--from", file, "--to", fresh.url], {});
    expect(copy.stderr).toBe("");
    expect(copy.status).toBe(0);
    expect(copy.stdout).toMatch(/messages\s+30/);
    const verify = run("scripts/audit-verify.ts", [], { DATABASE_URL: fresh.url });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('"ok":true,"checked":6');

    const again = run("scripts/db-copy.ts", ["--from", file, "--to", fresh.url], {});
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect(again.stderr).toMatch(/is not empty/);
    expect(again.stderr).not.toContain("postgres@");
  });
});
