/**
 * Configuration, read once: the only module that reads process.env. Returns a frozen, typed
 * object or throws a ConfigError whose message is one clear line naming the bad variable.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { LOG_FORMATS, type LogFormat } from "./log-format.ts";

export class ConfigError extends Error {}

const resource = z.object({
  name: z.string().min(1),
  phone: z.string().optional(),
  sms: z.string().optional(),
  url: z.string().url().optional(),
});

/** A BCP 47 language tag as tenants write it: `en`, `es`, `es-MX`. */
const locale = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language tag such as en or es-MX")
  .transform((l) => l.toLowerCase());
const emergencyNumbers = z.strictObject({
  number: z.string().min(1),
  poisonControl: z.string().min(1).optional(),
});
export type EmergencyNumbers = z.infer<typeof emergencyNumbers>;

const jwtKey = z.discriminatedUnion("alg", [
  z.strictObject({ alg: z.literal("HS256"), secret: z.string().min(1, "must not be empty") }),
  z.strictObject({
    alg: z.enum(["RS256", "ES256", "EdDSA"]),
    publicKey: z.string().regex(/PUBLIC KEY/, "must be a PEM public key"),
  }),
]);

/** The longest a token may live (exp minus iat, or minus now without iat): a day. */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 24 * 3600;

// Unknown keys are refused, by path: a misspelt key ("allowedOrigin") would otherwise be a
// silently missing setting. docs/config.schema.json is generated from these schemas.
const tenantSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().min(1).optional(),
  jwt: jwtKey,
  audience: z.string().min(1).optional(),
  maxTokenLifetimeSeconds: z.number().int().positive().default(DEFAULT_MAX_TOKEN_LIFETIME_S),
  allowedOrigins: z.array(z.string().url()).default([]),
  webhook: z
    .strictObject({
      url: z.string().url(),
      secret: z.string().min(1),
      /** The secret being rotated out: deliveries carry a signature for both until it is removed. */
      previousSecret: z.string().min(1).optional(),
    })
    .optional(),
  /** A link into the provider's own record of a case's subject, with `{sub}` in it. */
  caseSubjectUrl: z
    .string()
    .url()
    .regex(/\{sub\}/, "must contain {sub}")
    .optional(),
  caseSlaSeconds: z.partialRecord(z.enum(["2", "3", "4"]), z.number().positive()).default({}),
  retentionDays: z.number().int().positive().default(365),
  /** The language `crisisResources` and `emergency` mean when given without locales (default `en`). */
  defaultLocale: locale.default("en"),
  /** An array (the default locale's lines), or lines per locale: `{ "en": [...], "es": [...] }`. */
  crisisResources: z.union([z.array(resource), z.record(locale, z.array(resource))]).optional(),
  /** Emergency and Poison Control numbers, once or per locale (defaults: 911, 1-800-222-1222). */
  emergency: z.union([emergencyNumbers, z.record(locale, emergencyNumbers)]).optional(),
  policy: z.record(z.string(), z.unknown()).optional(),
});
export type TenantInput = z.input<typeof tenantSchema>;

/** The tenants file (LANTERN_CONFIG); `$schema` lets an editor find docs/config.schema.json. */
export const tenantsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  tenants: z.array(tenantSchema),
});

/** "tenants[0].webhook.url": a schema issue's path as an operator reads it. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join("");
}

/** Every problem of a tenants file as "path: why" lines (unknown keys each on their own line). */
export function tenantsFileProblems(raw: unknown): string[] {
  const r = tenantsFileSchema.safeParse(raw);
  if (r.success) return [];
  return r.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((k) => `${issuePath([...issue.path, k])}: unknown key`)
      : [`${issuePath(issue.path) || "(file)"}: ${issue.message}`],
  );
}

