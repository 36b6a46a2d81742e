/**
 * How the root logger writes: JSON lines (for collectors, and whenever stdout is not a terminal)
 * or, for a developer at a terminal, pino-pretty's readable lines. Both go through the same
 * pino instance, so redaction applies before either.
 */
import type { DestinationStream } from "pino";
import pretty from "pino-pretty";

export const LOG_FORMATS = ["auto", "json", "pretty"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Pretty only when asked, or in development (NODE_ENV unset or "development") at a TTY. */
export function wantsPretty(format: LogFormat, nodeEnv: string | undefined, isTTY: boolean): boolean {
  if (format !== "auto") return format === "pretty";
  return isTTY && (nodeEnv === undefined || nodeEnv === "" || nodeEnv === "development");
}

/** A synchronous pino-pretty stream to `destination` (stdout by default): no worker thread. */
export function prettyStream(destination?: NodeJS.WritableStream): DestinationStream {
  return pretty({
    sync: true,
    colorize: destination === undefined && process.stdout.isTTY === true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname",
    ...(destination ? { destination } : {}),
  });
}
