/**
 * The wire shapes of forum posts: Thread and Reply with their authors, what subscribers may see
 * of a post (never the text of a held, rejected or deleted one), and the Message-shaped view a
 * held post takes in the staff queue (see HeldItem in shared/events.ts).
 */
import type { Member, Message, MessageStatus, Reply, Thread } from "../../shared/types.ts";
import type { Db } from "../db/client.ts";
import type { ReplyRow, ThreadRow } from "../db/repos/forum.ts";
import { membersByHandle } from "../db/repos/users.ts";

/** The roomId a held forum post carries in the staff queue. */
export const FORUM_ROOM = "forum";
const SILENT = new Set(["deleted", "rejected"]);
const someone = (handle: string): Member => ({ id: handle, name: "Member", role: "participant" });

function authors(db: Db, tenant: string, handles: string[], known?: Member): Map<string, Member> {
  const out = membersByHandle(
    db,
    tenant,
    handles.filter((h) => h !== known?.id),
  );
  if (known) out.set(known.id, known);
  return out;
}

/** Thread rows to the wire shape, in the given order. */
export function toThreads(db: Db, tenant: string, rows: ThreadRow[], known?: Member): Thread[] {
  const by = authors(
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

export const toThread = (db: Db, tenant: string, row: ThreadRow, known?: Member): Thread =>
  toThreads(db, tenant, [row], known)[0]!;

/** Reply rows to the wire shape, in the given order. */
export function toReplies(db: Db, tenant: string, rows: ReplyRow[], known?: Member): Reply[] {
  const by = authors(
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

export const toReply = (db: Db, tenant: string, row: ReplyRow, known?: Member): Reply =>
  toReplies(db, tenant, [row], known)[0]!;

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
