/**
 * `GET /widget/status`, the one route any origin may call, and the server's log of refused
 * origins: with the origin, with the tenant once a token names one, once a minute per key.
 */
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLogs } from "../helpers/logs.ts";
import { startServer, type TestServer } from "../helpers/server.ts";

const PORTAL = "https://portal.lumen.example";
const logs = captureLogs("info");
let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    logger: logs.logger,
    tenants: [
      {
        id: "lumen",
        jwt: { alg: "HS256", secret: "lumen-secret-0123456789abcdef" },
        allowedOrigins: [PORTAL],
      },
    ],
  });
});
afterAll(() => server.close());

const status = (origin: string | null, tenant?: string) =>
  fetch(`${server.url}/widget/status${tenant ? `?tenant=${tenant}` : ""}`, {
    headers: origin ? { origin } : {},
  });

function knock(origin: string, token: string): Promise<string> {
  const socket = io(server.url, {
    auth: { token },
    extraHeaders: { origin },
    transports: ["polling"],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    const done = (outcome: string) => {
      socket.close();
      resolve(outcome);
    };
    socket.once("connect", () => done("connected"));
    socket.once("connect_error", (e: Error & { data?: { reason?: string } }) =>
      done(e.data?.reason ?? e.message),
    );
  });
}

const refusals = () =>
  logs.lines
    .map((l) => JSON.parse(l))
    .filter((l) => typeof l.msg === "string" && l.msg.startsWith("origin not allowed"));

describe("GET /widget/status", () => {
  it("answers any origin whether it is allowed, and nothing else", async () => {
    const evil = await status("https://evil.example");
    expect(evil.headers.get("access-control-allow-origin")).toBe("*");
    expect(await evil.json()).toEqual({ allowed: false });
    expect(await (await status(PORTAL)).json()).toEqual({ allowed: true });
    expect(await (await status(PORTAL, "lumen")).json()).toEqual({ allowed: true });
    // Allowed for one tenant is not allowed for another, nor for a tenant that does not exist.
    expect(await (await status(PORTAL, "default")).json()).toEqual({ allowed: false });
    expect(await (await status(PORTAL, "nobody")).json()).toEqual({ allowed: false });
  });
});

describe("refused origins in the log", () => {
  it("logs the origin once a minute however often it knocks, and the tenant when the token names one", async () => {
    const token = server.token({ sub: "p1", tenant: "lumen" });
    for (let i = 0; i < 3; i++) expect(await knock("https://evil.example", token)).not.toBe("connected");
    const byOrigin = refusals().filter((l) => l.origin === "https://evil.example");
    expect(byOrigin).toHaveLength(1);
    expect(byOrigin[0].tenant).toBeUndefined();

    // Allowed for lumen, presented with a default-tenant token: refused in the handshake, tenant known.
    expect(await knock(PORTAL, server.token({ sub: "d1" }))).toBe("origin_not_allowed");
    expect(await knock(PORTAL, server.token({ sub: "d2" }))).toBe("origin_not_allowed");
    const byTenant = refusals().filter((l) => l.origin === PORTAL);
    expect(byTenant).toHaveLength(1);
    expect(byTenant[0].tenant).toBe("default");
  });
});
