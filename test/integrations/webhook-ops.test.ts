/**
 * Webhook operations and the case subject, as an integrator meets them: a case webhook names
 * the person by the integrator's own `sub`, participants never see it, staff see it only through
 * the audited "show identity"; deliveries are listed, redelivered and pinged, every one verified
 * by the Node and Python examples of docs/webhooks.md against the server's real signatures.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createRoom, http, startServer, type TestServer } from "../helpers/server.ts";
import { type Received, receiver, until } from "./hooks.ts";

const SECRET = "new-webhook-secret-0123456789abcdef";
const PREVIOUS = "old-webhook-secret-0123456789abcdef";
const SUB = "patient-88121";
const doc = readFileSync(new URL("../../docs/webhooks.md", import.meta.url), "utf8");
const block = (lang: string) => new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(doc)![1]!;
const hasPython = spawnSync("python3", ["--version"]).status === 0;

let server: TestServer;
let hook: Awaited<ReturnType<typeof receiver>>;
let verifyNode: (raw: string, header: string, secret: string) => boolean;

/** The docs' Python example, run by python3 on one delivery and one secret. */
function verifyPython(d: Received, secret: string): boolean {
  const file = join(server.dir, "verify.py");
  writeFileSync(
    file,
    `${block("python")}\nimport sys\nprint(verify_lantern(open(sys.argv[1], "rb").read(), sys.argv[2], sys.argv[3]))\n`,
  );
  const body = join(server.dir, "body.json");
  writeFileSync(body, d.raw);
  const r = spawnSync("python3", [file, body, d.signature, secret], { encoding: "utf8" });
  return r.stdout.trim() === "True";
}

/** Verified with both secrets by both examples, refused with a wrong secret or a changed body. */
function expectVerified(d: Received) {
  expect(verifyNode(d.raw, d.signature, SECRET)).toBe(true);
  expect(verifyNode(d.raw, d.signature, PREVIOUS)).toBe(true);
  expect(verifyNode(d.raw, d.signature, "some-other-secret-0123456789")).toBe(false);
  expect(verifyNode(`${d.raw} `, d.signature, SECRET)).toBe(false);
  if (hasPython) {
    expect(verifyPython(d, SECRET)).toBe(true);
    expect(verifyPython(d, PREVIOUS)).toBe(true);
    expect(verifyPython(d, "some-other-secret-0123456789")).toBe(false);
  }
}

beforeAll(async () => {
  hook = await receiver();
  server = await startServer({
    env: { LANTERN_WEBHOOK_INTERVAL_MS: "20", LANTERN_WEBHOOK_BACKOFF_MS: "20" },
    tenants: [
      {
        id: "hooked",
        jwt: { alg: "HS256", secret: "hooked-secret-0123456789" },
        webhook: { url: hook.url, secret: SECRET, previousSecret: PREVIOUS },
        caseSubjectUrl: "https://portal.acme.example/patients/{sub}",
      },
    ],
  });
  const file = join(server.dir, "verify.mjs");
  writeFileSync(file, block("js"));
  verifyNode = (await import(file)).verifyLantern;
});
afterAll(async () => {
  await server?.close();
  await hook?.close();
});

const admin = () => server.token({ sub: "admin-1", role: "admin", tenant: "hooked" });

