/** The staff queue, cases and the dry-run moderation check over HTTP (same services as the sockets). */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import * as S from "../../shared/schemas.ts";
import { CASE_STATUSES } from "../../shared/types.ts";
import * as cases from "../cases/cases.ts";
import { type Ctx, requireStaff } from "../core/context.ts";
import { parse, parsed } from "../http/errors.ts";
import { judge } from "../spine/judge.ts";
import { heldQueue } from "../staff/held.ts";

export const noteBody = z.strictObject({ note: z.string().trim().max(4000).default("") });
export const caseQuery = z.object({ status: z.enum(CASE_STATUSES).optional() });

export async function moderationRoutes(app: FastifyInstance, { ctx }: { ctx: Ctx }) {
  app.get("/api/moderation/queue", async (req) => {
    const p = req.principal;
    requireStaff(p);
    return {
      held: p.role === "clinician" ? [] : await heldQueue(ctx, p),
      cases: await cases.casesFor(ctx, p),
    };
  });
  app.post("/api/moderation/check", async (req) => {
    requireStaff(req.principal);
    const { text, kind } = parsed(parse(S.checkText, req.body));
    // The body is the verdict itself, as PROTOCOL.md says; nothing is stored.
    return judge(ctx, req.principal.tenant, kind ?? "group", null, undefined, text);
  });
  app.get("/api/cases", async (req) => {
    const { status } = parsed(parse(caseQuery, req.query));
    return { cases: await cases.casesFor(ctx, req.principal, status) };
  });
  app.post<{ Params: { id: string } }>("/api/cases/:id/ack", async (req) => ({
    case: await cases.ackCase(ctx, req.principal, req.params.id),
  }));
  app.post<{ Params: { id: string } }>("/api/cases/:id/escalate", async (req) => ({
    case: await cases.escalateCase(
      ctx,
      req.principal,
      req.params.id,
      parsed(parse(noteBody, req.body ?? {})).note,
    ),
  }));
  app.post<{ Params: { id: string } }>("/api/cases/:id/resolve", async (req) => ({
    case: await cases.resolveCase(
      ctx,
      req.principal,
      req.params.id,
      parsed(parse(noteBody, req.body ?? {})).note,
    ),
  }));
}
