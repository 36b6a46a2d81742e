/**
 * Print a signed JWT for local use:
 *   npm run token -- --sub alice --role participant --name Sky [--tenant t] [--ttl 3600]
 * Signs with JWT_SECRET for the default tenant (or the generated dev secret in the data folder),
 * or with the tenant's HS256 secret from LANTERN_CONFIG.
 */
import { parseArgs } from "node:util";
import { signHs256 } from "../server/auth/sign.ts";
import { ROLES, type Role } from "../shared/types.ts";
import { runScript } from "./script.ts";

const { values } = parseArgs({
  options: {
    sub: { type: "string" },
    role: { type: "string", default: "participant" },
    name: { type: "string" },
    tenant: { type: "string", default: "default" },
    ttl: { type: "string", default: "3600" },
    aud: { type: "string" },
  },
});

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
}

if (!values.sub) fail("--sub is required (the user's id in your system)");
if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(", ")}`);
const ttl = Number(values.ttl);
if (!Number.isInteger(ttl) || ttl <= 0) fail("--ttl must be a positive number of seconds");

// A bad configuration is reported in the one line every script and the server use.
runScript("token", async (config) => {
  const tenant = config.tenants.get(values.tenant!);
  if (!tenant) fail(`unknown tenant "${values.tenant}"`);
  if (tenant.jwt.alg !== "HS256")
    fail(`tenant "${tenant.id}" uses ${tenant.jwt.alg}; mint its tokens with its private key`);
  process.stdout.write(
    `${signHs256(tenant.jwt.secret, {
      sub: values.sub!,
      role: values.role as Role,
      name: values.name ?? values.sub!,
      ...(tenant.id === "default" ? {} : { tenant: tenant.id }),
      ...((values.aud ?? tenant.audience) ? { aud: values.aud ?? tenant.audience } : {}),
      ttl,
    })}\n`,
  );
  return 0;
});
