/** Rooms over HTTP: list, create, enrol, history. */
import type { FastifyInstance } from "fastify";
import * as S from "../../shared/schemas.ts";
import * as rooms from "../chat/rooms.ts";
import type { Ctx } from "../core/context.ts";
import { parse, parsed } from "../http/errors.ts";

export async function roomRoutes(app: FastifyInstance, { ctx }: { ctx: Ctx }) {
  app.get("/api/rooms", async (req) => ({ rooms: await rooms.listRooms(ctx, req.principal) }));
  app.post("/api/rooms", async (req, reply) => {
    const room = await rooms.createRoom(ctx, req.principal, parsed(parse(S.createRoom, req.body)));
    return reply.status(201).send({ room });
  });
  app.post<{ Params: { id: string } }>("/api/rooms/:id/members", async (req, reply) => {
    const { sub } = parsed(parse(S.enrolMember, req.body));
    await rooms.enrol(ctx, req.principal, req.params.id, sub);
    return reply.status(201).send({});
  });
  app.get<{ Params: { id: string } }>("/api/rooms/:id/messages", async (req) => {
    const q = parsed(parse(S.historyQuery, req.query));
    return rooms.history(ctx, req.principal, req.params.id, q.beforeSeq, q.limit);
  });
}
