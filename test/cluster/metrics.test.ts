/**
 * /metrics as an operator scrapes it from a node in a cluster: every series the runbook needs is
 * there, and no label carries a person, a room or a word anyone wrote.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "../helpers/cluster.ts";
import { describeWithRedis, type RedisServer, startRedis } from "../helpers/redis.ts";
import { call, createRoom, http, startServer, type TestServer } from "../helpers/server.ts";

describeWithRedis("cluster: /metrics", () => {
  let redis: RedisServer;
  let server: TestServer;
  let hook: Server;
  let answered = 0;
  beforeAll(async () => {
    redis = await startRedis();
    // A webhook receiver that refuses the first delivery, so both results are counted.
    hook = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(answered++ === 0 ? 503 : 204).end());
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const port = (hook.address() as { port: number }).port;
    server = await startServer({
      env: {
        REDIS_URL: redis.url,
        LANTERN_SENDS_PER_WINDOW: "3",
        LANTERN_WEBHOOK_INTERVAL_MS: "30",
        LANTERN_WEBHOOK_BACKOFF_MS: "30",
      },
      tenants: [
        {
          id: "hooked",
          jwt: { alg: "HS256", secret: "hooked-secret-0123456789" },
          webhook: { url: `http://127.0.0.1:${port}/hook`, secret: "webhook-secret-0123456789" },
        },
      ],
    });
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((r) => hook?.close(r));
    await redis?.stop();
  });

  const scrape = async () => (await http(server.url, "GET", "/metrics")).body as string;

  it("exposes sockets, messages by outcome, verdicts, latency, open cases, webhooks and Redis, without personal labels", async () => {
    const roomId = await createRoom(server, { name: "Quiet-Harbor-Room" }, "hooked");
    const author = await server.client({ sub: "person-7781", name: "Juniper", tenant: "hooked" });
    await call(author, "room:join", { roomId });
    const say = (body: string) =>
      call(author, "message:send", { roomId, clientId: crypto.randomUUID(), body });
    expect((await say("Grateful for this group, SECRET-WORDS-1")).moderation.action).toBe("allow");
    expect((await say("i just took the whole bottle of my pills, its done")).moderation.action).toBe("hold");
    await say("one more");
    expect(await say("and one too many")).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    await eventually("a webhook delivered after a refusal", async () =>
      /lantern_webhook_deliveries_total\{result="delivered"\} [1-9]/.test(await scrape()),
    );

    const text = await scrape();
    for (const series of [
      /^lantern_connected_sockets 1$/m,
      /^lantern_messages_in_total\{outcome="allow"\} 2$/m,
      /^lantern_messages_in_total\{outcome="hold"\} 1$/m,
      /^lantern_messages_in_total\{outcome="rate_limited"\} 1$/m,
      /^lantern_messages_out_total\{kind="new"\} 2$/m,
      /^lantern_moderation_verdicts_total\{action="hold",level="4"\} 1$/m,
      /^lantern_moderation_verdicts_total\{action="allow",level="0"\} 2$/m,
      /^lantern_moderation_duration_seconds_count 3$/m,
      /^lantern_moderation_duration_seconds_bucket\{le="0.001"\} \d+$/m,
      /^lantern_open_cases\{tier="1"\} 1$/m,
      /^lantern_webhook_deliveries_total\{result="failed"\} 1$/m,
      /^lantern_webhook_deliveries_total\{result="delivered"\} [1-9]\d*$/m,
      /^lantern_redis_up 1$/m,
      /^lantern_cross_node_publish_failures_total 0$/m,
    ])
      expect(text).toMatch(series);

    // Labels carry outcomes and levels only: no tenant data, person, room or text.
    const labelValues = [...text.matchAll(/\w+="([^"]*)"/g)].map((m) => m[1]);
    for (const leak of [
      "person-7781",
      "Juniper",
      roomId,
      "Quiet-Harbor-Room",
      "SECRET-WORDS-1",
      "pills",
      "hooked",
    ])
      expect(labelValues.join("\n")).not.toContain(leak);
    expect(text).not.toContain("SECRET-WORDS-1");
  });
});
