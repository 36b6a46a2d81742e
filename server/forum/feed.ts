/**
 * After a forum post is stored: the live feed, the author's private support, the staff feed
 * (held or flagged, with the thread as context for a reply) and a new case. The forum's
 * counterpart of staff-feed.ts's announceAfterStore.
 */
import type { HeldItem } from "../../shared/events.ts";
import type { Case, Reply, Thread } from "../../shared/types.ts";
import { announceCase } from "../cases/cases.ts";
import type { Ctx } from "../core/context.ts";
import type { Decision } from "../spine/enforce-verdict.ts";
import { sendSupport } from "../spine/support.ts";
import { feedView, heldView, toThread } from "./views.ts";

/** The queue item of a held or flagged post; a reply's thread is its context. */
export async function forumHeldItem(
  ctx: Ctx,
  tenant: string,
  post: Thread | Reply,
  findings: HeldItem["findings"],
): Promise<HeldItem> {
  if ("title" in post) return { message: heldView(post), findings, context: [] };
  const thread = await ctx.store.findThread(tenant, post.threadId);
  const context = thread ? [heldView(await toThread(ctx.store, tenant, thread))] : [];
  return { message: heldView(post), findings, context };
}

/** Send a thread (and its updated parent, for a reply) to every forum subscriber of the tenant. */
export function broadcast(ctx: Ctx, tenant: string, post: Thread | Reply, parent?: Thread): void {
  if ("title" in post) ctx.bus.toForum(tenant, "forum:thread", feedView(post));
  else ctx.bus.toForum(tenant, "forum:reply", feedView(post));
  if (parent) ctx.bus.toForum(tenant, "forum:thread", feedView(parent));
}

/** Tell the author, staff and the case feed what moderation decided about a stored post. */
export async function announceForumPost(
  ctx: Ctx,
  tenant: string,
  author: string,
  s: { post: Thread | Reply; decision: Decision; caseOpened: Case | null },
): Promise<void> {
  const { post, decision: d } = s;
  if (d.support) sendSupport(ctx, tenant, author, post.id, d.level);
  if (d.status === "held")
    ctx.bus.toStaff(tenant, "mod:held", await forumHeldItem(ctx, tenant, post, d.findings));
  else if (d.flag) ctx.bus.toStaff(tenant, "mod:flagged", await forumHeldItem(ctx, tenant, post, d.findings));
  if (s.caseOpened) announceCase(ctx, tenant, s.caseOpened, true);
}
