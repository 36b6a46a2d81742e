/**
 * The forum panel: a live list of threads (`forum:subscribe`, then `forum:thread`/`forum:reply`
 * as they happen), a thread page read over HTTP with the participant's token, and forms to
 * post and reply through the socket (moderated like chat).
 */
import {
  FORUM_TAGS,
  type ForumTag,
  type ModerationOutcome,
  type Reply,
  type Thread,
} from "../../../shared/types.ts";
import type { LanternSocket } from "../lib/connection.ts";
import { h, replaceChildren, uuid } from "../lib/dom.ts";
import { request } from "../lib/request.ts";
import { S } from "./i18n.ts";
import { when } from "./when.ts";
import { heldNote, noticeText, redactedNote, sendErrorText } from "./wording.ts";

const timeOf = (iso: string) => when(iso).text;

export interface ForumDeps {
  server: string;
  token(): Promise<string>;
  announce(text: string): void;
}

export class ForumPanel {
  readonly el: HTMLElement;
  private socket: LanternSocket | null = null;
  private readonly threads = new Map<string, Thread>();
  private open: { thread: Thread; replies: Map<string, Reply> } | null = null;
  private readonly body = h("div", { class: "scroll" });
  private readonly status = h("div", { class: "notice", role: "status" });
  private readonly footer = h("div");

  constructor(private readonly deps: ForumDeps) {
    this.el = h(
      "div",
      { class: "panel", role: "tabpanel", "aria-label": S.forum },
      this.body,
      this.status,
      this.footer,
    );
  }

  bind(socket: LanternSocket): void {
    this.socket = socket;
    socket.on("forum:thread", (t) => {
      this.threads.set(t.id, t);
      if (this.open?.thread.id === t.id) this.open.thread = t;
      this.render();
    });
    socket.on("forum:reply", (r) => {
      const t = this.threads.get(r.threadId);
      if (t && !this.open?.replies.has(r.id))
        this.threads.set(t.id, { ...t, replyCount: t.replyCount + 1, lastActivityAt: r.createdAt });
      if (this.open?.thread.id === r.threadId && !this.open.replies.has(r.id)) {
        this.open.replies.set(r.id, r);
        this.deps.announce(S.repliedBy(r.author.name, r.body));
      }
      this.render();
    });
    // A peer specialist's decision on one of our held posts.
    socket.on("notice", (n) => {
      if (typeof n.messageId === "string" && /^[tp]_/.test(n.messageId)) this.say(noticeText(n));
    });
  }

  /** After every (re)connect: resubscribe and refresh whatever page is open. */
  async online(socket: LanternSocket): Promise<void> {
    this.socket = socket;
    const res = await request(socket, "forum:subscribe", {});
    if (!res.ok) return this.say(S.forumUnavailable);
    this.threads.clear();
    for (const t of res.threads) this.threads.set(t.id, t);
    if (this.open) await this.openThread(this.open.thread.id);
    else this.render();
  }

  private say(text: string): void {
    replaceChildren(this.status, text ? h("p", { class: "note" }, text) : null);
    if (text) this.deps.announce(text);
  }

