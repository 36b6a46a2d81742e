/**
 * The chat panel of one room: joins (and after a drop rejoins with `afterSeq`), keeps the
 * message list without duplicates, sends through the outbox, and shows presence, typing,
 * moderation notes, notices and the private support card.
 */
import type { JoinedRoom, Member, Message, ModerationOutcome, Notice } from "../../../shared/types.ts";
import type { LanternSocket } from "../lib/connection.ts";
import { h, replaceChildren } from "../lib/dom.ts";
import { request } from "../lib/request.ts";
import { S } from "./i18n.ts";
import { compareMessages, MessageStore } from "./message-store.ts";
import { type MessageViewContext, renderMessage, renderPending } from "./message-view.ts";
import type { MuteStore } from "./mute-store.ts";
import { Outbox, type Pending } from "./outbox.ts";
import { TypingIndicator } from "./typing.ts";
import { heldNote, noticeText, redactedNote, rejectedNote, sendErrorText } from "./wording.ts";

export interface ChatDeps {
  /** Say something to screen readers through the widget's live region. */
  announce(text: string): void;
  mutes: MuteStore;
  /** The room's name, once joined, for the widget's header. */
  titled(name: string): void;
  /** Remember who "I" am across reloads (the opaque handle learnt from an ack). */
  myId: { get(): string | null; set(id: string): void };
  /** A message from someone else arrived (the launcher counts them while closed). */
  unread(): void;
}

type SortKey = Pick<Message, "seq" | "createdAt">;

export class ChatPanel {
  readonly el: HTMLElement;
  private socket: LanternSocket | null = null;
  private readonly store = new MessageStore();
  private readonly outbox: Outbox;
  private readonly notes = new Map<string, string>();
  private readonly mine = new Set<string>();
  private readonly items = new Map<string, HTMLLIElement>();
  private readonly keys = new WeakMap<Element, SortKey>();
  private readonly typing: TypingIndicator;
  private room: JoinedRoom | null = null;
  private replyTo: Message | null = null;

  private readonly intro = h("div");
  private readonly list = h("ol", { class: "messages", "aria-label": S.messages });
  private readonly earlier = h("button", { class: "link", type: "button", hidden: true }, S.earlier);
  private readonly scroller = h("div", { class: "scroll", tabindex: 0, "aria-label": S.conversation });
  private readonly presence = h("div", { class: "presence", "aria-live": "off" });
  private readonly notice = h("div", { class: "notice", role: "status" });
  private readonly input = h("textarea", {
    id: "lantern-message",
    rows: 2,
    maxlength: 4000,
    "aria-label": S.message,
    placeholder: S.placeholder,
  });
  private readonly replying = h("div", { class: "replying", hidden: true });

