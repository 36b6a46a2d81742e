/**
 * Check a tenants file before deploying it, with the server's own schema:
 *   npm run config:check -- tenants.json
 * Prints "ok: N tenants" and exits 0, or one "path: why" line per problem (unknown keys
 * included, by path, as docs/config.schema.json refuses them) and exits 1. Secrets are never
 * printed.
 */
import { readFileSync } from "node:fs";
import { tenantsFileProblems } from "../server/config.ts";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: npm run config:check -- tenants.json\n");
  process.exit(2);
}
let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  process.stderr.write(`${file}: cannot read as JSON (${(e as Error).message.split("\n")[0]})\n`);
  process.exit(1);
}
const problems = tenantsFileProblems(raw);
if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`${file}: ${p}\n`);
  process.exit(1);
}
process.stdout.write(`ok: ${(raw as { tenants: unknown[] }).tenants.length} tenants\n`);
