/**
 * The Store on PostgreSQL: many nodes on many hosts share one database, so every unit of work
 * is correct under concurrent writers, where SQLite's single writer hid the races:
 * - room and forum seqs come from a row-locked counter in the storing transaction (gapless);
 * - approvals, rejections, case changes, reports and reactions lock their row (`FOR UPDATE`)
 *   and re-check it, so exactly one of two reviewers wins;
 * - the per-tenant audit chain locks its head row before appending, so it never forks;
 * - outbox claims and the overdue sweep use `FOR UPDATE SKIP LOCKED` with conditional updates;
 * - every time comes from the database clock (`now()`), never the node's.
 * Locks are taken in one order (the row acted on, its thread or room, the forum head, the audit
 * head), and a deadlock or serialization failure is retried from the start.
 */
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  max,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Case, Member, Role } from "../../../shared/types.ts";
import { AppError, notFound } from "../../errors.ts";
import { newId } from "../../ids.ts";
import { canonical, GENESIS, rowHash } from "../audit-chain.ts";
import { guardWith } from "../guard.ts";
import { isLive, LIVE_STATUSES, type MessageRow, toCase, toWireMessage, webhookBody } from "../rows.ts";
import {
  type AuditEntry,
  addToCase,
  type CaseChange,
  type CaseOpening,
  DuplicateError,
  type Store,
} from "../store.ts";
import {
  isRetryable,
  isUnavailable,
  openPg,
  type PgDb,
  type PgExec,
  type PgOptions,
  type PgTx,
  pgError,
} from "./client.ts";
import { pgDeliveries } from "./deliveries.ts";
import { pgPeople } from "./people.ts";
import * as t from "./schema.ts";

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
/** The database clock as the stores' ISO-8601 text, `offsetMs` from now. */
const nowIso = (offsetMs = 0): SQL<string> =>
  offsetMs === 0
    ? sql<string>`to_char(now() at time zone 'UTC', ${sql.raw(ISO)})`
    : sql<string>`to_char((now() + ${offsetMs} * interval '1 millisecond') at time zone 'UTC', ${sql.raw(ISO)})`;

async function clock(tx: PgExec, offsetMs = 0): Promise<string> {
  const r = await tx.execute<{ now: string }>(sql`select ${nowIso(offsetMs)} as now`);
  return r.rows[0]!.now;
}

/** Append to the tenant's chain: its head row is locked first, so concurrent appends queue. */
export async function appendAudit(tx: PgTx, e: AuditEntry): Promise<void> {
  const [head] = await tx
    .insert(t.auditHeads)
    .values({ tenant: e.tenant, lastId: 0, lastHash: GENESIS, count: 0 })
    .onConflictDoUpdate({ target: t.auditHeads.tenant, set: { tenant: sql`excluded.tenant` } })
    .returning({ lastHash: t.auditHeads.lastHash, count: t.auditHeads.count, now: nowIso() });
  const fields = {
    tenant: e.tenant,
    at: head!.now,
    actor: e.actor,
    action: e.action,
    target: e.target ?? null,
    details: canonical(e.details ?? {}),
  };
  const hash = rowHash(head!.lastHash, fields);
  const [row] = await tx
    .insert(t.audit)
    .values({ ...fields, prevHash: head!.lastHash, hash })
    .returning({ id: t.audit.id });
  await tx
    .update(t.auditHeads)
    .set({ lastId: row!.id, lastHash: hash, count: head!.count + 1 })
    .where(eq(t.auditHeads.tenant, e.tenant));
}

async function enqueue(
  tx: PgTx,
  tenant: string,
  type: string,
  data: Case,
  subjectHandle: string | null = null,
): Promise<void> {
  const id = newId("evt");
  const createdAt = await clock(tx);
  const [who] = subjectHandle
    ? await tx
        .select({ sub: t.users.sub })
        .from(t.users)
        .where(and(eq(t.users.tenant, tenant), eq(t.users.handle, subjectHandle)))
    : [];
  const subject = subjectHandle && who ? { handle: subjectHandle, sub: who.sub } : null;
  await tx.insert(t.outbox).values({
    id,
    tenant,
    type,
    body: webhookBody(id, type, tenant, createdAt, data, subject),
    createdAt,
    nextAttemptAt: createdAt,
  });
}

