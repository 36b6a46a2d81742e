/**
 * The peer specialist console as a specialist uses it, beside participants' widgets: approving
 * a held message, and watching a case count down and escalate, live, against the real server.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRoom, startServer, type TestServer } from "../helpers/server.ts";
import { browserUnavailable, type HostPage, launch, openWidget, startHostPage, widget } from "./browser.ts";

const skip = browserUnavailable();
const TENANT = {
  id: "riverside",
  name: "Riverside Recovery",
  jwt: { alg: "HS256" as const, secret: "riverside-secret-0123456789" },
};
const SHOTS = process.env.LANTERN_SCREENSHOTS ? "docs/screenshots" : null;
/** Level 2 cases are due in a few seconds here, so the countdown and the auto-escalation can be watched. */
const LEVEL2_SLA_SECONDS = 4;

describe.skipIf(skip)("console in Chromium", () => {
  let server: TestServer;
  let host: HostPage;
  let browser: Browser;
  let room: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    host = await startHostPage({
      lantern: () => server.url,
      mint: (sub, name) => server.token({ sub, name, tenant: TENANT.id, ttl: 600 }),
    });
    server = await startServer({
      tenants: [{ ...TENANT, allowedOrigins: [host.origin], caseSlaSeconds: { "2": LEVEL2_SLA_SECONDS } }],
      env: { LANTERN_SWEEP_INTERVAL_MS: "200" },
    });
    room = await createRoom(server, { name: "Evening group" }, TENANT.id);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await host?.close();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  async function newPage(width = 520): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    contexts.push(context);
    return context.newPage();
  }

  async function participant(sub: string, name: string) {
    const page = await newPage();
    await openWidget(page, host.url({ room, sub, name }));
    return { page, w: widget(page) };
  }

  /** A specialist signed in with `?token=`, which the console must take out of the address at once. */
  async function specialist(): Promise<Page> {
    const page = await newPage(1280);
    const token = server.token({
      sub: "staff-riley",
      name: "Riley",
      role: "peer_specialist",
      tenant: TENANT.id,
    });
    await page.goto(`${server.url}/console?token=${token}`);
    await page.locator("#conn[data-state='online']").waitFor();
    expect(page.url()).not.toContain("token=");
    return page;
  }

  it("approves a held message, and the participant's widget then shows it", async () => {
    const alex = await participant("u-alex", "Alex");
    const sam = await participant("u-sam", "Sam");
    await sam.w.send("How is everyone holding up this week?");
    await alex.w.stored("holding up").waitFor();
    const console_ = await specialist();

    const text = "I've been saving my pills so I can take them all tonight";
    await alex.w.send(text);
    await expect
      .poll(() => alex.w.stored("saving my pills").locator(".note").textContent())
      .toContain("facilitator will review");

    const card = console_.locator("#held-list li", { hasText: "saving my pills" });
    await card.waitFor();
    expect(await card.locator("mark").count()).toBeGreaterThan(0);
    expect(await card.locator(".context").textContent()).toContain("holding up");
    expect(await sam.w.message("saving my pills").count()).toBe(0);
    if (SHOTS) await console_.screenshot({ path: `${SHOTS}/console.png`, fullPage: true });

    await card.getByRole("button", { name: "Approve" }).click();
    await card.waitFor({ state: "detached" });
    await sam.w.stored("saving my pills").waitFor();
    await expect.poll(() => alex.w.stored("saving my pills").locator(".note").count()).toBe(0);
  });

  it("counts a case down to its due time and shows its escalation live", async () => {
    const console_ = await specialist();
    const alex = await participant("u-alex", "Alex");
    await alex.w.send("some days I want to kill myself");

    const card = console_.locator("#case-list li", { hasText: "Level 2" }).first();
    await card.waitFor();
    const countdown = card.getByTestId("countdown");
    const first = await countdown.textContent();
    expect(first).toMatch(/due in 0:0\d|overdue/);
    await expect.poll(() => countdown.textContent(), { timeout: 3000 }).not.toBe(first);

    // Past its due time and unacknowledged, the server moves it to tier 2 by itself.
    await expect
      .poll(() => card.textContent(), { timeout: LEVEL2_SLA_SECONDS * 1000 + 5000 })
      .toContain("Tier 2");
    expect(await card.getByTestId("case-status").textContent()).toBe("escalated");

    // A specialist acknowledges with a note, and the change shows without a reload.
    await card.getByRole("textbox", { name: "Note" }).fill("Called Alex, safe with family tonight");
    await card.getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => card.getByTestId("case-status").textContent()).toBe("acknowledged");
  });

  it("escalates a case by hand with a note", async () => {
    const console_ = await specialist();
    const alex = await participant("u-alex", "Alex");
    const keys = () =>
      console_
        .locator("#case-list li[data-key]")
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
    const before = new Set(await keys());
    await alex.w.send("I took the whole bottle of pills just now");
    let id = "";
    await expect.poll(async () => (id = (await keys()).find((k) => k && !before.has(k)) ?? "")).not.toBe("");
    const card = console_.locator(`#case-list li[data-key="${id}"]`);
    expect(await card.textContent()).toMatch(/Level [34]/);
    await card.getByRole("textbox", { name: "Note" }).fill("Needs a clinician now");
    await card.getByRole("button", { name: "Escalate" }).click();
    await expect.poll(() => card.getByTestId("case-status").textContent()).toBe("escalated");
    await expect.poll(() => card.textContent()).toContain("Needs a clinician now");
  });
});
