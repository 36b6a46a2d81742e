/**
 * Emit a client-to-server event and wait for its ack, as a promise of the protocol's Result.
 * A server that does not answer in time reads as `unavailable`, so callers handle one shape.
 */
import type { ClientToServerEvents } from "../../../shared/events.ts";
import type { LanternSocket } from "./connection.ts";

type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
export type ResultOf<E extends EventName> = Parameters<
  NonNullable<Parameters<ClientToServerEvents[E]>[1]>
>[0];

export const NO_ANSWER = {
  ok: false,
  error: { code: "unavailable", message: "No answer from the server" },
} as const;

/** Send `event` with `payload`; resolves with the ack, or `NO_ANSWER` after `timeoutMs`. */
export function request<E extends EventName>(
  socket: LanternSocket,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = 10_000,
): Promise<ResultOf<E>> {
  return new Promise((resolve) => {
    // Socket.IO's typed timeout().emit() cannot express a generic event name; the map above keeps callers typed.
    const emitter = socket.timeout(timeoutMs) as unknown as {
      emit(e: string, p: unknown, cb: (err: Error | null, res: ResultOf<E>) => void): void;
    };
    emitter.emit(event, payload, (err, res) => resolve(err ? (NO_ANSWER as ResultOf<E>) : res));
  });
}
