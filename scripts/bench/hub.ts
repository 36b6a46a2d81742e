/**
 * npm run bench:hub: N members in one room (10, 100, 500), a few closed-loop senders; delivered
 * messages/s and p50/p99 send-to-receive latency for the hub (auth, moderation, SQLite, one
 * node) and, in the same run, for a bare Socket.IO broadcast server as the baseline. Servers run
 * in child processes; this process is the load generator. Only 127.0.0.1; stops by itself.
 *   npm run bench:hub [-- --seconds 5 --sizes 10,100,500]
 */
import { parseArgs } from "node:util";
import {
  createRoom,
  dataDir,
  disconnectAll,
  fmt,
  freePort,
  members,
  type Result,
  run,
  spawnHub,
  spawnServer,
} from "./lib.ts";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "5" }, sizes: { type: "string", default: "10,100,500" } },
});
const seconds = Number(values.seconds);
const sizes = (values.sizes as string).split(",").map(Number);
const sendersFor = (n: number) => (n <= 10 ? 2 : 4);
const WINDOW = 4;

async function bare(n: number): Promise<Result> {
  const port = await freePort();
  const server = await spawnServer(
    ["scripts/bench/bare-server.ts"],
    { PORT: String(port) },
    "bare listening",
  );
  try {
    // A room id as long as the hub's (r_ + 16 chars): it is in every message on the wire.
    const roomId = `r_${"b".repeat(16)}`;
    const clients = await members([server.url], n, roomId, false);
    const r = await run(clients, roomId, {
      senders: sendersFor(n),
      window: WINDOW,
      seconds,
      pids: [server.pid],
    });
    await disconnectAll(clients);
    return r;
  } finally {
    await server.stop();
  }
}

async function hub(n: number): Promise<Result> {
  const data = dataDir();
  const server = await spawnHub(data.db);
  try {
    const roomId = await createRoom(server.url);
    const clients = await members([server.url], n, roomId, true);
    const r = await run(clients, roomId, {
      senders: sendersFor(n),
      window: WINDOW,
      seconds,
      pids: [server.pid],
    });
    await disconnectAll(clients);
    return r;
  } finally {
    await server.stop();
    data.cleanup();
  }
}

const line = (name: string, n: number, r: Result) =>
  `| ${name} | ${n} | ${sendersFor(n)} | ${fmt(r.sent)} | ${fmt(r.perSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.serverCpu * 100)}% |`;

const rows: string[] = [];
const ratios: string[] = [];
process.stdout.write(`bench:hub: ${seconds}s per run, window ${WINDOW} per sender, websocket transport\n`);
for (const n of sizes) {
  const b = await bare(n);
  const h = await hub(n);
  rows.push(line("bare Socket.IO", n, b), line("Lantern hub", n, h));
  ratios.push(`| ${n} | ${(h.perSecond / b.perSecond).toFixed(2)}x |`);
  process.stdout.write(`  ${n} members: bare ${fmt(b.perSecond)}/s, hub ${fmt(h.perSecond)}/s\n`);
}
process.stdout.write(
  [
    "",
    "| server | members | senders | messages sent | delivered msgs/s | p50 ms | p99 ms | server CPU |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "| members | hub / baseline delivered msgs/s |",
    "| ---: | ---: |",
    ...ratios,
    "",
  ].join("\n"),
);
process.exit(0);
