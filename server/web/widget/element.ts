/**
 * `<lantern-chat room="..." server="...">`: the embeddable widget. It renders into a closed
 * world of its own (shadow DOM), owns one connection, and hosts the chat and forum panels.
 * The host page supplies tokens through `el.getToken = () => ...`, `token-url="..."` or
 * `Lantern.mount(el, { getToken })`; the element starts as soon as it has one.
 */
import { type Connection, type ConnectionState, openConnection } from "../lib/connection.ts";
import { h } from "../lib/dom.ts";
import { type GetToken, TokenKeeper } from "../lib/token.ts";
import { ChatPanel } from "./chat.ts";
import { ForumPanel } from "./forum.ts";
import { S, useLanguage } from "./i18n.ts";
import { Launcher } from "./launcher.ts";
import { MuteStore } from "./mute-store.ts";
import { WIDGET_CSS } from "./styles.ts";
import { SupportDesk } from "./support-desk.ts";

export interface MountOptions {
  /** Lantern's origin; defaults to where widget.js was loaded from. */
  server?: string;
  room?: string;
  getToken?: GetToken;
  /** A same-origin URL of the integrator's backend answering `{ "token": "<jwt>" }`. */
  tokenUrl?: string;
  /** Show the forum tab (default: on). */
  forum?: boolean;
  /** The panel shown first. */
  view?: "chat" | "forum";
  /** `inline` (default): the element is the chat; `launcher`: a floating button that opens it. */
  mode?: "inline" | "launcher";
  /** The language (`en`, `es`, ...); default: the element's `lang`, else the page's `<html lang>`. */
  lang?: string;
}

/** What the status line says in each connection state. */
function stateText(state: ConnectionState, attempt = 1): string {
  switch (state) {
    case "online":
      return "";
    case "connecting":
      return S.connecting;
    case "reconnecting":
      return S.reconnecting(attempt);
    case "offline":
      return S.offline;
    case "denied":
      return S.signedOut;
    case "not_allowed":
      return S.notAllowed;
  }
}

let sheet: CSSStyleSheet | null = null;

/** The script's own origin, read while it runs, as the default server. */
export const SCRIPT_ORIGIN = (() => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  try {
    return src ? new URL(src).origin : location.origin;
  } catch {
    return location.origin;
  }
})();

export class LanternChatElement extends HTMLElement {
  private options: MountOptions = {};
  private tokenSource: GetToken | null = null;
  private connection: Connection | null = null;

  /** Set by the host page: returns a fresh JWT minted by the integrator's backend. */
  set getToken(fn: GetToken | null) {
    this.tokenSource = fn;
    if (this.isConnected) this.start();
  }
  get getToken(): GetToken | null {
    return this.tokenSource;
  }

  /** Configure from script (what `Lantern.mount` calls). */
  configure(options: MountOptions): void {
    this.options = { ...this.options, ...options };
    if (options.getToken) this.tokenSource = options.getToken;
    if (this.isConnected) this.start();
  }

  connectedCallback(): void {
    // Let the host finish setting properties in the same task before we start.
    queueMicrotask(() => this.start());
  }

  disconnectedCallback(): void {
    this.connection?.close();
    this.connection = null;
  }

  private tokenGetter(): GetToken | null {
    if (this.tokenSource) return this.tokenSource;
    const url = this.options.tokenUrl ?? this.getAttribute("token-url");
    if (!url) return null;
    return async () => {
      const res = await fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    };
  }

