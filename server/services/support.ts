/**
 * The private `support` answer to someone whose words show risk: warm, short, with the
 * tenant's crisis resources (988 by default) in the order the situation asks for, in each of
 * the author's tabs' own language (server/support/). Never shown to anyone else.
 */
import { supportCard } from "../support/card.ts";
import { localeHandle, localesOf } from "../support/locale.ts";
import type { Ctx } from "./context.ts";

/** Send the author (every socket of theirs) the crisis resources for a text they wrote. */
export function sendSupport(
  ctx: Ctx,
  tenant: string,
  handle: string,
  messageId: string,
  level: number,
  about: { category?: string | null; caseId?: string | null } = {},
): void {
  const t = ctx.config.tenants.get(tenant);
  if (!t) return;
  // Each socket listens on exactly one locale's channel (joined at connect), so each gets one card.
  for (const locale of localesOf(t))
    ctx.bus.toUser(
      tenant,
      localeHandle(handle, locale),
      "support",
      supportCard(t, { messageId, level, ...about }, locale),
    );
}
