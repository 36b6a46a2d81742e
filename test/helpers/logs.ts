/** A real pino logger at `level` whose output the test can read back. */
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../server/logger.ts";

export function captureLogs(level = "trace"): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: createLogger(level, sink), lines, text: () => lines.join("") };
}
