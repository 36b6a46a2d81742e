/**
 * Several Lantern nodes sharing one SQLite file and one Redis: in this process (startServer, for
 * most cross-node tests) or as child processes (server/main.ts, through test/helpers/orphan-guard.ts) when a test
 * must SIGKILL or SIGTERM a node or needs writers in separate processes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { signHs256, type TokenClaims } from "../../server/auth/sign.ts";
import type { TenantInput } from "../../server/config.ts";
import { freePort } from "./redis.ts";
import { type Client, connectClient, DEFAULT_SECRET, startServer, type TestServer } from "./server.ts";

const ROOT = resolve(import.meta.dirname, "../..");

/** `n` in-process nodes on one database file and one Redis. */
export async function startNodes(
  n: number,
  redisUrl: string,
  env: Record<string, string> = {},
): Promise<TestServer[]> {
  const first = await startServer({ env: { REDIS_URL: redisUrl, ...env } });
  const rest = await Promise.all(
    Array.from({ length: n - 1 }, () =>
      startServer({ env: { REDIS_URL: redisUrl, ...env }, databasePath: first.databasePath }),
    ),
  );
  return [first, ...rest];
}

export interface NodeProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** What the process has written to stderr so far (a crash's reason). */
  stderr(): string;
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ProcessCluster {
  dir: string;
  /** What the nodes get as DATABASE_URL: a SQLite file in `dir`, or the URL the cluster was given. */
  databasePath: string;
  /** The tenants file the nodes read (LANTERN_CONFIG). */
  configPath: string;
  token(claims: Partial<TokenClaims> & { sub: string }): string;
  client(url: string, claims: Partial<TokenClaims> & { sub: string }): Promise<Client>;
  spawn(env?: Record<string, string>): Promise<NodeProcess>;
  /** Kill every node still running and remove the data folder. */
  close(): Promise<void>;
}

export interface ClusterOptions {
  /** DATABASE_URL for every node (a postgres:// URL); a SQLite file in the data folder otherwise. */
  databaseUrl?: string;
  /** Tenants besides `default` (HS256 ones can be signed for with `token({ tenant })`). */
  tenants?: TenantInput[];
  /**
   * Run the nodes with this working directory instead of the repository (the entry point and tsx
   * are given by absolute path), so a test can see that nothing was written where they ran.
   */
  cwd?: string;
}

/** A shared data folder and tenant file, and a way to start node processes on them. */
export function processCluster(redisUrl: string, opts: ClusterOptions = {}): ProcessCluster {
  const dir = mkdtempSync(join(tmpdir(), "lantern-cluster-"));
  const databasePath = opts.databaseUrl ?? join(dir, "lantern.db");
  const configPath = join(dir, "tenants.json");
  writeFileSync(configPath, JSON.stringify({ tenants: opts.tenants ?? [] }));
  const secrets = new Map<string, string>([["default", DEFAULT_SECRET]]);
  for (const t of opts.tenants ?? []) if (t.jwt.alg === "HS256") secrets.set(t.id, t.jwt.secret);
  const nodes: NodeProcess[] = [];
  const starting = new Set<ChildProcess>();
  const token: ProcessCluster["token"] = (claims) => {
    const tenant = claims.tenant ?? "default";
    return signHs256(secrets.get(tenant) ?? "unknown-tenant-secret!!", {
      role: "participant",
      name: claims.sub,
      ...claims,
      ...(tenant === "default" ? { tenant: undefined } : {}),
    });
  };
  const entry = opts.cwd
    ? ["--import", import.meta.resolve("tsx"), join(ROOT, "test/helpers/orphan-guard.ts")]
    : ["--import", "tsx", "test/helpers/orphan-guard.ts"];

  return {
    dir,
    databasePath,
    configPath,
    token,
    client: (url, claims) => connectClient(url, token(claims)),
    async spawn(env = {}) {
      const port = await freePort();
      const child = spawn(process.execPath, entry, {
        cwd: opts.cwd ?? ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          DATABASE_URL: databasePath,
          REDIS_URL: redisUrl,
          JWT_SECRET: DEFAULT_SECRET,
          LANTERN_CONFIG: configPath,
          LOG_LEVEL: "info",
          LANTERN_SENDS_PER_WINDOW: "10000",
          ...env,
        },
        stdio: ["pipe", "pipe", "pipe"],
      });
      // Killed with the cluster even if it never finishes starting.
      starting.add(child);
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
        child.once("exit", (code, signal) => r({ code, signal })),
      );
      let err = "";
      child.stderr?.on("data", (d) => (err += d));
      await new Promise<void>((ok, fail) => {
        let out = "";
        const timer = setTimeout(() => fail(new Error(`node on ${port} did not start: ${err}`)), 20_000);
        child.stdout?.on("data", (d) => {
          out += d;
          if (out.includes('"lantern listening"')) {
            clearTimeout(timer);
            ok();
          }
        });
        void exited.then(({ code }) => {
          clearTimeout(timer);
          fail(new Error(`node on ${port} exited with ${code}: ${err}`));
        });
      });
      starting.delete(child);
      child.stdout?.resume();
      const node: NodeProcess = {
        url: `http://127.0.0.1:${port}`,
        port,
        child,
        stderr: () => err,
        exited,
        kill(signal = "SIGKILL") {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      };
      nodes.push(node);
      return node;
    },
    async close() {
      for (const child of starting) child.kill("SIGKILL");
      await Promise.all(nodes.map((n) => n.kill("SIGKILL")));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Poll `check` (a state with no event to wait on, like /readyz) until it holds or time runs out. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The status /readyz answers on `url`. */
export async function readyz(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}
