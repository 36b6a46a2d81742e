/**
 * The typed client (shared/client/) against the real server: rooms resume from the highest
 * gapless seq after a drop and each message arrives once, in order; sends retried after a drop
 * are stored once; tokens are swapped before they expire.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect, type LanternClient } from "../../shared/client/index.ts";
import type { Message } from "../../shared/types.ts";
import { call, createRoom, startServer, type TestServer } from "../helpers/server.ts";
import { until } from "../integrations/hooks.ts";

let server: TestServer;
const clients: LanternClient[] = [];
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

function open(sub: string, ttl?: number) {
  const minted: number[] = [];
  const client = connect({
    url: server.url,
    getToken: () => {
      minted.push(Date.now());
      return server.token({ sub, name: sub, ...(ttl ? { ttl } : {}) });
    },
  });
  clients.push(client);
  return { client, minted };
}

/** Cut the transport under the client, as a network drop would; it reconnects by itself. */
const drop = (c: LanternClient) => (c.socket.io as unknown as { engine: { close(): void } }).engine.close();

describe("typed client", () => {
  it("joins, sends with a clientId, and receives every message once, in order, across a drop", async () => {
    const roomId = await createRoom(server);
    const { client: a } = open("alice");
    const b = await server.client({ sub: "bo" });
    await call(b, "room:join", { roomId });
    await call(b, "message:send", { roomId, clientId: "b0", body: "before alice came" });

    const seen: Message[] = [];
    const joined = await a.join(roomId, { onMessage: (m) => seen.push(m) });
    expect(joined.ok).toBe(true);
    const sent = await a.send(roomId, "hi all");
    expect(sent.ok && sent.message.seq).toBe(2);
    await until(() => (seen.length === 2 ? true : undefined));

    drop(a);
    for (let i = 0; i < 5; i++)
      await call(b, "message:send", { roomId, clientId: `b${i + 1}`, body: `while away ${i}` });
    await until(() => (seen.length === 7 ? true : undefined));
    await call(b, "message:send", { roomId, clientId: "b9", body: "after" });
    await until(() => (seen.length === 8 ? true : undefined));
    expect(seen.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("retries a send made while offline once it is back, and the server stores it once", async () => {
    const roomId = await createRoom(server);
    const { client: a } = open("alice");
    await a.join(roomId);
    drop(a);
    const clientId = "retry-me-1";
    const [first, again] = await Promise.all([
      a.send(roomId, "sent offline", { clientId }),
      a.send(roomId, "sent offline", { clientId }),
    ]);
    expect(first.ok && again.ok && first.message.id === again.message.id).toBe(true);
    const history = await a.request("room:history", { roomId });
    expect(history.ok && history.messages.filter((m) => m.body === "sent offline")).toHaveLength(1);
  });

  it("types its events and refuses bad payloads with the protocol's error", async () => {
    const { client: a } = open("alice");
    // @ts-expect-error roomId is a string
    const bad = await a.request("room:join", { roomId: 5 });
    expect(!bad.ok && bad.error.code).toBe("invalid");
    const missing = await a.join("r_nope");
    expect(!missing.ok && missing.error.code).toBe("not_found");
  });

  it("asks for a fresh token before the current one expires and stays connected", async () => {
    const roomId = await createRoom(server);
    const { client: a, minted } = open("alice", 4);
    await a.join(roomId);
    await until(() => (minted.length >= 2 ? true : undefined), 8000);
    await new Promise((r) => setTimeout(r, 1500));
    const sent = await a.send(roomId, "still here");
    expect(sent.ok).toBe(true);
    expect(a.socket.connected).toBe(true);
  });
});
