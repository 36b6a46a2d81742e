/** The forum over HTTP: browse with cursors, post, reply, edit and delete (same services as the sockets). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import * as S from "../../shared/schemas.ts";
import type { Ctx } from "../core/context.ts";
import * as actions from "../forum/actions.ts";
import { listThreads, threadWithReplies } from "../forum/browse.ts";
import * as forum from "../forum/post.ts";
import { parse, parsed } from "../http/errors.ts";

type ById = { Params: { id: string } };
export const replyBody = S.forumReply.omit({ threadId: true });
export const editBody = S.forumEdit.omit({ threadId: true, replyId: true });
export const repliesQuery = S.threadsQuery.omit({ tag: true });
export const threadId = z.string().min(1).max(64);

export async function forumRoutes(app: FastifyInstance, { ctx }: { ctx: Ctx }) {
  app.get("/api/forum/threads", async (req) =>
    listThreads(ctx, req.principal, parsed(parse(S.threadsQuery, req.query))),
  );
  app.get<ById>("/api/forum/threads/:id", async (req) =>
    threadWithReplies(
      ctx,
      req.principal,
      parsed(parse(threadId, req.params.id)),
      parsed(parse(repliesQuery, req.query)),
    ),
  );
  app.post("/api/forum/threads", async (req, reply) => {
    const result = await forum.post(ctx, req.principal, parsed(parse(S.forumPost, req.body)));
    return reply.status(201).send(result);
  });
  app.post<ById>("/api/forum/threads/:id/replies", async (req, reply) => {
    const input = { ...parsed(parse(replyBody, req.body)), threadId: parsed(parse(threadId, req.params.id)) };
    return reply.status(201).send(await forum.reply(ctx, req.principal, input));
  });
  app.post<ById>("/api/forum/threads/:id/edit", async (req) =>
    actions.edit(ctx, req.principal, { ...parsed(parse(editBody, req.body)), threadId: req.params.id }),
  );
  app.post<ById>("/api/forum/threads/:id/delete", async (req) => {
    await actions.remove(ctx, req.principal, req.params.id);
    return {};
  });
  app.post<{ Params: { id: string; replyId: string } }>(
    "/api/forum/threads/:id/replies/:replyId/edit",
    async (req) =>
      actions.edit(ctx, req.principal, {
        ...parsed(parse(editBody.omit({ title: true }), req.body)),
        threadId: req.params.id,
        replyId: req.params.replyId,
      }),
  );
  app.post<{ Params: { id: string; replyId: string } }>(
    "/api/forum/threads/:id/replies/:replyId/delete",
    async (req) => {
      await actions.remove(ctx, req.principal, req.params.id, req.params.replyId);
      return {};
    },
  );
}
