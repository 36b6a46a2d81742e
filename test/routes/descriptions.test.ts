/**
 * The API descriptions: every route and every event is described, and the documents pass the
 * official parsers (@readme/openapi-parser for OpenAPI 3.1, @asyncapi/parser for AsyncAPI 3).
 * Answers of real calls match the response schemas they are described with.
 */
import { Parser } from "@asyncapi/parser";
import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiPath } from "../../server/descriptions/openapi.ts";
import { API } from "../../server/routes/api-table.ts";
import { CLIENT_EVENTS, SERVER_EVENTS } from "../../shared/events.ts";
import { createRoom, http, startServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe("API descriptions", () => {
  it("describes every registered route, and no route that does not exist", () => {
    const described = new Set(API.map((r) => `${r.method} ${r.path}`));
    const registered = server.app.routes.filter(
      (r) =>
        r.method !== "HEAD" && r.method !== "OPTIONS" && !r.url.startsWith("/docs/") && r.url !== "/docs/",
    );
    for (const r of registered) expect(described, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url}`);
    const have = new Set(registered.map((r) => `${r.method} ${r.url}`));
    for (const r of API.filter((x) => !x.optional))
      expect(have, `${r.method} ${r.path}`).toContain(`${r.method} ${r.path}`);
  });

  it("serves an OpenAPI 3.1 document that the official parser validates", async () => {
    const r = await http(server.url, "GET", "/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(r.body));
    expect(result.valid, JSON.stringify("errors" in result ? result.errors : []).slice(0, 2000)).toBe(true);
    for (const route of API)
      expect(r.body.paths[openApiPath(route.path)]?.[route.method.toLowerCase()]).toBeDefined();
  });

  it("serves an AsyncAPI 3 document of every event, with payloads and acks, that the official parser validates", async () => {
    const r = await http(server.url, "GET", "/asyncapi.json");
    expect(r.status).toBe(200);
    const { document, diagnostics } = await new Parser().parse(r.body);
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((d) => `${d.path.join(".")}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
    const addresses = Object.values(r.body.channels as Record<string, { address: string | null }>).map(
      (c) => c.address,
    );
    for (const e of [...CLIENT_EVENTS, ...SERVER_EVENTS]) expect(addresses, e).toContain(e);
    const join = r.body.operations.room_join;
    expect(join.action).toBe("receive");
    expect(join.reply.channel.$ref).toBe("#/channels/room_join_ack");
    expect(r.body.channels.room_join.messages.room_join.payload.required).toContain("roomId");
  });

  it("answers real calls in the shapes it describes", async () => {
    const roomId = await createRoom(server);
    const admin = server.token({ sub: "admin", role: "admin" });
    const staff = server.token({ sub: "riley", role: "peer_specialist" });
    const calls: [string, string, string, unknown?][] = [
      ["GET", "/api/rooms", staff],
      ["GET", `/api/rooms/${roomId}/messages`, staff],
      ["POST", "/api/forum/threads", staff, { clientId: "d1", title: "Hello", body: "First post" }],
      ["GET", "/api/forum/threads", staff],
      ["GET", "/api/moderation/queue", staff],
      ["GET", "/api/cases", staff],
      ["GET", "/api/audit", admin],
      ["GET", "/api/audit/verify", admin],
      ["GET", "/api/webhooks/deliveries", admin],
      ["GET", "/healthz", ""],
      ["GET", "/readyz", ""],
    ];
    for (const [method, path, token, body] of calls) {
      const res = await http(server.url, method, path, token || undefined, body);
      const doc = API.find(
        (r) =>
          r.method === method &&
          new RegExp(`^${r.path.replace(/:\w+/g, "[^/]+")}$`).test(path.split("?")[0]!),
      )!;
      const schema = doc.responses[res.status] as z.ZodType;
      expect(schema, `${method} ${path} answered ${res.status}`).toBeDefined();
      const parsed = schema.safeParse(res.body);
      expect(parsed.success, `${method} ${path}: ${parsed.error?.message}`).toBe(true);
    }
    const bad = await http(server.url, "POST", "/api/rooms", staff, { kind: "nope" });
    expect(
      z.object({ error: z.object({ code: z.string(), message: z.string() }) }).safeParse(bad.body).success,
    ).toBe(true);
  });

  it("serves /docs (Swagger UI) from this server", async () => {
    const res = await fetch(`${server.url}/docs/`, { redirect: "follow" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("swagger");
  });
});
