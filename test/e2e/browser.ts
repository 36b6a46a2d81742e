/**
 * What the browser suites share: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), an integrator's host page served from its own origin, and small
 * helpers that look inside the widget's shadow root the way a person would look at it.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Why the browser suites cannot run here, or null when they can. Without Chromium they skip
 * with this reason printed, unless LANTERN_REQUIRE_SERVICES is set (CI), where they must fail.
 */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.LANTERN_REQUIRE_SERVICES) {
    throw new Error(`browser suites cannot run: ${reason}; LANTERN_REQUIRE_SERVICES is set, so this fails`);
  }
  console.warn(`browser suites skipped: ${reason}`);
  return reason;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface HostPage {
  origin: string;
  /**
   * The URL of a page embedding the widget for `sub` (display name `name`) in `room`; `lang`
   * sets the page's `<html lang>`, `mode` the element's mode (`launcher`).
   */
  url(q: { room: string; sub: string; name: string; ttl?: string; lang?: string; mode?: string }): string;
  /** How many tokens the "integrator's backend" has minted so far. */
  tokensMinted(): number;
  /** Make the token endpoint answer 401 (the person signed out of the integrator's site). */
  refuseTokens(refuse: boolean): void;
  close(): Promise<void>;
}

/**
 * An integrator's site on its own origin: a page with the snippet from the README, and a token
 * endpoint standing in for the integrator's backend (it mints with the tenant's key).
 */
export async function startHostPage(opts: {
  lantern: () => string;
  /** `ttl` (seconds) comes from the page's `ttl` query parameter, when a test wants short tokens. */
  mint: (sub: string, name: string, ttl?: number) => string;
}): Promise<HostPage> {
  let tokensMinted = 0;
  let refusing = false;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host");
    if (url.pathname === "/token") {
      if (refusing) {
        res.statusCode = 401;
        res.end();
        return;
      }
      tokensMinted += 1;
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          token: opts.mint(
            url.searchParams.get("sub") ?? "",
            url.searchParams.get("name") ?? "",
            Number(url.searchParams.get("ttl")) || undefined,
          ),
        }),
      );
      return;
    }
    if (url.pathname !== "/") {
      res.statusCode = 404;
      res.end();
      return;
    }
    const attr = (s: string | null) => encodeURIComponent(s ?? "");
    const q = url.searchParams;
    const tokenUrl = `/token?sub=${attr(q.get("sub"))}&name=${attr(q.get("name"))}&ttl=${attr(q.get("ttl"))}`;
    res.setHeader("content-type", "text/html; charset=utf-8");
    const lang = (q.get("lang") ?? "en").replace(/[^A-Za-z-]/g, "");
    const mode = q.get("mode") === "launcher" ? ' mode="launcher"' : "";
    res.end(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Riverside portal</title>
<style>body { font-family: Georgia, serif; background: #fbfaf7; margin: 16px; } p, li, button { color: rebeccapurple !important; }</style>
</head><body>
<h1>Riverside Recovery portal</h1>
<p>Welcome back. Your group meets on Tuesdays.</p>
<lantern-chat room="${attr(url.searchParams.get("room"))}" token-url="${tokenUrl}"${mode}></lantern-chat>
<script src="${opts.lantern()}/widget.js"></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (q) => `${origin}/?${new URLSearchParams(q)}`,
    tokensMinted: () => tokensMinted,
    refuseTokens: (refuse) => {
      refusing = refuse;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The widget on a page (Playwright's CSS locators pierce the open shadow root). */
export function widget(page: Page) {
  const root = page.locator("lantern-chat");
  return {
    root,
    input: root.locator("textarea[aria-label='Message']"),
    messages: root.locator("ol.messages > li"),
    message: (text: string): Locator => root.locator("ol.messages > li", { hasText: text }),
    /** A message the server stored (it has an id), not one still waiting in the outbox. */
    stored: (text: string): Locator => root.locator("ol.messages > li[data-id]", { hasText: text }),
    status: root.locator("[data-testid='status']"),
    support: root.locator("[data-testid='support']"),
    live: root.locator("[data-testid='live']"),
    async send(text: string) {
      await this.input.fill(text);
      await this.input.press("Enter");
    },
  };
}

/** Resolve once the widget has joined (its `lantern:ready` event), listening before navigation. */
export async function openWidget(page: Page, url: string, opts: { wait?: boolean } = {}): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener("lantern:ready", () =>
      document.documentElement.setAttribute("data-lantern-ready", "1"),
    );
  });
  await page.goto(url);
  if (opts.wait === false) return;
  await page.locator("html[data-lantern-ready='1']").waitFor({ timeout: 10_000 });
}

/** The current axe-core build, injected into pages whose CSP is bypassed for the test. */
export const AXE_SOURCE = (await import("axe-core")).default.source;

/**
 * Run axe-core on the page (WCAG 2.0-2.2 A and AA rules) and return the serious and critical
 * violations. Throws unless axe really ran: an engine name and some passing rules are required.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<any> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return {
      engine: r.testEngine?.name as string,
      passes: r.passes.length as number,
      violations: (
        r.violations as { id: string; impact: string; nodes: { target: unknown; failureSummary: string }[] }[]
      )
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(" | ")}`,
        ),
    };
  });
  if (result.engine !== "axe-core" || result.passes < 5)
    throw new Error(`axe did not run: ${JSON.stringify(result)}`);
  return result.violations;
}
