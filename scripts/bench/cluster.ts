/**
 * npm run bench:cluster -- --db postgres|sqlite [--rooms 1,16 --room-size 10 --adapter sharded,classic]:
 * issue 13's layout: rooms of 10 members spread over three nodes and one Redis, on PostgreSQL (a
 * database this script creates on LANTERN_BENCH_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/test, and drops after) and on one shared SQLite file, beside
 * one node on SQLite; for 1 room and 16 rooms, with each Redis adapter. Prints stored and
 * delivered messages/s and send-to-receive p50/p99.
 *
 * npm run bench:cluster (no --db): the bench:hub scenario with the room's members on one node, then spread
 * over two nodes sharing one SQLite file through Redis (a redis-server this script starts on a
 * free port, or REDIS_URL), in one run; then memory per idle authenticated connection with 5,000
 * connections on one node process. Only 127.0.0.1; stops by itself.
 *   npm run bench:cluster [-- --seconds 5 --members 100,500 --idle 5000]
 * 5,000 sockets need more than the common 1024 open files: run `ulimit -n 20000` first if needed.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  ask,
  type Client,
  client,
  createRoom,
  dataDir,
  disconnectAll,
  fmt,
  freePort,
  members,
  type Proc,
  type Result,
  type RoomsResult,
  rssBytes,
  run,
  runRooms,
  spawnHub,
  token,
} from "./lib.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    members: { type: "string", default: "100,500" },
    idle: { type: "string", default: "5000" },
    db: { type: "string" },
    rooms: { type: "string", default: "1,16" },
    "room-size": { type: "string", default: "10" },
    adapter: { type: "string", default: "sharded,classic" },
    senders: { type: "string", default: "4" },
    window: { type: "string", default: "4" },
  },
});
const seconds = Number(values.seconds);
const sizes = (values.members as string).split(",").map(Number);
const idle = Number(values.idle);
const SENDERS = 4;
const WINDOW = 4;

async function redis(): Promise<{ url: string; stop(): void }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop() {} };
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((ok, fail) => {
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("Ready to accept") && ok());
    child.once("error", fail);
  });
  child.stdout?.resume();
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGKILL") };
}

async function scenario(nodes: number, n: number, redisUrl: string): Promise<Result> {
  const data = dataDir();
  const procs: Proc[] = [];
  try {
    for (let i = 0; i < nodes; i++)
      procs.push(await spawnHub(data.db, nodes > 1 ? { REDIS_URL: redisUrl } : {}));
    const roomId = await createRoom(procs[0]?.url as string);
    const clients = await members(
      procs.map((p) => p.url),
      n,
      roomId,
      true,
    );
    const r = await run(clients, roomId, {
      senders: SENDERS,
      window: WINDOW,
      seconds,
      pids: procs.map((p) => p.pid),
    });
    await disconnectAll(clients);
    return r;
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
    data.cleanup();
  }
}

const heapUsed = async (url: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^lantern_nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1]);
};
const settle = () => new Promise((r) => setTimeout(r, 3_000));

/** RSS and heap of one node before and after `count` idle authenticated sockets. */
async function memory(count: number) {
  const data = dataDir();
  const node = await spawnHub(data.db);
  try {
    // Warm the code paths (handshake, JWT, user upsert) so the delta is per connection only.
    const warm = await Promise.all(Array.from({ length: 50 }, (_, i) => client(node.url, token(`warm${i}`))));
    await disconnectAll(warm);
    await settle();
    const rss0 = rssBytes(node.pid);
    const heap0 = await heapUsed(node.url);
    const sockets: Client[] = [];
    for (let i = 0; i < count; i += 100)
      sockets.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(100, count - i) }, (_, j) => client(node.url, token(`idle${i + j}`))),
        )),
      );
    await settle();
    const rss1 = rssBytes(node.pid);
    const heap1 = await heapUsed(node.url);
    await disconnectAll(sockets);
    return {
      rss0,
      rss1,
      heap0,
      heap1,
      perConnRss: (rss1 - rss0) / count,
      perConnHeap: (heap1 - heap0) / count,
    };
  } finally {
    await node.stop();
    data.cleanup();
  }
}

const PG_ADMIN = process.env.LANTERN_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh PostgreSQL database for one run, dropped after. */
async function pgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lantern_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_ADMIN });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

interface Layout {
  label: string;
  nodes: number;
  db: "sqlite" | "postgres";
  adapter?: string;
}

