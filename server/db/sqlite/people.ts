/** The people sub-port on SQLite (see ../people.ts). */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import { nowIso } from "../../ids.ts";
import { type DeletionCounts, PART2_NOTICE, type PeopleStore, REMOVED, type UserExport } from "../people.ts";
import { toCase } from "../rows.ts";
import { type Db, transaction } from "./client.ts";
import { appendAudit } from "./repos/audit.ts";
import { audit, cases, messages, mutes, reactions, replies, roomMembers, threads, users } from "./schema.ts";

const userOf = (db: Db, tenant: string, sub: string) =>
  db
    .select()
    .from(users)
    .where(and(eq(users.tenant, tenant), eq(users.sub, sub)))
    .get();

/** The handle's rooms in this tenant (room rows carry the tenant; memberships do not). */
const tenantRoomIds = (tenant: string) => sql`(select id from rooms where tenant = ${tenant})`;

export function sqlitePeople(db: Db): PeopleStore {
  return {
    async revealCaseSubject(tenant, caseId, actor, minTier) {
      return transaction(db, () => {
        const c = db
          .select()
          .from(cases)
          .where(and(eq(cases.tenant, tenant), eq(cases.id, caseId)))
          .get();
        if (!c || c.tier < minTier) throw notFound("case");
        if (!c.subjectHandle) return undefined;
        const u = db
          .select()
          .from(users)
          .where(and(eq(users.tenant, tenant), eq(users.handle, c.subjectHandle)))
          .get();
        if (!u) return undefined;
        appendAudit(db, { tenant, actor, action: "case.identity_shown", target: caseId, details: {} });
        return { handle: u.handle, name: u.name, sub: u.sub };
      });
    },

    async exportUser(tenant, sub, actor) {
      return transaction(db, () => exportOf(db, tenant, sub, actor));
    },

    async deleteUser(tenant, sub, actor) {
      const counts = transaction(db, (): DeletionCounts | undefined => {
        const u = userOf(db, tenant, sub);
        if (!u) return undefined;
        const h = u.handle;
        const rooms = tenantRoomIds(tenant);
        const now = nowIso();
        const out: DeletionCounts = {
          messages: db
            .update(messages)
            .set({ body: REMOVED, findings: [], editedAt: now })
            .where(and(eq(messages.tenant, tenant), eq(messages.authorHandle, h)))
            .run().changes,
          threads: db
            .update(threads)
            .set({ title: REMOVED, body: REMOVED, findings: [], editedAt: now })
            .where(and(eq(threads.tenant, tenant), eq(threads.authorHandle, h)))
            .run().changes,
          replies: db
            .update(replies)
            .set({ body: REMOVED, findings: [], editedAt: now })
            .where(and(eq(replies.tenant, tenant), eq(replies.authorHandle, h)))
            .run().changes,
          reactions: db
            .delete(reactions)
            .where(
              and(
                eq(reactions.handle, h),
                inArray(
                  reactions.messageId,
                  db.select({ id: messages.id }).from(messages).where(eq(messages.tenant, tenant)),
                ),
              ),
            )
            .run().changes,
          memberships: db
            .delete(roomMembers)
            .where(and(eq(roomMembers.handle, h), sql`${roomMembers.roomId} in ${rooms}`))
            .run().changes,
          mutes: db
            .delete(mutes)
            .where(and(eq(mutes.handle, h), sql`${mutes.roomId} in ${rooms}`))
            .run().changes,
        };
        db.update(users)
          .set({ name: REMOVED, updatedAt: now })
          .where(and(eq(users.tenant, tenant), eq(users.sub, sub)))
          .run();
        appendAudit(db, { tenant, actor, action: "user.deleted", target: h, details: { ...out } });
        return out;
      });
      if (counts) compact(db);
      return counts;
    },
  };
}

/**
 * An UPDATE leaves the old text in free space of the file's pages and in the WAL until they
 * are reused. VACUUM rewrites every page; the TRUNCATE checkpoint then moves the result into
 * the main file and empties the WAL, so the deleted text is in neither. Best effort: while
 * another process holds a read snapshot the checkpoint cannot finish, and the next one will.
 */
function compact(db: Db): void {
  try {
    db.$client.exec("VACUUM");
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    // busy: the rows are already changed; the next VACUUM (or checkpoint) completes the job.
  }
}

/** The export, inside the caller's transaction, with its audit row. */
function exportOf(db: Db, tenant: string, sub: string, actor: string): UserExport | undefined {
  const u = userOf(db, tenant, sub);
  if (!u) return undefined;
  const h = u.handle;
  const rooms = tenantRoomIds(tenant);
  const caseRows = db
    .select()
    .from(cases)
    .where(and(eq(cases.tenant, tenant), or(eq(cases.subjectHandle, h), eq(cases.reporterHandle, h))))
    .all();
  const out: UserExport = {
    notice: PART2_NOTICE,
    tenant,
    user: { sub: u.sub, handle: h, name: u.name, role: u.role, updatedAt: u.updatedAt },
    memberships: db
      .select({
        roomId: roomMembers.roomId,
        enrolled: roomMembers.enrolled,
        joined: roomMembers.joined,
        removedAt: roomMembers.removedAt,
        updatedAt: roomMembers.updatedAt,
      })
      .from(roomMembers)
      .where(and(eq(roomMembers.handle, h), sql`${roomMembers.roomId} in ${rooms}`))
      .all(),
    mutes: db
      .select({ roomId: mutes.roomId, until: mutes.until, by: mutes.by })
      .from(mutes)
      .where(and(eq(mutes.handle, h), sql`${mutes.roomId} in ${rooms}`))
      .all(),
    messages: db
      .select()
      .from(messages)
      .where(and(eq(messages.tenant, tenant), eq(messages.authorHandle, h)))
      .all(),
    threads: db
      .select()
      .from(threads)
      .where(and(eq(threads.tenant, tenant), eq(threads.authorHandle, h)))
      .all(),
    replies: db
      .select()
      .from(replies)
      .where(and(eq(replies.tenant, tenant), eq(replies.authorHandle, h)))
      .all(),
    reactions: db
      .select({ messageId: reactions.messageId, emoji: reactions.emoji })
      .from(reactions)
      .where(
        and(
          eq(reactions.handle, h),
          sql`${reactions.messageId} in (select id from messages where tenant = ${tenant})`,
        ),
      )
      .all(),
    reports: caseRows.filter((c) => c.reporterHandle === h).map(toCase),
    cases: caseRows.filter((c) => c.subjectHandle === h).map(toCase),
    audit: db
      .select()
      .from(audit)
      .where(
        and(
          eq(audit.tenant, tenant),
          or(eq(audit.actor, h), eq(audit.target, h), sql`instr(${audit.details}, ${h}) > 0`),
        ),
      )
      .all(),
  };
  appendAudit(db, { tenant, actor, action: "user.exported", target: h, details: {} });
  return out;
}
