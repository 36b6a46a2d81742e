/** `GET /api/cases/:id/history` (staff): a case's timeline and context, for the console. */
import type { FastifyInstance } from "fastify";
import type { Ctx } from "../core/context.ts";
import { caseHistory } from "./case-history.ts";

export async function deskRoutes(app: FastifyInstance, { ctx }: { ctx: Ctx }): Promise<void> {
  app.get<{ Params: { id: string } }>("/api/cases/:id/history", (req) =>
    caseHistory(ctx, req.principal, req.params.id),
  );
}
