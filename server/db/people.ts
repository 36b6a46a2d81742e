/**
 * The people sub-port of the Store: who a case is about (for the staff's audited "show
 * identity" and for case webhooks) and a person's data rights (export, deletion). Kept apart
 * from store.ts so that the integrator-facing features grow without reshaping the main port;
 * SQLite (sqlite/people.ts) and PostgreSQL (pg/people.ts) implement it, one contract suite
 * (test/db/subports-contract.test.ts) runs over both, and so do the end-to-end suites.
 */
import type { Case } from "../../shared/types.ts";
import type { AuditRow, MemberRow, MessageRow, ReplyRow, ThreadRow, UserRow } from "./rows.ts";

/**
 * 42 CFR Part 2 §2.32: every disclosure of a Part 2 record carries the prohibition on
 * redisclosure. An export is such a disclosure, so it carries the notice.
 */
export const PART2_NOTICE =
  "42 CFR part 2 prohibits unauthorized use or disclosure of these records. " +
  "This information has been disclosed to you from records protected by federal confidentiality rules.";

/** What replaces a deleted person's text in place, so threads and rooms keep their shape. */
export const REMOVED = "[removed]";

/** Everything stored about one person in one tenant. */
export interface UserExport {
  notice: string;
  tenant: string;
  user: Pick<UserRow, "sub" | "handle" | "name" | "role" | "updatedAt">;
  memberships: Pick<MemberRow, "roomId" | "enrolled" | "joined" | "removedAt" | "updatedAt">[];
  mutes: { roomId: string; until: string; by: string }[];
  messages: MessageRow[];
  threads: ThreadRow[];
  replies: ReplyRow[];
  reactions: { messageId: string; emoji: string }[];
  /** Cases this person opened by reporting a message (the reporter is them). */
  reports: Case[];
  /** Cases about this person (their words opened them, or someone reported their message). */
  cases: Case[];
  /** Audit rows that name their handle, as actor, target or in their details. */
  audit: AuditRow[];
}

/** How many rows a deletion changed or removed. */
export interface DeletionCounts {
  messages: number;
  threads: number;
  replies: number;
  reactions: number;
  memberships: number;
  mutes: number;
}

/** A case's subject as staff may see it after the audited "show identity" action. */
export interface CaseIdentity {
  handle: string;
  name: string;
  sub: string;
}

export interface PeopleStore {
  /**
   * The subject of a case at tier `minTier` or above, with an audit row naming the actor in the
   * same transaction (`not_found`: no such case for this caller; undefined: it has no subject).
   */
  revealCaseSubject(
    tenant: string,
    caseId: string,
    actor: string,
    minTier: number,
  ): Promise<CaseIdentity | undefined>;
  /** Everything stored about `sub` in `tenant`, audited as read by `actor` (undefined: never seen). */
  exportUser(tenant: string, sub: string, actor: string): Promise<UserExport | undefined>;
  /**
   * Remove a person's text and presence: their messages, posts and replies become REMOVED in
   * place, their reactions, memberships and mutes go, their display name becomes REMOVED.
   * Cases keep their timeline and notes. One transaction with its audit row; on SQLite the file
   * is then compacted so the old text is gone from it too. Undefined: never seen.
   */
  deleteUser(tenant: string, sub: string, actor: string): Promise<DeletionCounts | undefined>;
}
