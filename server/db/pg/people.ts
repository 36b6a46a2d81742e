/**
 * The people sub-port on PostgreSQL (see ../people.ts). The deletion locks the person's user
 * row first, so two deletions (or a deletion and an export) of one person queue. Old row
 * versions stay in the table files until VACUUM reclaims them, and in WAL archives and backups
 * for as long as those are kept (README "Data rights").
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import { type DeletionCounts, PART2_NOTICE, type PeopleStore, REMOVED, type UserExport } from "../people.ts";
import { toCase } from "../rows.ts";
import type { PgDb, PgExec } from "./client.ts";
import * as t from "./schema.ts";
import { appendAudit } from "./store.ts";

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const now = sql<string>`to_char(now() at time zone 'UTC', ${sql.raw(ISO)})`;
const tenantRooms = (tenant: string) => sql`(select id from rooms where tenant = ${tenant})`;

async function userOf(ex: PgExec, tenant: string, sub: string, lock = false) {
  const q = ex
    .select()
    .from(t.users)
    .where(and(eq(t.users.tenant, tenant), eq(t.users.sub, sub)));
  const [u] = lock ? await q.for("update") : await q;
  return u;
}

export function pgPeople(db: PgDb): PeopleStore {
  return {
    async revealCaseSubject(tenant, caseId, actor, minTier) {
      return db.transaction(async (x) => {
        const [c] = await x
          .select()
          .from(t.cases)
          .where(and(eq(t.cases.tenant, tenant), eq(t.cases.id, caseId)));
        if (!c || c.tier < minTier) throw notFound("case");
        if (!c.subjectHandle) return undefined;
        const [u] = await x
          .select()
          .from(t.users)
          .where(and(eq(t.users.tenant, tenant), eq(t.users.handle, c.subjectHandle)));
        if (!u) return undefined;
        await appendAudit(x, { tenant, actor, action: "case.identity_shown", target: caseId, details: {} });
        return { handle: u.handle, name: u.name, sub: u.sub };
      });
    },

    async exportUser(tenant, sub, actor) {
      return db.transaction(async (x) => {
        const u = await userOf(x, tenant, sub);
        if (!u) return undefined;
        const h = u.handle;
        const caseRows = await x
          .select()
          .from(t.cases)
          .where(
            and(eq(t.cases.tenant, tenant), or(eq(t.cases.subjectHandle, h), eq(t.cases.reporterHandle, h))),
          );
        const out: UserExport = {
          notice: PART2_NOTICE,
          tenant,
          user: { sub: u.sub, handle: h, name: u.name, role: u.role, updatedAt: u.updatedAt },
          memberships: await x
            .select({
              roomId: t.roomMembers.roomId,
              enrolled: t.roomMembers.enrolled,
              joined: t.roomMembers.joined,
              removedAt: t.roomMembers.removedAt,
              updatedAt: t.roomMembers.updatedAt,
            })
            .from(t.roomMembers)
            .where(and(eq(t.roomMembers.handle, h), sql`${t.roomMembers.roomId} in ${tenantRooms(tenant)}`)),
          mutes: await x
            .select({ roomId: t.mutes.roomId, until: t.mutes.until, by: t.mutes.by })
            .from(t.mutes)
            .where(and(eq(t.mutes.handle, h), sql`${t.mutes.roomId} in ${tenantRooms(tenant)}`)),
          messages: await x
            .select()
            .from(t.messages)
            .where(and(eq(t.messages.tenant, tenant), eq(t.messages.authorHandle, h))),
          threads: await x
            .select()
            .from(t.threads)
            .where(and(eq(t.threads.tenant, tenant), eq(t.threads.authorHandle, h))),
          replies: await x
            .select()
            .from(t.replies)
            .where(and(eq(t.replies.tenant, tenant), eq(t.replies.authorHandle, h))),
          reactions: await x
            .select({ messageId: t.reactions.messageId, emoji: t.reactions.emoji })
            .from(t.reactions)
            .where(
              and(
                eq(t.reactions.handle, h),
                sql`${t.reactions.messageId} in (select id from messages where tenant = ${tenant})`,
              ),
            ),
          reports: caseRows.filter((c) => c.reporterHandle === h).map(toCase),
          cases: caseRows.filter((c) => c.subjectHandle === h).map(toCase),
          audit: await x
            .select()
            .from(t.audit)
            .where(
              and(
                eq(t.audit.tenant, tenant),
                or(eq(t.audit.actor, h), eq(t.audit.target, h), sql`strpos(${t.audit.details}, ${h}) > 0`),
              ),
            )
            .orderBy(t.audit.id),
        };
        await appendAudit(x, { tenant, actor, action: "user.exported", target: h, details: {} });
        return out;
      });
    },

    async deleteUser(tenant, sub, actor) {
      return db.transaction(async (x): Promise<DeletionCounts | undefined> => {
        const u = await userOf(x, tenant, sub, true);
        if (!u) return undefined;
        const h = u.handle;
        const count = (r: { rowCount: number | null }) => r.rowCount ?? 0;
        const out: DeletionCounts = {
          messages: count(
            await x
              .update(t.messages)
              .set({ body: REMOVED, findings: [], editedAt: now })
              .where(and(eq(t.messages.tenant, tenant), eq(t.messages.authorHandle, h))),
          ),
          threads: count(
            await x
              .update(t.threads)
              .set({ title: REMOVED, body: REMOVED, findings: [], editedAt: now })
              .where(and(eq(t.threads.tenant, tenant), eq(t.threads.authorHandle, h))),
          ),
          replies: count(
            await x
              .update(t.replies)
              .set({ body: REMOVED, findings: [], editedAt: now })
              .where(and(eq(t.replies.tenant, tenant), eq(t.replies.authorHandle, h))),
          ),
          reactions: count(
            await x
              .delete(t.reactions)
              .where(
                and(
                  eq(t.reactions.handle, h),
                  inArray(
                    t.reactions.messageId,
                    x.select({ id: t.messages.id }).from(t.messages).where(eq(t.messages.tenant, tenant)),
                  ),
                ),
              ),
          ),
          memberships: count(
            await x
              .delete(t.roomMembers)
              .where(
                and(eq(t.roomMembers.handle, h), sql`${t.roomMembers.roomId} in ${tenantRooms(tenant)}`),
              ),
          ),
          mutes: count(
            await x
              .delete(t.mutes)
              .where(and(eq(t.mutes.handle, h), sql`${t.mutes.roomId} in ${tenantRooms(tenant)}`)),
          ),
        };
        await x
          .update(t.users)
          .set({ name: REMOVED, updatedAt: now })
          .where(and(eq(t.users.tenant, tenant), eq(t.users.sub, sub)));
        await appendAudit(x, { tenant, actor, action: "user.deleted", target: h, details: { ...out } });
        return out;
      });
    },
  };
}
