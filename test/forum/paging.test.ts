import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, http, startServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { LANTERN_SENDS_PER_WINDOW: "1000" } });
});
afterAll(() => server.close());

type Page = { threads: { id: string; replyCount: number }[]; nextCursor: string | null };

/**
 * The guarantee of server/forum/browse.ts: a walk that starts without a cursor lists every
 * thread that was live at its first page exactly once, in activity order as of that page, even
 * while threads are created and bumped between page requests.
 */
describe("GET /api/forum/threads cursor paging", () => {
  it("skips and repeats nothing while threads are posted and bumped between page requests", async () => {
    const c = await server.client({ sub: "pager" });
    const token = server.token({ sub: "pager" });
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await call(c, "forum:post", {
        clientId: `seed-${i}`,
        title: `Thread ${i}`,
        body: `body ${i}`,
      });
      ids.push(r.thread.id);
    }
    // newest activity first: thread 24 .. 0
    const expected = [...ids].reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const q: string = cursor ? `?limit=4&cursor=${encodeURIComponent(cursor)}` : "?limit=4";
      const res = await http(server.url, "GET", `/api/forum/threads${q}`, token);
      expect(res.status).toBe(200);
      const page = res.body as Page;
      seen.push(...page.threads.map((t) => t.id));
      cursor = page.nextCursor;
      // Between pages: bump a thread not yet listed, a thread already listed, and post new threads.
      const unseen = expected.filter((id) => !seen.includes(id));
      if (unseen.length) {
        const target = unseen[unseen.length - 1]!;
        await call(c, "forum:reply", { threadId: target, clientId: `bump-u-${round}`, body: "bump" });
      }
      await call(c, "forum:reply", { threadId: seen[0]!, clientId: `bump-s-${round}`, body: "bump" });
      await http(server.url, "POST", "/api/forum/threads", token, {
        clientId: `late-${round}`,
        title: `Late ${round}`,
        body: "arrived mid-walk",
      });
      round++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);

    // A fresh walk sees the new order: the most recent activity first, and the late threads.
    const fresh = (await http(server.url, "GET", "/api/forum/threads?limit=100", token)).body as Page;
    expect(fresh.threads).toHaveLength(25 + round);
    expect(fresh.nextCursor).toBeNull();
  });

  it("pages a thread's replies oldest first, new replies only ever at the end", async () => {
    const c = await server.client({ sub: "reply-pager" });
    const token = server.token({ sub: "reply-pager" });
    const t = (await call(c, "forum:post", { clientId: "rp", title: "Many replies", body: "go" })).thread;
    for (let i = 0; i < 7; i++)
      await call(c, "forum:reply", { threadId: t.id, clientId: `rp-${i}`, body: `r${i}` });
    const bodies: string[] = [];
    let cursor: string | null = null;
    let i = 7;
    do {
      const q: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : "?limit=3";
      const res = await http(server.url, "GET", `/api/forum/threads/${t.id}${q}`, token);
      bodies.push(...res.body.replies.map((r: { body: string }) => r.body));
      cursor = res.body.nextCursor;
      if (i < 9) await call(c, "forum:reply", { threadId: t.id, clientId: `rp-${i}`, body: `r${i++}` });
    } while (cursor);
    expect(bodies).toEqual(Array.from({ length: 9 }, (_, k) => `r${k}`));
  });

  it("refuses a bad cursor, limit or tag with invalid", async () => {
    const token = server.token({ sub: "pager" });
    for (const q of ["?cursor=%%%", "?cursor=bm9wZQ", "?limit=0", "?limit=101", "?tag=gossip"]) {
      const res = await http(server.url, "GET", `/api/forum/threads${q}`, token);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("invalid");
    }
  });
});
