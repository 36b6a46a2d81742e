/** Participant events (PROTOCOL.md "Participant events"): thin edges over the chat services. */
import * as S from "../../shared/schemas.ts";
import * as actions from "../chat/message-actions.ts";
import { assertNotMuted } from "../chat/mutes.ts";
import * as rooms from "../chat/rooms.ts";
import { send } from "../chat/send.ts";
import { forbidden } from "../errors.ts";
import { pendingFor, requestSpecialist } from "../support/replay.ts";
import { channel } from "./channels.ts";
import { announcePresence } from "./presence.ts";
import { replaySupport } from "./support-replay.ts";
import { type ClientEvent, event, type Table } from "./table.ts";

export const chatEvents = {
  "room:join": event(S.roomJoin).run(async ({ roomId, afterSeq }, p, { ctx, socket }) => {
    const joined = await rooms.join(ctx, p, roomId, afterSeq);
    await socket.join(channel.room(roomId));
    const online = await ctx.bus.online(roomId);
    announcePresence(ctx, roomId);
    const pending = await pendingFor(ctx, p, roomId);
    // After the ack's data is read: the card of a case still open comes back with the room.
    setImmediate(() => void replaySupport(ctx, p, socket));
    return { ...joined, online, me: { id: p.handle, name: p.name, role: p.role }, pending };
  }),
  "room:leave": event(S.roomLeave).run(async ({ roomId }, p, { ctx, socket }) => {
    await rooms.leave(ctx, p, roomId);
    // Leaving is a choice of the person, so every tab of theirs leaves with it.
    ctx.bus.removeFromRoom(roomId, p.tenant, p.handle);
    await socket.leave(channel.room(roomId));
    announcePresence(ctx, roomId);
    return {};
  }),
  "room:history": event(S.roomHistory).run(({ roomId, beforeSeq, limit }, p, { ctx }) =>
    rooms.history(ctx, p, roomId, beforeSeq, limit),
  ),
  "message:send": event(S.messageSend).run((data, p, { ctx }) => send(ctx, p, data)),
  "message:edit": event(S.messageEdit).run(({ messageId, body }, p, { ctx }) =>
    actions.edit(ctx, p, messageId, body),
  ),
  "message:delete": event(S.messageDelete).run(async ({ messageId }, p, { ctx }) => {
    await actions.remove(ctx, p, messageId);
    return {};
  }),
  "message:react": event(S.messageReact).run(async ({ messageId, emoji }, p, { ctx }) => ({
    message: await actions.react(ctx, p, messageId, emoji),
  })),
  "message:report": event(S.messageReport).run(({ messageId }, p, { ctx }) =>
    actions.report(ctx, p, messageId),
  ),
  "support:request": event(S.supportRequest).run(({ messageId }, p, { ctx }) =>
    requestSpecialist(ctx, p, messageId),
  ),
  typing: event(S.typing).run(async ({ roomId, typing }, p, { ctx, socket }) => {
    if (!socket.rooms.has(channel.room(roomId))) throw forbidden("join the room first");
    await assertNotMuted(ctx, roomId, p.handle);
    const user = { id: p.handle, name: p.name, role: p.role };
    ctx.bus.toRoom(roomId, "typing", { roomId, user, typing }, { tenant: p.tenant, handle: p.handle });
    return {};
  }),
} satisfies Partial<Table<ClientEvent>>;
