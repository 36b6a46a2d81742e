/**
 * Handlers still working on an event, per Socket.IO server, so a draining node can answer every
 * ack it already owes before it closes its sockets (SIGTERM drain).
 */
interface Pending {
  n: number;
  idle: (() => void)[];
}

const pending = new WeakMap<object, Pending>();

/** Count one handler as started on `server`; call the returned function when it has acked. */
export function begin(server: object): () => void {
  const slot = pending.get(server) ?? { n: 0, idle: [] };
  pending.set(server, slot);
  slot.n++;
  return () => {
    if (--slot.n > 0) return;
    for (const wake of slot.idle.splice(0)) wake();
  };
}

/** Resolve true when no handler is running on `server`, or false after `timeoutMs`. */
export function settled(server: object, timeoutMs: number): Promise<boolean> {
  const p = pending.get(server);
  if (!p || p.n === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    p.idle.push(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
