import { createSigner } from "fast-jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  connectClient,
  createRoom,
  DEFAULT_SECRET,
  http,
  startServer,
  type TestServer,
} from "../helpers/server.ts";

const AUD_SECRET = "audience-tenant-secret-0123456789abcdef";
const SHORT_SECRET = "short-lived-tenant-secret-0123456789ab";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    tenants: [
      { id: "aud", jwt: { alg: "HS256", secret: AUD_SECRET }, audience: "lantern" },
      { id: "short", jwt: { alg: "HS256", secret: SHORT_SECRET }, maxTokenLifetimeSeconds: 600 },
    ],
  });
});
afterAll(() => server.close());

const now = () => Math.floor(Date.now() / 1000);
const sign = (key: string, claims: Record<string, unknown>) =>
  createSigner({ key, algorithm: "HS256", noTimestamp: true })({
    sub: "u1",
    role: "participant",
    name: "Sky",
    iat: now(),
    exp: now() + 600,
    ...claims,
  });

/** The refusal reason over both edges: the Socket.IO handshake and HTTP. */
async function reasons(token: string): Promise<[string, string]> {
  let socketReason = "connected";
  try {
    (await connectClient(server.url, token)).disconnect();
  } catch (e) {
    socketReason = (e as { data?: { reason: string } }).data?.reason ?? "";
  }
  const res = await http(server.url, "GET", "/api/rooms", token);
  return [socketReason, res.status === 200 ? "connected" : res.body.error.reason];
}

describe("identity limits", () => {
  it("requires aud when the tenant sets audience (wrong_audience when absent)", async () => {
    expect(await reasons(sign(AUD_SECRET, { tenant: "aud" }))).toEqual(["wrong_audience", "wrong_audience"]);
    expect(await reasons(sign(AUD_SECRET, { tenant: "aud", aud: "lantern" }))).toEqual([
      "connected",
      "connected",
    ]);
  });

  it("refuses a token whose nbf is in the future as not_yet_valid", async () => {
    expect(await reasons(sign(DEFAULT_SECRET, { nbf: now() + 300 }))).toEqual([
      "not_yet_valid",
      "not_yet_valid",
    ]);
  });

  it("refuses a token whose lifetime exceeds the default 24 h maximum (year 9999)", async () => {
    const forever = sign(DEFAULT_SECRET, { exp: 253402300799 });
    expect(await reasons(forever)).toEqual(["lifetime_exceeded", "lifetime_exceeded"]);
    const noIat = sign(DEFAULT_SECRET, { iat: undefined, exp: now() + 25 * 3600 });
    expect(await reasons(noIat)).toEqual(["lifetime_exceeded", "lifetime_exceeded"]);
    expect(await reasons(sign(DEFAULT_SECRET, { exp: now() + 23 * 3600 }))).toEqual([
      "connected",
      "connected",
    ]);
  });

  it("applies a tenant's own maximum lifetime", async () => {
    const hour = sign(SHORT_SECRET, { tenant: "short", exp: now() + 3600 });
    expect(await reasons(hour)).toEqual(["lifetime_exceeded", "lifetime_exceeded"]);
    expect(await reasons(sign(SHORT_SECRET, { tenant: "short", exp: now() + 500 }))).toEqual([
      "connected",
      "connected",
    ]);
  });

  it("strips bidi overrides, NUL and other control characters from display names", async () => {
    const roomId = await createRoom(server);
    const token = sign(DEFAULT_SECRET, {
      sub: "bidi",
      name: "\u202Eevil\u0000\u0007 na\u2066me\u200F\u0085",
    });
    const c = await connectClient(server.url, token);
    const joined = await call(c, "room:join", { roomId });
    expect(joined.me.name).toBe("evil name");
    const blank = await connectClient(
      server.url,
      sign(DEFAULT_SECRET, { sub: "blank", name: "\u202E\u0000" }),
    );
    expect((await call(blank, "room:join", { roomId })).me.name).toBe("Member");
    const sent = await call(c, "message:send", { roomId, clientId: "n1", body: "hi" });
    expect(sent.message.author.name).toBe("evil name");
  });
});
