import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { call, createRoom, startServer, type TestServer } from "../helpers/server.ts";

const SECRET = "webhook-secret-for-acme-tests";

interface Delivery {
  id: string;
  signature: string;
  raw: string;
  status: number;
}

/** A real HTTP receiver that refuses the first `refuse` deliveries with 503. */
async function receiver(refuse: number) {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const status = deliveries.length < refuse ? 503 : 204;
      deliveries.push({
        id: String(req.headers["x-lantern-event-id"]),
        signature: String(req.headers["x-lantern-signature"]),
        raw,
        status,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks/lantern`;
  return { url, deliveries, close: () => new Promise((r) => server.close(r)) };
}

async function until<T>(fn: () => T | undefined, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

function verify(d: Delivery): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(d.signature);
  if (!m) return false;
  const expected = createHmac("sha256", SECRET).update(`${m[1]}.${d.raw}`).digest("hex");
  return expected === m[2];
}

let server: TestServer;
let hook: Awaited<ReturnType<typeof receiver>>;
afterEach(async () => {
  await server?.close();
  await hook?.close();
});

/** A server whose tenant "hooked" posts to a receiver refusing the first `refuse` deliveries; a participant in a room. */
async function hookedRoom(refuse: number, backoffMs: string) {
  hook = await receiver(refuse);
  server = await startServer({
    env: { LANTERN_WEBHOOK_INTERVAL_MS: "20", LANTERN_WEBHOOK_BACKOFF_MS: backoffMs },
    tenants: [
      {
        id: "hooked",
        jwt: { alg: "HS256", secret: "hooked-secret-0123456789" },
        webhook: { url: hook.url, secret: SECRET },
      },
    ],
  });
  const roomId = await createRoom(server, {}, "hooked");
  const a = await server.client({ sub: "a", tenant: "hooked" });
  await call(a, "room:join", { roomId });
  return { roomId, a };
}

describe("webhooks", () => {
  it("signs each event, retries a refused delivery until it arrives, never sends message text, never reuses an id", async () => {
    const { roomId, a } = await hookedRoom(1, "50");
    const spec = await server.client({ sub: "s", tenant: "hooked", role: "peer_specialist" });
    const text = "i want to kill myself tonight, UNIQUE-PHRASE-42";
    await call(a, "message:send", { roomId, clientId: "w1", body: text });
    const opened = await until(() => hook.deliveries.find((d) => d.status === 204));
    const event = JSON.parse(opened.raw);
    expect(event).toMatchObject({ type: "case.opened", tenant: "hooked", id: opened.id });
    expect(event.data).toMatchObject({ roomId, status: "open", tier: 1 });
    expect(verify(opened)).toBe(true);
    expect(hook.deliveries[0]).toMatchObject({ id: opened.id, status: 503, raw: opened.raw });

    const resolved = await call(spec, "case:resolve", {
      caseId: event.data.id,
      note: "UNIQUE-PHRASE-42 note stays inside",
    });
    expect(resolved.ok).toBe(true);
    const second = await until(() => hook.deliveries.find((d) => d.status === 204 && d.id !== opened.id));
    expect(JSON.parse(second.raw)).toMatchObject({
      type: "case.resolved",
      data: { id: event.data.id, status: "resolved" },
    });
    expect(verify(second)).toBe(true);

    for (const d of hook.deliveries) {
      expect(d.raw).not.toContain("UNIQUE-PHRASE-42");
      expect(d.raw).not.toContain("kill");
    }
    const bodiesById = new Map<string, Set<string>>();
    for (const d of hook.deliveries)
      bodiesById.set(d.id, (bodiesById.get(d.id) ?? new Set()).add(JSON.parse(d.raw).type));
    for (const types of bodiesById.values()) expect(types.size).toBe(1);
  });

  it("keeps retrying with back-off while the receiver refuses (at least five tries)", async () => {
    const { roomId, a } = await hookedRoom(4, "20");
    await call(a, "message:send", { roomId, clientId: "w2", body: "i want to die" });
    await until(() => hook.deliveries.find((d) => d.status === 204));
    expect(hook.deliveries.map((d) => d.status)).toEqual([503, 503, 503, 503, 204]);
    expect(new Set(hook.deliveries.map((d) => d.id)).size).toBe(1);
  });
});
