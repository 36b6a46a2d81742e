/** What a room may see of a message: the wire shape with a held message's text withheld. */
import type { Message } from "../../shared/types.ts";

/** The room's view of a message: never the text of a held one. */
export function roomView(m: Message): Message {
  return m.status === "held" ? { ...m, body: "" } : m;
}