export const DEFAULT_SLA_SECONDS: Record<2 | 3 | 4, number> = { 2: 900, 3: 300, 4: 120 };
export const DEFAULT_RESOURCES = [
  { name: "988 Suicide & Crisis Lifeline", phone: "988", sms: "988", url: "https://988lifeline.org" },
  { name: "Crisis Text Line", sms: "741741" },
];
/** Spanish lines of the US defaults: 988 answers in Spanish (press 2). */
export const DEFAULT_RESOURCES_ES = [
  {
    name: "988 Línea de Prevención del Suicidio y Crisis (oprima 2 para español)",
    phone: "988",
    url: "https://988lifeline.org/es/",
  },
];
/** The en-US emergency and Poison Control numbers, used where a tenant sets none. */
export const DEFAULT_EMERGENCY: EmergencyNumbers = { number: "911", poisonControl: "1-800-222-1222" };

export interface Tenant {
  id: string;
  name: string;
  jwt: z.infer<typeof jwtKey>;
  audience?: string;
  /** Tokens living longer than this are refused (`lifetime_exceeded`). */
  maxTokenLifetimeSeconds: number;
  allowedOrigins: string[];
  webhook?: { url: string; secret: string; previousSecret?: string };
  caseSubjectUrl?: string;
  caseSlaSeconds: Record<2 | 3 | 4, number>;
  retentionDays: number;
  /** The default locale's crisis lines (what the old array form sets). */
  crisisResources: z.infer<typeof resource>[];
  /** The locale `crisisResources` and `emergency` mean without one, lower case (`en`). */
  defaultLocale: string;
  /** Crisis lines per locale (lower-case tags); the default locale's entry is `crisisResources`. */
  crisisResourcesByLocale: Record<string, z.infer<typeof resource>[]>;
  /** Emergency numbers per locale; a locale without an entry uses the default locale's. */
  emergencyByLocale: Record<string, EmergencyNumbers>;
  policy?: Record<string, unknown>;
}

/** Where the data lives: a SQLite file (one host) or a PostgreSQL server (many hosts). */
export type DatabaseConfig =
  | { kind: "sqlite"; path: string }
  | {
      kind: "postgres";
      url: string;
      /** Connections per node (DATABASE_POOL_SIZE). */
      poolSize: number;
      statementTimeoutMs: number;
      connectTimeoutMs: number;
      /** How long start-up retries an unreachable server (DATABASE_START_TIMEOUT_MS). */
      startTimeoutMs: number;
      /** CA certificate file for TLS (DATABASE_SSL_CA); the URL's sslmode says how to verify. */
      sslCaFile?: string;
    };

export const REDIS_ADAPTERS = ["sharded", "classic"] as const;
export type RedisAdapterKind = (typeof REDIS_ADAPTERS)[number];

export interface Config {
  port: number;
  host: string;
  /** A SQLite file path, or ":memory:"; for PostgreSQL, host:port/db (never the password). */
  databasePath: string;
  database: DatabaseConfig;
  redisUrl?: string;
  /**
   * How nodes fan out through Redis (REDIS_ADAPTER): "sharded" (Redis 7 sharded pub/sub, one
   * channel per room, so a node hears only rooms it has members in) or "classic" (one channel
   * every node hears everything on).
   */
  redisAdapter: RedisAdapterKind;
  logLevel: string;
  /** LOG_FORMAT: `auto` (pretty at a terminal in development, JSON otherwise), `json` or `pretty`. */
  logFormat: LogFormat;
  /** NODE_ENV as given (development mode when unset or "development"). */
  nodeEnv?: string;
  tenants: ReadonlyMap<string, Tenant>;
  /** True when the default tenant's secret was generated for local development. */
  devSecret: boolean;
  /** Tenants whose HS256 or webhook secret is shorter than 32 characters (warned about at start). */
  weakSecrets: string[];
  /** Tunables that tests shorten; operators rarely change them. */
  limits: {
    sendsPerWindow: number;
    sendWindowMs: number;
    maxHttpBufferSize: number;
    bodyLimit: number;
    sweepIntervalMs: number;
    webhookIntervalMs: number;
    webhookBackoffMs: number;
    crossNodeTimeoutMs: number;
  };
  nodeId: string;
}

