/**
 * The integrator-facing HTTP extensions: "show identity" on a case (staff, audited), webhook
 * deliveries, redelivery and a test ping (admin), and data rights (admin). Thin edges over
 * server/integrations/. `sub` travels in bodies only, so it never reaches a request log.
 */
import type { FastifyInstance } from "fastify";
import { caseIdentity, deliveriesQuery, userSubject } from "../../shared/integrations.ts";
import type { Ctx } from "../core/context.ts";
import { parse, parsed } from "../http/errors.ts";
import { showCaseIdentity } from "../integrations/case-identity.ts";
import { deleteUser, exportUser } from "../integrations/data-rights.ts";
import { listDeliveries, redeliver, sendPing } from "../integrations/deliveries.ts";

export async function integrationRoutes(app: FastifyInstance, { ctx }: { ctx: Ctx }) {
  app.post<{ Params: { id: string } }>("/api/cases/:id/identity", async (req) => {
    const { caseId } = parsed(parse(caseIdentity, { caseId: req.params.id }));
    return showCaseIdentity(ctx, req.principal, caseId);
  });

  app.get("/api/webhooks/deliveries", async (req) => {
    const q = parsed(parse(deliveriesQuery, req.query));
    return listDeliveries(ctx, req.principal, q.limit, q.before);
  });
  app.post<{ Params: { id: string } }>("/api/webhooks/deliveries/:id/redeliver", async (req, reply) => {
    const { caseId: id } = parsed(parse(caseIdentity, { caseId: req.params.id }));
    return reply.status(202).send(await redeliver(ctx, req.principal, id));
  });
  app.post("/api/webhooks/test", async (req, reply) =>
    reply.status(202).send(await sendPing(ctx, req.principal)),
  );

  app.post("/api/users/export", async (req) => {
    const { sub } = parsed(parse(userSubject, req.body));
    return exportUser(ctx, req.principal, sub);
  });
  app.post("/api/users/delete", async (req) => {
    const { sub } = parsed(parse(userSubject, req.body));
    return deleteUser(ctx, req.principal, sub);
  });
}
