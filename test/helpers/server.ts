/**
 * Boot the real server on port 0 with a fresh SQLite file in a temp folder, and hand tests what
 * a user has: the URL, tokens for any tenant, and connected socket.io clients.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { type App, buildApp } from "../../server/app.ts";
import { signHs256, type TokenClaims } from "../../server/auth/sign.ts";
import { loadConfig, type TenantInput } from "../../server/config.ts";
import type { Logger } from "../../server/logger.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/events.ts";

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export const DEFAULT_SECRET = "test-secret-for-the-default-tenant";
export const ACME_SECRET = "acme-secret-0123456789abcdef";

export interface StartOptions {
  /** Extra tenants (the `default` one always exists with DEFAULT_SECRET). */
  tenants?: TenantInput[];
  /** Extra environment (LANTERN_* tunables, REDIS_URL, ...). */
  env?: Record<string, string>;
  /** Reuse a database file (restart tests); a new temp one otherwise. */
  databasePath?: string;
  logger?: Logger;
  jobs?: boolean;
  port?: number;
}

export interface TestServer {
  url: string;
  port: number;
  app: App;
  dir: string;
  databasePath: string;
  token(claims: Partial<TokenClaims> & { sub: string }): string;
  /** A connected client (resolves on `connect`, rejects on `connect_error`). */
  client(claims: Partial<TokenClaims> & { sub: string }, opts?: { transports?: string[] }): Promise<Client>;
  close(): Promise<void>;
}

const clients = new Set<Client>();

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "lantern-test-"));
  const tenants = [
    { id: "acme", name: "Acme Recovery", jwt: { alg: "HS256" as const, secret: ACME_SECRET } },
    ...(opts.tenants ?? []),
  ];
  const configPath = join(dir, "tenants.json");
  writeFileSync(configPath, JSON.stringify({ tenants }));
  const databasePath = opts.databasePath ?? join(dir, "lantern.db");
  const config = loadConfig({
    PORT: String(opts.port ?? 0),
    HOST: "127.0.0.1",
    DATABASE_URL: databasePath,
    JWT_SECRET: DEFAULT_SECRET,
    LANTERN_CONFIG: configPath,
    LOG_LEVEL: "silent",
    ...opts.env,
  });
  const { createLogger } = await import("../../server/logger.ts");
  const app = await buildApp(config, { logger: opts.logger ?? createLogger("silent"), jobs: opts.jobs });
  await app.app.listen({ port: config.port, host: "127.0.0.1" });
  const port = (app.app.server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const secrets = new Map<string, string>([["default", DEFAULT_SECRET]]);
  for (const t of tenants) if (t.jwt.alg === "HS256") secrets.set(t.id, t.jwt.secret);

  const token: TestServer["token"] = (claims) => {
    const tenant = claims.tenant ?? "default";
    return signHs256(secrets.get(tenant) ?? "unknown-tenant-secret!!", {
      role: "participant",
      name: claims.sub,
      ...claims,
      ...(tenant === "default" ? { tenant: undefined } : {}),
    });
  };

  return {
    url,
    port,
    app,
    dir,
    databasePath,
    token,
    client: (claims, o) => connectClient(url, token(claims), o),
    async close() {
      for (const c of clients)
        if (c.io.opts.hostname === "127.0.0.1" && c.io.opts.port === String(port)) c.disconnect();
      await app.close();
      if (!opts.databasePath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Connect with a token; resolves when connected, rejects with the connect_error. */
export function connectClient(
  url: string,
  token: string,
  o: { transports?: string[] } = {},
): Promise<Client> {
  const socket: Client = connect(url, {
    auth: { token },
    transports: o.transports ?? ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  clients.add(socket);
  socket.on("disconnect", () => clients.delete(socket));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => {
      clients.delete(socket);
      socket.close();
      reject(e);
    });
  });
}

/** Emit with an ack and return the ack's result. */
export function call<T = any>(
  socket: Client,
  event: string,
  payload?: unknown,
  timeoutMs = 5000,
): Promise<T> {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<T> } })
    .timeout(timeoutMs)
    .emitWithAck(event, payload);
}

/** Resolve with the next `event` on `socket` that matches `filter`. */
export function waitFor<T = any>(
  socket: Client,
  event: string,
  filter: (p: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const s = socket as unknown as {
      on(e: string, l: (p: T) => void): void;
      off(e: string, l: (p: T) => void): void;
    };
    const timer = setTimeout(() => {
      s.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (p: T) => {
      if (!filter(p)) return;
      clearTimeout(timer);
      s.off(event, listener);
      resolve(p);
    };
    s.on(event, listener);
  });
}

/** Collect every `event` on `socket` into an array (for "never received" assertions). */
export function collect<T = any>(socket: Client, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as { on(e: string, l: (p: T) => void): void }).on(event, (p) => seen.push(p));
  return seen;
}

/** HTTP with a bearer token; returns status and parsed JSON. */
export async function http(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json, headers: res.headers };
}

/** Create a room as a peer specialist over HTTP and return its id. */
export async function createRoom(
  server: TestServer,
  room: Record<string, unknown> = {},
  tenant?: string,
): Promise<string> {
  const staff = server.token({ sub: "staff-creator", role: "peer_specialist", name: "Facilitator", tenant });
  const res = await http(server.url, "POST", "/api/rooms", staff, {
    kind: "group",
    name: "Evening group",
    visibility: "open",
    ...room,
  });
  if (res.status !== 201) throw new Error(`room not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.room.id as string;
}
