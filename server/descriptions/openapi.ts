/**
 * The OpenAPI 3.1 document of every HTTP route, generated from the route table
 * (routes/api-table.ts): parameters, query and bodies from the zod schemas that validate them
 * (as clients send them), answers from the wire schemas (as clients receive them), and every
 * error answer in the one error shape `{ error: { code, message, ... } }`.
 */
import { z } from "zod";
import { ERROR_CODES } from "../../shared/errors.ts";
import { API, type RouteDoc } from "../routes/api-table.ts";
import { jsonSchema } from "./json-schema.ts";

export const API_VERSION = "0.1.0";

const errorAnswer = {
  description: "Refused: `{ error: { code, message, ...details } }`",
  content: {
    "application/json": {
      schema: jsonSchema(
        z.object({ error: z.looseObject({ code: z.enum(ERROR_CODES), message: z.string() }) }),
        "output",
      ),
    },
  },
};

/** `/api/rooms/:id/messages` -> `/api/rooms/{id}/messages` */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

function parameters(r: RouteDoc): unknown[] {
  const out: unknown[] = [];
  const add = (where: "path" | "query", schema: z.ZodType | undefined) => {
    if (!schema) return;
    const s = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, p] of Object.entries(s.properties ?? {}))
      out.push({
        name,
        in: where,
        required: where === "path" || (s.required ?? []).includes(name),
        schema: p,
      });
  };
  add("path", r.params);
  add("query", r.query);
  return out;
}

function operation(r: RouteDoc) {
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(r.responses))
    responses[status] =
      "media" in answer
        ? { description: r.summary, content: { [answer.media]: { schema: { type: "string" } } } }
        : {
            description: r.summary,
            content: { "application/json": { schema: jsonSchema(answer, "output") } },
          };
  if (r.path.startsWith("/api/")) responses.default = errorAnswer;
  return {
    operationId: `${r.method.toLowerCase()}${openApiPath(r.path).replace(/[^A-Za-z0-9]+(\w)?/g, (_, c?: string) => (c ?? "").toUpperCase())}`,
    summary: r.summary,
    description: `Who: ${r.who}.`,
    tags: [r.tag],
    ...(r.path.startsWith("/api/") ? { security: [{ bearer: [] }] } : {}),
    parameters: parameters(r),
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(r.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** The whole document. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of API) {
    const p = openApiPath(r.path);
    paths[p] ??= {};
    paths[p][r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Lantern HTTP API",
      version: API_VERSION,
      description:
        "JSON in and out. Every /api route takes `Authorization: Bearer <jwt>` (docs/protocol.md " +
        '"Connecting"). Socket.IO events are described in /asyncapi.json.',
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    paths,
  };
}
