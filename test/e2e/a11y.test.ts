/**
 * axe-core on the widget (with messages, a held message and the support card on screen) and on
 * the console (with held, flagged and a case), in the light and the dark colour scheme. The
 * page's CSP is bypassed for the test so axe can be injected; `axeViolations` throws unless axe
 * really ran. No serious or critical violation may remain.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Client, call, createRoom, startServer, type TestServer } from "../helpers/server.ts";
import {
  axeViolations,
  browserUnavailable,
  type HostPage,
  launch,
  openWidget,
  startHostPage,
} from "./browser.ts";

const skip = browserUnavailable();
const TENANT = { id: "riverside", jwt: { alg: "HS256" as const, secret: "riverside-secret-0123456789" } };
const SHOTS = process.env.LANTERN_SCREENSHOTS ? "docs/screenshots" : null;
const SCHEMES = ["light", "dark"] as const;

describe.skipIf(skip)("accessibility (axe-core)", () => {
  let server: TestServer;
  let host: HostPage;
  let browser: Browser;
  let room: string;
  const contexts: BrowserContext[] = [];
  const sockets: Client[] = [];

  beforeAll(async () => {
    host = await startHostPage({
      lantern: () => server.url,
      mint: (sub, name) => server.token({ sub, name, tenant: TENANT.id, ttl: 600 }),
    });
    server = await startServer({ tenants: [{ ...TENANT, allowedOrigins: [host.origin] }] });
    room = await createRoom(server, { name: "Evening group", topic: "Tuesday check-in" }, TENANT.id);
    const sam = await server.client({ sub: "u-sam", name: "Sam", tenant: TENANT.id });
    sockets.push(sam);
    await call(sam, "room:join", { roomId: room });
    for (const body of [
      "Hi everyone, day 12 today",
      "slipped last night and used again",
      "honestly I want to kill myself",
    ])
      await call(sam, "message:send", { roomId: room, clientId: crypto.randomUUID(), body });
    browser = await launch();
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await browser?.close();
    await server?.close();
    await host?.close();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  async function page(scheme: (typeof SCHEMES)[number], width: number): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      colorScheme: scheme,
      viewport: { width, height: 900 },
    });
    contexts.push(context);
    return context.newPage();
  }

  for (const scheme of SCHEMES) {
    it(`finds nothing serious in the widget, ${scheme}`, async () => {
      const p = await page(scheme, 520);
      await openWidget(p, host.url({ room, sub: `u-alex-${scheme}`, name: "Alex" }));
      const w = p.locator("lantern-chat");
      const box = w.getByRole("textbox", { name: "Message" });
      await box.fill("I took the whole bottle of pills just now");
      await box.press("Enter");
      await w.getByRole("region", { name: /not alone/ }).waitFor();
      await w.getByText("Waiting for a peer specialist").waitFor();
      expect(await p.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
        scheme === "dark",
      );
      expect(await axeViolations(p)).toEqual([]);
      if (SHOTS) await p.screenshot({ path: `${SHOTS}/widget-${scheme}.png` });
    });

    it(`finds nothing serious in the console, ${scheme}`, async () => {
      const p = await page(scheme, 1280);
      const token = server.token({
        sub: "staff-riley",
        name: "Riley",
        role: "peer_specialist",
        tenant: TENANT.id,
      });
      await p.goto(`${server.url}/console?token=${token}`);
      await p.getByRole("status").getByText("Live").waitFor();
      await p
        .getByRole("region", { name: /Open cases/ })
        .getByRole("listitem")
        .first()
        .waitFor();
      await p
        .getByRole("region", { name: /Delivered but flagged/ })
        .getByText("slipped last night")
        .first()
        .waitFor();
      expect(await axeViolations(p)).toEqual([]);
      if (SHOTS) await p.screenshot({ path: `${SHOTS}/console-${scheme}.png`, fullPage: true });
    });
  }
});
