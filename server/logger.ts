/**
 * The one pino root logger. Children carry ids (tenant, room, socket, request). Redaction is the
 * last line of defence: message text must never be passed to a logger in the first place.
 */
import { type DestinationStream, type Logger, pino } from "pino";

/** Paths that could carry user-written text if someone logged a payload by mistake. */
const REDACT = [
  "body",
  "text",
  "title",
  "redacted",
  "note",
  "notes",
  "reason",
  "*.body",
  "*.text",
  "*.title",
  "*.redacted",
  "*.note",
  "*.notes",
  "*.reason",
  "*.*.body",
  "*.*.text",
  "*.*.title",
  "req.headers.authorization",
  "auth.token",
  "token",
];

export type { Logger };

interface ErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
  stack?: string;
  cause?: unknown;
  query?: unknown;
  params?: unknown;
}

/**
 * Errors as logged: type, code, message and stack, with drizzle's query errors stripped of
 * their parameters (which hold message text) and the cause chain followed a few levels.
 */
export function safeError(e: unknown, depth = 0): Record<string, unknown> | undefined {
  if (e === undefined || e === null || depth > 4) return undefined;
  if (typeof e !== "object") return { type: typeof e };
  const err = e as ErrorLike;
  const withheld = "params" in err && "query" in err;
  const message = withheld
    ? `query failed (parameters withheld): ${String(err.query).slice(0, 300)}`
    : err.message;
  return {
    type: err.name ?? "Error",
    ...(err.code !== undefined ? { code: err.code } : {}),
    message,
    // The stack's head repeats the message (over several lines for drizzle); keep only frames.
    stack: err.stack
      ?.split("\n")
      .filter((line) => line.startsWith("    at "))
      .slice(0, 10)
      .join("\n"),
    ...(err.cause ? { cause: safeError(err.cause, depth + 1) } : {}),
  };
}

/** Create the root logger at `level`, writing to `destination` (stdout by default). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: REDACT, censor: "[redacted]" },
      serializers: { err: safeError, error: safeError },
    },
    destination,
  );
}