export type Env = Record<string, string | undefined>;

/** Build the tenant record with the defaults DESIGN.md gives. */
export function toTenant(input: TenantInput): Tenant {
  const { crisisResources, emergency, ...t } = tenantSchema.parse(input);
  const byLocale: Record<string, z.infer<typeof resource>[]> = Array.isArray(crisisResources)
    ? { [t.defaultLocale]: crisisResources }
    : { ...(crisisResources ?? {}) };
  // Without any lines of its own a tenant gets the US lines, in English and Spanish.
  if (!crisisResources) Object.assign(byLocale, { en: DEFAULT_RESOURCES, es: DEFAULT_RESOURCES_ES });
  const emergencyByLocale: Record<string, EmergencyNumbers> =
    emergency && "number" in emergency
      ? { [t.defaultLocale]: emergency as EmergencyNumbers }
      : { ...((emergency as Record<string, EmergencyNumbers> | undefined) ?? {}) };
  emergencyByLocale[t.defaultLocale] ??= DEFAULT_EMERGENCY;
  return {
    ...t,
    name: t.name ?? t.id,
    caseSlaSeconds: { ...DEFAULT_SLA_SECONDS, ...t.caseSlaSeconds },
    crisisResources: byLocale[t.defaultLocale] ?? DEFAULT_RESOURCES,
    crisisResourcesByLocale: byLocale,
    emergencyByLocale,
  };
}

/** The data folder beside the database file, where a generated development secret is kept. */
export function dataFolder(databasePath: string): string {
  return databasePath === ":memory:" ? resolve("data") : dirname(resolve(databasePath));
}

/** Read (or create once) the development-only JWT secret kept in the data folder. */
export function devSecret(folder: string): string {
  const file = join(folder, "dev-jwt-secret");
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

function fail(variable: string, why: string): never {
  throw new ConfigError(`${variable}: ${why}`);
}

function databasePathOf(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (/^(mysql|redis|https?):/i.test(url))
    fail("DATABASE_URL", "expected a SQLite path, a file: URL or a postgres:// URL");
  const path = url.startsWith("file:") ? url.slice(5).replace(/^\/\/(?=\/)/, "") : url;
  if (!path) fail("DATABASE_URL", "empty path");
  return path;
}

function readTenants(path: string): Tenant[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    fail("LANTERN_CONFIG", `cannot read ${path} as JSON (${(e as Error).message.split("\n")[0]})`);
  }
  const parsed = z.object({ tenants: z.array(z.unknown()) }).safeParse(raw);
  if (!parsed.success) fail("LANTERN_CONFIG", "expected { tenants: [...] }");
  const problems = tenantsFileProblems(raw);
  if (problems.length > 0) fail("LANTERN_CONFIG", problems[0]!);
  return parsed.data.tenants.map((t) => toTenant(t as TenantInput));
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(name, `expected an integer in ${min}..${max}, got "${v}"`);
  return n;
}

