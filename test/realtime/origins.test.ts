import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, startServer, type TestServer } from "../helpers/server.ts";

const PORTAL = "https://portal.acme.example";
let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    tenants: [
      { id: "portal", jwt: { alg: "HS256", secret: "portal-secret-0123456789" }, allowedOrigins: [PORTAL] },
    ],
  });
});
afterAll(() => server.close());

/** Connect as a browser on `origin` would; resolves "connected" or the refusal's message and reason. */
function connectFrom(origin: string, token: string): Promise<string> {
  const socket = io(server.url, {
    auth: { token },
    extraHeaders: { origin },
    transports: ["polling"],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (e: Error & { data?: { reason?: string } }) => {
      socket.close();
      resolve(`${e.message}${e.data?.reason ? `:${e.data.reason}` : ""}`);
    });
  });
}

describe("allowed origins", () => {
  it("lets a tenant's allowed origin connect and refuses every other origin", async () => {
    const portalToken = server.token({ sub: "p1", tenant: "portal" });
    expect(await connectFrom(PORTAL, portalToken)).toBe("connected");
    expect(await connectFrom("https://evil.example", portalToken)).not.toBe("connected");
    // An origin allowed for one tenant is not a pass for another tenant's tokens.
    expect(await connectFrom(PORTAL, server.token({ sub: "d1" }))).toBe("unauthorized:origin_not_allowed");
    expect(await connectFrom(server.url, server.token({ sub: "d1" }))).toBe("connected");
  });

  it("answers CORS only for allowed origins, and refuses API calls with another tenant's origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/rooms`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization",
        },
      });
    expect((await preflight(PORTAL)).headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    const res = await fetch(`${server.url}/api/rooms`, {
      headers: { origin: PORTAL, authorization: `Bearer ${server.token({ sub: "d1" })}` },
    });
    expect(res.status).toBe(401);
    const ok = await fetch(`${server.url}/api/rooms`, {
      headers: { origin: PORTAL, authorization: `Bearer ${server.token({ sub: "p1", tenant: "portal" })}` },
    });
    expect(ok.status).toBe(200);
    expect((await http(server.url, "GET", "/healthz")).status).toBe(200);
  });
});
