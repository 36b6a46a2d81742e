/**
 * Where the support cards live: above the chat and forum panels, so the card is on screen
 * wherever the author is (chat, forum list, a thread page). A card stays until its author
 * closes it; the server replays the cards of cases still open after a reload, and a card its
 * author closed stays closed for that case (remembered in this browser's localStorage).
 */
import type { SupportPayload } from "../../../shared/types.ts";
import type { LanternSocket } from "../lib/connection.ts";
import { h } from "../lib/dom.ts";
import { request } from "../lib/request.ts";
import { S } from "./i18n.ts";
import { renderSupportCard } from "./support-card.ts";

const KEEP = 50;

export class SupportDesk {
  readonly el = h("div", { class: "support-slot" });
  private readonly cards = new Map<string, HTMLElement>();
  private readonly key: string;

  constructor(
    server: string,
    private readonly deps: { socket(): LanternSocket | null; announce(text: string): void; shown(): void },
  ) {
    this.key = `lantern:support-closed:${server}`;
  }

  bind(socket: LanternSocket): void {
    socket.on("support", (s) => this.show(s));
  }

  private closed(): string[] {
    try {
      const list = JSON.parse(localStorage.getItem(this.key) ?? "[]");
      return Array.isArray(list) ? list.filter((x) => typeof x === "string") : [];
    } catch {
      return [];
    }
  }

  private remember(messageId: string): void {
    try {
      localStorage.setItem(this.key, JSON.stringify([...this.closed(), messageId].slice(-KEEP)));
    } catch {
      // Storage full or blocked: the card comes back after a reload, which is the safe side.
    }
  }

  /** Show (or refresh) the card for one message; a replay of a closed card is ignored. */
  show(s: SupportPayload): void {
    if (s.replayed && this.closed().includes(s.messageId)) return;
    const known = this.cards.get(s.messageId);
    if (known && s.replayed) return;
    const card = renderSupportCard(s, {
      close: () => {
        this.remember(s.messageId);
        card.remove();
        this.cards.delete(s.messageId);
      },
      ask: async () => {
        const socket = this.deps.socket();
        if (!socket) return false;
        const res = await request(socket, "support:request", { messageId: s.messageId });
        return res.ok;
      },
    });
    if (known) known.replaceWith(card);
    else this.el.prepend(card);
    this.cards.set(s.messageId, card);
    this.deps.shown();
    if (!known) this.deps.announce(S.supportShown(S.supportTitle));
  }
}
