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

/** Create the root logger at `level`, writing to `destination` (stdout by default). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: REDACT, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
