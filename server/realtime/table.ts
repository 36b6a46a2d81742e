/**
 * The typed handler table. Each client event is declared once: its payload schema and its
 * handler, whose result must fit the ack the event map (shared/events.ts) declares. Registration,
 * validation and error mapping are done here for every event: a handler receives parsed data and
 * the caller; the ack gets `{ ok: true, ...result }` or `{ ok: false, error }`. A missing ack, a
 * malformed payload or a failing handler never disconnects the socket or takes the node down.
 */
import type { z } from "zod";
import type { ClientToServerEvents } from "../../shared/events.ts";
import { parse } from "../../shared/schemas.ts";
import type { Ctx, Principal } from "../core/context.ts";
import { AppError, toErrorBody } from "../errors.ts";
import { begin } from "./inflight.ts";
import type { LanternSocket } from "./types.ts";

export type ClientEvent = keyof ClientToServerEvents;

/** The fields of an event's successful ack, as the event map declares them. */
export type AckOf<E extends ClientEvent> =
  NonNullable<Parameters<ClientToServerEvents[E]>[1]> extends (r: infer R) => void
    ? Omit<Extract<R, { ok: true }>, "ok">
    : never;

/** What a handler may use besides the payload: the services' context and the caller's socket. */
export interface Edge {
  ctx: Ctx;
  socket: LanternSocket;
}

/** One declared event: the schema its payload must pass and the handler that answers it. */
export interface Entry<E extends ClientEvent> {
  schema: z.ZodType;
  // `never` accepts a handler of any parsed payload; `event()` ties it to its schema.
  run(data: never, p: Principal, edge: Edge): AckOf<E> | Promise<AckOf<E>>;
}

/** A table of events: each key's entry must answer that event's ack. */
export type Table<K extends ClientEvent> = { [E in K]: Entry<E> };

/** Declare an event's payload schema, then its handler: `event(S.roomLeave).run(...)`. */
export const event = <S extends z.ZodType>(schema: S) => ({
  run: <R>(run: (data: z.output<S>, p: Principal, edge: Edge) => R | Promise<R>) => ({ schema, run }),
});

type Ack = (result: unknown) => void;
/** Any entry, as registration sees it (the table's type has already checked each one). */
type AnyEntry = { schema: z.ZodType; run(data: never, p: Principal, edge: Edge): unknown };

/** Register every event of `table` on `socket`. */
export function registerTable(
  socket: LanternSocket,
  ctx: Ctx,
  table: Readonly<Record<string, AnyEntry>>,
): void {
  const edge: Edge = { ctx, socket };
  const log = ctx.log;
  // The event map types each listener precisely; here one generic listener serves them all.
  const on = (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on.bind(socket);
  for (const [name, entry] of Object.entries(table)) {
    const run = entry.run as (data: unknown, p: Principal, edge: Edge) => unknown;
    on(name, async (...args: unknown[]) => {
      const last = args[args.length - 1];
      const ack: Ack = typeof last === "function" ? (last as Ack) : () => {};
      // Timed only when the trace line below is written: two clock reads and a log call per event otherwise.
      const timed = log.isLevelEnabled("trace");
      const started = timed ? performance.now() : 0;
      const done = begin(socket.nsp.server);
      try {
        const parsed = parse(entry.schema, args[0]);
        if (!parsed.ok) throw new AppError("invalid", parsed.message);
        const result = (await run(parsed.data, socket.data, edge)) as object | undefined;
        ack({ ok: true, ...(result ?? {}) });
      } catch (e) {
        const error = toErrorBody(e);
        if (error.code === "internal") log.error({ err: e, event: name }, "handler failed");
        else log.debug({ event: name, code: error.code }, "refused");
        ack({ ok: false, error });
      } finally {
        done();
        if (timed) log.trace({ event: name, ms: +(performance.now() - started).toFixed(3) }, "handled");
      }
    });
  }
}