  constructor(
    private readonly roomId: string,
    private readonly deps: ChatDeps,
  ) {
    this.outbox = new Outbox({
      sent: (p, m, mod) => this.onSent(p, m, mod),
      refused: (p, code, details) => this.onRefused(p, code, details),
      changed: (p) => this.showPending(p),
    });
    this.typing = new TypingIndicator(roomId);
    this.earlier.addEventListener("click", () => void this.loadEarlier());
    this.scroller.append(this.intro, this.earlier, this.list);
    // Stay at the newest message when the conversation area shrinks (a support card opening
    // above it, the keyboard on a phone), if that is where the reader was.
    let atEnd = true;
    this.scroller.addEventListener("scroll", () => {
      const sc = this.scroller;
      atEnd = sc.scrollHeight - sc.scrollTop - sc.clientHeight < 24;
    });
    if (typeof ResizeObserver !== "undefined")
      new ResizeObserver(() => {
        if (atEnd) this.scroller.scrollTop = this.scroller.scrollHeight;
      }).observe(this.scroller);
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener("input", () => this.typing.input(this.socket));
    const form = h(
      "form",
      {
        class: "composer",
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.submit();
        },
      },
      this.replying,
      h("div", { class: "row" }, this.input, h("button", { class: "btn", type: "submit" }, S.send)),
    );
    this.el = h(
      "div",
      { class: "panel", role: "tabpanel", "aria-label": S.chat },
      this.scroller,
      this.typing.el,
      this.presence,
      this.notice,
      form,
    );
  }

  /** Listen to the room's events; called once, the socket object survives reconnects. */
  bind(socket: LanternSocket): void {
    this.socket = socket;
    const here = (roomId: string) => roomId === this.roomId;
    socket.on("message:new", (m) => here(m.roomId) && this.upsert(m, true));
    socket.on("message:updated", (m) => here(m.roomId) && this.upsert(m, false));
    socket.on("message:deleted", ({ roomId, messageId }) => {
      const known = this.store.get(messageId);
      if (here(roomId) && known) this.upsert({ ...known, status: "deleted", body: "" }, false);
    });
    socket.on("presence", (p) => here(p.roomId) && this.showPresence(p.online));
    socket.on("typing", (p) => here(p.roomId) && this.typing.show(p.user, p.typing, this.deps.myId.get()));
    socket.on("notice", (n) => this.onNotice(n));
  }

  /** Put the keyboard in the message box (the skip link, the launcher). */
  focusInput(): void {
    this.input.focus();
  }

  /** The connection dropped: who is here and who is typing is no longer known. */
  disconnected(): void {
    this.presence.textContent = "";
    this.typing.clear();
  }

  /** After every (re)connect: join, catch up after the last seq seen, then resend what waits. */
  async online(socket: LanternSocket): Promise<void> {
    this.socket = socket;
    await this.join();
    this.outbox.online(socket);
  }

  private async join(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const catchingUp = this.room !== null;
    for (let page = 0; page < 50; page++) {
      const afterSeq = catchingUp ? this.store.lastSeq : undefined;
      const res = await request(
        socket,
        "room:join",
        afterSeq === undefined ? { roomId: this.roomId } : { roomId: this.roomId, afterSeq },
      );
      if (!res.ok) {
        this.say(res.error.code === "forbidden" || res.error.code === "not_found" ? S.cantJoin : S.joinRetry);
        return;
      }
      // Joined: whatever the notice line said about an earlier failure is stale now.
      if (page === 0) this.say("");
      const me = (res as { me?: Member }).me;
      if (me?.id) this.deps.myId.set(me.id);
      if (!this.room) {
        this.showIntro(res.room);
        this.deps.titled(res.room.name);
      }
      this.room = res.room;
      for (const m of res.messages) this.upsert(m, catchingUp);
      // Our own held messages have no seq: they come beside the history, marked as waiting.
      for (const m of res.pending ?? []) {
        this.mine.add(m.id);
        if (!this.notes.has(m.id)) this.notes.set(m.id, heldNote());
        this.upsert(m, false, true);
      }
      this.showPresence(res.online);
      if (!catchingUp) this.earlier.hidden = !res.hasMore;
      if (!catchingUp || !res.hasMore || res.messages.length === 0) break;
    }
    this.scrollToEnd(true);
  }

  private async loadEarlier(): Promise<void> {
    const first = this.store.firstSeq();
    if (!this.socket || first === null) return;
    const res = await request(this.socket, "room:history", {
      roomId: this.roomId,
      beforeSeq: first,
      limit: 50,
    });
    if (!res.ok) return;
    for (const m of res.messages) this.upsert(m, false);
    this.earlier.hidden = !res.hasMore;
  }

  private showIntro(room: JoinedRoom): void {
    const agreement = room.agreement ?? [];
    replaceChildren(
      this.intro,
      room.topic ? h("p", { class: "topic" }, room.topic) : null,
      agreement.length
        ? h(
            "details",
            { class: "agreement", open: true },
            h("summary", null, S.agreement),
            h(
              "ul",
              null,
              agreement.map((line) => h("li", null, line)),
            ),
          )
        : null,
    );
  }

  private showPresence(online: Member[]): void {
    const names = online.map((m) => m.name);
    this.presence.textContent = names.length ? S.hereNow(names.join(", ")) : "";
  }

  private submit(): void {
    const body = this.input.value.trim();
    if (!body) return;
    const pending = this.outbox.add(this.roomId, body, this.replyTo?.id ?? null);
    this.input.value = "";
    this.setReply(null);
    this.typing.stop(this.socket);
    if (this.outbox.items.has(pending.clientId)) this.showPending(pending);
  }

  private onSent(p: Pending, m: Message, moderation: ModerationOutcome): void {
    this.removeItem(`c:${p.clientId}`);
    this.mine.add(m.id);
    const knewMe = this.deps.myId.get() === m.author.id;
    this.deps.myId.set(m.author.id);
    // Now that we know our own handle, earlier messages of ours (other tab, before a reload) show as ours.
    if (!knewMe) this.rerenderAll();
    if (moderation.action === "redact") this.notes.set(m.id, redactedNote(moderation.reasons));
    if (moderation.action === "hold" || m.status === "held") this.notes.set(m.id, heldNote());
    this.upsert(m, false, true);
  }

  private onRefused(p: Pending, code: string, details: Record<string, unknown>): void {
    this.removeItem(`c:${p.clientId}`);
    this.say(sendErrorText(code, details));
    // Give the words back, so nothing the person wrote is lost.
    if (!this.input.value) this.input.value = p.body;
  }

  private onNotice(n: Notice): void {
    const messageId = typeof n.messageId === "string" ? n.messageId : null;
    const aboutMessage = n.code === "held" || n.code === "rejected" || n.code === "redacted";
    // Forum posts (t_, p_) are the forum panel's; a notice for another room is not ours.
    if (messageId && aboutMessage && /^[tp]_/.test(messageId)) return;
    if (messageId && aboutMessage && (n.roomId === undefined || n.roomId === this.roomId)) {
      // Kept by id even before the message is known: a notice may overtake its message.
      this.notes.set(messageId, noticeText(n));
      const known = this.store.get(messageId);
      if (known) this.upsert(n.code === "rejected" ? { ...known, status: "rejected" } : known, false, true);
      return;
    }
    if (n.roomId !== undefined && n.roomId !== this.roomId) return;
    const text = noticeText(n);
    if (text) this.say(text);
  }

  private say(text: string): void {
    replaceChildren(this.notice, text ? h("p", { class: "note" }, text) : null);
    if (text) this.deps.announce(text);
  }

  /** Add or refresh a message; `fresh` announces it to screen readers. */
  private upsert(m: Message, fresh: boolean, force = false): void {
    const isNew = !this.store.get(m.id);
    if (!this.store.upsert(m) && !force) return;
    if ((m.status === "visible" || m.status === "redacted") && this.notes.get(m.id) === heldNote())
      this.notes.delete(m.id);
    if (m.status === "rejected" && this.isMine(m)) this.notes.set(m.id, rejectedNote());
    this.place(m.id, renderMessage(m, this.viewContext()), m);
    if (fresh && isNew && !this.isMine(m) && !this.deps.mutes.has(m.author.id)) {
      this.deps.announce(S.newMessage(m.author.name, m.body));
      this.deps.unread();
    }
    this.scrollToEnd(false);
  }

  private showPending(p: Pending): void {
    this.place(`c:${p.clientId}`, renderPending(p, S.you), { seq: null, createdAt: p.createdAt });
    this.scrollToEnd(true);
  }

  /** Put an item at its sorted place, replacing its older rendering and keeping keyboard focus. */
  private place(key: string, li: HTMLLIElement, sort: SortKey): void {
    const old = this.items.get(key);
    const root = this.el.getRootNode() as Document | ShadowRoot;
    const focused =
      old && root.activeElement && old.contains(root.activeElement)
        ? root.activeElement.getAttribute("data-key")
        : null;
    old?.remove();
    this.items.set(key, li);
    this.keys.set(li, sort);
    let before: Element | null = null;
    for (let el = this.list.lastElementChild; el; el = el.previousElementSibling) {
      const k = this.keys.get(el);
      if (k && compareMessages(k, sort) <= 0) break;
      before = el;
    }
    this.list.insertBefore(li, before);
    if (focused) li.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  private removeItem(key: string): void {
    this.items.get(key)?.remove();
    this.items.delete(key);
  }

  private rerenderAll(): void {
    for (const [key, li] of this.items) {
      const m = key.startsWith("c:") ? undefined : this.store.get(key);
      if (m) this.place(key, renderMessage(m, this.viewContext()), this.keys.get(li) ?? m);
    }
  }

  private isMine(m: Message): boolean {
    return this.mine.has(m.id) || m.author.id === this.deps.myId.get();
  }

  private setReply(m: Message | null): void {
    this.replyTo = m;
    this.replying.hidden = !m;
    if (!m) {
      this.replying.replaceChildren();
      return;
    }
    replaceChildren(
      this.replying,
      h("span", null, S.replyingTo(m.author.name)),
      h(
        "button",
        {
          class: "link",
          type: "button",
          onclick: () => {
            this.setReply(null);
            this.input.focus();
          },
        },
        S.cancelReply,
      ),
    );
    this.input.focus();
  }

  private viewContext(): MessageViewContext {
    return {
      lookup: (id) => this.store.get(id),
      isMine: (m) => this.isMine(m),
      isMuted: (id) => this.deps.mutes.has(id),
      note: (id) => this.notes.get(id),
      actions: {
        reply: (m) => this.setReply(m),
        react: (m, emoji) => void this.react(m, emoji),
        report: (m, reason) => void this.report(m, reason),
        mute: (author, muted) => {
          this.deps.mutes.set(author.id, muted);
          this.rerenderAll();
          this.say(muted ? S.youMuted(author.name) : S.youUnmuted(author.name));
        },
      },
    };
  }

  private async react(m: Message, emoji: string): Promise<void> {
    if (!this.socket) return;
    const res = await request(this.socket, "message:react", { messageId: m.id, emoji: emoji as never });
    if (res.ok) this.upsert(res.message, false);
    else this.say(S.reactionFailed);
  }

  private async report(m: Message, reason: string): Promise<void> {
    if (!this.socket) return;
    const res = await request(
      this.socket,
      "message:report",
      reason ? { messageId: m.id, reason } : { messageId: m.id },
    );
    this.notes.set(m.id, res.ok ? S.reportThanks : S.reportFailed);
    this.upsert(m, false, true);
  }

  private scrollToEnd(always: boolean): void {
    const s = this.scroller;
    if (always || s.scrollHeight - s.scrollTop - s.clientHeight < 120) s.scrollTop = s.scrollHeight;
  }
}
