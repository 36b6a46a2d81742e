/**
 * The store contract: every behaviour of the storage port, tested once and run against both
 * implementations (SQLite in a temp file, PostgreSQL in a freshly created database per test).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyAudit } from "../../server/db/audit-chain.ts";
import { openPgStore } from "../../server/db/pg/store.ts";
import { openSqliteStore } from "../../server/db/sqlite/store.ts";
import { type CaseOpening, DuplicateError, type NewMessage, type Store } from "../../server/db/store.ts";
import { AppError } from "../../server/errors.ts";
import { freshDatabase, pgUnavailable } from "../helpers/pg.ts";

const pgReason = await pgUnavailable();
const requireServices = process.env.LANTERN_REQUIRE_SERVICES === "1";
if (pgReason && !requireServices)
  process.stderr.write(`\n[lantern] SKIPPED the PostgreSQL store contract: ${pgReason}\n`);

const pgOptions = (url: string) => ({
  url,
  poolSize: 10,
  statementTimeoutMs: 5_000,
  connectTimeoutMs: 3_000,
  startTimeoutMs: 5_000,
});

interface Backend {
  name: string;
  open(): Promise<{ store: Store; cleanup(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "sqlite",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "lantern-contract-"));
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
      if (pgReason) throw new Error(`PostgreSQL is required here: ${pgReason}`);
      const fresh = await freshDatabase();
      const store = await openPgStore(pgOptions(fresh.url));
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

const T = "acme";
const room = (id: string) => ({
  id,
  tenant: T,
  kind: "group",
  name: `Room ${id}`,
  topic: null,
  visibility: "open",
  policy: null,
  createdBy: "u_staff",
});
const audit = (action: string, target: string | null = null) => ({
  tenant: T,
  actor: "u_staff",
  action,
  target,
});
const message = (id: string, clientId: string, over: Partial<NewMessage> = {}): NewMessage => ({
  id,
  tenant: T,
  roomId: "r1",
  authorHandle: "u_a",
  clientId,
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
const crisis = (over: Partial<CaseOpening> = {}): CaseOpening => ({
  tenant: T,
  source: "crisis",
  level: 3,
  category: "ideation",
  roomId: "r1",
  subjectHandle: "u_a",
  actor: "system",
  slaSeconds: 300,
  webhook: true,
  ...over,
});

describe.each(backends.filter((b) => b.name === "sqlite" || !pgReason || requireServices))(
  "store contract ($name)",
  (backend) => {
    let store: Store;
    let cleanups: (() => Promise<void>)[] = [];
    const open = async () => {
      const o = await backend.open();
      cleanups.push(o.cleanup);
      store = o.store;
      await store.createRoom(room("r1"), ["alice"], audit("room.created", "r1"));
      return store;
    };
    afterEach(async () => {
      vi.restoreAllMocks();
      for (const c of cleanups.reverse()) await c();
      cleanups = [];
    });

    it("numbers visible messages 1..n per room, leaves held ones unnumbered, and refuses a clientId twice", async () => {
      await open();
      const stored = await Promise.all(
        Array.from({ length: 5 }, (_, i) => store.storeMessage(message(`m${i}`, `c${i}`), null)),
      );
      expect(stored.map((s) => s.row.seq).sort()).toEqual([1, 2, 3, 4, 5]);
      const held = await store.storeMessage(message("mh", "ch", { status: "held" }), null);
      expect(held.row.seq).toBeNull();
      await expect(store.storeMessage(message("mx", "c1"), null)).rejects.toBeInstanceOf(DuplicateError);
      expect((await store.findByClientId("r1", "u_a", "c1"))?.id).toBe("m1");
      const page = await store.pageBefore("r1", undefined, 3);
      expect(page.rows.map((r) => r.seq)).toEqual([3, 4, 5]);
      expect(page.hasMore).toBe(true);
      expect((await store.pageAfter("r1", 4, 10)).rows.map((r) => r.seq)).toEqual([5]);
      expect((await store.heldMessages(T)).map((r) => r.id)).toEqual(["mh"]);
    });

    it("reads the send gate (membership, mute, earlier clientId) in one call", async () => {
      await open();
      const handle = await store.upsertUser(T, "bob", "Bob", "participant");
      expect((await store.sendGate("r1", handle, "c1")).member).toBeUndefined();
      await store.setMembership("r1", handle, { joined: true });
      await store.storeMessage(message("m1", "c1", { authorHandle: handle }), null);
      const until = await store.mute("r1", handle, 5, "u_staff", audit("member.muted", handle));
      const gate = await store.sendGate("r1", handle, "c1");
      expect(gate).toEqual({
        member: { removedAt: null, enrolled: false, joined: true },
        mutedUntil: until,
        earlierId: "m1",
      });
      expect(await store.activeMute("r1", handle)).toBe(until);
      await store.unmute("r1", handle, audit("member.unmuted", handle));
      expect(await store.activeMute("r1", handle)).toBeNull();
      expect((await store.listRoomsFor(T, handle, false)).map((r) => r.id)).toEqual(["r1"]);
    });

    it("opens a crisis case with its deadline, webhook row and audit entry in the message's unit of work", async () => {
      await open();
      const { row, caseOpened } = await store.storeMessage(message("m1", "c1"), crisis({ messageId: "m1" }));
      expect(caseOpened?.messageId).toBe("m1");
      expect(Date.parse(caseOpened!.dueAt) - Date.parse(caseOpened!.createdAt)).toBe(300_000);
      expect(Math.abs(Date.parse(row.createdAt) - Date.parse(caseOpened!.createdAt))).toBeLessThan(2_000);
      const claimed = await store.claimDue("node-a", 30_000, 10);
      expect(claimed.map((r) => JSON.parse(r.body).type)).toEqual(["case.opened"]);
      expect(await store.claimDue("node-b", 30_000, 10)).toEqual([]);
      await store.settle(claimed[0]!.id, "node-a", { attempts: 1, error: "HTTP 500", retryInMs: 0 });
      const again = await store.claimDue("node-b", 30_000, 10);
      expect(again.map((r) => r.attempts)).toEqual([1]);
      await store.settle(again[0]!.id, "node-b", { attempts: 2, error: null });
      expect(await store.claimDue("node-a", 30_000, 10)).toEqual([]);
      expect(await verifyAudit(store, T)).toEqual({ ok: true, checked: 2 });
    });

    it("adds an edit judged a crisis again to its text's open case, and opens a new one once that is resolved", async () => {
      await open();
      const change = { body: "again", status: "visible", action: "allow", reasons: [], findings: [] };
      const first = await store.storeMessage(
        message("m1", "c1"),
        crisis({ messageId: "m1", level: 2, slaSeconds: 900 }),
      );
      const higher = await store.editMessage(
        "m1",
        change,
        crisis({ messageId: "m1", level: 4, slaSeconds: 120 }),
      );
      expect(higher.crisisCase).toMatchObject({ isNew: false, case: { id: first.caseOpened!.id, level: 4 } });
      expect(Date.parse(higher.crisisCase!.case.dueAt)).toBeLessThan(Date.parse(first.caseOpened!.dueAt));
      expect(higher.crisisCase!.case.notes).toHaveLength(1);
      const lower = await store.editMessage(
        "m1",
        change,
        crisis({ messageId: "m1", level: 2, slaSeconds: 900 }),
      );
      expect(lower.crisisCase!.case).toMatchObject({
        id: first.caseOpened!.id,
        level: 4,
        dueAt: higher.crisisCase!.case.dueAt,
      });
      // One case, one webhook, however often it is edited.
      const claimed = await store.claimDue("node-a", 30_000, 10);
      expect(claimed.map((r) => JSON.parse(r.body).type)).toEqual(["case.opened"]);

      const id = first.caseOpened!.id;
      await store.changeCase(T, id, () => ({
        set: { status: "resolved" },
        audit: audit("case.resolved", id),
      }));
      const after = await store.editMessage("m1", change, crisis({ messageId: "m1" }));
      expect(after.crisisCase?.isNew).toBe(true);
      expect(after.crisisCase!.case.id).not.toBe(id);
      expect((await verifyAudit(store, T)).ok).toBe(true);
    });

    it("approves a held message once: the next seq, then conflict; rejection only while held", async () => {
      await open();
      await store.storeMessage(message("m1", "c1"), null);
      await store.storeMessage(message("mh", "ch", { status: "held" }), null);
      await store.storeMessage(message("mr", "cr", { status: "held" }), null);
      const ok = await store.approveMessage(T, "mh", "u_staff");
      expect(ok.row.seq).toBe(2);
      expect(ok.row.status).toBe("visible");
      expect(ok.hadSeq).toBe(false);
      await expect(store.approveMessage(T, "mh", "u_staff")).rejects.toMatchObject({ code: "conflict" });
      await expect(store.approveMessage(T, "nope", "u_staff")).rejects.toMatchObject({ code: "not_found" });
      await expect(store.approveMessage("other", "mr", "u_staff")).rejects.toMatchObject({
        code: "not_found",
      });
      const rejected = await store.rejectMessage(T, "mr", "u_staff", "no");
      expect(rejected.row).toMatchObject({ status: "rejected", body: "" });
      await expect(store.rejectMessage(T, "mr", "u_staff", "no")).rejects.toBeInstanceOf(AppError);
    });

    it("edits, deletes (once), reacts and reports (one case per reporter)", async () => {
      await open();
      await store.storeMessage(message("m1", "c1"), null);
      const edited = await store.editMessage(
        "m1",
        { body: "changed", status: "visible", action: "allow", reasons: [], findings: [] },
        null,
      );
      expect(edited.row.editedAt).not.toBeNull();
      await store.toggleReaction(T, "m1", "u_b", "❤️");
      await store.toggleReaction(T, "m1", "u_c", "❤️");
      await store.toggleReaction(T, "m1", "u_c", "❤️");
      const [wire] = await store.toMessages(T, [(await store.findMessage(T, "m1"))!]);
      expect(wire!.reactions).toEqual({ "❤️": 1 });
      const opening = {
        ...crisis({ source: "report", category: "report", webhook: false }),
        messageId: "m1",
        reporterHandle: "u_b",
      };
      const first = await store.report(opening);
      const second = await store.report(opening);
      expect(first.isNew).toBe(true);
      expect(second).toEqual({ case: first.case, isNew: false });
      expect((await store.deleteMessage(T, "m1", audit("message.deleted", "m1")))?.status).toBe("visible");
      expect(await store.deleteMessage(T, "m1", null)).toBeUndefined();
      await expect(store.toggleReaction(T, "m1", "u_b", "❤️")).rejects.toMatchObject({ code: "conflict" });
    });

    it("changes a case under its lock, with notes, webhook and audit; lists and counts cases", async () => {
      await open();
      const { caseOpened } = await store.storeMessage(
        message("m1", "c1"),
        crisis({ messageId: "m1", webhook: false }),
      );
      const id = caseOpened!.id;
      // The author's open cases: what their support card is replayed from.
      expect((await store.openCasesAbout(T, "u_a")).map((r) => [r.id, r.messageId, r.source])).toEqual([
        [id, "m1", "crisis"],
      ]);
      expect(await store.openCasesAbout(T, "u_b")).toEqual([]);
      const acked = await store.changeCase(T, id, (row) => {
        if (!row) throw new AppError("not_found", "case not found");
        return {
          set: { status: "acknowledged", assignee: "u_staff" },
          note: { by: "Sam", text: "on it" },
          audit: audit("case.acknowledged", id),
        };
      });
      expect(acked).toMatchObject({ status: "acknowledged", assignee: "u_staff" });
      expect(acked.notes.map((n) => n.text)).toEqual(["on it"]);
      await expect(
        store.changeCase(T, "missing", (row) => {
          if (!row) throw new AppError("not_found", "case not found");
          return { set: {}, audit: audit("x") };
        }),
      ).rejects.toMatchObject({ code: "not_found" });
      const resolved = await store.changeCase(T, id, () => ({
        set: { status: "resolved" },
        webhook: "case.resolved",
        audit: audit("case.resolved", id),
      }));
      expect(resolved.status).toBe("resolved");
      expect((await store.claimDue("n", 1000, 10)).map((r) => r.type)).toEqual(["case.resolved"]);
      expect(await store.listCases(T, 1)).toEqual([]);
      expect((await store.listCases(T, 1, "resolved")).map((c) => c.id)).toEqual([id]);
      expect(await store.openCasesAbout(T, "u_a")).toEqual([]);
      expect(await store.countOpenByTier()).toEqual([]);
      expect((await verifyAudit(store, T)).ok).toBe(true);
    });

    it("escalates an overdue case exactly once, by the store's clock", async () => {
      await open();
      await store.storeMessage(message("m1", "c1"), crisis({ messageId: "m1", slaSeconds: 0 }));
      await store.storeMessage(message("m2", "c2"), crisis({ messageId: "m2", slaSeconds: 3600 }));
      const moved = await store.sweepOverdue(() => true);
      expect(moved.map((m) => m.case)).toMatchObject([{ messageId: "m1", tier: 2, status: "escalated" }]);
      expect(await store.sweepOverdue(() => true)).toEqual([]);
      expect(await store.countOpenByTier()).toEqual(
        expect.arrayContaining([
          { tier: 1, n: 1 },
          { tier: 2, n: 1 },
        ]),
      );
      const types = (await store.claimDue("n", 1000, 10)).map((r) => r.type).sort();
      expect(types).toEqual(["case.escalated", "case.opened", "case.opened"]);
    });

    it("keeps the forum's seq, counters, locks and review", async () => {
      await open();
      const post = (id: string, over = {}) => ({
        id,
        tenant: T,
        authorHandle: "u_a",
        clientId: id,
        title: "Title",
        body: "Body",
        status: "visible",
        tags: ["sleep"],
        action: "allow",
        reasons: [],
        findings: [],
        ...over,
      });
      const reply = (id: string, threadId: string, over = {}) => ({
        id,
        tenant: T,
        threadId,
        authorHandle: "u_b",
        clientId: id,
        body: "Reply",
        status: "visible",
        action: "allow",
        reasons: [],
        findings: [],
        ...over,
      });
      const t1 = await store.postThread(post("t_1"), null);
      const t2 = await store.postThread(post("t_2", { tags: ["work"] }), null);
      expect([t1.row.seq, t2.row.seq]).toEqual([1, 2]);
      await expect(store.postThread(post("t_3", { clientId: "t_1" }), null)).rejects.toBeInstanceOf(
        DuplicateError,
      );
      const r1 = await store.postReply(reply("p_1", "t_1"), null);
      expect(r1.row.seq).toBe(3);
      expect(r1.parent).toMatchObject({ replyCount: 1, activitySeq: 3 });
      expect(await store.currentForumSeq(T)).toBe(3);
      expect((await store.threadsActiveBy(T, 3, Number.MAX_SAFE_INTEGER, 10)).map((t) => t.id)).toEqual([
        "t_1",
        "t_2",
      ]);
      expect(
        (await store.threadsActiveBy(T, 3, Number.MAX_SAFE_INTEGER, 10, "work")).map((t) => t.id),
      ).toEqual(["t_2"]);
      expect((await store.threadsBumpedAfter(T, 1)).map((t) => t.id)).toEqual(["t_1"]);
      expect(await store.lastReplySeqBy(["t_1", "t_2"], 3)).toEqual(new Map([["t_1", 3]]));
      expect((await store.repliesAfter("t_1", 0, 10)).map((r) => r.id)).toEqual(["p_1"]);

      const held = await store.postReply(reply("p_h", "t_1", { status: "held" }), null);
      expect(held.parent).toBeNull();
      expect((await store.heldPosts(T)).replies.map((r) => r.id)).toEqual(["p_h"]);
      const approved = await store.approvePost(T, "reply", "p_h", "u_staff");
      expect(approved.reply).toMatchObject({ status: "visible", seq: 4 });
      expect(approved.thread).toMatchObject({ replyCount: 2, activitySeq: 4 });
      await expect(store.approvePost(T, "reply", "p_h", "u_staff")).rejects.toMatchObject({
        code: "conflict",
      });

      await store.lockThread("t_2", true, audit("forum.locked", "t_2"));
      await expect(store.postReply(reply("p_2", "t_2"), null)).rejects.toMatchObject({ code: "conflict" });
      await expect(store.postReply(reply("p_3", "t_missing"), null)).rejects.toMatchObject({
        code: "not_found",
      });

      const removed = await store.removeReply("p_1", audit("forum.removed", "p_1"));
      expect(removed.parent?.replyCount).toBe(1);
      const editedHeld = await store.editReply(
        "p_h",
        { body: "again", status: "held", action: "hold", reasons: [], findings: [] },
        null,
      );
      expect(editedHeld.parent?.replyCount).toBe(0);
      const rejected = await store.rejectPost(T, "reply", "p_h", "u_staff", "no");
      expect(rejected).toMatchObject({
        hadSeq: true,
        author: "u_b",
        reply: { status: "rejected", body: "" },
      });
      const gone = await store.removeThread("t_2", null);
      expect(gone).toMatchObject({ status: "deleted", title: "", body: "" });
      expect((await verifyAudit(store, T)).ok).toBe(true);
    });

    it("names the kind of text an id is, in its tenant only, whatever its prefix", async () => {
      await open();
      await store.storeMessage(message("x_1", "c1"), null);
      await store.postThread(
        {
          id: "x_2",
          tenant: T,
          authorHandle: "u_a",
          clientId: "c2",
          title: "Title",
          body: "Body",
          status: "visible",
          tags: [],
          action: "allow",
          reasons: [],
          findings: [],
        },
        null,
      );
      await store.postReply(
        {
          id: "x_3",
          tenant: T,
          threadId: "x_2",
          authorHandle: "u_b",
          clientId: "c3",
          body: "Reply",
          status: "held",
          action: "hold",
          reasons: [],
          findings: [],
        },
        null,
      );
      expect(await store.textKind(T, "x_1")).toBe("message");
      expect(await store.textKind(T, "x_2")).toBe("thread");
      expect(await store.textKind(T, "x_3")).toBe("reply");
      expect(await store.textKind(T, "nope")).toBeUndefined();
      expect(await store.textKind("other", "x_1")).toBeUndefined();
    });

    it("chains the audit trail and pages it newest first", async () => {
      await open();
      for (let i = 0; i < 5; i++)
        await store.mute("r1", `u_${i}`, 1, "u_staff", audit("member.muted", `u_${i}`));
      const page = await store.auditPage(T, undefined, 3);
      expect(page.rows.map((r) => r.action)).toEqual(["member.muted", "member.muted", "member.muted"]);
      expect(page.hasMore).toBe(true);
      expect((await store.auditPage(T, page.rows.at(-1)!.id, 10)).rows).toHaveLength(3);
      expect(await verifyAudit(store, T)).toEqual({ ok: true, checked: 6 });
      expect(await store.auditTenants()).toEqual([T]);
      expect((await store.auditHead(T))?.count).toBe(6);
    });

    it("purges expired messages with their reactions, and enrols by sub", async () => {
      await open();
      await store.storeMessage(message("m1", "c1"), null);
      await store.toggleReaction(T, "m1", "u_b", "👍");
      expect(await store.purgeExpired(T, "2000-01-01T00:00:00.000Z", 100)).toBe(0);
      expect(await store.purgeExpired(T, "2999-01-01T00:00:00.000Z", 100)).toBe(1);
      expect(await store.findMessage(T, "m1")).toBeUndefined();
      const handle = await store.enrol(T, "r1", "carol", "u_staff");
      expect((await store.findMembership("r1", handle))?.enrolled).toBe(true);
      expect((await store.findRoomByName(T, "Room r1"))?.id).toBe("r1");
      expect(await store.findRoomCached("other", "r1")).toBeUndefined();
    });
  },
);
