/** Participant events (PROTOCOL.md "Participant events"): thin edges over the services. */

import * as S from "../../shared/schemas.ts";
import * as actions from "../chat/message-actions.ts";
import { assertNotMuted } from "../chat/mutes.ts";
import * as rooms from "../chat/rooms.ts";
import * as messages from "../chat/send.ts";
import type { Ctx } from "../core/context.ts";
import { forbidden } from "../errors.ts";
import { channel } from "./channels.ts";
import { handle } from "./handler.ts";
import { announcePresence } from "./presence.ts";
import type { LanternSocket } from "./types.ts";

export function registerParticipantHandlers(socket: LanternSocket, ctx: Ctx): void {
  const log = ctx.log;

  handle(socket, log, "room:join", S.roomJoin, async ({ roomId, afterSeq }, p) => {
    const joined = await rooms.join(ctx, p, roomId, afterSeq);
    await socket.join(channel.room(roomId));
    const online = await ctx.bus.online(roomId);
    announcePresence(ctx, roomId);
    return { ...joined, online, me: { id: p.handle, name: p.name, role: p.role } };
  });

  handle(socket, log, "room:leave", S.roomLeave, async ({ roomId }, p) => {
    await rooms.leave(ctx, p, roomId);
    // Leaving is a choice of the person, so every tab of theirs leaves with it.
    ctx.bus.removeFromRoom(roomId, p.tenant, p.handle);
    await socket.leave(channel.room(roomId));
    announcePresence(ctx, roomId);
    return {};
  });

  handle(socket, log, "room:history", S.roomHistory, ({ roomId, beforeSeq, limit }, p) =>
    rooms.history(ctx, p, roomId, beforeSeq, limit),
  );

  handle(socket, log, "message:send", S.messageSend, (data, p) => messages.send(ctx, p, data));
  handle(socket, log, "message:edit", S.messageEdit, ({ messageId, body }, p) =>
    actions.edit(ctx, p, messageId, body),
  );
  handle(socket, log, "message:delete", S.messageDelete, async ({ messageId }, p) => {
    await actions.remove(ctx, p, messageId);
    return {};
  });
  handle(socket, log, "message:react", S.messageReact, async ({ messageId, emoji }, p) => ({
    message: await actions.react(ctx, p, messageId, emoji),
  }));
  handle(socket, log, "message:report", S.messageReport, ({ messageId }, p) =>
    actions.report(ctx, p, messageId),
  );

  handle(socket, log, "typing", S.typing, async ({ roomId, typing }, p) => {
    if (!socket.rooms.has(channel.room(roomId))) throw forbidden("join the room first");
    await assertNotMuted(ctx, roomId, p.handle);
    const user = { id: p.handle, name: p.name, role: p.role };
    ctx.bus.toRoom(roomId, "typing", { roomId, user, typing }, { tenant: p.tenant, handle: p.handle });
    return {};
  });
}
