/**
 * The spine: every moderated write (chat message, its edit, forum thread, reply, their edits)
 * and every review of a held item goes through here. Moderate, keep it in one unit of work of the
 * store, compute what must follow (consequences.ts, pure), then carry that out after the commit.
 * Authorisation, budgets and the clientId lookup happen before, in the feature that calls it.
 */
import type { Message } from "../../shared/types.ts";
import type { Ctx, Principal } from "../core/context.ts";
import { DuplicateError } from "../db/store.ts";
import { notFound } from "../errors.ts";
import { heldView, toReply, toThread } from "../forum/views.ts";
import { roomContext } from "../staff/context.ts";
import { carryOut } from "./carry-out.ts";
import { afterReview, afterWrite } from "./consequences.ts";
import { CLIENT_ID_TABLE, earlierRow, moderateText, replayOf, storeText, type Written } from "./kinds.ts";
import type { Placed, Review, StoredReview, StoredText, TextWrite } from "./write.ts";

/**
 * Run one moderated write: a `block` verdict throws `blocked` and stores nothing; otherwise it is
 * stored, announced and its result returned. A clientId that lost a race to an identical write
 * returns the winner's result and announces nothing.
 */
export async function write<W extends TextWrite>(ctx: Ctx, p: Principal, w: W): Promise<Written<W["kind"]>> {
  const d = moderateText(ctx, p.tenant, w);
  let stored: Awaited<ReturnType<typeof storeText>>;
  try {
    stored = await storeText(ctx, p, w, d);
  } catch (e) {
    const table = CLIENT_ID_TABLE[w.kind];
    const winner =
      table && e instanceof DuplicateError && e.table === table ? await earlierRow(ctx, p, w) : undefined;
    if (winner) return (await replayOf(ctx, p, winner)) as Written<W["kind"]>;
    throw e;
  }
  const told = d.status === "held" || d.flag;
  const tenant = d.support ? ctx.config.tenants.get(p.tenant) : undefined;
  const s: StoredText = {
    kind: w.kind,
    tenant: p.tenant,
    author: p.handle,
    decision: d,
    item: stored.item,
    context: told ? await staffContext(ctx, p.tenant, w, stored.item) : [],
    case: stored.case,
    resources: tenant?.crisisResources ?? [],
    locales: tenant,
  };
  carryOut(ctx, p.tenant, afterWrite(s));
  const view = stored.item.where === "room" ? stored.item.message : stored.item.post;
  return { view, moderation: d.outcome } as Written<W["kind"]>;
}

/**
 * What a reviewer sees around a text: the messages just before it in its room, or a reply's
 * thread (the one the write already holds, as the commit left it when it changed).
 */
async function staffContext(ctx: Ctx, tenant: string, w: TextWrite, item: Placed): Promise<Message[]> {
  if (item.where === "room") return roomContext(ctx, tenant, item.roomId, item.message.seq);
  if (w.kind !== "reply" && w.kind !== "reply-edit") return [];
  return [heldView(item.parent ?? (await toThread(ctx.store, tenant, w.thread)))];
}

/**
 * Approve or reject a held item by its kind. Of two reviewers acting at once, one wins and the
 * other gets `conflict` from the store. Returns the item as the staff queue shows it.
 */
export async function review(ctx: Ctx, p: Principal, r: Review): Promise<Message> {
  const s = await reviewed(ctx, p, r);
  carryOut(ctx, p.tenant, afterReview(s));
  return s.item.where === "room" ? s.item.message : heldView(s.item.post);
}

async function reviewed(ctx: Ctx, p: Principal, r: Review): Promise<StoredReview> {
  const { store } = ctx;
  const base = { kind: r.kind, held: r.held, tenant: p.tenant, id: r.id };
  if (r.held === "message") {
    const done =
      r.kind === "approve"
        ? await store.approveMessage(p.tenant, r.id, p.handle)
        : await store.rejectMessage(p.tenant, r.id, p.handle, r.reason);
    const [message] = await store.toMessages(p.tenant, [done.row]);
    const item: Placed = { where: "room", roomId: done.row.roomId, message: message! };
    return { ...base, author: done.row.authorHandle, hadSeq: done.hadSeq, item };
  }
  if (r.kind === "approve") {
    const done = await store.approvePost(p.tenant, r.held, r.id, p.handle);
    const thread = await toThread(store, p.tenant, done.thread);
    const item: Placed = done.reply
      ? { where: "forum", post: await toReply(store, p.tenant, done.reply), parent: thread }
      : { where: "forum", post: thread, parent: null };
    const author = done.reply?.authorHandle ?? done.thread.authorHandle;
    // A forum approval broadcasts as new or not by its own rule (toForum); hadSeq is for rejections.
    return { ...base, author, hadSeq: false, item };
  }
  const done = await store.rejectPost(p.tenant, r.held, r.id, p.handle, r.reason);
  const post = done.thread
    ? await toThread(store, p.tenant, done.thread)
    : done.reply
      ? await toReply(store, p.tenant, done.reply)
      : undefined;
  if (!post) throw notFound("message");
  return { ...base, author: done.author, hadSeq: done.hadSeq, item: { where: "forum", post, parent: null } };
}
