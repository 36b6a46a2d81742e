/**
 * Builds the browser assets in memory when the server starts: the widget and the console are
 * TypeScript that imports the shared protocol types, bundled by esbuild (already installed
 * through tsx) with the Socket.IO client that the socket.io package itself ships. No build
 * step, no files written, nothing downloaded; one build per process, shared by every app.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface Asset {
  body: Buffer;
  type: string;
  /** A strong validator: the content's hash. */
  etag: string;
}

export interface WebAssets {
  widget: Asset;
  consoleJs: Asset;
  consoleCss: Asset;
  consoleHtml: Asset;
  demoHtml: Asset;
  demoJs: Asset;
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** The browser build that ships inside socket.io (a runtime dependency), so production needs no dev packages. */
const socketIoClient = join(
  dirname(require.resolve("socket.io/package.json")),
  "client-dist",
  "socket.io.esm.min.js",
);

function asset(body: Buffer | string, type: string): Asset {
  const buf = typeof body === "string" ? Buffer.from(body) : body;
  return { body: buf, type, etag: `"${createHash("sha256").update(buf).digest("base64url").slice(0, 27)}"` };
}

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    format: "iife",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    minify: true,
    legalComments: "none",
    charset: "utf8",
    alias: { "socket.io-client": socketIoClient },
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

async function buildAll(): Promise<WebAssets> {
  const js = "text/javascript; charset=utf-8";
  const [widget, consoleJs, consoleCss, consoleHtml, demoHtml, demoJs] = await Promise.all([
    bundle("widget/index.ts"),
    bundle("console/main.ts"),
    readFile(join(here, "console", "console.css")),
    readFile(join(here, "console", "index.html")),
    readFile(join(here, "demo", "demo.html")),
    readFile(join(here, "demo", "demo.js")),
  ]);
  return {
    widget: asset(widget, js),
    consoleJs: asset(consoleJs, js),
    consoleCss: asset(consoleCss, "text/css; charset=utf-8"),
    consoleHtml: asset(consoleHtml, "text/html; charset=utf-8"),
    demoHtml: asset(demoHtml, "text/html; charset=utf-8"),
    demoJs: asset(demoJs, js),
  };
}

let built: Promise<WebAssets> | null = null;

/** The assets, built on first call; a failed build is retried by the next caller. */
export function webAssets(): Promise<WebAssets> {
  built ??= buildAll().catch((err: unknown) => {
    built = null;
    throw err;
  });
  return built;
}
