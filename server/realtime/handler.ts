/**
 * The edge of every client event: parse the payload by its schema, call the service, and answer
 * the ack with `{ ok: true, ...result }` or `{ ok: false, error }`. A missing ack, a malformed
 * payload or a failing service never disconnects the socket or takes the node down.
 */
import type { z } from "zod";
import type { ClientToServerEvents } from "../../shared/events.ts";
import { parse } from "../../shared/schemas.ts";
import type { Principal } from "../core/context.ts";
import { AppError, toErrorBody } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { begin } from "./inflight.ts";
import type { LanternSocket } from "./types.ts";

type Ack = (result: unknown) => void;

/** Register `event` on `socket`: `fn` gets parsed data and the caller, and returns the ack result. */
export function handle<S extends z.ZodType>(
  socket: LanternSocket,
  log: Logger,
  event: keyof ClientToServerEvents,
  schema: S,
  fn: (data: z.output<S>, p: Principal) => object | undefined | Promise<object | undefined>,
): void {
  // The event map types each handler precisely; here one generic wrapper serves them all.
  (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on(
    event,
    async (...args: unknown[]) => {
      const last = args[args.length - 1];
      const ack: Ack = typeof last === "function" ? (last as Ack) : () => {};
      const payload = typeof last === "function" ? args[0] : args[0];
      // Timed only when the trace line below is written: two clock reads and a log call per event otherwise.
      const timed = log.isLevelEnabled("trace");
      const started = timed ? performance.now() : 0;
      const done = begin(socket.nsp.server);
      try {
        const parsed = parse(schema, payload);
        if (!parsed.ok) throw new AppError("invalid", parsed.message);
        const result = await fn(parsed.data, socket.data);
        ack({ ok: true, ...(result ?? {}) });
      } catch (e) {
        const error = toErrorBody(e);
        if (error.code === "internal") log.error({ err: e, event }, "handler failed");
        else log.debug({ event, code: error.code }, "refused");
        ack({ ok: false, error });
      } finally {
        done();
        if (timed) log.trace({ event, ms: +(performance.now() - started).toFixed(3) }, "handled");
      }
    },
  );
}