async function openCase(tx: PgTx, o: CaseOpening): Promise<Case> {
  const [row] = await tx
    .insert(t.cases)
    .values({
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
      createdAt: nowIso(),
      dueAt: nowIso(o.slaSeconds * 1000),
      updatedAt: nowIso(),
    })
    .returning();
  const c = toCase(row!);
  if (o.webhook) await enqueue(tx, o.tenant, "case.opened", c, o.subjectHandle ?? null);
  await appendAudit(tx, {
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

const caseOf = (tx: PgTx, crisis: CaseOpening | null) =>
  crisis ? openCase(tx, crisis) : Promise.resolve(null);

/** An edit's crisis case: add to the text's unresolved one under its row lock (issue 15), else open one. */
async function openOrAdd(tx: PgTx, o: CaseOpening | null): Promise<CaseChange | null> {
  if (!o) return null;
  const text = o.messageId
    ? eq(t.cases.messageId, o.messageId)
    : o.replyId
      ? eq(t.cases.replyId, o.replyId)
      : and(eq(t.cases.threadId, o.threadId ?? ""), isNull(t.cases.replyId));
  const [open] = await tx
    .select()
    .from(t.cases)
    .where(
      and(eq(t.cases.tenant, o.tenant), eq(t.cases.source, "crisis"), ne(t.cases.status, "resolved"), text),
    )
    .orderBy(asc(t.cases.createdAt))
    .limit(1)
    .for("update");
  if (!open) return { case: await openCase(tx, o), isNew: true };
  const add = addToCase(open, o, await clock(tx), await clock(tx, o.slaSeconds * 1000));
  const [row] = await tx.update(t.cases).set(add.set).where(eq(t.cases.id, open.id)).returning();
  const c = toCase(row!);
  await appendAudit(tx, add.audit(c));
  return { case: c, isNew: false };
}
const auditIf = async (tx: PgTx, e: AuditEntry | null) => {
  if (e) await appendAudit(tx, e);
};

async function nextSeq(tx: PgTx, roomId: string): Promise<number> {
  const [r] = await tx
    .update(t.rooms)
    .set({ lastSeq: sql`${t.rooms.lastSeq} + 1` })
    .where(eq(t.rooms.id, roomId))
    .returning({ seq: t.rooms.lastSeq });
  if (!r) throw new Error("room vanished during a send");
  return r.seq;
}

async function nextForumSeq(tx: PgTx, tenant: string): Promise<number> {
  const [r] = await tx
    .insert(t.forumHeads)
    .values({ tenant, lastSeq: 1 })
    .onConflictDoUpdate({ target: t.forumHeads.tenant, set: { lastSeq: sql`${t.forumHeads.lastSeq} + 1` } })
    .returning({ seq: t.forumHeads.lastSeq });
  return r!.seq;
}

const statusAfterReview = (findings: unknown[]) =>
  (findings as { kind?: string }[]).some((f) => f.kind === "privacy") ? "redacted" : "visible";

const hasTag = (tag: string | undefined) =>
  tag ? sql`${t.threads.tags} @> ${JSON.stringify([tag])}::jsonb` : undefined;

/** Driver errors as the port names them (sub-ports use it too). */
export function translate(e: unknown): unknown {
  if (e instanceof AppError || e instanceof DuplicateError) return e;
  const d = pgError(e);
  if (d?.code === "23505") return new DuplicateError(d.table ?? "unknown");
  if (d?.code === "22003") return new AppError("invalid", "a number is out of range");
  if (isUnavailable(e)) return new AppError("unavailable", "the database is unavailable, try again");
  return e;
}

export async function openPgStore(o: PgOptions): Promise<Store & { db: PgDb }> {
  const db = await openPg(o);
  const roomCache = new Map<string, typeof t.rooms.$inferSelect>();

  /** One unit of work: a transaction, tried again when it crossed another (deadlock). */
  async function tx<T>(fn: (tx: PgTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction(fn);
      } catch (e) {
        if (attempt >= 4 || !isRetryable(e)) throw e;
      }
    }
  }

  async function membersByHandle(
    ex: PgExec,
    tenant: string,
    handles: string[],
  ): Promise<Map<string, Member>> {
    const out = new Map<string, Member>();
    if (handles.length === 0) return out;
    const rows = await ex
      .select({ handle: t.users.handle, name: t.users.name, role: t.users.role })
      .from(t.users)
      .where(and(eq(t.users.tenant, tenant), inArray(t.users.handle, [...new Set(handles)])));
    for (const r of rows) out.set(r.handle, { id: r.handle, name: r.name, role: r.role as Role });
    return out;
  }

  async function ensureUser(ex: PgTx, tenant: string, sub: string): Promise<string> {
    await ex
      .insert(t.users)
      .values({ tenant, sub, handle: newId("u"), name: "Member", role: "participant", updatedAt: nowIso() })
      .onConflictDoNothing();
    const [r] = await ex
      .select({ handle: t.users.handle })
      .from(t.users)
      .where(and(eq(t.users.tenant, tenant), eq(t.users.sub, sub)));
    return r!.handle;
  }

  async function upsertMembership(
    ex: PgExec,
    roomId: string,
    handle: string,
    set: Partial<Pick<typeof t.roomMembers.$inferSelect, "enrolled" | "joined">> & {
      removedAt?: string | null | SQL;
    },
  ) {
    await ex
      .insert(t.roomMembers)
      .values({
        roomId,
        handle,
        enrolled: false,
        joined: false,
        removedAt: null,
        ...set,
        updatedAt: nowIso(),
      })
      .onConflictDoUpdate({
        target: [t.roomMembers.roomId, t.roomMembers.handle],
        set: { ...set, updatedAt: nowIso() },
      });
  }

  async function lockedMessage(ex: PgTx, tenant: string, id: string) {
    const [row] = await ex
      .select()
      .from(t.messages)
      .where(and(eq(t.messages.id, id), eq(t.messages.tenant, tenant)))
      .for("update");
    if (!row) throw notFound("message");
    return row;
  }

  async function heldMessage(ex: PgTx, tenant: string, id: string) {
    const row = await lockedMessage(ex, tenant, id);
    if (row.status !== "held") throw new AppError("conflict", `message is ${row.status}`);
    return row;
  }

  async function lockedThread(ex: PgTx, id: string) {
    const [row] = await ex.select().from(t.threads).where(eq(t.threads.id, id)).for("update");
    return row;
  }

  async function dropReply(ex: PgTx, threadId: string) {
    const [row] = await ex
      .update(t.threads)
      .set({ replyCount: sql`greatest(${t.threads.replyCount} - 1, 0)` })
      .where(eq(t.threads.id, threadId))
      .returning();
    return row!;
  }

  async function page(roomId: string, where: SQL | undefined, order: "asc" | "desc", limit: number) {
    return db
      .select()
      .from(t.messages)
      .where(and(eq(t.messages.roomId, roomId), where))
      .orderBy(order === "asc" ? asc(t.messages.seq) : desc(t.messages.seq))
      .limit(limit + 1);
  }

  const impl: Omit<Store, "people" | "deliveries"> = {
    dialect: "postgres",
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await db.$client.end();
    },

    async upsertUser(tenant, sub, name, role) {
      const [r] = await db
        .insert(t.users)
        .values({ tenant, sub, handle: newId("u"), name, role, updatedAt: nowIso() })
        .onConflictDoUpdate({
          target: [t.users.tenant, t.users.sub],
          set: { name, role, updatedAt: nowIso() },
        })
        .returning({ handle: t.users.handle });
      return r!.handle;
    },
    membersByHandle: (tenant, handles) => membersByHandle(db, tenant, handles),

    async createRoom(room, memberSubs, entry) {
      return tx(async (x) => {
        const [row] = await x
          .insert(t.rooms)
          .values({ ...room, createdAt: nowIso() })
          .returning();
        for (const sub of memberSubs)
          await upsertMembership(x, row!.id, await ensureUser(x, room.tenant, sub), { enrolled: true });
        await appendAudit(x, entry);
        return row!;
      });
    },
    async enrol(tenant, roomId, sub, actor) {
      return tx(async (x) => {
        const handle = await ensureUser(x, tenant, sub);
        await upsertMembership(x, roomId, handle, { enrolled: true, removedAt: null });
        await appendAudit(x, {
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
      const [r] = await db
        .select()
        .from(t.rooms)
        .where(and(eq(t.rooms.id, roomId), eq(t.rooms.tenant, tenant)));
      return r;
    },
    async findRoomCached(tenant, roomId) {
      const hit = roomCache.get(roomId);
      if (hit) return hit.tenant === tenant ? hit : undefined;
      const row = await impl.findRoom(tenant, roomId);
      if (row) {
        if (roomCache.size >= 10_000) roomCache.clear();
        roomCache.set(roomId, row);
      }
      return row;
    },
    async findRoomByName(tenant, name) {
      const [r] = await db
        .select()
        .from(t.rooms)
        .where(and(eq(t.rooms.tenant, tenant), eq(t.rooms.name, name)));
      return r;
    },
    async findMembership(roomId, handle) {
      const [r] = await db
        .select()
        .from(t.roomMembers)
        .where(and(eq(t.roomMembers.roomId, roomId), eq(t.roomMembers.handle, handle)));
      return r;
    },
    async setMembership(roomId, handle, set) {
      await upsertMembership(db, roomId, handle, set);
    },
    async listRoomsFor(tenant, handle, staff) {
      if (staff)
        return db.select().from(t.rooms).where(eq(t.rooms.tenant, tenant)).orderBy(t.rooms.createdAt);
      const rows = await db
        .select({ room: t.rooms })
        .from(t.rooms)
        .leftJoin(t.roomMembers, and(eq(t.roomMembers.roomId, t.rooms.id), eq(t.roomMembers.handle, handle)))
        .where(
          and(
            eq(t.rooms.tenant, tenant),
            isNull(t.roomMembers.removedAt),
            or(
              eq(t.rooms.visibility, "open"),
              eq(t.roomMembers.enrolled, true),
              eq(t.roomMembers.joined, true),
            ),
          ),
        )
        .orderBy(t.rooms.createdAt);
      return rows.map((r) => r.room);
    },
    async sendGate(roomId, handle, clientId) {
      const r = await db.execute<{
        removed_at: string | null;
        enrolled: boolean | null;
        joined: boolean | null;
        muted_until: string | null;
        earlier_id: string | null;
      }>(sql`select m.removed_at, m.enrolled, m.joined,
          (select until from mutes where room_id = ${roomId} and handle = ${handle} and until > ${nowIso()}) as muted_until,
          (select id from messages where room_id = ${roomId} and author_handle = ${handle} and client_id = ${clientId}) as earlier_id
        from (select 1) as one left join room_members m on m.room_id = ${roomId} and m.handle = ${handle}`);
      const row = r.rows[0]!;
      return {
        member:
          row.joined === null
            ? undefined
            : { removedAt: row.removed_at, enrolled: Boolean(row.enrolled), joined: Boolean(row.joined) },
        mutedUntil: row.muted_until,
        earlierId: row.earlier_id,
      };
    },

    async storeMessage(row, crisis) {
      const held = row.status === "held";
      const insert = async (x: PgExec): Promise<MessageRow> => {
        // Seq and insert in one statement: the room's row stays locked until the commit.
        const r = await x.execute<{ seq: number | null; created_at: string }>(sql`
          with s as (${held ? sql`select null::integer as seq` : sql`update rooms set last_seq = last_seq + 1 where id = ${row.roomId} returning last_seq as seq`})
          insert into messages (id, tenant, room_id, seq, author_handle, client_id, body, status, reply_to,
            action, reasons, findings, level, category, created_at)
          select ${row.id}, ${row.tenant}, ${row.roomId}, s.seq, ${row.authorHandle}, ${row.clientId}, ${row.body},
            ${row.status}, ${row.replyTo}, ${row.action}, ${JSON.stringify(row.reasons)}::jsonb,
            ${JSON.stringify(row.findings)}::jsonb, ${row.level}, ${row.category}, ${nowIso()}
          from s returning seq, created_at`);
        const out = r.rows[0];
        if (!out) throw new Error("room vanished during a send");
        return { ...row, seq: out.seq, createdAt: out.created_at, editedAt: null };
      };
      if (!crisis) return { row: await insert(db), caseOpened: null };
      return tx(async (x) => ({ row: await insert(x), caseOpened: await openCase(x, crisis) }));
    },
    async findMessage(tenant, id) {
      const [r] = await db
        .select()
        .from(t.messages)
        .where(and(eq(t.messages.id, id), eq(t.messages.tenant, tenant)));
      return r;
    },
    async findByClientId(roomId, handle, clientId) {
      const [r] = await db
        .select()
        .from(t.messages)
        .where(
          and(
            eq(t.messages.roomId, roomId),
            eq(t.messages.authorHandle, handle),
            eq(t.messages.clientId, clientId),
          ),
        );
      return r;
    },
    async editMessage(id, change, crisis) {
      return tx(async (x) => {
        const [row] = await x
          .update(t.messages)
          .set({ ...change, editedAt: nowIso() })
          .where(eq(t.messages.id, id))
          .returning();
        return { row: row!, crisisCase: await openOrAdd(x, crisis) };
      });
    },
    async deleteMessage(tenant, id, entry) {
      return tx(async (x) => {
        const row = await lockedMessage(x, tenant, id);
        if (row.status === "deleted") return undefined;
        await x
          .update(t.messages)
          .set({ body: "", status: "deleted", findings: [], editedAt: nowIso() })
          .where(eq(t.messages.id, id));
        await auditIf(x, entry);
        return row;
      });
    },
    async toggleReaction(tenant, messageId, handle, emoji) {
      return tx(async (x) => {
        // The message's lock serialises toggles on it: two at once never both add, or both remove.
        const row = await lockedMessage(x, tenant, messageId);
        if (!isLive(row.status)) throw new AppError("conflict", `message is ${row.status}`);
        const removed = await x
          .delete(t.reactions)
          .where(
            and(
              eq(t.reactions.messageId, messageId),
              eq(t.reactions.handle, handle),
              eq(t.reactions.emoji, emoji),
            ),
          )
          .returning({ emoji: t.reactions.emoji });
        if (removed.length === 0) await x.insert(t.reactions).values({ messageId, handle, emoji });
        return row;
      });
    },
    async report(o) {
      return tx(async (x) => {
        await lockedMessage(x, o.tenant, o.messageId);
        const [existing] = await x
          .select()
          .from(t.cases)
          .where(and(eq(t.cases.messageId, o.messageId), eq(t.cases.reporterHandle, o.reporterHandle)));
        if (existing) return { case: toCase(existing), isNew: false };
        return { case: await openCase(x, o), isNew: true };
      });
    },
    async approveMessage(tenant, id, actor) {
      return tx(async (x) => {
        const current = await heldMessage(x, tenant, id);
        const [row] = await x
          .update(t.messages)
          .set({
            status: statusAfterReview(current.findings),
            seq: current.seq ?? (await nextSeq(x, current.roomId)),
          })
          .where(eq(t.messages.id, id))
          .returning();
        await appendAudit(x, {
          tenant,
          actor,
          action: "message.approved",
          target: id,
          details: { roomId: row!.roomId, seq: row!.seq },
        });
        return { row: row!, hadSeq: current.seq !== null };
      });
    },
    async rejectMessage(tenant, id, actor, reason) {
      return tx(async (x) => {
        const current = await heldMessage(x, tenant, id);
        const [row] = await x
          .update(t.messages)
          .set({ status: "rejected", body: "", findings: [] })
          .where(eq(t.messages.id, id))
          .returning();
        await appendAudit(x, {
          tenant,
          actor,
          action: "message.rejected",
          target: id,
          details: { roomId: row!.roomId, reason: reason ?? "" },
        });
        return { row: row!, hadSeq: current.seq !== null };
      });
    },
    async pageBefore(roomId, beforeSeq, limit) {
      const rows = await page(
        roomId,
        and(isNotNull(t.messages.seq), beforeSeq === undefined ? undefined : lt(t.messages.seq, beforeSeq)),
        "desc",
        limit,
      );
      return { rows: rows.slice(0, limit).reverse(), hasMore: rows.length > limit };
    },
    async pageAfter(roomId, afterSeq, limit) {
      const rows = await page(roomId, gt(t.messages.seq, afterSeq), "asc", limit);
      return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
    },
    async heldMessages(tenant, limit = 200) {
      return db
        .select()
        .from(t.messages)
        .where(and(eq(t.messages.tenant, tenant), eq(t.messages.status, "held")))
        .orderBy(asc(t.messages.createdAt))
        .limit(limit);
    },
    async toMessages(tenant, rows, known) {
      const handles = rows.map((r) => r.authorHandle).filter((h) => h !== known?.id);
      const authors = await membersByHandle(db, tenant, handles);
      if (known) authors.set(known.id, known);
      const counts = new Map<string, Record<string, number>>();
      if (rows.length > 0) {
        const found = await db
          .select({
            messageId: t.reactions.messageId,
            emoji: t.reactions.emoji,
            n: sql<number>`count(*)::int`,
          })
          .from(t.reactions)
          .where(
            inArray(
              t.reactions.messageId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(t.reactions.messageId, t.reactions.emoji);
        for (const r of found) counts.set(r.messageId, { ...counts.get(r.messageId), [r.emoji]: r.n });
      }
      return rows.map((r) => toWireMessage(r, authors.get(r.authorHandle), counts.get(r.id) ?? {}));
    },

    async activeMute(roomId, handle) {
      const [r] = await db
        .select({ until: t.mutes.until })
        .from(t.mutes)
        .where(and(eq(t.mutes.roomId, roomId), eq(t.mutes.handle, handle), gt(t.mutes.until, nowIso())));
      return r?.until ?? null;
    },
    async mute(roomId, handle, minutes, by, entry) {
      return tx(async (x) => {
        const [r] = await x
          .insert(t.mutes)
          .values({ roomId, handle, until: nowIso(minutes * 60_000), by })
          .onConflictDoUpdate({
            target: [t.mutes.roomId, t.mutes.handle],
            set: { until: nowIso(minutes * 60_000), by },
          })
          .returning({ until: t.mutes.until });
        await appendAudit(x, entry);
        return r!.until;
      });
    },
    async unmute(roomId, handle, entry) {
      await tx(async (x) => {
        await x.delete(t.mutes).where(and(eq(t.mutes.roomId, roomId), eq(t.mutes.handle, handle)));
        await appendAudit(x, entry);
      });
    },
    async removeMember(roomId, handle, entry) {
      await tx(async (x) => {
        await upsertMembership(x, roomId, handle, { joined: false, enrolled: false, removedAt: nowIso() });
        await appendAudit(x, entry);
      });
    },

    async changeCase(tenant, caseId, decide) {
      return tx(async (x) => {
        const [row] = await x
          .select()
          .from(t.cases)
          .where(and(eq(t.cases.id, caseId), eq(t.cases.tenant, tenant)))
          .for("update");
        const d = decide(row);
        if (!row) throw notFound("case");
        const now = await clock(x);
        const notes = d.note ? [...row.notes, { by: d.note.by, at: now, text: d.note.text }] : row.notes;
        const [updated] = await x
          .update(t.cases)
          .set({ ...d.set, notes, updatedAt: now })
          .where(eq(t.cases.id, caseId))
          .returning();
        const out = toCase(updated!);
        if (d.webhook) await enqueue(x, tenant, d.webhook, out, updated!.subjectHandle);
        await appendAudit(x, { ...d.audit, details: { ...d.audit.details, to: out.status, tier: out.tier } });
        return out;
      });
    },
    async listCases(tenant, minTier, status) {
      const rows = await db
        .select()
        .from(t.cases)
        .where(
          and(
            eq(t.cases.tenant, tenant),
            gte(t.cases.tier, minTier),
            status ? eq(t.cases.status, status) : ne(t.cases.status, "resolved"),
          ),
        )
        .orderBy(asc(t.cases.dueAt))
        .limit(500);
      return rows.map(toCase);
    },
    async openCasesAbout(tenant, handle) {
      return db
        .select()
        .from(t.cases)
        .where(
          and(eq(t.cases.tenant, tenant), eq(t.cases.subjectHandle, handle), ne(t.cases.status, "resolved")),
        )
        .orderBy(asc(t.cases.createdAt))
        .limit(50);
    },
    async sweepOverdue(hasWebhook) {
      return tx(async (x) => {
        // Skip rows another node's sweep holds; the WHERE re-checked under the lock moves each once.
        const due = x.$with("due").as(
          x
            .select({ id: t.cases.id })
            .from(t.cases)
            .where(and(eq(t.cases.status, "open"), eq(t.cases.tier, 1), lte(t.cases.dueAt, nowIso())))
            .orderBy(asc(t.cases.dueAt))
            .limit(200)
            .for("update", { skipLocked: true }),
        );
        const moved = await x
          .with(due)
          .update(t.cases)
          .set({ tier: 2, status: "escalated", updatedAt: nowIso() })
          .where(
            and(
              inArray(t.cases.id, sql`(select id from ${due})`),
              eq(t.cases.status, "open"),
              eq(t.cases.tier, 1),
            ),
          )
          .returning();
        // Audit heads in one order (by tenant), so two sweeps never wait on each other's heads.
        moved.sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0));
        const out: { tenant: string; case: Case }[] = [];
        for (const row of moved) {
          const c = toCase(row);
          if (hasWebhook(row.tenant)) await enqueue(x, row.tenant, "case.escalated", c, row.subjectHandle);
          await appendAudit(x, {
            tenant: row.tenant,
            actor: "system",
            action: "case.auto_escalated",
            target: c.id,
            details: { tier: 2, dueAt: c.dueAt },
          });
          out.push({ tenant: row.tenant, case: c });
        }
        return out;
      });
    },
    async countOpenByTier() {
      return db
        .select({ tier: t.cases.tier, n: sql<number>`count(*)::int` })
        .from(t.cases)
        .where(ne(t.cases.status, "resolved"))
        .groupBy(t.cases.tier);
    },

    async claimDue(owner, leaseMs, limit) {
      // The due rows are picked and locked once, in a CTE (an IN subquery may be run again per
      // row and overshoot the limit); rows another node holds are skipped, not waited for.
      const now = nowIso();
      const due = db.$with("due").as(
        db
          .select({ id: t.outbox.id })
          .from(t.outbox)
          .where(
            and(
              isNull(t.outbox.deliveredAt),
              isNull(t.outbox.failedAt),
              lte(t.outbox.nextAttemptAt, now),
              or(isNull(t.outbox.leaseUntil), lte(t.outbox.leaseUntil, now)),
            ),
          )
          .orderBy(asc(t.outbox.nextAttemptAt))
          .limit(limit)
          .for("update", { skipLocked: true }),
      );
      return db
        .with(due)
        .update(t.outbox)
        .set({ leaseOwner: owner, leaseUntil: nowIso(leaseMs) })
        .where(inArray(t.outbox.id, sql`(select id from ${due})`))
        .returning();
    },
    async settle(id, owner, a) {
      await db
        .update(t.outbox)
        .set({
          attempts: a.attempts,
          lastError: a.error,
          lastStatus: a.status ?? null,
          leaseOwner: null,
          leaseUntil: null,
          ...(a.error === null
            ? { deliveredAt: nowIso() }
            : { nextAttemptAt: nowIso(a.retryInMs ?? 0), ...(a.giveUp ? { failedAt: nowIso() } : {}) }),
        })
        .where(and(eq(t.outbox.id, id), eq(t.outbox.leaseOwner, owner)));
    },

    async auditPage(tenant, before, limit) {
      const rows = await db
        .select()
        .from(t.audit)
        .where(and(eq(t.audit.tenant, tenant), before ? lt(t.audit.id, before) : undefined))
        .orderBy(desc(t.audit.id))
        .limit(limit + 1);
      return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
    },
    async auditAfter(tenant, afterId, limit) {
      return db
        .select()
        .from(t.audit)
        .where(and(eq(t.audit.tenant, tenant), gt(t.audit.id, afterId)))
        .orderBy(asc(t.audit.id))
        .limit(limit);
    },
    async auditHead(tenant) {
      const [r] = await db.select().from(t.auditHeads).where(eq(t.auditHeads.tenant, tenant));
      return r;
    },
    async auditTenants() {
      const rows = await db.selectDistinct({ tenant: t.audit.tenant }).from(t.audit);
      return rows.map((r) => r.tenant);
    },

    async postThread(row, crisis) {
      return tx(async (x) => {
        const seq = row.status === "held" ? null : await nextForumSeq(x, row.tenant);
        const [stored] = await x
          .insert(t.threads)
          .values({ ...row, createdAt: nowIso(), lastActivityAt: nowIso(), seq, activitySeq: seq })
          .returning();
        return { row: stored!, caseOpened: await caseOf(x, crisis) };
      });
    },
    async postReply(row, crisis) {
      return tx(async (x) => {
        const current = await lockedThread(x, row.threadId);
        if (!current || current.tenant !== row.tenant || !isLive(current.status)) throw notFound("thread");
        if (current.locked) throw new AppError("conflict", "this thread is locked");
        const seq = row.status === "held" ? null : await nextForumSeq(x, row.tenant);
        const [stored] = await x
          .insert(t.replies)
          .values({ ...row, createdAt: nowIso(), seq })
          .returning();
        const parent =
          seq === null
            ? null
            : (
                await x
                  .update(t.threads)
                  .set({
                    replyCount: sql`${t.threads.replyCount} + 1`,
                    activitySeq: seq,
                    lastActivityAt: stored!.createdAt,
                  })
                  .where(eq(t.threads.id, row.threadId))
                  .returning()
              )[0]!;
        return { row: stored!, parent, caseOpened: await caseOf(x, crisis) };
      });
    },
    async editThread(id, change, crisis) {
      return tx(async (x) => {
        const [row] = await x
          .update(t.threads)
          .set({ ...change, editedAt: nowIso() })
          .where(eq(t.threads.id, id))
          .returning();
        return { row: row!, crisisCase: await openOrAdd(x, crisis) };
      });
    },
    async editReply(id, change, crisis) {
      return tx(async (x) => {
        const [row] = await x
          .update(t.replies)
          .set({ ...change, editedAt: nowIso() })
          .where(eq(t.replies.id, id))
          .returning();
        const parent = change.status === "held" ? await dropReply(x, row!.threadId) : null;
        return { row: row!, parent, crisisCase: await openOrAdd(x, crisis) };
      });
    },
    async removeThread(id, entry) {
      return tx(async (x) => {
        const [row] = await x
          .update(t.threads)
          .set({ status: "deleted", body: "", title: "", findings: [], editedAt: nowIso() })
          .where(eq(t.threads.id, id))
          .returning();
        await auditIf(x, entry);
        return row!;
      });
    },
    async removeReply(id, entry) {
      return tx(async (x) => {
        const [before] = await x.select().from(t.replies).where(eq(t.replies.id, id)).for("update");
        if (!before) throw notFound("reply");
        await lockedThread(x, before.threadId);
        const [row] = await x
          .update(t.replies)
          .set({ status: "deleted", body: "", findings: [], editedAt: nowIso() })
          .where(eq(t.replies.id, id))
          .returning();
        const parent = isLive(before.status) ? await dropReply(x, before.threadId) : null;
        await auditIf(x, entry);
        return { row: row!, parent };
      });
    },
    async lockThread(id, locked, entry) {
      return tx(async (x) => {
        const [row] = await x.update(t.threads).set({ locked }).where(eq(t.threads.id, id)).returning();
        await appendAudit(x, entry);
        return row!;
      });
    },
    async approvePost(tenant, kind, id, actor) {
      return tx(async (x) => {
        const entry = (details: Record<string, unknown>) =>
          appendAudit(x, { tenant, actor, action: "forum.approved", target: id, details });
        if (kind === "thread") {
          const row = await lockedThread(x, id);
          if (!row || row.tenant !== tenant) throw notFound("message");
          if (row.status !== "held") throw new AppError("conflict", `message is ${row.status}`);
          const seq = row.seq ?? (await nextForumSeq(x, tenant));
          const fresh = row.seq === null ? { seq, activitySeq: seq, lastActivityAt: nowIso() } : {};
          const [thread] = await x
            .update(t.threads)
            .set({ status: statusAfterReview(row.findings), ...fresh })
            .where(eq(t.threads.id, id))
            .returning();
          await entry({ seq });
          return { thread: thread!, reply: null };
        }
        const [row] = await x
          .select()
          .from(t.replies)
          .where(and(eq(t.replies.id, id), eq(t.replies.tenant, tenant)))
          .for("update");
        if (!row) throw notFound("message");
        if (row.status !== "held") throw new AppError("conflict", `message is ${row.status}`);
        await lockedThread(x, row.threadId);
        const seq = row.seq ?? (await nextForumSeq(x, tenant));
        const [reply] = await x
          .update(t.replies)
          .set({ status: statusAfterReview(row.findings), seq })
          .where(eq(t.replies.id, id))
          .returning();
        const [thread] = await x
          .update(t.threads)
          .set(
            row.seq === null
              ? { replyCount: sql`${t.threads.replyCount} + 1`, activitySeq: seq, lastActivityAt: nowIso() }
              : { replyCount: sql`${t.threads.replyCount} + 1` },
          )
          .where(eq(t.threads.id, row.threadId))
          .returning();
        await entry({ threadId: row.threadId, seq });
        return { thread: thread!, reply: reply! };
      });
    },
    async rejectPost(tenant, kind, id, actor, reason) {
      return tx(async (x) => {
        const table = kind === "thread" ? t.threads : t.replies;
        const [row] = await x
          .select({ status: table.status, seq: table.seq, author: table.authorHandle })
          .from(table)
          .where(and(eq(table.id, id), eq(table.tenant, tenant)))
          .for("update");
        if (!row) throw notFound("message");
        if (row.status !== "held") throw new AppError("conflict", `message is ${row.status}`);
        await appendAudit(x, {
          tenant,
          actor,
          action: "forum.rejected",
          target: id,
          details: { reason: reason ?? "" },
        });
        const hadSeq = row.seq !== null;
        if (kind === "thread") {
          const [thread] = await x
            .update(t.threads)
            .set({ status: "rejected", body: "", findings: [], title: "" })
            .where(eq(t.threads.id, id))
            .returning();
          return { thread: thread!, reply: null, hadSeq, author: row.author };
        }
        const [reply] = await x
          .update(t.replies)
          .set({ status: "rejected", body: "", findings: [] })
          .where(eq(t.replies.id, id))
          .returning();
        return { thread: null, reply: reply!, hadSeq, author: row.author };
      });
    },
    async textKind(tenant, id) {
      const r = await db.execute<{ kind: "message" | "thread" | "reply" }>(sql`
        select 'message' as kind from messages where id = ${id} and tenant = ${tenant}
        union all select 'thread' from threads where id = ${id} and tenant = ${tenant}
        union all select 'reply' from replies where id = ${id} and tenant = ${tenant}
        limit 1`);
      return r.rows[0]?.kind;
    },
    async findThread(tenant, id) {
      const [r] = await db
        .select()
        .from(t.threads)
        .where(and(eq(t.threads.id, id), eq(t.threads.tenant, tenant)));
      return r;
    },
    async findReply(tenant, id) {
      const [r] = await db
        .select()
        .from(t.replies)
        .where(and(eq(t.replies.id, id), eq(t.replies.tenant, tenant)));
      return r;
    },
    async threadByClientId(tenant, handle, clientId) {
      const [r] = await db
        .select()
        .from(t.threads)
        .where(
          and(
            eq(t.threads.tenant, tenant),
            eq(t.threads.authorHandle, handle),
            eq(t.threads.clientId, clientId),
          ),
        );
      return r;
    },
    async replyByClientId(tenant, handle, clientId) {
      const [r] = await db
        .select()
        .from(t.replies)
        .where(
          and(
            eq(t.replies.tenant, tenant),
            eq(t.replies.authorHandle, handle),
            eq(t.replies.clientId, clientId),
          ),
        );
      return r;
    },
    async currentForumSeq(tenant) {
      const [r] = await db
        .select({ seq: t.forumHeads.lastSeq })
        .from(t.forumHeads)
        .where(eq(t.forumHeads.tenant, tenant));
      return r?.seq ?? 0;
    },
    async threadsActiveBy(tenant, snapshot, before, limit, tag) {
      return db
        .select()
        .from(t.threads)
        .where(
          and(
            eq(t.threads.tenant, tenant),
            inArray(t.threads.status, [...LIVE_STATUSES]),
            lte(t.threads.activitySeq, snapshot),
            // Cursors may say "from the top" with Number.MAX_SAFE_INTEGER, beyond integer.
            sql`${t.threads.activitySeq} < ${before}::bigint`,
            hasTag(tag),
          ),
        )
        .orderBy(desc(t.threads.activitySeq))
        .limit(limit);
    },
    async threadsBumpedAfter(tenant, snapshot, tag) {
      return db
        .select()
        .from(t.threads)
        .where(
          and(
            eq(t.threads.tenant, tenant),
            inArray(t.threads.status, [...LIVE_STATUSES]),
            gt(t.threads.activitySeq, snapshot),
            lte(t.threads.seq, snapshot),
            hasTag(tag),
          ),
        );
    },
    async lastReplySeqBy(threadIds, snapshot) {
      if (threadIds.length === 0) return new Map();
      const rows = await db
        .select({ threadId: t.replies.threadId, seq: max(t.replies.seq) })
        .from(t.replies)
        .where(and(inArray(t.replies.threadId, threadIds), lte(t.replies.seq, snapshot)))
        .groupBy(t.replies.threadId);
      return new Map(rows.map((r) => [r.threadId, r.seq ?? 0]));
    },
    async repliesAfter(threadId, afterSeq, limit) {
      return db
        .select()
        .from(t.replies)
        .where(
          and(
            eq(t.replies.threadId, threadId),
            isNotNull(t.replies.seq),
            gt(t.replies.seq, afterSeq),
            inArray(t.replies.status, [...LIVE_STATUSES]),
          ),
        )
        .orderBy(asc(t.replies.seq))
        .limit(limit);
    },
    async heldPosts(tenant, limit = 200) {
      const [threads, replies] = await Promise.all([
        db
          .select()
          .from(t.threads)
          .where(and(eq(t.threads.tenant, tenant), eq(t.threads.status, "held")))
          .orderBy(asc(t.threads.createdAt))
          .limit(limit),
        db
          .select()
          .from(t.replies)
          .where(and(eq(t.replies.tenant, tenant), eq(t.replies.status, "held")))
          .orderBy(asc(t.replies.createdAt))
          .limit(limit),
      ]);
      return { threads, replies };
    },

    async purgeExpired(tenant, cutoff, batch) {
      return tx(async (x) => {
        const rows = await x
          .select({ id: t.messages.id })
          .from(t.messages)
          .where(and(eq(t.messages.tenant, tenant), lt(t.messages.createdAt, cutoff)))
          .limit(batch);
        const ids = rows.map((r) => r.id);
        if (ids.length === 0) return 0;
        await x.delete(t.reactions).where(inArray(t.reactions.messageId, ids));
        const gone = await x
          .delete(t.messages)
          .where(inArray(t.messages.id, ids))
          .returning({ id: t.messages.id });
        return gone.length;
      });
    },
  };

  const guard = guardWith(translate);
  return {
    ...(guard(impl) as unknown as Store),
    dialect: "postgres",
    db,
    people: guard(pgPeople(db)),
    deliveries: guard(pgDeliveries(db)),
  };
}
