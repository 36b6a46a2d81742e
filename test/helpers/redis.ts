/**
 * A real, throw-away redis-server for the multi-node suites: started on a free port with no
 * persistence, killed and restarted on the same port to play an outage. When redis-server is
 * missing the suites skip with a printed reason, unless LANTERN_REQUIRE_SERVICES=1 (CI), where
 * they fail instead.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { connect, createServer } from "node:net";
import { describe } from "vitest";

export interface RedisServer {
  port: number;
  url: string;
  /** SIGKILL the server (an outage, not a shutdown) and wait until the port is closed. */
  kill(): Promise<void>;
  /** Start it again on the same port and wait until it answers PING. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Why Redis cannot be used here, or null when it can. Checked once per test file. */
export function redisUnavailable(): string | null {
  const r = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (r.error) return `redis-server is not on the PATH (${(r.error as NodeJS.ErrnoException).code})`;
  if (r.status !== 0) return `redis-server --version exited with ${r.status}`;
  return null;
}

/**
 * `describe` for a suite that needs a real Redis: runs it when redis-server exists, skips it with
 * a printed reason otherwise, and fails it instead of skipping when LANTERN_REQUIRE_SERVICES=1.
 */
export function describeWithRedis(name: string, body: () => void): void {
  const reason = redisUnavailable();
  if (!reason) {
    describe(name, body);
    return;
  }
  if (process.env.LANTERN_REQUIRE_SERVICES === "1") {
    describe(name, () => {
      throw new Error(`"${name}" needs Redis and LANTERN_REQUIRE_SERVICES=1: ${reason}`);
    });
    return;
  }
  process.stderr.write(
    `\n[lantern] SKIPPED "${name}": ${reason}. Install redis-server to run the multi-node tests ` +
      "(set LANTERN_REQUIRE_SERVICES=1 to fail instead of skipping).\n",
  );
  describe.skip(name, body);
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resolve true when something on `port` answers PING with PONG. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect(port, "127.0.0.1");
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.once("error", () => done(false));
    sock.once("connect", () => sock.write("PING\r\n"));
    sock.once("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`redis: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Start redis-server on a free port (no RDB, no AOF) and wait until it answers. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    await until(`redis on ${port}`, () => pong(port));
  };
  const kill = async () => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
    child = null;
  };
  await launch();
  return { port, url: `redis://127.0.0.1:${port}`, kill, restart: launch, stop: kill };
}