/** `roomCount` rooms of `size` members, each room spread over every node, senders too. */
async function roomsScenario(layout: Layout, roomCount: number, size: number, redisUrl: string) {
  const data = dataDir();
  const pgDb = layout.db === "postgres" ? await pgDatabase() : null;
  const procs: Proc[] = [];
  const clients: Client[] = [];
  try {
    const env: Record<string, string> = {
      ...(layout.nodes > 1 ? { REDIS_URL: redisUrl, REDIS_ADAPTER: layout.adapter ?? "sharded" } : {}),
    };
    // The first node migrates an empty database; the others start on it.
    procs.push(await spawnHub(pgDb?.url ?? data.db, env));
    procs.push(
      ...(await Promise.all(
        Array.from({ length: layout.nodes - 1 }, () => spawnHub(pgDb?.url ?? data.db, env)),
      )),
    );
    const urls = procs.map((p) => p.url);
    const rooms: { roomId: string; clients: Client[] }[] = [];
    for (let k = 0; k < roomCount; k++) {
      const roomId = await createRoom(urls[k % urls.length] as string);
      const members = await Promise.all(
        Array.from({ length: size }, (_, j) => client(urls[j % urls.length] as string, token(`r${k}m${j}`))),
      );
      clients.push(...members);
      await Promise.all(members.map((m) => ask(m, "room:join", { roomId })));
      rooms.push({ roomId, clients: members });
    }
    return await runRooms(rooms, {
      senders: Number(values.senders),
      window: Number(values.window),
      seconds,
      pids: procs.map((p) => p.pid),
    });
  } finally {
    await disconnectAll(clients);
    await Promise.all(procs.map((p) => p.stop()));
    await pgDb?.drop();
    data.cleanup();
  }
}

if (values.db) {
  if (values.db !== "postgres" && values.db !== "sqlite") {
    process.stderr.write(`bench:cluster: --db must be postgres or sqlite, got "${values.db}"\n`);
    process.exit(2);
  }
  const size = Number(values["room-size"]);
  const roomCounts = (values.rooms as string).split(",").map(Number);
  const adapters = (values.adapter as string).split(",");
  const layouts: Layout[] = [{ label: "one node, SQLite", nodes: 1, db: "sqlite" }];
  for (const adapter of adapters)
    layouts.push({ label: `three nodes + Redis (${adapter}), SQLite file`, nodes: 3, db: "sqlite", adapter });
  if (values.db === "postgres")
    for (const adapter of adapters)
      layouts.push({
        label: `three nodes + Redis (${adapter}), PostgreSQL`,
        nodes: 3,
        db: "postgres",
        adapter,
      });
  process.stdout.write(
    `bench:cluster --db ${values.db}: ${seconds}s per run, rooms of ${size}, ${values.senders} senders per room x window ${values.window}, websocket transport\n`,
  );
  const r = await redis();
  const out: string[] = [];
  try {
    for (const rooms of roomCounts)
      for (const layout of layouts) {
        const res: RoomsResult = await roomsScenario(layout, rooms, size, r.url);
        out.push(
          `| ${layout.label} | ${rooms} | ${fmt(res.stored)} | ${fmt(res.delivered)} | ${fmt(res.p50, 1)} | ${fmt(res.p99, 1)} | ${fmt(res.serverCpu * 100)}% | ${fmt(res.missing)} |`,
        );
        process.stdout.write(`  ${rooms} room(s), ${layout.label}: ${fmt(res.stored)} stored/s\n`);
      }
  } finally {
    r.stop();
  }
  process.stdout.write(
    [
      "",
      "| layout | rooms | stored msgs/s | delivered msgs/s | p50 ms | p99 ms | server CPU (all nodes) | missed |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...out,
      "",
    ].join("\n"),
  );
  process.exit(0);
}

process.stdout.write(
  `bench:cluster: ${seconds}s per run, ${SENDERS} senders x window ${WINDOW}, websocket transport\n`,
);
const r = await redis();
const rows: string[] = [];
try {
  for (const n of sizes)
    for (const nodes of [1, 2]) {
      const res = await scenario(nodes, n, r.url);
      rows.push(
        `| ${nodes === 1 ? "one node" : "two nodes + Redis"} | ${n} | ${fmt(res.sent)} | ${fmt(res.perSecond)} | ${fmt(res.p50, 1)} | ${fmt(res.p99, 1)} | ${fmt(res.serverCpu * 100)}% |`,
      );
      process.stdout.write(`  ${n} members on ${nodes} node(s): ${fmt(res.perSecond)}/s delivered\n`);
    }
} finally {
  r.stop();
}
const m = await memory(idle);
const kb = (b: number) => fmt(b / 1024, 1);
process.stdout.write(
  [
    "",
    "| layout | members | messages sent | delivered msgs/s | p50 ms | p99 ms | server CPU (all nodes) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Idle authenticated connections on one node: ${fmt(idle)}`,
    `  RSS  ${fmt(m.rss0 / 2 ** 20, 1)} MB -> ${fmt(m.rss1 / 2 ** 20, 1)} MB: ${kb(m.perConnRss)} KB per connection`,
    `  heap ${fmt(m.heap0 / 2 ** 20, 1)} MB -> ${fmt(m.heap1 / 2 ** 20, 1)} MB: ${kb(m.perConnHeap)} KB per connection`,
    "",
  ].join("\n"),
);
process.exit(0);
