/** zod to JSON Schema: 2020-12 for OpenAPI 3.1, draft-07 for AsyncAPI 3 payloads (its default schema format). */
import { z } from "zod";

/** The schema of what a client sends (`input`) or receives (`output`), without `$schema`. */
export function jsonSchema(
  schema: z.ZodType,
  io: "input" | "output",
  target: "draft-2020-12" | "draft-7" = "draft-2020-12",
): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    target,
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return rest;
}
