/**
 * Verify every tenant's audit hash chain in the configured database:
 *   npm run audit:verify [-- --tenant t]
 * Prints one JSON line per tenant and exits 1 if any chain is broken.
 */
import { parseArgs } from "node:util";
import { verifyAudit } from "../server/db/audit-chain.ts";
import { openStore } from "../server/db/open.ts";
import { runScript } from "./script.ts";

runScript("audit:verify", async (config) => {
  const { values } = parseArgs({ options: { tenant: { type: "string" } } });
  const store = await openStore(config);
  try {
    const inDb = await store.auditTenants();
    const tenants = values.tenant ? [values.tenant] : [...new Set([...config.tenants.keys(), ...inDb])];
    let ok = true;
    for (const tenant of tenants) {
      const r = await verifyAudit(store, tenant);
      ok &&= r.ok;
      process.stdout.write(`${JSON.stringify({ tenant, ...r })}\n`);
    }
    return ok ? 0 : 1;
  } finally {
    await store.close();
  }
});
