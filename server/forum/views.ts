/**
 * The wire shapes of forum posts: Thread and Reply with their authors, what subscribers may see
 * of a post (never the text of a held, rejected or deleted one), and the Message-shaped view a
 * held post takes in the staff queue (see HeldItem in shared/events.ts).
 */
import type { Member, Message, MessageStatus, Reply, Thread } from "../../shared/types.ts";
import type { ReplyRow, Store, ThreadRow } from "../db/store.ts";

/** The roomId a held forum post carries in the staff queue. */
export const FORUM_ROOM = "forum";
const SILENT = new Set(["deleted", "rejected"]);
const someone = (handle: string): Member => ({ id: handle, name: "Member", role: "participant" });

async function authors(
  db: Store,
  tenant: string,
  handles: string[],
  known?: Member,
): Promise<Map<string, Member>> {
  const out = await db.membersByHandle(
    tenant,
    handles.filter((h) => h !== known?.id),
  );
  if (known) out.set(known.id, known);
  return out;
}

/** Thread rows to the wire shape, in the given order. */
export async function toThreads(
  db: Store,
  tenant: string,
  rows: ThreadRow[],
  known?: Member,
): Promise<Thread[]> {
  const by = await authors(
    db,
    tenant,
    rows.map((r) => r.authorHandle),
    known,
  );
  return rows.map((r) => ({
    id: r.id,
    title: SILENT.has(r.status) ? "" : r.title,
    body: SILENT.has(r.status) ? "" : r.body,
    author: by.get(r.authorHandle) ?? someone(r.authorHandle),
    status: r.status as MessageStatus,
    replyCount: r.replyCount,
    createdAt: r.createdAt,
    lastActivityAt: r.lastActivityAt,
    tags: r.tags,
    locked: r.locked,
  }));
}

export const toThread = async (db: Store, tenant: string, row: ThreadRow, known?: Member): Promise<Thread> =>
  (await toThreads(db, tenant, [row], known))[0]!;

/** Reply rows to the wire shape, in the given order. */
export async function toReplies(
  db: Store,
  tenant: string,
  rows: ReplyRow[],
  known?: Member,
): Promise<Reply[]> {
  const by = await authors(
    db,
    tenant,
    rows.map((r) => r.authorHandle),
    known,
  );
  return rows.map((r) => ({
    id: r.id,
    threadId: r.threadId,
    body: SILENT.has(r.status) ? "" : r.body,
    author: by.get(r.authorHandle) ?? someone(r.authorHandle),
    status: r.status as MessageStatus,
    createdAt: r.createdAt,
  }));
}

export const toReply = async (db: Store, tenant: string, row: ReplyRow, known?: Member): Promise<Reply> =>
  (await toReplies(db, tenant, [row], known))[0]!;

/** What subscribers see of a post: a held one shows its status only, never its text. */
export function feedView<T extends Thread | Reply>(post: T): T {
  if (post.status !== "held") return post;
  return "title" in post ? { ...post, title: "", body: "" } : { ...post, body: "" };
}

/** A held thread or reply as the staff queue shows it: Message-shaped, roomId "forum". */
export function heldView(post: Thread | Reply): Message {
  const isThread = "title" in post;
  return {
    id: post.id,
    roomId: FORUM_ROOM,
    seq: null,
    author: post.author,
    body: isThread ? `${post.title}\n\n${post.body}` : post.body,
    status: post.status,
    replyTo: isThread ? null : post.threadId,
    createdAt: post.createdAt,
    editedAt: null,
    reactions: {},
  };
}
