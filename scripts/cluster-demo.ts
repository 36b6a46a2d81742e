/**
 * npm run cluster:demo: two Lantern nodes on two ports, one SQLite file, one Redis
 * (REDIS_URL, default redis://127.0.0.1:6379). Prints how to connect to each; Ctrl-C stops both
 * (each drains as on SIGTERM).
 *   PORTS=3001,3002 DATABASE_URL=./data/cluster-demo.db npm run cluster:demo
 */
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const database = process.env.DATABASE_URL || "./data/cluster-demo.db";
const ports = (process.env.PORTS || "3001,3002").split(",").map(Number);

function startNode(port: number, name: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database,
      REDIS_URL: redisUrl,
      LANTERN_NODE_ID: name,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((ok, fail) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d;
      process.stdout.write(
        d
          .toString()
          .replace(/^/gm, `[${name}] `)
          .replace(/\[\w+\] $/, ""),
      );
      if (out.includes('"lantern listening"')) ok(child);
    });
    child.once("exit", (code) => fail(new Error(`${name} exited with ${code} before listening`)));
  });
}

const nodes: ChildProcess[] = [];
try {
  // One after the other: the first applies the migrations to the shared file.
  for (const [i, port] of ports.entries()) nodes.push(await startNode(port, `node${i + 1}`));
} catch (e) {
  process.stderr.write(`cluster:demo: ${(e as Error).message}\n`);
  process.stderr.write(`Is Redis running at ${redisUrl}? (redis-server --port 6379, or set REDIS_URL)\n`);
  for (const n of nodes) n.kill("SIGTERM");
  process.exit(1);
}

process.stdout.write(
  [
    "",
    `Two Lantern nodes share ${database} and Redis at ${redisUrl}:`,
    ...ports.map(
      (p, i) => `  node${i + 1}: http://127.0.0.1:${p}   (readiness: curl http://127.0.0.1:${p}/readyz)`,
    ),
    "",
    "Try it:",
    "  TOKEN=$(npm run --silent token -- --sub alice --name Sky)",
    `  node -e 'const {io}=require("socket.io-client");const s=io("http://127.0.0.1:${ports[0]}",{auth:{token:process.env.TOKEN},transports:["websocket"]});s.on("connect",()=>console.log("connected to node1"))'`,
    `  ... and a second client with another --sub on http://127.0.0.1:${ports[1] ?? ports[0]}: messages, presence and`,
    "  the staff feed reach both. Use the same JWT_SECRET (or the generated dev secret) for both nodes.",
    "",
    "Ctrl-C stops both nodes.",
    "",
  ].join("\n"),
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  let left = nodes.length;
  for (const n of nodes) {
    n.once("exit", () => --left === 0 && process.exit(0));
    n.kill("SIGTERM");
  }
  setTimeout(() => process.exit(1), 15_000).unref();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const n of nodes)
  n.once("exit", () => {
    if (stopping) return;
    process.stderr.write("a node stopped; stopping the demo\n");
    stop();
  });