describe("case subject and webhook operations", () => {
  let caseId = "";
  let openedId = "";

  it("a case webhook carries subject.sub; the participant's payloads never do", async () => {
    const roomId = await createRoom(server, {}, "hooked");
    const p = await server.client({ sub: SUB, tenant: "hooked", name: "Sky" });
    const seen: unknown[] = [];
    p.onAny((event, ...args) => seen.push(event, args));
    seen.push(await call(p, "room:join", { roomId }));
    seen.push(
      await call(p, "message:send", { roomId, clientId: "c1", body: "i took the whole bottle just now" }),
    );
    const opened = await until(() => hook.deliveries.find((d) => JSON.parse(d.raw).type === "case.opened"));
    const event = JSON.parse(opened.raw);
    expect(event.data.subject).toEqual({ handle: expect.stringMatching(/^u_/), sub: SUB });
    expectVerified(opened);
    caseId = event.data.id;
    openedId = opened.id;
    expect(JSON.stringify(seen)).not.toContain(SUB);
  });

  it("staff see the sub only through the audited show-identity action, with the record link", async () => {
    const staff = await server.client({ sub: "riley", tenant: "hooked", role: "peer_specialist" });
    const queue = await call(staff, "mod:subscribe", {});
    expect(JSON.stringify(queue)).not.toContain(SUB);
    const shown = await call(staff, "case:identity", { caseId });
    expect(shown).toEqual({
      ok: true,
      subject: {
        handle: expect.stringMatching(/^u_/),
        name: "Sky",
        sub: SUB,
        url: `https://portal.acme.example/patients/${SUB}`,
      },
    });
    const viaHttp = await http(server.url, "POST", `/api/cases/${caseId}/identity`, admin());
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.body.subject.sub).toBe(SUB);
    const audit = await http(server.url, "GET", "/api/audit?limit=500", admin());
    const shownRows = audit.body.entries.filter(
      (e: { action: string }) => e.action === "case.identity_shown",
    );
    expect(shownRows).toHaveLength(2);
    expect(JSON.stringify(audit.body)).not.toContain(SUB);
  });

  it("refuses show-identity to participants, for unknown or other tenants' cases, and bad payloads", async () => {
    const p = await server.client({ sub: "someone", tenant: "hooked" });
    expect((await call(p, "case:identity", { caseId })).error.code).toBe("forbidden");
    const staff = await server.client({ sub: "riley", tenant: "hooked", role: "peer_specialist" });
    expect((await call(staff, "case:identity", { caseId: "c_nope" })).error.code).toBe("not_found");
    expect((await call(staff, "case:identity", { caseId: 5 })).error.code).toBe("invalid");
    expect((await call(staff, "case:identity", { caseId, extra: 1 })).error.code).toBe("invalid");
    const other = await server.client({ sub: "riley", tenant: "acme", role: "admin" });
    expect((await call(other, "case:identity", { caseId })).error.code).toBe("not_found");
    const clinician = await server.client({ sub: "dr", tenant: "hooked", role: "clinician" });
    expect((await call(clinician, "case:identity", { caseId })).error.code).toBe("not_found");
    const huge = await http(server.url, "POST", `/api/cases/${"x".repeat(100)}/identity`, admin());
    expect(huge.body.error.code).toBe("invalid");
  });

  it("lists deliveries with status, attempts and the last HTTP status", async () => {
    const r = await http(server.url, "GET", "/api/webhooks/deliveries", admin());
    expect(r.status).toBe(200);
    expect(r.body.deliveries[0]).toMatchObject({
      id: openedId,
      type: "case.opened",
      status: "delivered",
      attempts: 1,
      lastStatus: 204,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(JSON.stringify(r.body)).not.toContain(SUB);
  });

  it("redelivers the same event, signed afresh", async () => {
    const before = hook.deliveries.length;
    const r = await http(server.url, "POST", `/api/webhooks/deliveries/${openedId}/redeliver`, admin());
    expect(r.status).toBe(202);
    expect(r.body.delivery).toMatchObject({ id: openedId, status: "pending" });
    const again = await until(() => hook.deliveries.slice(before).find((d) => d.id === openedId));
    expect(again.raw).toBe(hook.deliveries.find((d) => d.id === openedId)!.raw);
    expectVerified(again);
  });

  it("sends a signed ping, and records a receiver's refusal", async () => {
    const first = await http(server.url, "POST", "/api/webhooks/test", admin());
    expect(first.status).toBe(202);
    const ping = await until(() => hook.deliveries.find((d) => d.id === first.body.delivery.id));
    expect(JSON.parse(ping.raw)).toMatchObject({ id: ping.id, type: "ping", tenant: "hooked", data: {} });
    expectVerified(ping);

    hook.deliveries.length = 0;
    const refusing = await receiver(() => 500);
    const orig = hook;
    try {
      // The same server, the tenant's receiver now refusing: the record shows why.
      (server.app.ctx.config.tenants.get("hooked")!.webhook as { url: string }).url = refusing.url;
      const second = await http(server.url, "POST", "/api/webhooks/test", admin());
      const failed = await until(async () => {
        const list = await http(server.url, "GET", "/api/webhooks/deliveries?limit=5", admin());
        const d = list.body.deliveries.find((x: { id: string }) => x.id === second.body.delivery.id);
        return d?.attempts >= 1 ? d : undefined;
      });
      expect(failed).toMatchObject({
        type: "ping",
        status: "pending",
        lastStatus: 500,
        lastError: "HTTP 500",
      });
      expect(failed.nextAttemptAt).toEqual(expect.any(String));
    } finally {
      (server.app.ctx.config.tenants.get("hooked")!.webhook as { url: string }).url = orig.url;
      await refusing.close();
    }
  });

  it("refuses bad input on the delivery routes and changes nothing", async () => {
    const list = async () =>
      (await http(server.url, "GET", "/api/webhooks/deliveries?limit=200", admin())).body;
    const before = JSON.stringify((await list()).deliveries.map((d: { id: string }) => d.id));
    const participant = server.token({ sub: "p", tenant: "hooked" });
    const staff = server.token({ sub: "riley", tenant: "hooked", role: "peer_specialist" });
    expect((await http(server.url, "GET", "/api/webhooks/deliveries", participant)).status).toBe(403);
    expect((await http(server.url, "GET", "/api/webhooks/deliveries", staff)).status).toBe(403);
    expect((await http(server.url, "GET", "/api/webhooks/deliveries")).status).toBe(401);
    for (const q of ["limit=abc", "limit=0", "limit=100000", `before=${"x".repeat(100)}`, "other=1"])
      expect(
        (await http(server.url, "GET", `/api/webhooks/deliveries?${q}`, admin())).body.error.code,
        q,
      ).toBe("invalid");
    expect(
      (await http(server.url, "POST", "/api/webhooks/deliveries/evt_nope/redeliver", admin())).status,
    ).toBe(404);
    const otherAdmin = server.token({ sub: "a", tenant: "acme", role: "admin" });
    expect(
      (await http(server.url, "POST", `/api/webhooks/deliveries/${openedId}/redeliver`, otherAdmin)).status,
    ).toBe(404);
    expect((await http(server.url, "GET", "/api/webhooks/deliveries", otherAdmin)).body.deliveries).toEqual(
      [],
    );
    expect((await http(server.url, "POST", "/api/webhooks/test", otherAdmin)).body.error.code).toBe(
      "conflict",
    );
    expect((await http(server.url, "POST", "/api/webhooks/test", participant)).status).toBe(403);
    const big = await http(server.url, "POST", "/api/webhooks/test", admin(), { junk: "x".repeat(200_000) });
    expect(big.body.error.code).toBe("invalid");
    const after = JSON.stringify((await list()).deliveries.map((d: { id: string }) => d.id));
    expect(after).toBe(before);
  });
});
