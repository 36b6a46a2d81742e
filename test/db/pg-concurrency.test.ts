/**
 * PostgreSQL under many writers at once, where SQLite's single writer hid every race: three
 * stores (three nodes' pools) on one fresh database, each test in its own database.
 */
import { afterEach, expect, it, vi } from "vitest";
import { verifyAudit } from "../../server/db/audit-chain.ts";
import { openPgStore } from "../../server/db/pg/store.ts";
import type { CaseOpening, NewMessage, Store } from "../../server/db/store.ts";
import { describeWithPostgres, type FreshDatabase, freshDatabase, pgUnavailable } from "../helpers/pg.ts";

const reason = await pgUnavailable();
const T = "acme";
const options = (url: string) => ({
  url,
  poolSize: 8,
  statementTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  startTimeoutMs: 5_000,
});

const message = (id: string, over: Partial<NewMessage> = {}): NewMessage => ({
  id,
  tenant: T,
  roomId: "r1",
  authorHandle: "u_a",
  clientId: id,
  body: "hello",
  status: "visible",
  replyTo: null,
  action: "allow",
  reasons: [],
  findings: [],
  level: 0,
  category: null,
  ...over,
});
const crisis = (messageId: string, over: Partial<CaseOpening> = {}): CaseOpening => ({
  tenant: T,
  source: "crisis",
  level: 3,
  category: "ideation",
  roomId: "r1",
  messageId,
  subjectHandle: "u_a",
  actor: "system",
  slaSeconds: 300,
  webhook: true,
  ...over,
});
const audit = (action: string, target: string) => ({ tenant: T, actor: "u_staff", action, target });

