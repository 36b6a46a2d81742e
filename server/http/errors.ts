/** One error shape for every route: `{ error: { code, message } }` with a fitting status. */
import type { FastifyError, FastifyInstance } from "fastify";
import { HTTP_STATUS } from "../../shared/errors.ts";
import { AppError, toErrorBody } from "../errors.ts";

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError || !err.statusCode || err.statusCode >= 500) {
      const body = toErrorBody(err);
      if (body.code === "internal") request.log.error({ err }, "route failed");
      return reply.status(HTTP_STATUS[body.code]).send({ error: body });
    }
    // Fastify's own 4xx: bad JSON, body too large, unsupported media type.
    const code = err.statusCode === 404 ? "not_found" : "invalid";
    const message =
      err.code === "FST_ERR_CTP_BODY_TOO_LARGE"
        ? "request body too large"
        : err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
          ? "send JSON"
          : "malformed request";
    return reply.status(err.statusCode).send({ error: { code, message } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: "not_found", message: "no such route" } }),
  );
}

/** Parse with a schema or throw `invalid` (used for bodies and queries). */
export { parse } from "../../shared/schemas.ts";
export function parsed<T>(r: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new AppError("invalid", r.message);
  return r.data;
}
