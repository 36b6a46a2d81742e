/**
 * `<lantern-chat mode="launcher">`: a floating button in the page's corner with the count of
 * messages that arrived while the chat was closed (as Chatwoot's and Intercom's launchers do);
 * it opens the chat in a window above it, Escape or "Close chat" closes it again.
 */
import { h } from "../lib/dom.ts";
import { S } from "./i18n.ts";

export class Launcher {
  private count = 0;
  private readonly button: HTMLButtonElement;
  private readonly badge = h("span", { class: "badge", "aria-hidden": "true", hidden: true });
  private readonly window: HTMLElement;

  constructor(
    host: HTMLElement,
    root: HTMLElement,
    private readonly focusInput: () => void,
  ) {
    host.setAttribute("mode", "launcher");
    const shadow = host.shadowRoot!;
    this.window = h("div", { class: "window", id: "lantern-window", hidden: true });
    this.button = h(
      "button",
      {
        class: "launcher",
        type: "button",
        "aria-controls": "lantern-window",
        "aria-expanded": "false",
        onclick: () => (this.window.hidden ? this.open(true) : this.close()),
      },
      // Drawn in CSS: an emoji would need a font that not every system has.
      h("span", { class: "launcher-icon", "aria-hidden": "true" }),
      h("span", { class: "launcher-text" }, S.openChat),
      this.badge,
    );
    const closeButton = h(
      "button",
      { class: "link close-window", type: "button", onclick: () => this.close() },
      S.closeChat,
    );
    root.querySelector("header")?.append(closeButton);
    this.window.append(root);
    this.window.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.close();
    });
    shadow.replaceChildren(this.window, this.button);
    this.label();
  }

  /** Open the window; `focus` moves the keyboard to the message box (a person asked for it). */
  open(focus: boolean): void {
    this.window.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    this.count = 0;
    this.label();
    if (focus) this.focusInput();
  }

  close(): void {
    this.window.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    this.button.focus();
    this.label();
  }

  /** A message from someone else arrived; counted while the window is closed. */
  unread(): void {
    if (!this.window.hidden) return;
    this.count += 1;
    this.label();
  }

  private label(): void {
    const open = !this.window.hidden;
    this.badge.hidden = this.count === 0;
    this.badge.textContent = String(this.count);
    this.button.querySelector(".launcher-text")!.textContent = open ? S.closeChat : S.openChat;
    this.button.setAttribute(
      "aria-label",
      open ? S.closeChat : this.count ? `${S.openChat}, ${S.unread(this.count)}` : S.openChat,
    );
  }
}
