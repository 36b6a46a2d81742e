/**
 * Shared parts of the hub and cluster benchmarks: servers in child processes (so the load
 * generator's CPU and memory are not counted), N clients in one room, closed-loop senders, and
 * delivered messages/s with send-to-receive latency percentiles. Everything talks to 127.0.0.1.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { signHs256 } from "../../server/auth/sign.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SECRET = "bench-secret-for-the-default-tenant";

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export interface Proc {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawn a server script and wait until its stdout says it is listening. */
export async function spawnServer(args: string[], env: Record<string, string>, ready: string): Promise<Proc> {
  const port = Number(env.PORT);
  // BENCH_CPU_PROF=<dir> writes a .cpuprofile per server process (open it in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...prof, "--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((ok, fail) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes(ready)) {
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        ok();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => fail(new Error(`${args.join(" ")} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    child,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once("exit", () => ok());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 12_000).unref();
      }),
  };
}

/** A temp data folder for hub nodes that share one database. */
export function dataDir(): { dir: string; db: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "lantern-bench-"));
  return { dir, db: join(dir, "lantern.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Start one Lantern node (server/main.ts) on a free port. */
export async function spawnHub(db: string, extra: Record<string, string> = {}): Promise<Proc> {
  const port = await freePort();
  return spawnServer(
    ["server/main.ts"],
    {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: db,
      JWT_SECRET: SECRET,
      LOG_LEVEL: "info",
      LANTERN_SENDS_PER_WINDOW: "100000",
      LANTERN_SEND_WINDOW_MS: "1000",
      ...extra,
    },
    '"lantern listening"',
  );
}

export const token = (sub: string, role = "participant") =>
  signHs256(SECRET, { sub, role: role as "participant", name: `m${sub}`, ttl: 3600 * 4 });

/** Create a group room over HTTP and return its id. */
export async function createRoom(url: string): Promise<string> {
  const res = await fetch(`${url}/api/rooms`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token("bench-host", "peer_specialist")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ kind: "group", name: "Bench room", visibility: "open" }),
  });
  if (res.status !== 201) throw new Error(`room not created: ${res.status}`);
  return ((await res.json()) as { room: { id: string } }).room.id;
}

export type Client = Socket;

/** Connect one client (websocket only) with an optional token; resolves on connect. */
export function client(url: string, auth?: string): Promise<Client> {
  const s = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(auth ? { auth: { token: auth } } : {}),
  });
  return new Promise((ok, fail) => {
    s.once("connect", () => ok(s));
    s.once("connect_error", fail);
  });
}

/** Emit with an ack and a timeout. */
export function ask<T = { ok: boolean }>(
  s: Client,
  event: string,
  payload: unknown,
  ms = 30_000,
): Promise<T> {
  return s.timeout(ms).emitWithAck(event, payload) as Promise<T>;
}

/** Connect `n` clients (spread over `urls` round-robin) in batches and join them to the room. */
export async function members(urls: string[], n: number, roomId: string, auth: boolean): Promise<Client[]> {
  const out: Client[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, (_, j) =>
        client(urls[(i + j) % urls.length] as string, auth ? token(`u${i + j}`) : undefined),
      ),
    );
    await Promise.all(batch.map((s) => ask(s, "room:join", { roomId })));
    out.push(...batch);
  }
  return out;
}

export interface Result {
  delivered: number;
  seconds: number;
  perSecond: number;
  sent: number;
  p50: number;
  p99: number;
  serverCpu: number;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/**
 * Every client counts `message:new`; `senders` of them send closed-loop (at most `window`
 * unacked each) for `seconds`, then the run waits for the last deliveries. Latency is measured
 * from the emit to each receiver's arrival, on one clock (one process).
 */
export async function run(
  clients: Client[],
  roomId: string,
  opts: { senders: number; window: number; seconds: number; pids: number[] },
): Promise<Result> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  let last = 0;
  const onMessage = (m: { body: string }) => {
    const t0 = sentAt.get(m.body);
    if (t0 === undefined) return;
    const now = performance.now();
    latencies.push(now - t0);
    delivered++;
    last = now;
  };
  for (const c of clients) c.on("message:new", onMessage);
  const cpu0 = opts.pids.map(cpuSeconds);
  const start = performance.now();
  const stopAt = start + opts.seconds * 1000;
  let sent = 0;
  let n = 0;
  const loop = async (s: Client, who: number) => {
    while (performance.now() < stopAt) {
      const body = `steady note from ${who} number ${n++}`;
      sentAt.set(body, performance.now());
      sent++;
      await ask(s, "message:send", { roomId, clientId: crypto.randomUUID(), body });
    }
  };
  const senders = clients.slice(0, opts.senders);
  await Promise.all(senders.flatMap((s, i) => Array.from({ length: opts.window }, () => loop(s, i))));
  const expected = sent * clients.length;
  const deadline = performance.now() + 10_000;
  while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const c of clients) c.off("message:new", onMessage);
  const seconds = (last - start) / 1000;
  const cpu1 = opts.pids.map(cpuSeconds);
  latencies.sort((a, b) => a - b);
  return {
    delivered,
    seconds,
    perSecond: delivered / seconds,
    sent,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    serverCpu: cpu1.reduce((a, c, i) => a + (c - (cpu0[i] as number)), 0) / seconds,
  };
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "n/a";

/** Close every client and wait a moment for the server to notice. */
export async function disconnectAll(clients: Client[]): Promise<void> {
  for (const c of clients) c.disconnect();
  await new Promise((r) => setTimeout(r, 300));
}

export interface RoomsResult {
  /** Sends acknowledged as stored, per second. */
  stored: number;
  /** `message:new` arrivals at members, per second. */
  delivered: number;
  p50: number;
  p99: number;
  serverCpu: number;
  /** Members that missed a message (should be 0). */
  missing: number;
}

/**
 * `rooms.length` rooms of members each; in every room `senders` members send closed-loop (at
 * most `window` unacked each) for `seconds`. Stored is acked sends/s over the send phase;
 * delivered counts every member's arrivals until the last one; latency is emit to arrival.
 */
export async function runRooms(
  rooms: { roomId: string; clients: Client[] }[],
  opts: { senders: number; window: number; seconds: number; pids: number[] },
): Promise<RoomsResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  let last = 0;
  const onMessage = (m: { body: string }) => {
    const t0 = sentAt.get(m.body);
    if (t0 === undefined) return;
    const now = performance.now();
    latencies.push(now - t0);
    delivered++;
    last = now;
  };
  for (const r of rooms) for (const c of r.clients) c.on("message:new", onMessage);
  const cpu0 = opts.pids.map(cpuSeconds);
  const start = performance.now();
  const stopAt = start + opts.seconds * 1000;
  let stored = 0;
  let expected = 0;
  let n = 0;
  const loop = async (s: Client, roomId: string, members: number) => {
    while (performance.now() < stopAt) {
      const body = `steady note number ${n++}`;
      sentAt.set(body, performance.now());
      const ack = await ask(s, "message:send", { roomId, clientId: crypto.randomUUID(), body });
      if (ack.ok) {
        stored++;
        expected += members;
      }
    }
  };
  await Promise.all(
    rooms.flatMap((r) =>
      r.clients
        .slice(0, opts.senders)
        .flatMap((s) => Array.from({ length: opts.window }, () => loop(s, r.roomId, r.clients.length))),
    ),
  );
  const sendSeconds = (performance.now() - start) / 1000;
  const deadline = performance.now() + 10_000;
  while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const r of rooms) for (const c of r.clients) c.off("message:new", onMessage);
  const seconds = (last - start) / 1000;
  const cpu1 = opts.pids.map(cpuSeconds);
  latencies.sort((a, b) => a - b);
  return {
    stored: stored / sendSeconds,
    delivered: delivered / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    serverCpu: cpu1.reduce((a, c, i) => a + (c - (cpu0[i] as number)), 0) / seconds,
    missing: expected - delivered,
  };
}