/** Parse the environment into a frozen Config. Throws ConfigError on the first bad value. */
export function loadConfig(env: Env = process.env): Config {
  const port = int(env, "PORT", 3000, 0, 65535);
  const host = env.HOST || "127.0.0.1";
  const url = env.DATABASE_URL || "./data/lantern.db";
  let database: DatabaseConfig;
  let databasePath: string;
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      fail("DATABASE_URL", "is not a valid postgres:// URL");
    }
    if (!parsed.hostname) fail("DATABASE_URL", "names no host");
    databasePath = `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
    database = {
      kind: "postgres",
      url,
      poolSize: int(env, "DATABASE_POOL_SIZE", 10, 1, 1000),
      statementTimeoutMs: int(env, "DATABASE_STATEMENT_TIMEOUT_MS", 5_000, 100, 600_000),
      connectTimeoutMs: int(env, "DATABASE_CONNECT_TIMEOUT_MS", 3_000, 100, 600_000),
      startTimeoutMs: int(env, "DATABASE_START_TIMEOUT_MS", 30_000, 0, 3_600_000),
      ...(env.DATABASE_SSL_CA ? { sslCaFile: env.DATABASE_SSL_CA } : {}),
    };
    if (database.sslCaFile && !existsSync(database.sslCaFile))
      fail("DATABASE_SSL_CA", `no such file ${database.sslCaFile}`);
  } else {
    databasePath = databasePathOf(url);
    database = { kind: "sqlite", path: databasePath };
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) fail("REDIS_URL", "expected redis:// or rediss://");
  const redisAdapter = (env.REDIS_ADAPTER || "sharded") as RedisAdapterKind;
  if (!REDIS_ADAPTERS.includes(redisAdapter))
    fail("REDIS_ADAPTER", `expected one of ${REDIS_ADAPTERS.join(", ")}, got "${env.REDIS_ADAPTER}"`);
  const logLevel = env.LOG_LEVEL || "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel))
    fail("LOG_LEVEL", `unknown level "${logLevel}"`);
  const logFormat = (env.LOG_FORMAT || "auto") as LogFormat;
  if (!LOG_FORMATS.includes(logFormat))
    fail("LOG_FORMAT", `expected one of ${LOG_FORMATS.join(", ")}, got "${env.LOG_FORMAT}"`);

  const tenants = new Map<string, Tenant>();
  if (env.LANTERN_CONFIG) for (const t of readTenants(env.LANTERN_CONFIG)) tenants.set(t.id, t);
  let generated = false;
  // The generated secret lives in the data folder beside a SQLite file: on a shared PostgreSQL
  // each node would generate its own, so there a secret (or a tenants file) is required.
  if (database.kind === "postgres" && !env.JWT_SECRET && !env.LANTERN_CONFIG)
    fail("JWT_SECRET", "is required with a PostgreSQL DATABASE_URL (or give tenants in LANTERN_CONFIG)");
  if (!tenants.has("default") && !(database.kind === "postgres" && !env.JWT_SECRET)) {
    let secret = env.JWT_SECRET;
    if (!secret) {
      secret = devSecret(dataFolder(databasePath));
      generated = true;
    }
    tenants.set("default", toTenant({ id: "default", name: "Default", jwt: { alg: "HS256", secret } }));
  }

  return Object.freeze({
    port,
    host,
    databasePath,
    database,
    redisUrl,
    redisAdapter,
    logLevel,
    logFormat,
    nodeEnv: env.NODE_ENV || undefined,
    tenants,
    devSecret: generated,
    weakSecrets: [...tenants.values()]
      .filter(
        (t) =>
          (t.jwt.alg === "HS256" && t.jwt.secret.length < 32) || (t.webhook && t.webhook.secret.length < 32),
      )
      .map((t) => t.id),
    limits: Object.freeze({
      sendsPerWindow: int(env, "LANTERN_SENDS_PER_WINDOW", 60, 1, 100_000),
      sendWindowMs: int(env, "LANTERN_SEND_WINDOW_MS", 10_000, 100, 3_600_000),
      maxHttpBufferSize: 64 * 1024,
      bodyLimit: 64 * 1024,
      sweepIntervalMs: int(env, "LANTERN_SWEEP_INTERVAL_MS", 5_000, 10, 600_000),
      webhookIntervalMs: int(env, "LANTERN_WEBHOOK_INTERVAL_MS", 1_000, 10, 600_000),
      webhookBackoffMs: int(env, "LANTERN_WEBHOOK_BACKOFF_MS", 2_000, 10, 3_600_000),
      crossNodeTimeoutMs: 2_000,
    }),
    nodeId: env.LANTERN_NODE_ID || `${process.pid}-${randomBytes(3).toString("hex")}`,
  });
}
