/**
 * The widget as a participant lives in it (issue 16), in Chromium against the real server:
 * support that follows the author into the forum and across a reload, their own held message,
 * honest connection states, the launcher, the keyboard path to the message box, dates, the
 * report form's place, and a Spanish page. Everything is found by visible text and ARIA roles.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Client, call, createRoom, startServer, type TestServer } from "../helpers/server.ts";
import { browserUnavailable, type HostPage, launch, openWidget, startHostPage } from "./browser.ts";

const skip = browserUnavailable();
const TENANT = {
  id: "riverside",
  name: "Riverside Recovery",
  jwt: { alg: "HS256" as const, secret: "riverside-secret-0123456789" },
  crisisResources: {
    en: [{ name: "Riverside warmline", phone: "555-0142" }],
    es: [{ name: "Línea de apoyo Riverside", phone: "555-0143" }],
  },
};
/** A second tenant: its allowed origin is not Riverside's. */
const OTHER = { id: "harbor", jwt: { alg: "HS256" as const, secret: "harbor-secret-0123456789abcd" } };
const SHOTS = process.env.LANTERN_SCREENSHOTS ? "docs/screenshots" : null;
const OVERDOSE = "my friend overdosed and is not breathing";

describe.skipIf(skip)("the widget as a participant lives in it", () => {
  let dir: string;
  let server: TestServer;
  let host: HostPage;
  let stranger: HostPage;
  let harborSite: HostPage;
  let browser: Browser;
  let room: string;
  const contexts: BrowserContext[] = [];
  const sockets: Client[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lantern-person-"));
    const mint = (sub: string, name: string, ttl = 600) =>
      server.token({ sub, name, tenant: TENANT.id, ttl });
    host = await startHostPage({ lantern: () => server.url, mint });
    stranger = await startHostPage({ lantern: () => server.url, mint });
    harborSite = await startHostPage({ lantern: () => server.url, mint });
    server = await startServer({
      tenants: [
        { ...TENANT, allowedOrigins: [host.origin] },
        { ...OTHER, allowedOrigins: [harborSite.origin] },
      ],
      databasePath: join(dir, "lantern.db"),
    });
    room = await createRoom(server, { name: "Evening group", topic: "Tuesday check-in" }, TENANT.id);
    browser = await launch();
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await browser?.close();
    await server?.close();
    for (const h of [host, stranger, harborSite]) await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 520, height: 820 } });
    contexts.push(context);
    return context.newPage();
  }

  /** A participant with the widget open on the integrator's page. */
  async function participant(
    sub: string,
    name: string,
    q: { lang?: string; mode?: string; ttl?: string } = {},
  ) {
    const page = await newPage();
    await openWidget(page, host.url({ room, sub, name, ...q }));
    return ui(page);
  }

  /** The widget as a person sees it: roles and visible text inside its (open) shadow root. */
  function ui(page: Page) {
    const w = page.locator("lantern-chat");
    return {
      page,
      w,
      box: w.getByRole("textbox", { name: "Message" }),
      support: w.getByRole("region", { name: /not alone/ }),
      async send(text: string) {
        await this.box.fill(text);
        await this.box.press("Enter");
      },
    };
  }

  async function staffSocket(): Promise<Client> {
    const s = await server.client({
      sub: "staff-riley",
      name: "Riley",
      role: "peer_specialist",
      tenant: TENANT.id,
    });
    sockets.push(s);
    return s;
  }

  it("shows a chat crisis's resources on screen to the author only, emergency first for an overdose", async () => {
    const alex = await participant("u-alex", "Alex");
    const sam = await participant("u-sam", "Sam");
    await alex.send(OVERDOSE);
    await alex.support.waitFor();
    await expect.poll(() => alex.support.isVisible()).toBe(true);
    expect(await alex.support.boundingBox()).not.toBeNull();
    const links = await alex.support.getByRole("link").allTextContents();
    expect(links.slice(0, 3)).toEqual(["Call 911", "Call 1-800-222-1222", "Call 555-0142"]);
    // One obvious close, and large targets.
    const close = alex.support.getByRole("button", { name: "Close the support card" });
    const size = await close.boundingBox();
    expect(size!.height).toBeGreaterThanOrEqual(44);
    expect(
      (await alex.support.getByRole("link", { name: "Call 911" }).boundingBox())!.height,
    ).toBeGreaterThanOrEqual(44);
    // The room sees a neutral notice; the author does not read it about themselves.
    await sam.w.getByRole("status").getByText("A facilitator is helping a member of the group.").waitFor();
    expect(await alex.w.getByText("A facilitator is helping a member of the group.").count()).toBe(0);
    expect(await sam.support.count()).toBe(0);
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-support-overdose.png` });
  });

  it("shows a forum crisis's resources in the forum, to the author only", async () => {
    const alex = await participant("u-alex2", "Alex");
    const sam = await participant("u-sam2", "Sam");
    for (const p of [alex, sam]) await p.w.getByRole("tab", { name: "Forum" }).click();
    const forum = alex.w.getByRole("tabpanel", { name: "Forum" });
    await forum.getByRole("textbox", { name: "Topic title" }).fill("A hard night");
    await forum.getByRole("textbox", { name: "Topic text" }).fill("honestly I want to kill myself");
    await forum.getByRole("button", { name: "Post" }).click();
    await alex.support.waitFor();
    expect(await alex.support.isVisible()).toBe(true);
    expect(await alex.w.getByRole("tab", { name: "Forum" }).getAttribute("aria-selected")).toBe("true");
    await sam.w.getByRole("button", { name: /A hard night/ }).waitFor();
    expect(await sam.support.count()).toBe(0);
    // Asking for a person now is one tap, and says what happens next.
    await alex.support.getByRole("button", { name: "Ask for a peer specialist now" }).click();
    await alex.support.getByText("A peer specialist has been told you asked").waitFor();
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-support-forum.png` });
  });

  it("keeps the author's held message and its card across a reload, until a specialist decides", async () => {
    const dana = await participant("u-dana", "Dana");
    await dana.send("I took the whole bottle of pills just now");
    const mine = dana.w.getByRole("listitem").filter({ hasText: "whole bottle" });
    await mine.getByText("Waiting for a peer specialist").waitFor();
    await dana.support.waitFor();

    await dana.page.reload();
    await dana.page.locator("html[data-lantern-ready='1']").waitFor();
    await mine.getByText("Waiting for a peer specialist").waitFor();
    await dana.support.waitFor();
    expect(await dana.support.getByRole("link").first().textContent()).toBe("Call 911");
    if (SHOTS) await dana.page.screenshot({ path: `${SHOTS}/widget-held-after-reload.png` });

    // Closed stays closed for that case, across a reload.
    await dana.support.getByRole("button", { name: "Close the support card" }).click();
    await dana.support.waitFor({ state: "detached" });
    await dana.page.reload();
    await dana.page.locator("html[data-lantern-ready='1']").waitFor();
    await mine.getByText("Waiting for a peer specialist").waitFor();
    await dana.page.waitForTimeout(500);
    expect(await dana.support.count()).toBe(0);

    // Approved: it becomes a normal message in place.
    const staff = await staffSocket();
    const queue = await call(staff, "mod:subscribe", {});
    const held = queue.held.find((i: { message: { body: string } }) =>
      i.message.body.includes("whole bottle"),
    );
    expect((await call(staff, "mod:approve", { messageId: held.message.id })).ok).toBe(true);
    await expect.poll(() => mine.getByText("Waiting for a peer specialist").count()).toBe(0);
    expect(await mine.getByText("I took the whole bottle of pills just now").count()).toBe(1);

    // Rejected: replaced by a short explanation.
    await dana.send("I've been saving my pills so I can take them all tonight");
    const second = dana.w.getByRole("listitem").filter({ hasText: "saving my pills" });
    await second.getByText("Waiting for a peer specialist").waitFor();
    const again = await call(staff, "mod:subscribe", {});
    const id = again.held.find((i: { message: { body: string } }) =>
      i.message.body.includes("saving my pills"),
    ).message.id;
    expect((await call(staff, "mod:reject", { messageId: id, reason: "safety" })).ok).toBe(true);
    const explained = dana.w.getByRole("listitem").filter({ hasText: "didn't share it with the group" });
    await explained.waitFor();
    expect(await dana.w.getByText("saving my pills").count()).toBe(0);
  });

  it("tells a page on an origin no tenant allows, or one allowed only for another tenant, why it cannot chat", async () => {
    for (const [site, shot] of [
      [stranger, "widget-not-allowed.png"],
      [harborSite, null],
    ] as const) {
      const page = await newPage();
      const started = Date.now();
      await openWidget(page, site.url({ room, sub: "u-eve", name: "Eve" }), { wait: false });
      await ui(page).w.getByText("This site is not allowed to use this chat").waitFor({ timeout: 10_000 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await ui(page).w.getByText("Connection lost").count()).toBe(0);
      if (SHOTS && shot) await page.screenshot({ path: `${SHOTS}/${shot}` });
    }
  });

  it("says reconnecting with the attempt, offline when offline, and resets presence and typing after", async () => {
    const alex = await participant("u-alex3", "Alex");
    const sam = await server.client({ sub: "u-sam3", name: "Sam", tenant: TENANT.id });
    await call(sam, "room:join", { roomId: room });
    await alex.w.getByText(/Here now: .*Sam/).waitFor();
    sam.emit("typing", { roomId: room, typing: true });
    await alex.w.getByText("Sam is typing…").waitFor();

    await alex.page.context().setOffline(true);
    await alex.w.getByText("You're offline").waitFor({ timeout: 30_000 });
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-offline.png` });
    sam.disconnect();
    await alex.page.context().setOffline(false);
    await expect
      .poll(() => alex.w.getByText(/Here now/).textContent(), { timeout: 15_000 })
      .not.toContain("Sam");
    expect(await alex.w.getByText("Sam is typing…").count()).toBe(0);

    // The server going away: "reconnecting" with a count that climbs.
    const port = server.port;
    await server.close();
    await alex.w.getByText(/Reconnecting \(attempt \d+\)/).waitFor({ timeout: 15_000 });
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-reconnecting.png` });
    server = await startServer({
      tenants: [
        { ...TENANT, allowedOrigins: [host.origin] },
        { ...OTHER, allowedOrigins: [harborSite.origin] },
      ],
      databasePath: join(dir, "lantern.db"),
      port,
    });
    await expect.poll(() => alex.w.getByText(/Reconnecting/).count(), { timeout: 20_000 }).toBe(0);
  });

  it("says signed out when the token expires and the integrator's site gives no new one", async () => {
    const alex = await participant("u-alex4", "Alex", { ttl: "4" });
    host.refuseTokens(true);
    try {
      await alex.w.getByText("You're signed out of the chat").waitFor({ timeout: 15_000 });
      if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-signed-out.png` });
    } finally {
      host.refuseTokens(false);
    }
  });

  it("reaches the message box in at most 3 Tab presses, also in a room with history", async () => {
    const writer = await server.client({ sub: "u-writer", name: "Kim", tenant: TENANT.id });
    sockets.push(writer);
    await call(writer, "room:join", { roomId: room });
    for (let i = 0; i < 12; i++)
      await call(writer, "message:send", { roomId: room, clientId: `hist-${i}`, body: `history line ${i}` });
    const alex = await participant("u-alex5", "Alex");
    await alex.w.getByText("history line 11").waitFor();
    /** What has the keyboard focus, as a screen reader would name it. */
    const focused = () =>
      alex.page.evaluate(() => {
        const el = document.querySelector("lantern-chat")?.shadowRoot?.activeElement as HTMLElement | null;
        return el?.getAttribute("aria-label") ?? el?.textContent ?? "";
      });
    let tabs = 0;
    while (tabs < 3 && (await focused()) !== "Message") {
      await alex.page.keyboard.press("Tab");
      tabs += 1;
      // A person who hears "Skip to message box, link" presses Enter.
      if ((await focused()) === "Skip to message box") await alex.page.keyboard.press("Enter");
    }
    expect(await focused()).toBe("Message");
    expect(tabs).toBeLessThanOrEqual(3);
  });

  it("shows the date on messages from another day, the full date on hover", async () => {
    const writer = await server.client({ sub: "u-old", name: "Lee", tenant: TENANT.id });
    sockets.push(writer);
    await call(writer, "room:join", { roomId: room });
    const sent = await call(writer, "message:send", {
      roomId: room,
      clientId: "old-1",
      body: "from last week",
    });
    const then = new Date(Date.now() - 6 * 86_400_000);
    then.setUTCHours(9, 30, 0, 0);
    const db = new Database(join(dir, "lantern.db"));
    db.prepare("UPDATE messages SET created_at = ? WHERE id = ?").run(then.toISOString(), sent.message.id);
    db.close();
    const alex = await participant("u-alex6", "Alex");
    const item = alex.w.getByRole("listitem").filter({ hasText: "from last week" });
    const stamp = item.locator("time");
    await stamp.waitFor();
    const day = then.toLocaleDateString("en-US", { month: "short", day: "numeric" });
    expect(await stamp.textContent()).toContain(day);
    expect(await stamp.getAttribute("title")).toContain(String(then.getFullYear()));
    expect(await stamp.getAttribute("title")).toContain(
      then.toLocaleDateString("en-US", { weekday: "long" }),
    );
  });

  it("opens the report form below the message it reports, not over it", async () => {
    const writer = await server.client({ sub: "u-rep", name: "Rae", tenant: TENANT.id });
    sockets.push(writer);
    await call(writer, "room:join", { roomId: room });
    await call(writer, "message:send", { roomId: room, clientId: "rep-1", body: "a message to report" });
    const alex = await participant("u-alex7", "Alex");
    const item = alex.w.getByRole("listitem").filter({ hasText: "a message to report" });
    await item.hover();
    await item.getByRole("button", { name: "Report" }).click();
    const reason = item.getByRole("textbox", { name: "What's wrong? (optional)" });
    await reason.waitFor();
    const body = await item.getByText("a message to report", { exact: true }).boundingBox();
    const form = await reason.boundingBox();
    expect(form!.y).toBeGreaterThanOrEqual(body!.y + body!.height);
  });

  it("offers a launcher with an unread count that opens the chat", async () => {
    const alex = await participant("u-alex8", "Alex", { mode: "launcher" });
    const launcher = alex.w.getByRole("button", { name: /Open chat/ });
    await launcher.waitFor();
    expect(await alex.box.isVisible()).toBe(false);
    const writer = await server.client({ sub: "u-ping", name: "Pat", tenant: TENANT.id });
    sockets.push(writer);
    await call(writer, "room:join", { roomId: room });
    await call(writer, "message:send", { roomId: room, clientId: "ping-1", body: "anyone around tonight?" });
    await alex.w.getByRole("button", { name: "Open chat, 1 unread message" }).waitFor();
    if (SHOTS) await alex.page.screenshot({ path: `${SHOTS}/widget-launcher.png` });
    await launcher.click();
    await alex.w.getByRole("listitem").filter({ hasText: "anyone around tonight?" }).waitFor();
    await expect
      .poll(() => alex.box.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await alex.w.getByRole("button", { name: "Close chat" }).first().waitFor();
  });

  it("speaks Spanish on a Spanish page, with the tenant's Spanish resources", async () => {
    const ana = await participant("u-ana", "Ana", { lang: "es" });
    const w = ana.w;
    await w.getByRole("tab", { name: "Foro" }).waitFor();
    const box = w.getByRole("textbox", { name: "Mensaje" });
    expect(await box.getAttribute("placeholder")).toBe("Escribe un mensaje…");
    await box.fill("quiero matarme");
    await box.press("Enter");
    const card = w.getByRole("region", { name: /No estás solo/ });
    await card.waitFor();
    await card.getByText("Línea de apoyo Riverside").waitFor();
    await card.getByRole("button", { name: "Pedir un especialista de apoyo ahora" }).waitFor();
    await card.getByText(/Parece que las cosas están muy pesadas/).waitFor();
    if (SHOTS) await ana.page.screenshot({ path: `${SHOTS}/widget-spanish.png` });
  });
});
