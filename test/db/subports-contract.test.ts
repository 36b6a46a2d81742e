/**
 * The store's sub-ports (people.ts, deliveries.ts), one contract over both implementations:
 * SQLite in a temp file, PostgreSQL in a fresh database per test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { verifyAudit } from "../../server/db/audit-chain.ts";
import { openPgStore } from "../../server/db/pg/store.ts";
import { openSqliteStore } from "../../server/db/sqlite/store.ts";
import type { CaseOpening, Store } from "../../server/db/store.ts";
import { freshDatabase, pgUnavailable } from "../helpers/pg.ts";

const pgReason = await pgUnavailable();
const requireServices = process.env.LANTERN_REQUIRE_SERVICES === "1";
if (pgReason && !requireServices)
  process.stderr.write(`\n[lantern] SKIPPED the PostgreSQL sub-port contract: ${pgReason}\n`);

const backends: { name: string; open(): Promise<{ store: Store; cleanup(): Promise<void> }> }[] = [
  {
    name: "sqlite",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "lantern-subports-"));
      const store = openSqliteStore(join(dir, "x.db"));
      return {
        store,
        cleanup: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    async open() {
      const fresh = await freshDatabase();
      const store = await openPgStore({
        url: fresh.url,
        poolSize: 5,
        statementTimeoutMs: 5_000,
        connectTimeoutMs: 3_000,
        startTimeoutMs: 5_000,
      });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await fresh.drop();
        },
      };
    },
  },
];

const opening = (tenant: string, subjectHandle: string): CaseOpening => ({
  tenant,
  source: "crisis",
  level: 3,
  category: "self_harm",
  roomId: null,
  subjectHandle,
  actor: "system",
  slaSeconds: 300,
  webhook: true,
});

describe.each(backends.filter((b) => b.name === "sqlite" || !pgReason || requireServices))(
  "store sub-ports ($name)",
  (backend) => {
    let cleanup: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });
    const open = async () => {
      const o = await backend.open();
      cleanup = o.cleanup;
      return o.store;
    };

    it("reveals a case's subject once per call, audited, only within the tenant and tier", async () => {
      const store = await open();
      const handle = await store.upsertUser("acme", "patient-1", "Sky", "participant");
      const row = await store.storeMessage(
        {
          id: "m1",
          tenant: "acme",
          roomId: "r1",
          authorHandle: handle,
          clientId: "c1",
          body: "x",
          status: "held",
          replyTo: null,
          action: "hold",
          reasons: [],
          findings: [],
          level: 3,
          category: "self_harm",
        },
        { ...opening("acme", handle), roomId: "r1", messageId: "m1" },
      );
      const caseId = row.caseOpened!.id;
      expect(await store.people.revealCaseSubject("acme", caseId, "u_staff", 1)).toEqual({
        handle,
        name: "Sky",
        sub: "patient-1",
      });
      await expect(store.people.revealCaseSubject("acme", caseId, "u_doc", 2)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(store.people.revealCaseSubject("other", caseId, "u_x", 1)).rejects.toMatchObject({
        code: "not_found",
      });
      const trail = await store.auditPage("acme", undefined, 100);
      expect(trail.rows.filter((r) => r.action === "case.identity_shown")).toHaveLength(1);
      expect(await verifyAudit(store, "acme")).toMatchObject({ ok: true });

      // The case.opened webhook names the subject by sub.
      const [due] = await store.claimDue("n1", 30_000, 10);
      expect(JSON.parse(due!.body).data.subject).toEqual({ handle, sub: "patient-1" });
    });

    it("lists, redelivers and pings deliveries per tenant", async () => {
      const store = await open();
      const ping = await store.deliveries.enqueuePing("acme");
      expect(ping).toMatchObject({ type: "ping", status: "pending", attempts: 0 });
      await store.deliveries.enqueuePing("other");
      const [claimed] = await store.claimDue("n1", 30_000, 1);
      await expect(store.deliveries.redeliver(claimed!.tenant, claimed!.id)).rejects.toMatchObject({
        code: "conflict",
      });
      await store.settle(claimed!.id, "n1", { attempts: 1, error: null, status: 204 });
      const list = await store.deliveries.list(claimed!.tenant, 10);
      expect(list.rows.find((d) => d.id === claimed!.id)).toMatchObject({
        status: "delivered",
        lastStatus: 204,
        nextAttemptAt: null,
      });
      expect((await store.deliveries.list("acme", 10)).rows.map((d) => d.id)).toEqual([ping.id]);
      expect(await store.deliveries.redeliver("nobody", claimed!.id)).toBeUndefined();
      expect(await store.deliveries.redeliver(claimed!.tenant, claimed!.id)).toMatchObject({
        status: "pending",
      });
      const page = await store.deliveries.list("acme", 1, ping.id);
      expect(page).toEqual({ rows: [], hasMore: false });
    });

    it("exports and deletes only a known user of the tenant", async () => {
      const store = await open();
      await store.upsertUser("acme", "patient-2", "Jo", "participant");
      expect(await store.people.exportUser("other", "patient-2", "u_admin")).toBeUndefined();
      expect(await store.people.deleteUser("other", "patient-2", "u_admin")).toBeUndefined();
      const out = await store.people.exportUser("acme", "patient-2", "u_admin");
      expect(out?.user).toMatchObject({ sub: "patient-2", name: "Jo" });
      expect(await store.people.deleteUser("acme", "patient-2", "u_admin")).toEqual({
        messages: 0,
        threads: 0,
        replies: 0,
        reactions: 0,
        memberships: 0,
        mutes: 0,
      });
      expect((await store.people.exportUser("acme", "patient-2", "u_admin"))?.user.name).toBe("[removed]");
      expect(await verifyAudit(store, "acme")).toMatchObject({ ok: true });
    });
  },
);
