/**
 * The messages of one room as this participant knows them, keyed by id so that a catch-up
 * after a reconnect, a resent message or a late broadcast can never show anything twice.
 */
import type { Message } from "../../../shared/types.ts";

export class MessageStore {
  private readonly byId = new Map<string, Message>();
  /** The highest seq seen: what `room:join { afterSeq }` asks after. */
  lastSeq = 0;

  get(id: string): Message | undefined {
    return this.byId.get(id);
  }

  /** Store a message; false when it is already known in this very state. */
  upsert(message: Message): boolean {
    const known = this.byId.get(message.id);
    if (message.seq !== null && message.seq > this.lastSeq) this.lastSeq = message.seq;
    if (known && JSON.stringify(known) === JSON.stringify(message)) return false;
    this.byId.set(message.id, message);
    return true;
  }

  /** The smallest seq known, for loading earlier history. */
  firstSeq(): number | null {
    let first: number | null = null;
    for (const m of this.byId.values())
      if (m.seq !== null && (first === null || m.seq < first)) first = m.seq;
    return first;
  }

  get size(): number {
    return this.byId.size;
  }
}

/** Sort key: visible messages by seq; held or pending ones (no seq yet) after them, by time. */
export function compareMessages(
  a: Pick<Message, "seq" | "createdAt">,
  b: Pick<Message, "seq" | "createdAt">,
) {
  if (a.seq !== null && b.seq !== null) return a.seq - b.seq;
  if (a.seq !== null) return -1;
  if (b.seq !== null) return 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}