describeWithPostgres("PostgreSQL store under concurrent writers", reason, () => {
  let fresh: FreshDatabase | undefined;
  let nodes: Store[] = [];

  async function cluster(n = 3): Promise<Store[]> {
    fresh = await freshDatabase();
    nodes = await Promise.all(Array.from({ length: n }, () => openPgStore(options(fresh!.url))));
    await nodes[0]!.createRoom(
      {
        id: "r1",
        tenant: T,
        kind: "group",
        name: "R",
        topic: null,
        visibility: "open",
        policy: null,
        createdBy: null,
      },
      [],
      audit("room.created", "r1"),
    );
    return nodes;
  }
  const on = (i: number) => nodes[i % nodes.length]!;

  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(nodes.map((s) => s.close()));
    nodes = [];
    await fresh?.drop();
    fresh = undefined;
  });

  it("several nodes starting together on an empty database migrate it once", async () => {
    fresh = await freshDatabase();
    nodes = await Promise.all(Array.from({ length: 4 }, () => openPgStore(options(fresh!.url))));
    const s = nodes[0] as Store & { db: { execute(q: unknown): Promise<{ rows: { n: number }[] }> } };
    const { sql } = await import("drizzle-orm");
    const r = await s.db.execute(sql`select count(*)::int as n from __drizzle_migrations`);
    const { readFileSync } = await import("node:fs");
    const journal = JSON.parse(
      readFileSync(new URL("../../drizzle-pg/meta/_journal.json", import.meta.url), "utf8"),
    );
    expect(r.rows[0]!.n).toBe(journal.entries.length);
    // A database migrated by a newer Lantern is refused with a clear line.
    await s.db.execute(
      sql`insert into __drizzle_migrations (hash, created_at) values ('future', 99999999999999)`,
    );
    await expect(openPgStore(options(fresh.url))).rejects.toThrow(/migrated by a newer Lantern/);
  });

  it("room seq is gapless 1..300 under concurrent senders on three nodes", async () => {
    await cluster();
    const stored = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        on(i).storeMessage(message(`m${i}`, { status: i % 50 === 7 ? "held" : "visible" }), null),
      ),
    );
    const seqs = stored.map((s) => s.row.seq).filter((s): s is number => s !== null);
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 294 }, (_, i) => i + 1));
    // Held ones approved at once from every node take the next seqs, still without a gap.
    const held = stored.filter((s) => s.row.seq === null).map((s) => s.row.id);
    const approved = await Promise.all(held.map((id, i) => on(i).approveMessage(T, id, "u_staff")));
    expect(approved.map((a) => a.row.seq).sort()).toEqual([295, 296, 297, 298, 299, 300]);
    const page = await on(1).pageAfter("r1", 0, 1000);
    expect(page.rows.map((r) => r.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it("two reviewers approving one held message at once: one wins, one conflict, one seq", async () => {
    await cluster();
    await on(0).storeMessage(message("mh", { status: "held" }), null);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 ? on(i).approveMessage(T, "mh", "u_s") : on(i).rejectMessage(T, "mh", "u_s", "no"),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const audits = (await on(0).auditAfter(T, 0, 100)).filter((a) => a.target === "mh");
    expect(audits).toHaveLength(1);
  });

  it("one held forum reply approved from three nodes at once: one winner, one seq", async () => {
    await cluster();
    const post = { tenant: T, authorHandle: "u_a", action: "allow", reasons: [], findings: [] };
    await on(0).postThread(
      { ...post, id: "t_1", clientId: "t1", title: "T", body: "B", status: "visible", tags: [] },
      null,
    );
    await on(0).postReply(
      { ...post, id: "p_1", threadId: "t_1", clientId: "p1", body: "R", status: "held" },
      null,
    );
    const results = await Promise.allSettled(
      Array.from({ length: 9 }, (_, i) => on(i).approvePost(T, "reply", "p_1", "u_s")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // Replies posted at the same time as approvals keep the forum seq gapless.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        on(i).postReply(
          { ...post, id: `p_x${i}`, threadId: "t_1", clientId: `x${i}`, body: "R", status: "visible" },
          null,
        ),
      ),
    );
    expect(await on(2).currentForumSeq(T)).toBe(32);
    expect((await on(1).findThread(T, "t_1"))?.replyCount).toBe(31);
  });

  it("300 concurrent audited actions over three nodes never fork the tenant's chain", async () => {
    await cluster();
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        on(i).mute("r1", `u_${i % 40}`, 5, "u_s", audit("member.muted", `u_${i % 40}`)),
      ),
    );
    const r = await verifyAudit(on(1), T);
    expect(r).toEqual({ ok: true, checked: 301 });
  });

  it("no lost update: concurrent reactions, reports and case notes", async () => {
    await cluster();
    await on(0).storeMessage(message("m1"), null);
    await Promise.all(Array.from({ length: 40 }, (_, i) => on(i).toggleReaction(T, "m1", `u_${i}`, "❤️")));
    // The same person toggling twice at once ends where they started.
    await Promise.all([0, 1].map((i) => on(i).toggleReaction(T, "m1", "u_same", "👍")));
    const [wire] = await on(2).toMessages(T, [(await on(2).findMessage(T, "m1"))!]);
    expect(wire!.reactions).toEqual({ "❤️": 40 });
    const opening = {
      ...crisis("m1", { source: "report", webhook: false }),
      messageId: "m1",
      reporterHandle: "u_r",
    };
    const reports = await Promise.all(Array.from({ length: 9 }, (_, i) => on(i).report(opening)));
    expect(new Set(reports.map((r) => r.case.id)).size).toBe(1);
    expect(reports.filter((r) => r.isNew)).toHaveLength(1);
    const caseId = reports[0]!.case.id;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        on(i).changeCase(T, caseId, () => ({
          set: {},
          note: { by: "S", text: `n${i}` },
          audit: audit("case.noted", caseId),
        })),
      ),
    );
    const [c] = await on(0).listCases(T, 1);
    expect(c!.notes).toHaveLength(20);
    expect((await verifyAudit(on(0), T)).ok).toBe(true);
  });

  it("outbox: workers on every node claim each row once at a time (SKIP LOCKED)", async () => {
    await cluster();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => on(i).storeMessage(message(`m${i}`), crisis(`m${i}`))),
    );
    const claims = await Promise.all(
      Array.from({ length: 9 }, (_, i) => on(i).claimDue(`node-${i}`, 30_000, 10)),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(await on(0).claimDue("late", 30_000, 100)).toEqual([]);
  });

  it("the SLA sweeper escalates each overdue case exactly once across nodes", async () => {
    await cluster();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        on(i).storeMessage(message(`m${i}`), crisis(`m${i}`, { slaSeconds: 0 })),
      ),
    );
    const sweeps = await Promise.all(Array.from({ length: 6 }, (_, i) => on(i).sweepOverdue(() => true)));
    const moved = sweeps.flat().map((m) => m.case.id);
    expect(moved).toHaveLength(40);
    expect(new Set(moved).size).toBe(40);
    const escalations = (await on(0).auditAfter(T, 0, 1000)).filter(
      (a) => a.action === "case.auto_escalated",
    );
    expect(escalations).toHaveLength(40);
    const hooks = (await on(0).claimDue("n", 1000, 1000)).filter((r) => r.type === "case.escalated");
    expect(hooks).toHaveLength(40);
  });

  it("deadlines come from the database clock, not a node's clock 30 s off", async () => {
    await cluster(1);
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + 30_000);
    const { caseOpened } = await on(0).storeMessage(message("m1"), crisis("m1", { slaSeconds: 20 }));
    vi.restoreAllMocks();
    const due = Date.parse(caseOpened!.dueAt);
    expect(Math.abs(due - (Date.now() + 20_000))).toBeLessThan(3_000);
    // Not yet due by the database's clock, though the skewed node would think so.
    expect(await on(0).sweepOverdue(() => false)).toEqual([]);
    const until = await on(0).mute("r1", "u_b", 1, "u_s", audit("member.muted", "u_b"));
    expect(Math.abs(Date.parse(until) - (Date.now() + 60_000))).toBeLessThan(3_000);
  });
});
