/**
 * The widget as participants use it: embedded in an integrator's page on an allowed origin,
 * two people in two browser contexts, against the real server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, createRoom, startServer, type TestServer } from "../helpers/server.ts";
import { browserUnavailable, type HostPage, launch, openWidget, startHostPage, widget } from "./browser.ts";

const skip = browserUnavailable();
const TENANT = {
  id: "riverside",
  name: "Riverside Recovery",
  jwt: { alg: "HS256" as const, secret: "riverside-secret-0123456789" },
};
const SHOTS = process.env.LANTERN_SCREENSHOTS ? "docs/screenshots" : null;

describe.skipIf(skip)("widget in Chromium", () => {
  let dir: string;
  let server: TestServer;
  let host: HostPage;
  let stranger: HostPage;
  let browser: Browser;
  let room: string;
  const contexts: BrowserContext[] = [];

  const boot = (port?: number) =>
    startServer({
      tenants: [{ ...TENANT, allowedOrigins: [host.origin] }],
      databasePath: join(dir, "lantern.db"),
      port,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lantern-e2e-"));
    const mint = (sub: string, name: string, ttl = 600) =>
      server.token({ sub, name, tenant: TENANT.id, ttl });
    host = await startHostPage({ lantern: () => server.url, mint });
    stranger = await startHostPage({ lantern: () => server.url, mint });
    server = await boot();
    room = await createRoom(server, { name: "Evening group", topic: "Tuesday check-in" }, TENANT.id);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await host?.close();
    await stranger?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  /** A participant in a fresh browser context (own storage, own cookies) with the widget open. */
  async function participant(
    sub: string,
    name: string,
    ttl?: string,
  ): Promise<{ page: Page; w: ReturnType<typeof widget>; dialogs: string[] }> {
    const context = await browser.newContext({ viewport: { width: 520, height: 760 } });
    contexts.push(context);
    const p = await context.newPage();
    const dialogs: string[] = [];
    p.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openWidget(p, host.url({ room, sub, name, ...(ttl ? { ttl } : {}) }));
    return { page: p, w: widget(p), dialogs };
  }

  it("lets two participants chat, with names, presence and the group agreement", async () => {
    const alex = await participant("u-alex", "Alex");
    const sam = await participant("u-sam", "Sam");
    await expect.poll(() => alex.w.root.locator(".presence").textContent()).toContain("Sam");
    await expect.poll(() => alex.w.root.locator(".agreement li").count()).toBeGreaterThan(0);

    await alex.w.send("Hi everyone, day 12 today");
    await sam.w.message("Hi everyone, day 12 today").waitFor();
    await expect.poll(() => sam.w.message("day 12").locator(".who").textContent()).toBe("Alex");
    await expect.poll(() => sam.w.live.textContent()).toContain("Alex: Hi everyone, day 12 today");

    await sam.w.send("Proud of you, Alex");
    await alex.w.message("Proud of you, Alex").waitFor();
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-chat.png` });
  });

  it("renders markup and javascript: links as inert text", async () => {
    const alex = await participant("u-alex", "Alex");
    const sam = await participant("u-sam", "Sam");
    const evil = "look <img src=x onerror=alert(1)> and [here](javascript:alert(2)) javascript:alert(3)";
    await sam.w.send(evil);
    const shown = alex.w.message("onerror=alert(1)");
    await shown.waitFor();
    expect(await shown.locator(".body").textContent()).toBe(evil);
    expect(await alex.w.root.locator("ol.messages img, ol.messages a").count()).toBe(0);
    expect(await sam.w.root.locator("ol.messages img, ol.messages a").count()).toBe(0);
    expect([...alex.dialogs, ...sam.dialogs]).toEqual([]);
  });

  it("shows a phone number redacted to the others, and tells the author kindly", async () => {
    const alex = await participant("u-alex", "Alex");
    const sam = await participant("u-sam", "Sam");
    await alex.w.send("You can text me at 415-555-0134 after group");
    const seen = sam.w.message("after group");
    await seen.waitFor();
    expect(await seen.textContent()).not.toContain("415-555-0134");
    const mine = alex.w.message("after group");
    await expect.poll(() => mine.locator(".note").textContent()).toContain("phone number");
    expect(await mine.locator(".body").textContent()).not.toContain("415-555-0134");
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-redacted.png` });
  });

  it("shows the support card to the author of a crisis message only", async () => {
    const alex = await participant("u-alex", "Alex");
    const sam = await participant("u-sam", "Sam");
    await alex.w.send("honestly I want to kill myself");
    await alex.w.support.waitFor();
    const call988 = alex.w.support.locator("a[href^='tel:']").first();
    expect(await call988.getAttribute("href")).toMatch(/^tel:[0-9+*#]+$/);
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-support.png` });
    // Sam gets the message (level 2 is delivered), never the card.
    await sam.w.stored("want to kill myself").waitFor();
    expect(await sam.w.support.count()).toBe(0);
  });

  it("reconnects after a server restart and shows what was sent meanwhile exactly once", async () => {
    const alex = await participant("u-alex", "Alex");
    await alex.w.send("before the restart");
    await alex.w.stored("before the restart").waitFor();

    const port = server.port;
    // Keep the browser off the network until the others have spoken, so that what they said
    // can only reach Alex through the catch-up (`room:join` with `afterSeq`), not live.
    await alex.page.context().setOffline(true);
    await server.close();
    await expect.poll(() => alex.w.status.getAttribute("data-state")).toMatch(/offline|connecting/);
    // Written while offline: waits in the outbox and goes out once, with its clientId.
    await alex.w.send("written while offline");

    server = await boot(port);
    const sam = await server.client({ sub: "u-sam", name: "Sam", tenant: TENANT.id });
    expect((await call(sam, "room:join", { roomId: room })).ok).toBe(true);
    for (const n of [1, 2, 3]) {
      const res = await call(sam, "message:send", {
        roomId: room,
        clientId: `meanwhile-${n}`,
        body: `meanwhile ${n}`,
      });
      expect(res.ok).toBe(true);
    }
    expect(await alex.w.message("meanwhile").count()).toBe(0);
    await alex.page.context().setOffline(false);
    for (const n of [1, 2, 3]) await alex.w.message(`meanwhile ${n}`).waitFor({ timeout: 15_000 });
    await alex.w.stored("written while offline").waitFor({ timeout: 15_000 });
    await alex.page.waitForTimeout(500);
    for (const text of [
      "before the restart",
      "meanwhile 1",
      "meanwhile 2",
      "meanwhile 3",
      "written while offline",
    ]) {
      expect(await alex.w.message(text).count(), text).toBe(1);
    }
    const history = await call(sam, "room:history", { roomId: room, limit: 200 });
    expect(history.messages.filter((m: { body: string }) => m.body === "written while offline")).toHaveLength(
      1,
    );
    sam.disconnect();
  });

  it("shows the forum live: a new topic, then a reply on its page", async () => {
    const alex = await participant("u-alex", "Alex");
    const sam = await participant("u-sam", "Sam");
    for (const p of [alex, sam]) await p.w.root.getByRole("tab", { name: "Forum" }).click();
    const forum = (w: typeof alex.w) => w.root.getByRole("tabpanel", { name: "Forum" });

    await forum(alex.w).getByRole("textbox", { name: "Topic title" }).fill("Getting through Saturdays");
    await forum(alex.w)
      .getByRole("textbox", { name: "Topic text" })
      .fill("What helps you when the weekend drags?");
    await forum(alex.w).getByRole("button", { name: "Post" }).click();

    const topic = forum(sam.w).getByRole("button", { name: /Getting through Saturdays/ });
    await topic.waitFor();
    await forum(alex.w)
      .getByRole("button", { name: /Getting through Saturdays/ })
      .click();
    await topic.click();
    await forum(sam.w).getByText("What helps you when the weekend drags?").waitFor();
    await forum(sam.w)
      .getByRole("textbox", { name: "Your reply" })
      .fill("A morning walk and a meeting at noon");
    await forum(sam.w).getByRole("button", { name: "Reply" }).click();
    await forum(alex.w).getByText("A morning walk and a meeting at noon").waitFor();
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-forum.png` });
  });

  it("swaps a short-lived token for a fresh one before it expires, and stays usable", async () => {
    const minted = host.tokensMinted();
    const alex = await participant("u-alex", "Alex", "8");
    // An 8 s token is replaced 2 s before expiry; by 12 s at least two fresh ones were asked for.
    await expect
      .poll(() => host.tokensMinted() - minted, { timeout: 15_000, interval: 500 })
      .toBeGreaterThanOrEqual(3);
    expect(await alex.w.status.getAttribute("data-state")).toBe("online");
    await alex.w.send("still here after the token changed");
    await alex.w.stored("still here after the token changed").waitFor();
  });

  it("works from the keyboard alone: send, react, report and mute for oneself", async () => {
    const alex = await participant("u-alex", "Alex");
    const sam = await participant("u-sam", "Sam");
    await sam.w.send("keyboard check from Sam");
    await alex.w.stored("keyboard check from Sam").waitFor();
    const focusedKey = () =>
      alex.page.evaluate(() => {
        const el = document.querySelector("lantern-chat")?.shadowRoot?.activeElement as HTMLElement | null;
        const li = el?.closest("li");
        return `${li?.textContent?.includes("keyboard check from Sam") ? "sam:" : ""}${el?.dataset.key ?? el?.tagName ?? ""}`;
      });
    const tabTo = async (key: string) => {
      for (let i = 0; i < 80 && (await focusedKey()) !== key; i++) await alex.page.keyboard.press("Tab");
      expect(await focusedKey()).toBe(key);
    };
    await alex.page.locator("body").click({ position: { x: 5, y: 5 } });
    await tabTo("sam:react");
    await alex.page.keyboard.press("Enter");
    expect(await focusedKey()).toBe("sam:p❤️");
    await alex.page.keyboard.press("Enter");
    await expect
      .poll(() => sam.w.stored("keyboard check from Sam").locator(".reaction").textContent())
      .toBe("❤️ 1");

    await tabTo("sam:report");
    await alex.page.keyboard.press("Enter");
    await alex.page.keyboard.type("not kind");
    await alex.page.keyboard.press("Enter");
    await expect
      .poll(() => alex.w.stored("keyboard check from Sam").locator(".note").textContent())
      .toContain("Thank you");

    await tabTo("sam:mute");
    await alex.page.keyboard.press("Enter");
    await alex.w.root.locator(".muted-msg", { hasText: "Sam" }).first().waitFor();
    expect(await alex.w.messages.filter({ hasText: "keyboard check from Sam" }).count()).toBe(0);
    // Muting is Alex's own choice, kept across reloads, and changes nothing for Sam.
    await alex.page.reload();
    await alex.page.locator("html[data-lantern-ready='1']").waitFor();
    await alex.w.root.locator(".muted-msg", { hasText: "Sam" }).first().waitFor();
    expect(await sam.w.stored("keyboard check from Sam").count()).toBe(1);
  });

  it("cannot connect from a page on an origin the tenant does not allow", async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await openWidget(page, stranger.url({ room, sub: "u-eve", name: "Eve" }), { wait: false });
    const w = widget(page);
    await page.waitForTimeout(3000);
    expect(await page.locator("html[data-lantern-ready]").count()).toBe(0);
    expect(await w.status.getAttribute("data-state")).not.toBe("online");
    expect(await w.messages.count()).toBe(0);
    // Nor may its scripts read the API.
    const api = await page.evaluate(async (url) => {
      try {
        return (await fetch(`${url}/api/rooms`)).status;
      } catch {
        return "blocked";
      }
    }, server.url);
    expect(api).toBe("blocked");
  });
});
