/**
 * The tenants file's published JSON Schema (docs/config.schema.json) is the server's own schema,
 * and `npm run config:check` refuses exactly what it refuses, naming the same path.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { configJsonSchema } from "../../scripts/config-schema.ts";

const committed = JSON.parse(readFileSync(new URL("../../docs/config.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(committed);
const dir = mkdtempSync(join(tmpdir(), "lantern-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tenant = {
  id: "acme",
  name: "Acme Recovery",
  jwt: { alg: "HS256", secret: "a-secret-of-at-least-32-characters!!" },
  allowedOrigins: ["https://portal.acme.example"],
  webhook: {
    url: "https://hooks.acme.example/lantern",
    secret: "s".repeat(32),
    previousSecret: "p".repeat(32),
  },
  caseSubjectUrl: "https://portal.acme.example/patients/{sub}",
  retentionDays: 365,
};
const files: Record<string, unknown> = {
  good: { $schema: "../docs/config.schema.json", tenants: [tenant] },
  unknownTop: { tenants: [tenant], tenant: [] },
  unknownTenantKey: { tenants: [{ ...tenant, allowedOrigin: ["https://x.example"] }] },
  unknownWebhookKey: { tenants: [{ ...tenant, webhook: { ...tenant.webhook, secrte: "x" } }] },
  wrongType: { tenants: [tenant, { ...tenant, id: "b", retentionDays: "365" }] },
  badSubjectUrl: { tenants: [{ ...tenant, caseSubjectUrl: "https://portal.acme.example/patients" }] },
  badId: { tenants: [{ ...tenant, id: "has space" }] },
  missingJwt: { tenants: [{ id: "x" }] },
};

/** "/tenants/0/webhook" + "secrte" -> "tenants[0].webhook.secrte" */
const ajvPaths = () =>
  (validate.errors ?? []).map((e) => {
    const parts = e.instancePath.split("/").slice(1);
    if (e.keyword === "additionalProperties") parts.push(String(e.params.additionalProperty));
    if (e.keyword === "required") parts.push(String(e.params.missingProperty));
    return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
  });

function check(name: string) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(files[name]));
  return spawnSync("npx", ["tsx", "scripts/config-check.ts", file], { encoding: "utf8" });
}

describe("the tenants file schema", () => {
  it("is committed as generated from the server's schema", () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });

  it.each(Object.keys(files))("config:check and the JSON Schema agree on %s, path for path", (name) => {
    const schemaOk = validate(files[name]) as boolean;
    const r = check(name);
    expect(r.status, r.stderr).toBe(schemaOk ? 0 : 1);
    expect(schemaOk).toBe(name === "good");
    if (schemaOk) {
      expect(r.stdout).toContain("ok: 1 tenants");
      return;
    }
    const reported = r.stderr
      .trim()
      .split("\n")
      .map((l) => l.split(": ")[1]!);
    const fromSchema = ajvPaths();
    expect(
      reported.some((p) => fromSchema.includes(p)),
      `${reported} vs ${fromSchema}`,
    ).toBe(true);
    expect(r.stderr).not.toContain(tenant.jwt.secret);
  });
});
