/**
 * The process entry point: read the configuration, build the app, listen, and close gracefully
 * on SIGTERM/SIGINT (sockets, then the adapter and Redis, then the database).
 */
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { prettyStream, wantsPretty } from "./log-format.ts";
import { createLogger } from "./logger.ts";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`lantern: configuration error: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const pretty = wantsPretty(config.logFormat, config.nodeEnv, process.stdout.isTTY === true);
  const log = createLogger(config.logLevel, pretty ? prettyStream() : undefined);
  if (config.devSecret)
    log.warn(
      "JWT_SECRET is not set: using a generated development secret from the data folder (dev only; `npm run token` uses it too)",
    );
  if (config.weakSecrets.length > 0)
    log.warn(
      { tenants: config.weakSecrets },
      "short HS256 or webhook secrets (under 32 characters): fine for trying Lantern, weak in production",
    );
  const server = await buildApp(config, { logger: log });
  const address = await server.app.listen({ port: config.port, host: config.host });
  log.info(
    { address, database: config.databasePath, redis: Boolean(config.redisUrl), tenants: config.tenants.size },
    "lantern listening",
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((e) => {
  // A start that failed on its configuration or its database says so in one line (no stack).
  const message = String((e as Error)?.message ?? e);
  if (/^[A-Z][A-Z_]+: /.test(message)) {
    process.stderr.write(`lantern: failed to start: ${message}\n`);
    process.exit(1);
  }
  // Nothing a user wrote exists yet at start-up, so the frames are safe to print and say where.
  const frames = String((e as Error)?.stack ?? "")
    .split("\n")
    .filter((l) => l.startsWith("    at "))
    .slice(0, 6);
  process.stderr.write(`lantern: failed to start: ${(e as Error).message}\n${frames.join("\n")}\n`);
  process.exit(1);
});
