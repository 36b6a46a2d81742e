/**
 * The Store on SQLite (better-sqlite3): one process or several on one host sharing a file.
 * Writes run in IMMEDIATE transactions (client.ts), sends in the group commit; each unit of work
 * is a synchronous function of the handle `db` it is given, so nothing else runs inside it.
 */

import { and, eq, inArray, lt } from "drizzle-orm";
import type { Case } from "../../../shared/types.ts";
import { AppError, notFound } from "../../errors.ts";
import { newId, nowIso } from "../../ids.ts";
import { guardWith } from "../guard.ts";
import { isLive, toCase } from "../rows.ts";
import {
  type AuditEntry,
  addToCase,
  type CaseChange,
  type CaseOpening,
  DuplicateError,
  type NewMessage,
  type Store,
  type TextChange,
} from "../store.ts";
import { type Db, groupTransaction, openDatabase, transaction } from "./client.ts";
import { sqliteDeliveries } from "./deliveries.ts";
import { isBusy, isUniqueViolation, sqliteMessage } from "./errors.ts";
import { sqlitePeople } from "./people.ts";
import * as audit from "./repos/audit.ts";
import * as cases from "./repos/cases.ts";
import * as forum from "./repos/forum.ts";
import * as pages from "./repos/forum-pages.ts";
import * as msgs from "./repos/messages.ts";
import * as outbox from "./repos/outbox.ts";
import * as rooms from "./repos/rooms.ts";
import * as users from "./repos/users.ts";
import { messages, mutes, reactions, rooms as roomsTable } from "./schema.ts";

/** Open a case (inside the caller's transaction), with its webhook row and audit entry. */
function openCase(db: Db, o: CaseOpening): Case {
  const now = Date.now();
  const row = cases.insertCase(db, {
    id: newId("c"),
    tenant: o.tenant,
    roomId: o.roomId ?? null,
    messageId: o.messageId ?? null,
    threadId: o.threadId ?? null,
    replyId: o.replyId ?? null,
    source: o.source,
    level: o.level,
    category: o.category,
    status: "open",
    tier: 1,
    subjectHandle: o.subjectHandle ?? null,
    reporterHandle: o.reporterHandle ?? null,
    assignee: null,
    notes: [],
    createdAt: nowIso(now),
    dueAt: nowIso(now + o.slaSeconds * 1000),
    updatedAt: nowIso(now),
  });
  const c = toCase(row);
  if (o.webhook) outbox.enqueue(db, o.tenant, "case.opened", c, o.subjectHandle ?? null);
  audit.appendAudit(db, {
    tenant: o.tenant,
    actor: o.actor,
    action: "case.opened",
    target: c.id,
    details: {
      source: o.source,
      level: c.level,
      category: c.category,
      roomId: c.roomId,
      messageId: c.messageId,
      threadId: c.threadId,
    },
  });
  return c;
}

const caseOf = (db: Db, crisis: CaseOpening | null) => (crisis ? openCase(db, crisis) : null);

/** An edit's crisis case: add to the text's unresolved one (issue 15), else open one. */
function openOrAdd(db: Db, o: CaseOpening | null): CaseChange | null {
  if (!o) return null;
  const open = cases.unresolvedCrisisCase(db, o.tenant, o);
  if (!open) return { case: openCase(db, o), isNew: true };
  const now = Date.now();
  const add = addToCase(open, o, nowIso(now), nowIso(now + o.slaSeconds * 1000));
  const c = toCase(cases.transition(db, open.id, [open.status as never], add.set)!);
  audit.appendAudit(db, add.audit(c));
  return { case: c, isNew: false };
}
const auditIf = (db: Db, e: AuditEntry | null) => {
  if (e) audit.appendAudit(db, e);
};

/** Driver errors as the port names them: busy is `unavailable`, a unique key a DuplicateError. */
function translate(e: unknown): unknown {
  if (isBusy(e)) return new AppError("unavailable", "the database is busy, try again");
  if (isUniqueViolation(e)) {
    const m = /failed: (\w+)\./.exec(sqliteMessage(e));
    return new DuplicateError(m?.[1] ?? "unknown");
  }
  return e;
}

const guard = guardWith(translate);

