/**
 * npm run bench:cluster: the bench:hub scenario with the room's members on one node, then spread
 * over two nodes sharing one SQLite file through Redis (a redis-server this script starts on a
 * free port, or REDIS_URL), in one run; then memory per idle authenticated connection with 5,000
 * connections on one node process. Only 127.0.0.1; stops by itself.
 *   npm run bench:cluster [-- --seconds 5 --members 100,500 --idle 5000]
 * 5,000 sockets need more than the common 1024 open files: run `ulimit -n 20000` first if needed.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import {
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
  rssBytes,
  run,
  spawnHub,
  token,
} from "./lib.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    members: { type: "string", default: "100,500" },
    idle: { type: "string", default: "5000" },
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
