/**
 * Types generated from /openapi.json by openapi-typescript (docs/openapi.d.ts) describe the
 * real API: the committed file is what a running server's document generates, the calls below
 * type-check against it (tsc runs over test/), and `@ts-expect-error` proves that a wrong
 * field or a wrong type is refused, so the types are precise, not `unknown`.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths } from "../../docs/openapi.d.ts";
import { apiTypes } from "../../scripts/api-types.ts";
import { createRoom, startServer, type TestServer } from "../helpers/server.ts";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type Op<P extends keyof paths, M extends "get" | "post"> = NonNullable<paths[P][M]>;
type BodyOf<P extends keyof paths, M extends "get" | "post"> =
  Op<P, M> extends {
    requestBody?: infer R;
  }
    ? Json<NonNullable<R>>
    : never;
type QueryOf<P extends keyof paths, M extends "get" | "post"> =
  Op<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? Q
    : never;
type Answer<P extends keyof paths, M extends "get" | "post", S extends number> =
  Op<P, M> extends {
    responses: infer R;
  }
    ? S extends keyof R
      ? Json<R[S]>
      : never
    : never;

let server: TestServer;

/** A fetch typed by the generated `paths`: the body and query a route takes, the answer it gives. */
async function api<P extends keyof paths, M extends "get" | "post", S extends number>(
  method: M,
  path: P,
  status: S,
  opts: { path?: Record<string, string>; query?: QueryOf<P, M>; body?: BodyOf<P, M>; token: string },
): Promise<Answer<P, M, S>> {
  let url = String(path).replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(opts.path?.[k] ?? ""));
  if (opts.query) url += `?${new URLSearchParams(opts.query as Record<string, string>)}`;
  const res = await fetch(server.url + url, {
    method: method.toUpperCase(),
    headers: {
      authorization: `Bearer ${opts.token}`,
      ...(opts.body ? { "content-type": "application/json" } : {}),
    },
    body: opts.body ? JSON.stringify(opts.body) : undefined,
  });
  expect(res.status, `${method} ${url}`).toBe(status);
  return (await res.json()) as Answer<P, M, S>;
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe("types generated from /openapi.json", () => {
  it("are the committed docs/openapi.d.ts", async () => {
    const doc = await (await fetch(`${server.url}/openapi.json`)).json();
    const committed = readFileSync(new URL("../../docs/openapi.d.ts", import.meta.url), "utf8");
    expect(await apiTypes(doc)).toBe(committed);
  });

  it("type the tests' calls, and refuse wrong fields and types", async () => {
    const staff = server.token({ sub: "riley", role: "peer_specialist", name: "Riley" });
    const admin = server.token({ sub: "admin", role: "admin" });
    const roomId = await createRoom(server);

    const posted = await api("post", "/api/forum/threads", 201, {
      token: staff,
      body: { clientId: "typed-1", title: "Typed", body: "A typed post" },
    });
    const title: string = posted.thread.title;
    expect(title).toBe("Typed");
    expect(posted.moderation.action).toBe("allow");
    // @ts-expect-error a Thread has no `subject`
    void posted.thread.subject;
    // @ts-expect-error `replyCount` is a number
    const wrong: string = posted.thread.replyCount;
    void wrong;

    const history = await api("get", "/api/rooms/{id}/messages", 200, {
      token: staff,
      path: { id: roomId },
      query: { limit: 10 },
    });
    expect(history.hasMore).toBe(false);
    const seqs: (number | null)[] = history.messages.map((m) => m.seq);
    expect(seqs).toEqual([]);

    const exported = await api("post", "/api/users/export", 200, { token: admin, body: { sub: "riley" } });
    expect(exported.user.name).toBe("Riley");
    expect(exported.notice).toMatch(/42 CFR/);

    const refuse = async () => {
      // @ts-expect-error the body of /api/users/export is { sub }, not { user }
      await api("post", "/api/users/export", 400, { token: admin, body: { user: "riley" } });
      // @ts-expect-error `sub` is a string
      await api("post", "/api/users/export", 400, { token: admin, body: { sub: 5 } });
      const party = { kind: "party", name: "x", visibility: "open" } as const;
      // @ts-expect-error a room kind is one of group, social, buddy
      await api("post", "/api/rooms", 400, { token: staff, body: party });
      // @ts-expect-error no such route
      await api("get", "/api/nowhere", 404, { token: staff });
    };
    await refuse();
  });
});