  private render(): void {
    if (this.open) {
      this.renderThread();
      return;
    }
    const sorted = [...this.threads.values()].sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : -1));
    replaceChildren(
      this.body,
      h("h3", null, S.forumTitle),
      sorted.length === 0 ? h("p", { class: "meta" }, S.noTopics) : null,
      h(
        "ul",
        { class: "threads", "aria-label": S.topics },
        sorted.map((t) =>
          h(
            "li",
            { "data-id": t.id },
            h(
              "button",
              { type: "button", onclick: () => void this.openThread(t.id) },
              h("span", { class: "title" }, t.title),
              h(
                "span",
                { class: "meta" },
                `${t.author.name} · ${S.replyCount(t.replyCount)} · ${timeOf(t.lastActivityAt)}`,
              ),
            ),
          ),
        ),
      ),
    );
    replaceChildren(this.footer, this.postForm());
  }

  private renderThread(): void {
    const { thread, replies } = this.open!;
    const back = h(
      "button",
      {
        class: "link",
        type: "button",
        onclick: () => {
          this.open = null;
          this.render();
        },
      },
      S.allTopics,
    );
    replaceChildren(
      this.body,
      back,
      h("h3", null, thread.title),
      h("p", { class: "meta" }, `${thread.author.name} · ${timeOf(thread.createdAt)}`),
      h("div", { class: "thread-body" }, thread.body),
      h(
        "ol",
        { class: "replies", "aria-label": S.repliesLabel },
        [...replies.values()]
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
          .map((r) =>
            h(
              "li",
              null,
              h("strong", null, r.author.name),
              " ",
              h("span", { class: "meta" }, timeOf(r.createdAt)),
              h("div", { class: "thread-body" }, r.body),
            ),
          ),
      ),
    );
    replaceChildren(
      this.footer,
      thread.locked ? h("p", { class: "meta" }, S.locked) : this.replyForm(thread.id),
    );
  }

  /** Read one thread with its replies over HTTP (the socket only streams what is new). */
  private async openThread(id: string): Promise<void> {
    try {
      const token = await this.deps.token();
      const base = `${this.deps.server}/api/forum/threads/${encodeURIComponent(id)}`;
      let thread: Thread | null = null;
      const replies = new Map<string, Reply>();
      // Replies come in pages; a thread page shows them all (capped, so a huge thread cannot stall us).
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const res = await fetch(cursor ? `${base}?cursor=${encodeURIComponent(cursor)}` : base, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (!res.ok) throw new Error(String(res.status));
        const data = (await res.json()) as { thread: Thread; replies: Reply[]; nextCursor?: string | null };
        thread ??= data.thread;
        for (const r of data.replies ?? []) replies.set(r.id, r);
        cursor = data.nextCursor ?? null;
        if (!cursor) break;
      }
      if (!thread) throw new Error("no thread");
      // Replies that arrived live while the pages loaded are kept.
      if (this.open?.thread.id === id) for (const [rid, r] of this.open.replies) replies.set(rid, r);
      this.open = { thread, replies };
      this.say("");
      this.render();
    } catch {
      this.say(S.topicFailed);
    }
  }

  private postForm(): HTMLElement {
    const title = h("input", {
      type: "text",
      maxlength: 200,
      "aria-label": S.topicTitle,
      placeholder: S.topicTitle,
    });
    const text = h("textarea", {
      rows: 2,
      maxlength: 4000,
      "aria-label": S.topicText,
      placeholder: S.topicPlaceholder,
    });
    const tag = h(
      "select",
      { "aria-label": S.topicTag },
      h("option", { value: "" }, S.topicTag),
      FORUM_TAGS.map((t) => h("option", { value: t }, t.replace(/-/g, " "))),
    );
    const clientId = uuid();
    return h(
      "form",
      {
        class: "forum-form",
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (!this.socket || !title.value.trim() || !text.value.trim()) return;
          const res = await request(this.socket, "forum:post", {
            clientId,
            title: title.value.trim(),
            body: text.value.trim(),
            tags: tag.value ? [tag.value as ForumTag] : [],
          });
          if (!res.ok) return this.say(sendErrorText(res.error.code, res.error));
          this.threads.set(res.thread.id, res.thread);
          this.say(this.moderationText(res.moderation) ?? S.posted);
          this.render();
        },
      },
      h("strong", null, S.startTopic),
      title,
      tag,
      text,
      h("button", { class: "btn", type: "submit" }, S.post),
    );
  }

  private replyForm(threadId: string): HTMLElement {
    const text = h("textarea", {
      rows: 2,
      maxlength: 4000,
      "aria-label": S.yourReply,
      placeholder: S.replyPlaceholder,
    });
    const clientId = uuid();
    return h(
      "form",
      {
        class: "forum-form",
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (!this.socket || !text.value.trim()) return;
          const res = await request(this.socket, "forum:reply", {
            threadId,
            clientId,
            body: text.value.trim(),
          });
          if (!res.ok) return this.say(sendErrorText(res.error.code, res.error));
          if (this.open?.thread.id === threadId) this.open.replies.set(res.reply.id, res.reply);
          this.say(this.moderationText(res.moderation) ?? "");
          this.render();
        },
      },
      text,
      h("button", { class: "btn", type: "submit" }, S.reply),
    );
  }

  private moderationText(m: ModerationOutcome): string | null {
    if (m.action === "hold") return heldNote();
    if (m.action === "redact") return redactedNote(m.reasons);
    return null;
  }
}
