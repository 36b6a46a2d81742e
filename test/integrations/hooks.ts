/** A real HTTP webhook receiver for the integrations suites, and a poll helper. */
import { createServer, type Server } from "node:http";

export interface Received {
  id: string;
  signature: string;
  raw: string;
  status: number;
}

/** Listen on port 0; `answer` picks each delivery's status (204 by default). */
export async function receiver(answer: (n: number, raw: string) => number = () => 204) {
  const deliveries: Received[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const status = answer(deliveries.length, raw);
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
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
  return { url, deliveries, close: () => new Promise((r) => server.close(r)) };
}

/** Poll `fn` until it returns something other than undefined. */
export async function until<T>(
  fn: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 8000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