const statusAfterReview = (findings: unknown[]) =>
  (findings as { kind?: string }[]).some((f) => f.kind === "privacy") ? "redacted" : "visible";

/** Open (creating and migrating if needed) the SQLite database at `path` as a Store. */
export function openSqliteStore(path: string): Store & { db: Db } {
  const db = openDatabase(path);
  const held = (tenant: string, id: string) => {
    const row = msgs.findMessage(db, tenant, id);
    if (!row) throw notFound("message");
    if (row.status !== "held") throw new AppError("conflict", `message is ${row.status}`);
    return row;
  };
  const heldPost = (tenant: string, kind: "thread" | "reply", id: string) => {
    const row = kind === "thread" ? forum.findThread(db, tenant, id) : forum.findReply(db, tenant, id);
    if (!row) throw notFound("message");
    if (row.status !== "held") throw new AppError("conflict", `message is ${row.status}`);
    return row;
  };

  const impl: Omit<Store, "people" | "deliveries"> = {
    dialect: "sqlite",
    async ping() {
      db.$client.prepare("select 1").get();
    },
    async close() {
      db.$client.close();
    },

    async upsertUser(tenant, sub, name, role) {
      return users.upsertUser(db, tenant, sub, name, role);
    },
    async membersByHandle(tenant, handles) {
      return users.membersByHandle(db, tenant, handles);
    },

    async createRoom(room, memberSubs, entry) {
      return transaction(db, () => {
        const row = rooms.insertRoom(db, { ...room, createdAt: nowIso() });
        for (const sub of memberSubs)
          rooms.upsertMembership(db, row.id, users.ensureUser(db, room.tenant, sub), { enrolled: true });
        audit.appendAudit(db, entry);
        return row;
      });
    },
    async enrol(tenant, roomId, sub, actor) {
      return transaction(db, () => {
        const handle = users.ensureUser(db, tenant, sub);
        rooms.upsertMembership(db, roomId, handle, { enrolled: true, removedAt: null });
        audit.appendAudit(db, {
          tenant,
          actor,
          action: "room.enrolled",
          target: roomId,
          details: { member: handle },
        });
        return handle;
      });
    },
    async findRoom(tenant, roomId) {
      return rooms.findRoom(db, tenant, roomId);
    },
    async findRoomCached(tenant, roomId) {
      return rooms.findRoomCached(db, tenant, roomId);
    },
    async findRoomByName(tenant, name) {
      return db
        .select()
        .from(roomsTable)
        .where(and(eq(roomsTable.tenant, tenant), eq(roomsTable.name, name)))
        .get();
    },
    async findMembership(roomId, handle) {
      return rooms.findMembership(db, roomId, handle);
    },
    async setMembership(roomId, handle, set) {
      rooms.upsertMembership(db, roomId, handle, set);
    },
    async listRoomsFor(tenant, handle, staff) {
      return rooms.listRoomsFor(db, tenant, handle, staff);
    },
    async sendGate(roomId, handle, clientId) {
      return rooms.sendGate(db, roomId, handle, clientId, nowIso());
    },

    async storeMessage(row: NewMessage, crisis) {
      // In a commit shared with the other sends of this turn; settles only after that commit.
      return groupTransaction(db, () => {
        const stored = msgs.insertMessage(db, {
          ...row,
          seq: row.status === "held" ? null : rooms.nextSeq(db, row.roomId),
          createdAt: nowIso(),
        });
        return { row: stored, caseOpened: caseOf(db, crisis) };
      });
    },
    async findMessage(tenant, id) {
      return msgs.findMessage(db, tenant, id);
    },
    async findByClientId(roomId, handle, clientId) {
      return msgs.findByClientId(db, roomId, handle, clientId);
    },
    async editMessage(id, change: TextChange, crisis) {
      return transaction(db, () => {
        const row = msgs.updateMessage(db, id, { ...change, editedAt: nowIso() });
        return { row, crisisCase: openOrAdd(db, crisis) };
      });
    },
    async deleteMessage(tenant, id, entry) {
      return transaction(db, () => {
        const row = msgs.findMessage(db, tenant, id);
        if (!row) throw notFound("message");
        if (row.status === "deleted") return undefined;
        msgs.updateMessage(db, id, { body: "", status: "deleted", findings: [], editedAt: nowIso() });
        auditIf(db, entry);
        return row;
      });
    },
    async toggleReaction(tenant, messageId, handle, emoji) {
      return transaction(db, () => {
        const row = msgs.findMessage(db, tenant, messageId);
        if (!row) throw notFound("message");
        if (!isLive(row.status)) throw new AppError("conflict", `message is ${row.status}`);
        msgs.toggleReaction(db, messageId, handle, emoji);
        return row;
      });
    },
    async report(o) {
      return transaction(db, () => {
        const existing = db
          .select()
          .from(cases.casesTable)
          .where(
            and(
              eq(cases.casesTable.messageId, o.messageId),
              eq(cases.casesTable.reporterHandle, o.reporterHandle),
            ),
          )
          .get();
        if (existing) return { case: toCase(existing), isNew: false };
        return { case: openCase(db, o), isNew: true };
      });
    },
    async approveMessage(tenant, id, actor) {
      return transaction(db, () => {
        const current = held(tenant, id);
        const row = msgs.updateMessage(db, id, {
          status: statusAfterReview(current.findings),
          seq: current.seq ?? rooms.nextSeq(db, current.roomId),
        });
        audit.appendAudit(db, {
          tenant,
          actor,
          action: "message.approved",
          target: id,
          details: { roomId: row.roomId, seq: row.seq },
        });
        return { row, hadSeq: current.seq !== null };
      });
    },
    async rejectMessage(tenant, id, actor, reason) {
      return transaction(db, () => {
        const current = held(tenant, id);
        const row = msgs.updateMessage(db, id, { status: "rejected", body: "", findings: [] });
        audit.appendAudit(db, {
          tenant,
          actor,
          action: "message.rejected",
          target: id,
          details: { roomId: row.roomId, reason: reason ?? "" },
        });
        return { row, hadSeq: current.seq !== null };
      });
    },
    async pageBefore(roomId, beforeSeq, limit) {
      return msgs.pageBefore(db, roomId, beforeSeq, limit);
    },
    async pageAfter(roomId, afterSeq, limit) {
      return msgs.pageAfter(db, roomId, afterSeq, limit);
    },
    async heldMessages(tenant, limit) {
      return msgs.heldMessages(db, tenant, limit);
    },
    async toMessages(tenant, rows, known) {
      return msgs.toMessages(db, tenant, rows, known);
    },

    async activeMute(roomId, handle) {
      return rooms.activeMute(db, roomId, handle, nowIso());
    },
    async mute(roomId, handle, minutes, by, entry) {
      const until = nowIso(Date.now() + minutes * 60_000);
      transaction(db, () => {
        db.insert(mutes)
          .values({ roomId, handle, until, by })
          .onConflictDoUpdate({ target: [mutes.roomId, mutes.handle], set: { until, by } })
          .run();
        audit.appendAudit(db, entry);
      });
      return until;
    },
    async unmute(roomId, handle, entry) {
      transaction(db, () => {
        db.delete(mutes)
          .where(and(eq(mutes.roomId, roomId), eq(mutes.handle, handle)))
          .run();
        audit.appendAudit(db, entry);
      });
    },
    async removeMember(roomId, handle, entry) {
      transaction(db, () => {
        rooms.upsertMembership(db, roomId, handle, { joined: false, enrolled: false, removedAt: nowIso() });
        audit.appendAudit(db, entry);
      });
    },

    async changeCase(tenant, caseId, decide) {
      return transaction(db, () => {
        const row = cases.findCase(db, tenant, caseId);
        const d = decide(row);
        if (!row) throw notFound("case");
        const now = nowIso();
        const notes = d.note ? [...row.notes, { by: d.note.by, at: now, text: d.note.text }] : row.notes;
        const updated = cases.transition(db, caseId, [row.status as never], {
          ...d.set,
          notes,
          updatedAt: now,
        });
        if (!updated) throw new AppError("conflict", `case is ${row.status}`);
        const out = toCase(updated);
        if (d.webhook) outbox.enqueue(db, tenant, d.webhook, out, updated.subjectHandle);
        audit.appendAudit(db, {
          ...d.audit,
          details: { ...d.audit.details, to: out.status, tier: out.tier },
        });
        return out;
      });
    },
    async listCases(tenant, minTier, status) {
      const rows = status
        ? cases.listCases(db, tenant, minTier, status)
        : cases.openCases(db, tenant, minTier);
      return rows.map(toCase);
    },
    async openCasesAbout(tenant, handle) {
      return cases.openCasesAbout(db, tenant, handle);
    },
    async sweepOverdue(hasWebhook) {
      return transaction(db, () =>
        cases.escalateOverdue(db, nowIso()).map((row) => {
          const c = toCase(row);
          if (hasWebhook(row.tenant)) outbox.enqueue(db, row.tenant, "case.escalated", c, row.subjectHandle);
          audit.appendAudit(db, {
            tenant: row.tenant,
            actor: "system",
            action: "case.auto_escalated",
            target: c.id,
            details: { tier: 2, dueAt: c.dueAt },
          });
          return { tenant: row.tenant, case: c };
        }),
      );
    },
    async countOpenByTier() {
      return cases.countOpenByTier(db);
    },

    async claimDue(owner, leaseMs, limit) {
      const now = Date.now();
      return transaction(db, () => outbox.claimDue(db, owner, nowIso(now), nowIso(now + leaseMs), limit));
    },
    async settle(id, owner, a) {
      outbox.settle(
        db,
        id,
        owner,
        a.error === null
          ? { attempts: a.attempts, deliveredAt: nowIso(), lastError: null, lastStatus: a.status ?? null }
          : {
              attempts: a.attempts,
              lastError: a.error,
              lastStatus: a.status ?? null,
              nextAttemptAt: nowIso(Date.now() + (a.retryInMs ?? 0)),
              ...(a.giveUp ? { failedAt: nowIso() } : {}),
            },
      );
    },

    async auditPage(tenant, before, limit) {
      return audit.auditPage(db, tenant, before, limit);
    },
    async auditAfter(tenant, afterId, limit) {
      return audit.auditAfter(db, tenant, afterId, limit);
    },
    async auditHead(tenant) {
      return audit.auditHead(db, tenant);
    },
    async auditTenants() {
      return audit.auditTenants(db);
    },

    async postThread(row, crisis) {
      return transaction(db, () => {
        const now = nowIso();
        const seq = row.status === "held" ? null : forum.nextForumSeq(db, row.tenant);
        const stored = forum.insertThread(db, {
          ...row,
          createdAt: now,
          lastActivityAt: now,
          seq,
          activitySeq: seq,
        });
        return { row: stored, caseOpened: caseOf(db, crisis) };
      });
    },
    async postReply(row, crisis) {
      return transaction(db, () => {
        const current = forum.findThread(db, row.tenant, row.threadId);
        if (!current || !isLive(current.status)) throw notFound("thread");
        if (current.locked) throw new AppError("conflict", "this thread is locked");
        const now = nowIso();
        const seq = row.status === "held" ? null : forum.nextForumSeq(db, row.tenant);
        const stored = forum.insertReply(db, { ...row, createdAt: now, seq });
        const parent = seq === null ? null : forum.bumpThread(db, row.threadId, seq, now);
        return { row: stored, parent, caseOpened: caseOf(db, crisis) };
      });
    },
    async editThread(id, change, crisis) {
      return transaction(db, () => {
        const row = forum.updateThread(db, id, { ...change, editedAt: nowIso() });
        return { row, crisisCase: openOrAdd(db, crisis) };
      });
    },
    async editReply(id, change, crisis) {
      return transaction(db, () => {
        const row = forum.updateReply(db, id, { ...change, editedAt: nowIso() });
        // A reply held again stops counting until it is approved.
        const parent = change.status === "held" ? forum.dropReply(db, row.threadId) : null;
        return { row, parent, crisisCase: openOrAdd(db, crisis) };
      });
    },
    async removeThread(id, entry) {
      return transaction(db, () => {
        const row = forum.updateThread(db, id, {
          status: "deleted",
          body: "",
          title: "",
          findings: [],
          editedAt: nowIso(),
        });
        auditIf(db, entry);
        return row;
      });
    },
    async removeReply(id, entry) {
      return transaction(db, () => {
        const before = forum.findReplyById(db, id);
        if (!before) throw notFound("reply");
        const row = forum.updateReply(db, id, {
          status: "deleted",
          body: "",
          findings: [],
          editedAt: nowIso(),
        });
        const parent = isLive(before.status) ? forum.dropReply(db, row.threadId) : null;
        auditIf(db, entry);
        return { row, parent };
      });
    },
    async lockThread(id, locked, entry) {
      return transaction(db, () => {
        const row = forum.updateThread(db, id, { locked });
        audit.appendAudit(db, entry);
        return row;
      });
    },
    async approvePost(tenant, kind, id, actor) {
      return transaction(db, () => {
        const row = heldPost(tenant, kind, id);
        const status = statusAfterReview(row.findings);
        const now = nowIso();
        const seq = row.seq ?? forum.nextForumSeq(db, tenant);
        const entry = (details: Record<string, unknown>) =>
          audit.appendAudit(db, { tenant, actor, action: "forum.approved", target: id, details });
        if ("title" in row) {
          const fresh = row.seq === null ? { seq, activitySeq: seq, lastActivityAt: now } : {};
          entry({ seq });
          return { thread: forum.updateThread(db, id, { status, ...fresh }), reply: null };
        }
        const reply = forum.updateReply(db, id, { status, seq });
        const thread =
          row.seq === null
            ? forum.bumpThread(db, row.threadId, seq, now)
            : forum.undropReply(db, row.threadId);
        entry({ threadId: row.threadId, seq });
        return { thread, reply };
      });
    },
    async rejectPost(tenant, kind, id, actor, reason) {
      return transaction(db, () => {
        const row = heldPost(tenant, kind, id);
        audit.appendAudit(db, {
          tenant,
          actor,
          action: "forum.rejected",
          target: id,
          details: { reason: reason ?? "" },
        });
        const gone = { status: "rejected", body: "", findings: [] };
        const hadSeq = row.seq !== null;
        return "title" in row
          ? {
              thread: forum.updateThread(db, id, { ...gone, title: "" }),
              reply: null,
              hadSeq,
              author: row.authorHandle,
            }
          : { thread: null, reply: forum.updateReply(db, id, gone), hadSeq, author: row.authorHandle };
      });
    },
    async findThread(tenant, id) {
      return forum.findThread(db, tenant, id);
    },
    async findReply(tenant, id) {
      return forum.findReply(db, tenant, id);
    },
    async threadByClientId(tenant, handle, clientId) {
      return forum.threadByClientId(db, tenant, handle, clientId);
    },
    async replyByClientId(tenant, handle, clientId) {
      return forum.replyByClientId(db, tenant, handle, clientId);
    },
    async currentForumSeq(tenant) {
      return forum.currentForumSeq(db, tenant);
    },
    async threadsActiveBy(tenant, snapshot, before, limit, tag) {
      return pages.threadsActiveBy(db, tenant, snapshot, before, limit, tag);
    },
    async threadsBumpedAfter(tenant, snapshot, tag) {
      return pages.threadsBumpedAfter(db, tenant, snapshot, tag);
    },
    async lastReplySeqBy(threadIds, snapshot) {
      return pages.lastReplySeqBy(db, threadIds, snapshot);
    },
    async repliesAfter(threadId, afterSeq, limit) {
      return pages.repliesAfter(db, threadId, afterSeq, limit);
    },
    async heldPosts(tenant, limit) {
      return pages.heldPosts(db, tenant, limit);
    },
    async textKind(tenant, id) {
      if (msgs.findMessage(db, tenant, id)) return "message";
      if (forum.findThread(db, tenant, id)) return "thread";
      return forum.findReply(db, tenant, id) ? "reply" : undefined;
    },

    async purgeExpired(tenant, cutoff, batch) {
      return transaction(db, () => {
        const ids = db
          .select({ id: messages.id })
          .from(messages)
          .where(and(eq(messages.tenant, tenant), lt(messages.createdAt, cutoff)))
          .limit(batch)
          .all()
          .map((r) => r.id);
        if (ids.length === 0) return 0;
        db.delete(reactions).where(inArray(reactions.messageId, ids)).run();
        return db.delete(messages).where(inArray(messages.id, ids)).run().changes;
      });
    },
  };
  return {
    ...guard(impl),
    dialect: "sqlite",
    db,
    people: guard(sqlitePeople(db)),
    deliveries: guard(sqliteDeliveries(db)),
  };
}
