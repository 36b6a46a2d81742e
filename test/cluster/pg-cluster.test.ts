/**
 * Issue 13's multi-node acceptance on PostgreSQL: three real node processes (server/main.ts with
 * the README's "Running on several hosts" environment) on one fresh PostgreSQL database and one
 * Redis, started at the same moment on the empty database. The tests share that cluster and run
 * in order; the last one SIGKILLs a node.
 */
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type NodeProcess, type ProcessCluster, processCluster, readyz } from "../helpers/cluster.ts";
import { describeWithPostgres, type FreshDatabase, freshDatabase, pgUnavailable } from "../helpers/pg.ts";
import { type RedisServer, redisUnavailable, startRedis } from "../helpers/redis.ts";
import { type Client, call, http } from "../helpers/server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const reason = (await pgUnavailable()) ?? redisUnavailable();
const HOOK_SECRET = "webhook-secret-for-the-fast-tenant";
const FAST_SECRET = "fast-tenant-secret-0123456789";

interface Delivery {
  id: string;
  signature: string;
  raw: string;
}

/** A webhook receiver that accepts everything and keeps what it got. */
async function receiver() {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      deliveries.push({
        id: String(req.headers["x-lantern-event-id"]),
        signature: String(req.headers["x-lantern-signature"]),
        raw,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
  return { url, deliveries, close: () => new Promise((r) => server.close(r)) };
}

const signed = (d: Delivery) => {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(d.signature);
  return !!m && createHmac("sha256", HOOK_SECRET).update(`${m[1]}.${d.raw}`).digest("hex") === m[2];
};

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every file a process has open (/proc/<pid>/fd), to see that no SQLite file is among them. */
function openFiles(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/${pid}/fd/${fd}`)];
    } catch {
      return [];
    }
  });
}

describeWithPostgres("cluster: three node processes on PostgreSQL", reason, () => {
  let redis: RedisServer;
  let fresh: FreshDatabase;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let cluster: ProcessCluster;
  let cwd: string;
  let nodes: NodeProcess[] = [];
  let db: pg.Client;
  const startedAt = Date.now();

  beforeAll(async () => {
    [redis, fresh, hook] = await Promise.all([startRedis(), freshDatabase(), receiver()]);
    cwd = mkdtempSync(join(tmpdir(), "lantern-pg-cwd-"));
    cluster = processCluster(redis.url, {
      databaseUrl: fresh.url,
      cwd,
      tenants: [
        {
          id: "fast",
          jwt: { alg: "HS256", secret: FAST_SECRET },
          caseSlaSeconds: { "2": 1, "3": 1, "4": 1 },
          webhook: { url: hook.url, secret: HOOK_SECRET },
        },
      ],
    });
    const env = {
      DATABASE_POOL_SIZE: "5",
      LANTERN_SWEEP_INTERVAL_MS: "100",
      LANTERN_WEBHOOK_INTERVAL_MS: "100",
      LANTERN_WEBHOOK_BACKOFF_MS: "100",
    };
    // All three at the same moment on the empty database: they race to migrate it.
    nodes = await Promise.all([0, 1, 2].map(() => cluster.spawn(env)));
    db = new pg.Client({ connectionString: fresh.url });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await db?.end().catch(() => {});
    await cluster?.close();
    await hook?.close();
    await fresh?.drop();
    await redis?.stop();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  const node = (i: number) => nodes[i % nodes.length] as NodeProcess;
  const staffToken = () => cluster.token({ sub: "facilitator", role: "peer_specialist", name: "Fac" });
  const send = (c: Client, roomId: string, body: string, timeoutMs = 15_000) =>
    call(c, "message:send", { roomId, clientId: crypto.randomUUID(), body }, timeoutMs);

  async function room(url: string, tenant?: string): Promise<string> {
    const token = cluster.token({ sub: "facilitator", role: "peer_specialist", tenant });
    const res = await http(url, "POST", "/api/rooms", token, {
      kind: "group",
      name: "R",
      visibility: "open",
    });
    expect(res.status).toBe(201);
    return res.body.room.id;
  }

  /** A room's whole history as one node serves it (paging back 200 at a time). */
  async function history(url: string, roomId: string): Promise<{ id: string; seq: number }[]> {
    const all: { id: string; seq: number }[] = [];
    let before: number | undefined;
    for (;;) {
      const q = before === undefined ? "?limit=200" : `?limit=200&beforeSeq=${before}`;
      const res = await http(url, "GET", `/api/rooms/${roomId}/messages${q}`, staffToken());
      expect(res.status).toBe(200);
      all.unshift(...res.body.messages);
      if (!res.body.hasMore || res.body.messages.length === 0) return all;
      before = res.body.messages[0].seq;
    }
  }

  it("starts all three healthy on the empty database, migrated once, with no SQLite file anywhere", async () => {
    for (const n of nodes) {
      expect(await readyz(n.url)).toBe(200);
      expect((await http(n.url, "GET", "/readyz")).body).toEqual({
        ok: true,
        database: true,
        redis: true,
        draining: false,
      });
    }
    const migrations = readdirSync(join(ROOT, "drizzle-pg")).filter((f) => f.endsWith(".sql"));
    const applied = await db.query("select hash from __drizzle_migrations");
    expect(applied.rows).toHaveLength(migrations.length);
    // Nothing was written where the nodes ran (no ./data, no lantern.db, no dev secret), and
    // none of them holds a SQLite file open.
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(cluster.dir)).toEqual(["tenants.json"]);
    for (const n of nodes)
      expect(openFiles(n.child.pid as number).filter((f) => /\.db$|\.db-(wal|shm)$|sqlite/i.test(f))).toEqual(
        [],
      );
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  });

  it("delivers 300 messages from senders on three nodes to every member on every node exactly once, seq 1..300", async () => {
    const roomId = await room(node(0).url);
    const members: Client[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await cluster.client(node(i).url, { sub: `member-${i}` });
      expect((await call(c, "room:join", { roomId })).ok).toBe(true);
      members.push(c);
    }
    const got = members.map(() => [] as { id: string; seq: number }[]);
    for (const [i, c] of members.entries())
      c.on("message:new", (m) => got[i]?.push(m as { id: string; seq: number }));
    const senders = members.slice(0, 3);
    const acks = await Promise.all(
      Array.from({ length: 300 }, (_, i) => send(senders[i % 3] as Client, roomId, `check-in ${i}`)),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const bySeq = acks.map((a) => a.message).sort((x, y) => x.seq - y.seq);
    expect(bySeq.map((m) => m.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));

    await until("every member has 300", () => (got.every((g) => g.length >= 300) ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    for (const g of got) {
      expect(g).toHaveLength(300);
      expect(new Set(g.map((m) => m.id)).size).toBe(300);
      expect(g.map((m) => m.seq).sort((x, y) => x - y)).toEqual(bySeq.map((m) => m.seq));
    }
    const histories = await Promise.all(nodes.map((n) => history(n.url, roomId)));
    expect(histories[0]?.map((m) => m.seq)).toEqual(bySeq.map((m) => m.seq));
    expect(histories[0]?.map((m) => m.id)).toEqual(bySeq.map((m) => m.id));
    expect(histories[1]).toEqual(histories[0]);
    expect(histories[2]).toEqual(histories[0]);
    for (const c of members) c.disconnect();
  }, 60_000);

  it("two specialists on two nodes approving one held message at once: one success, one error ack, one broadcast", async () => {
    const roomId = await room(node(0).url);
    const author = await cluster.client(node(0).url, { sub: "author" });
    await call(author, "room:join", { roomId });
    const watchers: Client[] = [];
    for (let i = 0; i < 3; i++) {
      const w = await cluster.client(node(i).url, { sub: `watcher-${i}` });
      await call(w, "room:join", { roomId });
      watchers.push(w);
    }
    const seen = watchers.map(() => [] as string[]);
    for (const [i, w] of watchers.entries())
      w.on("message:new", (m) => seen[i]?.push((m as { id: string }).id));
    const held = await send(author, roomId, "i just took the whole bottle of my pills, its done");
    expect(held.moderation.action).toBe("hold");

    const pat = await cluster.client(node(1).url, { sub: "pat", role: "peer_specialist" });
    const sam = await cluster.client(node(2).url, { sub: "sam", role: "peer_specialist" });
    const results = await Promise.all(
      [pat, sam].map((s) => call(s, "mod:approve", { messageId: held.message.id }, 10_000)),
    );
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    expect(ok[0].message.seq).toBe(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0].error.code).toBe("conflict");

    await until("every watcher saw it", () => (seen.every((s) => s.length >= 1) ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    for (const s of seen) expect(s).toEqual([held.message.id]);
    const approvals = await db.query(
      "select count(*)::int n from audit where action = 'message.approved' and target = $1",
      [held.message.id],
    );
    expect(approvals.rows[0].n).toBe(1);
    for (const c of [author, pat, sam, ...watchers]) c.disconnect();
  }, 30_000);

  it("keeps the audit chain whole through 300 concurrent audited actions over three nodes (audit:verify)", async () => {
    const roomId = await room(node(0).url);
    const handles: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await cluster.client(node(i).url, { sub: `audited-${i}` });
      await call(c, "room:join", { roomId });
      handles.push((await send(c, roomId, `hello ${i}`)).message.author.id);
      c.disconnect();
    }
    const staff: Client[] = [];
    for (let i = 0; i < 3; i++)
      staff.push(await cluster.client(node(i).url, { sub: `staff-${i}`, role: "peer_specialist" }));
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => {
        const s = staff[i % 3] as Client;
        const userId = handles[i % handles.length];
        if (i % 3 === 0)
          return http(node(i).url, "POST", "/api/rooms", staffToken(), {
            kind: "group",
            name: `Audited ${i}`,
            visibility: "open",
          }).then((r) => ({ ok: r.status === 201 }));
        if (i % 3 === 1) return call(s, "mod:mute", { roomId, userId, minutes: 5, reason: "pause" }, 15_000);
        return call(s, "mod:unmute", { roomId, userId }, 15_000);
      }),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    for (const s of staff) s.disconnect();

    const verify = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: fresh.url,
        LANTERN_CONFIG: cluster.configPath,
        JWT_SECRET: "x".repeat(32),
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(verify.stderr).toBe("");
    expect(verify.status).toBe(0);
    const lines = verify.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const def = lines.find((l) => l.tenant === "default");
    expect(def.ok).toBe(true);
    expect(def.checked).toBeGreaterThanOrEqual(300);
    expect(lines.every((l) => l.ok)).toBe(true);
  }, 60_000);

  it("escalates a case past its deadline exactly once across the nodes, with one signed webhook", async () => {
    const roomId = await room(node(1).url, "fast");
    const author = await cluster.client(node(1).url, { sub: "a", tenant: "fast" });
    await call(author, "room:join", { roomId });
    const sent = await send(author, roomId, "i want to kill myself tonight");
    expect(sent.ok).toBe(true);
    const caseId = await until("the case opened", async () => {
      const r = await db.query("select id from cases where message_id = $1", [sent.message.id]);
      return r.rows[0]?.id as string | undefined;
    });
    const escalations = () =>
      hook.deliveries.filter((d) => {
        const e = JSON.parse(d.raw);
        return e.type === "case.escalated" && e.data.id === caseId;
      });
    await until("the escalation webhook", () => (escalations().length > 0 ? true : undefined));
    // Three sweepers every 100 ms go over the same rows many more times: none may move it again.
    await new Promise((r) => setTimeout(r, 1_500));
    const hooks = escalations();
    expect(hooks).toHaveLength(1);
    expect(signed(hooks[0] as Delivery)).toBe(true);
    expect(JSON.parse((hooks[0] as Delivery).raw)).toMatchObject({
      type: "case.escalated",
      tenant: "fast",
      data: { id: caseId, tier: 2 },
    });
    const audits = await db.query(
      "select count(*)::int n from audit where action = 'case.auto_escalated' and target = $1",
      [caseId],
    );
    expect(audits.rows[0].n).toBe(1);
    const c = await db.query("select tier from cases where id = $1", [caseId]);
    expect(c.rows[0].tier).toBe(2);
    author.disconnect();
  }, 30_000);

  it("loses no acknowledged message when a node is SIGKILLed mid-burst", async () => {
    const roomId = await room(node(0).url);
    const senders: Client[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await cluster.client(node(i).url, { sub: `burst-${i}` });
      await call(c, "room:join", { roomId });
      senders.push(c);
    }
    const acked: { id: string; seq: number }[] = [];
    let failures = 0;
    // Each sender keeps four sends in flight, without pause, until the end of the burst.
    let stop = false;
    const loop = async (c: Client, i: number) => {
      for (let k = 0; !stop; k++) {
        const r = await send(c, roomId, `burst ${i}-${k}`, 3_000).catch(() => null);
        if (r?.ok) acked.push(r.message);
        else if (!c.connected) return;
        else failures++;
      }
    };
    const loops = senders.flatMap((c, i) => [0, 1, 2, 3].map(() => loop(c, i)));
    await until("a burst is under way", () => (acked.length >= 60 ? true : undefined));
    const victim = node(2);
    const before = acked.length;
    expect((await victim.kill("SIGKILL")).signal).toBe("SIGKILL");
    await until("the survivors keep storing", () => (acked.length >= before + 60 ? true : undefined));
    stop = true;
    await Promise.all(loops);
    expect(failures).toBe(0);

    const h = await history(node(0).url, roomId);
    const stored = new Set(h.map((m) => m.id));
    expect(acked.filter((m) => !stored.has(m.id))).toEqual([]);
    expect(h.map((m) => m.seq)).toEqual(Array.from({ length: h.length }, (_, i) => i + 1));
    expect(await history(node(1).url, roomId)).toEqual(h);
    for (const c of senders) c.disconnect();
  }, 60_000);
});
