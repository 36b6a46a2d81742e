import { generateKeyPairSync } from "node:crypto";
import { createSigner } from "fast-jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  connectClient,
  DEFAULT_SECRET,
  http,
  startServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ed = generateKeyPairSync("ed25519");
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const pem = (k: { export(o: object): string | Buffer }, type: "spki" | "pkcs8") =>
  k.export({ type, format: "pem" }).toString();

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    tenants: [
      { id: "rsa", jwt: { alg: "RS256", publicKey: pem(rsa.publicKey, "spki") }, audience: "lantern" },
      { id: "ed", jwt: { alg: "EdDSA", publicKey: pem(ed.publicKey, "spki") } },
      { id: "ec", jwt: { alg: "ES256", publicKey: pem(ec.publicKey, "spki") } },
    ],
  });
});
afterAll(() => server.close());

const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: "u1",
  role: "participant",
  name: "Sky",
  exp: now() + 600,
  ...extra,
});

async function refusal(token: unknown): Promise<{ message: string; reason: string }> {
  try {
    await connectClient(server.url, token as string);
  } catch (e) {
    const err = e as Error & { data?: { reason: string } };
    return { message: err.message, reason: err.data?.reason ?? "" };
  }
  throw new Error("connected, but should have been refused");
}

describe("identity", () => {
  it("accepts HS256 for the default tenant, and RS256, EdDSA and ES256 for their tenants", async () => {
    const hs = createSigner({ key: DEFAULT_SECRET, algorithm: "HS256" })(claims());
    const rs = createSigner({ key: pem(rsa.privateKey, "pkcs8"), algorithm: "RS256" })(
      claims({ tenant: "rsa", aud: "lantern" }),
    );
    const eds = createSigner({ key: pem(ed.privateKey, "pkcs8"), algorithm: "EdDSA" })(
      claims({ tenant: "ed" }),
    );
    const es = createSigner({ key: pem(ec.privateKey, "pkcs8"), algorithm: "ES256" })(
      claims({ tenant: "ec" }),
    );
    for (const token of [hs, rs, eds, es]) (await connectClient(server.url, token)).disconnect();
    expect((await http(server.url, "GET", "/api/rooms", rs)).status).toBe(200);
  });

  it.each([
    [
      "forged (signed with another secret)",
      () => createSigner({ key: "not-the-right-secret-at-all", algorithm: "HS256" })(claims()),
      "bad_signature",
    ],
    [
      "expired",
      () => createSigner({ key: DEFAULT_SECRET, algorithm: "HS256" })(claims({ exp: now() - 60 })),
      "expired",
    ],
    [
      "alg none",
      () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims())).toString("base64url")}.`,
      "bad_algorithm",
    ],
    [
      "wrong audience",
      () =>
        createSigner({ key: pem(rsa.privateKey, "pkcs8"), algorithm: "RS256" })(
          claims({ tenant: "rsa", aud: "someone-else" }),
        ),
      "wrong_audience",
    ],
    [
      "unknown tenant",
      () => createSigner({ key: DEFAULT_SECRET, algorithm: "HS256" })(claims({ tenant: "nobody" })),
      "unknown_tenant",
    ],
    ["garbage", () => "this.is.not-a-jwt", "malformed"],
    ["missing", () => undefined, "missing"],
    [
      "HS256 token for an RS256 tenant (algorithm confusion)",
      () =>
        createSigner({ key: pem(rsa.publicKey, "spki"), algorithm: "HS256" })(
          claims({ tenant: "rsa", aud: "lantern" }),
        ),
      "bad_algorithm",
    ],
    [
      "bad role",
      () => createSigner({ key: DEFAULT_SECRET, algorithm: "HS256" })(claims({ role: "superuser" })),
      "bad_claims",
    ],
    [
      "no exp",
      () =>
        createSigner({ key: DEFAULT_SECRET, algorithm: "HS256", noTimestamp: true })({
          sub: "u1",
          role: "participant",
          name: "x",
        }),
      "bad_claims",
    ],
  ])("refuses a %s token with connect_error unauthorized", async (_label, make, reason) => {
    const token = make();
    const r = await refusal(token);
    expect(r).toEqual({ message: "unauthorized", reason });
    const res = await http(server.url, "GET", "/api/rooms", typeof token === "string" ? token : undefined);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });

  it("disconnects a socket when its token expires, after a token_expired notice", async () => {
    const token = createSigner({ key: DEFAULT_SECRET, algorithm: "HS256" })(claims({ exp: now() + 2 }));
    const c = await connectClient(server.url, token);
    const notice = await waitFor(c, "notice", (n) => n.code === "token_expired", 5000);
    expect(notice.code).toBe("token_expired");
    await waitFor(c, "disconnect", () => true, 2000).catch(() => {});
    expect(c.connected).toBe(false);
  });

  it("never shows sub to others: author ids are opaque, stable handles", async () => {
    const a1 = await server.client({ sub: "integrator-user-42", name: "Sky" });
    const a2 = await server.client({ sub: "integrator-user-42", name: "Sky" });
    const staff = server.token({ sub: "s", role: "peer_specialist" });
    const room = await http(server.url, "POST", "/api/rooms", staff, {
      kind: "group",
      name: "G",
      visibility: "open",
    });
    const roomId = room.body.room.id;
    await call(a1, "room:join", { roomId });
    await call(a2, "room:join", { roomId });
    const m1 = await call(a1, "message:send", { roomId, clientId: "c1", body: "hello" });
    const m2 = await call(a2, "message:send", { roomId, clientId: "c2", body: "hello again" });
    expect(m1.message.author.id).toBe(m2.message.author.id);
    expect(JSON.stringify(m1)).not.toContain("integrator-user-42");
  });
});

describe("lenient where PROTOCOL.md allows it", () => {
  it("treats a token without role or name as a participant called Member", async () => {
    const token = createSigner({ key: DEFAULT_SECRET, algorithm: "HS256" })({
      sub: "bare",
      exp: now() + 600,
    });
    const c = await connectClient(server.url, token);
    const staff = server.token({ sub: "s", role: "peer_specialist" });
    const room = await http(server.url, "POST", "/api/rooms", staff, {
      kind: "group",
      name: "G",
      visibility: "open",
    });
    const joined = await call(c, "room:join", { roomId: room.body.room.id });
    expect(joined.me).toMatchObject({ name: "Member", role: "participant" });
    expect((await call(c, "mod:subscribe", {})).error.code).toBe("forbidden");
  });
});
