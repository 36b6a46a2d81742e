/**
 * At connect: read the locale the client gave in `auth.locale`, keep the resolved one on the
 * socket, and join the channel its `support` arrives on (server/support/locale.ts).
 */
import type { Ctx } from "../core/context.ts";
import { localeHandle, resolveLocale } from "../support/locale.ts";
import { channel } from "./channels.ts";
import type { LanternSocket } from "./types.ts";

export function joinLocale(socket: LanternSocket, ctx: Ctx): void {
  const tenant = ctx.config.tenants.get(socket.data.tenant);
  if (!tenant) return;
  const locale = resolveLocale(tenant, (socket.handshake.auth as { locale?: unknown } | undefined)?.locale);
  socket.data.locale = locale;
  void socket.join(channel.user(socket.data.tenant, localeHandle(socket.data.handle, locale)));
}
