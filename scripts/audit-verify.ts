/**
 * Verify every tenant's audit hash chain in the configured database:
 *   npm run audit:verify [-- --tenant t]
 * Prints one JSON line per tenant and exits 1 if any chain is broken.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/client.ts";
import { verifyAudit } from "../server/db/repos/audit.ts";
import { audit } from "../server/db/schema.ts";

const { values } = parseArgs({ options: { tenant: { type: "string" } } });
const config = loadConfig();
const db = openDatabase(config.databasePath);
const inDb = db
  .selectDistinct({ tenant: audit.tenant })
  .from(audit)
  .all()
  .map((r) => r.tenant);
const tenants = values.tenant ? [values.tenant] : [...new Set([...config.tenants.keys(), ...inDb])];
let ok = true;
for (const tenant of tenants) {
  const r = verifyAudit(db, tenant);
  ok &&= r.ok;
  process.stdout.write(`${JSON.stringify({ tenant, ...r })}\n`);
}
db.$client.close();
process.exit(ok ? 0 : 1);
