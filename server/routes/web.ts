/**
 * Serves the browser side of Lantern: `/widget.js` for integrators' pages, the peer specialist
 * console at `/console`, and (when asked) a demo host page at `/demo`. Assets are built in
 * memory at registration (server/web/build.ts), served with strong ETags, and the console
 * carries a CSP that allows nothing but its own script, style and socket.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Asset, webAssets } from "../web/build.ts";

export interface WebRoutesOptions {
  /** Serve `/demo`, a host page for trying the widget by hand. Development only; default off. */
  demo?: boolean;
}

/**
 * The console's policy: same-origin script, style and socket only; no inline code, no frames,
 * no plugins, and Trusted Types enforced, so any innerHTML-style sink would throw instead of parse.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

function send(req: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string): FastifyReply {
  reply
    .header("content-type", asset.type)
    .header("cache-control", cacheControl)
    .header("etag", asset.etag)
    .header("x-content-type-options", "nosniff");
  if (req.headers["if-none-match"] === asset.etag) return reply.code(304).send();
  return reply.send(asset.body);
}

/** Register the web routes; the assets are built (once per process) before the first request. */
export async function webRoutes(app: FastifyInstance, opts: WebRoutesOptions = {}): Promise<void> {
  const assets = await webAssets();

  // Integrators' pages load this from other origins: short cache so fixes reach them quickly,
  // ETag so the revalidation is cheap, and CORP so cross-origin-isolated hosts may embed it.
  app.get("/widget.js", (req, reply) =>
    send(
      req,
      reply.header("cross-origin-resource-policy", "cross-origin"),
      assets.widget,
      "public, max-age=300",
    ),
  );

  const consolePage = (req: FastifyRequest, reply: FastifyReply) =>
    send(
      req,
      reply
        .header("content-security-policy", CONSOLE_CSP)
        // The page may be opened with ?token=: never leak it in a Referer, never frame the page.
        .header("referrer-policy", "no-referrer")
        .header("x-frame-options", "DENY")
        .header("cross-origin-opener-policy", "same-origin")
        .header("permissions-policy", "camera=(), microphone=(), geolocation=()"),
      assets.consoleHtml,
      "no-store",
    );
  app.get("/console", consolePage);
  app.get("/console/console.js", (req, reply) => send(req, reply, assets.consoleJs, "no-cache"));
  app.get("/console/console.css", (req, reply) => send(req, reply, assets.consoleCss, "no-cache"));

  if (opts.demo) {
    app.get("/demo", (req, reply) =>
      send(req, reply.header("content-security-policy", DEMO_CSP), assets.demoHtml, "no-store"),
    );
    app.get("/demo.js", (req, reply) => send(req, reply, assets.demoJs, "no-cache"));
  }
}