  private start(): void {
    const getToken = this.tokenGetter();
    if (this.connection || !getToken || !this.isConnected) return;
    const server = (this.options.server ?? this.getAttribute("server") ?? SCRIPT_ORIGIN).replace(/\/+$/, "");
    const room = this.options.room ?? this.getAttribute("room");
    const forum = this.options.forum ?? this.getAttribute("forum") !== "off";
    const locale = useLanguage(
      this.options.lang ?? this.getAttribute("lang") ?? document.documentElement.lang ?? "en",
    );
    const tokens = new TokenKeeper(getToken);
    const mode = (this.options.mode ?? this.getAttribute("mode")) === "launcher" ? "launcher" : "inline";
    const ui = this.renderShell(room !== null);
    const announce = (text: string) => {
      // Clear first so that the same sentence twice is still read out.
      ui.live.textContent = "";
      setTimeout(() => (ui.live.textContent = text), 50);
    };
    const meKey = `lantern:me:${server}`;
    let launcher: Launcher | null = null;
    const chat = room
      ? new ChatPanel(room, {
          announce,
          mutes: new MuteStore(server),
          titled: (name) => (ui.title.textContent = name),
          myId: {
            get: () => sessionStorage.getItem(meKey),
            set: (id) => sessionStorage.setItem(meKey, id),
          },
          unread: () => launcher?.unread(),
        })
      : null;
    const forumPanel = forum ? new ForumPanel({ server, announce, token: () => tokens.fresh() }) : null;
    const panels = [
      chat && { name: S.chat, el: chat.el },
      forumPanel && { name: S.forum, el: forumPanel.el },
    ].filter((p) => !!p);
    const first = this.options.view ?? this.getAttribute("view");
    const select = this.tabs(ui.tablist, panels, first === "forum" ? panels.length - 1 : 0);
    let socket: Connection["socket"] | null = null;
    const desk = new SupportDesk(server, {
      socket: () => socket,
      announce,
      shown: () => launcher?.open(false),
    });
    ui.root.insertBefore(desk.el, ui.live);
    ui.root.insertBefore(
      h(
        "div",
        { class: "panels panel" },
        panels.map((p) => p.el),
      ),
      ui.live,
    );
    if (chat) {
      ui.skip.addEventListener("click", (e) => {
        e.preventDefault();
        select(0);
        chat.focusInput();
      });
    } else ui.skip.remove();
    if (mode === "launcher") launcher = new Launcher(this, ui.root, () => chat?.focusInput());

    this.connection = openConnection(
      server,
      tokens,
      {
        state: (state, reason, attempt) => {
          ui.status.dataset.state = state;
          ui.status.textContent = stateText(state, attempt);
          ui.status.hidden = state === "online";
          // Who is here and who is typing is unknown until the room is joined again.
          if (state !== "online") chat?.disconnected();
          this.dispatchEvent(
            new CustomEvent("lantern:state", { detail: { state, reason }, bubbles: true, composed: true }),
          );
        },
        online: (s) => {
          socket = s;
          // Ready means the room is joined; the forum loads on its own time.
          void forumPanel?.online(s);
          void Promise.resolve(chat?.online(s)).then(() =>
            this.dispatchEvent(new CustomEvent("lantern:ready", { bubbles: true, composed: true })),
          );
        },
      },
      { locale },
    );
    socket = this.connection.socket;
    desk.bind(this.connection.socket);
    chat?.bind(this.connection.socket);
    forumPanel?.bind(this.connection.socket);
  }

  private renderShell(hasRoom: boolean) {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(WIDGET_CSS);
    }
    shadow.adoptedStyleSheets = [sheet];
    const title = h("h2", null, hasRoom ? S.chat : S.forum);
    const tablist = h("div", { role: "tablist", "aria-label": S.views });
    const skip = h("a", { class: "skip" }, S.skip);
    // h() keeps only absolute http(s)/tel/sms hrefs; an in-page fragment is set here.
    skip.setAttribute("href", "#lantern-message");
    const status = h("div", { class: "status", role: "status", "data-testid": "status" });
    const live = h("div", {
      class: "sr-only",
      "aria-live": "polite",
      "aria-atomic": "true",
      "data-testid": "live",
    });
    const root = h("div", { class: "root" }, skip, h("header", null, title, tablist), status, live);
    shadow.replaceChildren(root);
    return { root, title, tablist, status, live, skip };
  }

  /** ARIA tabs: arrow keys move between them, only the selected one is in the tab order. */
  private tabs(
    tablist: HTMLElement,
    panels: { name: string; el: HTMLElement }[],
    selected: number,
  ): (index: number) => void {
    if (panels.length < 2) {
      tablist.remove();
      return () => {};
    }
    const buttons = panels.map((p, i) =>
      h("button", { role: "tab", type: "button", id: `lantern-tab-${i}`, onclick: () => select(i) }, p.name),
    );
    const select = (index: number, focus = false) => {
      panels.forEach((p, i) => {
        const on = i === index;
        buttons[i]!.setAttribute("aria-selected", String(on));
        buttons[i]!.tabIndex = on ? 0 : -1;
        p.el.hidden = !on;
        p.el.setAttribute("aria-labelledby", `lantern-tab-${i}`);
      });
      if (focus) buttons[index]!.focus();
    };
    tablist.addEventListener("keydown", (e) => {
      const current = buttons.findIndex((b) => b.tabIndex === 0);
      if (e.key === "ArrowRight") select((current + 1) % buttons.length, true);
      else if (e.key === "ArrowLeft") select((current - 1 + buttons.length) % buttons.length, true);
    });
    tablist.append(...buttons);
    select(selected);
    return (index) => select(index);
  }
}
