/**
 * "Sam is typing…": shows others' typing (each entry fades after a few seconds even if the
 * `typing: false` never comes) and reports our own at most every few seconds.
 */
import type { Member } from "../../../shared/types.ts";
import type { LanternSocket } from "../lib/connection.ts";
import { h } from "../lib/dom.ts";
import { S } from "./i18n.ts";

const SHOW_MS = 6000;
const RESEND_MS = 3000;
const IDLE_MS = 4000;

export class TypingIndicator {
  readonly el = h("div", { class: "typing", "aria-live": "off" });
  private readonly typers = new Map<string, { name: string; timer: ReturnType<typeof setTimeout> }>();
  private sentAt = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly roomId: string) {}

  /** Someone else started or stopped typing. */
  show(user: Member, typing: boolean, myId: string | null): void {
    if (user.id === myId) return;
    const known = this.typers.get(user.id);
    if (known) clearTimeout(known.timer);
    if (typing) {
      this.typers.set(user.id, {
        name: user.name,
        timer: setTimeout(() => this.show(user, false, myId), SHOW_MS),
      });
    } else {
      this.typers.delete(user.id);
    }
    const names = [...this.typers.values()].map((t) => t.name);
    this.el.textContent =
      names.length === 0 ? "" : names.length === 1 ? S.typingOne(names[0]!) : S.typingMany(names.join(", "));
  }

  /** Forget everyone's typing (after a reconnect nobody's state is known). */
  clear(): void {
    for (const t of this.typers.values()) clearTimeout(t.timer);
    this.typers.clear();
    this.el.textContent = "";
  }

  /** We typed a key. */
  input(socket: LanternSocket | null): void {
    if (!socket?.connected) return;
    const now = Date.now();
    if (now - this.sentAt > RESEND_MS) {
      this.sentAt = now;
      socket.emit("typing", { roomId: this.roomId, typing: true });
    }
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(socket), IDLE_MS);
  }

  /** We sent the message or went idle. */
  stop(socket: LanternSocket | null): void {
    clearTimeout(this.idle);
    if (!this.sentAt) return;
    this.sentAt = 0;
    if (socket?.connected) socket.emit("typing", { roomId: this.roomId, typing: false });
  }
}
