/** `/docs` renders the HTTP API in Chromium: Swagger UI, served by Lantern itself, over /openapi.json. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.ts";
import { browserUnavailable, launch } from "./browser.ts";

const skip = browserUnavailable();

describe.skipIf(skip)("API docs in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders every tag and the data-rights operations, with no script errors", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/docs`);
    await page.getByText("Lantern HTTP API").first().waitFor({ timeout: 15_000 });
    for (const tag of ["rooms", "forum", "cases", "webhooks", "data rights"])
      await page.locator(".opblock-tag", { hasText: tag }).first().waitFor();
    await page.locator(".opblock-summary-path", { hasText: "/api/users/export" }).first().waitFor();
    expect(await page.locator(".opblock").count()).toBeGreaterThan(30);
    expect(errors).toEqual([]);
    await page.close();
  });
});
