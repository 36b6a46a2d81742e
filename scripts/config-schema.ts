/**
 * The JSON Schema of the tenants file, generated from the schema the server parses it with
 * (server/config.ts), so an editor completes and checks a file exactly as the server would:
 *   npm run config:schema            writes docs/config.schema.json
 * A test fails when the committed file is not what this prints.
 */
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { tenantsFileSchema } from "../server/config.ts";

/** The document, as committed in docs/config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(tenantsFileSchema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }),
    $id: "https://lantern.example.org/config.schema.json",
    title: "Lantern tenants file (LANTERN_CONFIG)",
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = new URL("../docs/config.schema.json", import.meta.url);
  writeFileSync(out, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  process.stdout.write(`wrote ${out.pathname}\n`);
}
