/**
 * One chat message as a list item. All text goes in through `h()` as Text nodes; a link in a
 * message stays plain text (not clickable), so `javascript:` or look-alike URLs do nothing.
 */
import type { Member, Message } from "../../../shared/types.ts";
import { REACTIONS } from "../../../shared/types.ts";
import { h } from "../lib/dom.ts";
import { S } from "./i18n.ts";
import type { Pending } from "./outbox.ts";
import { when } from "./when.ts";

export interface MessageActions {
  reply(m: Message): void;
  react(m: Message, emoji: string): void;
  report(m: Message, reason: string): void;
  mute(author: Member, muted: boolean): void;
}

export interface MessageViewContext {
  lookup(id: string): Message | undefined;
  isMine(m: Message): boolean;
  isMuted(authorId: string): boolean;
  note(messageId: string): string | undefined;
  actions: MessageActions;
}

/** The list item for a stored message. */
export function renderMessage(m: Message, ctx: MessageViewContext): HTMLLIElement {
  const mine = ctx.isMine(m);
  const li = h("li", { class: `msg${mine ? " mine" : ""}`, "data-id": m.id, "data-seq": m.seq ?? "" });
  if (!mine && ctx.isMuted(m.author.id)) {
    li.append(
      h("span", { class: "muted-msg" }, S.mutedMessage(m.author.name)),
      h(
        "button",
        {
          class: "link",
          type: "button",
          "data-key": "unmute",
          onclick: () => ctx.actions.mute(m.author, false),
        },
        S.unmute(m.author.name),
      ),
    );
    return li;
  }
  li.append(byline(m.author, m.createdAt, mine));
  if (m.replyTo) li.append(quote(ctx.lookup(m.replyTo)));
  const gone = m.status === "deleted" || m.status === "rejected";
  li.append(h("div", { class: "body" }, gone ? S.removed : m.body));
  const note = ctx.note(m.id);
  if (note) li.append(h("p", { class: `note${m.status === "held" ? " waiting" : ""}`, role: "note" }, note));
  if (!gone && m.status !== "held") {
    li.append(reactionRow(m, ctx), actionRow(m, mine, ctx, li));
  }
  return li;
}

/** A message still on its way (or waiting for a reconnect). */
export function renderPending(p: Pending, author: string): HTMLLIElement {
  return h(
    "li",
    { class: "msg mine pending", "data-client-id": p.clientId },
    h("span", { class: "who" }, author),
    h("time", { datetime: p.createdAt }, S.sending),
    h("div", { class: "body" }, p.body),
    p.note ? h("p", { class: "note" }, p.note) : null,
  );
}

function byline(author: Member, createdAt: string, mine: boolean): HTMLElement {
  const role = S.roles[author.role];
  const at = when(createdAt);
  return h(
    "div",
    null,
    h("span", { class: "who" }, author.name),
    mine ? h("span", { class: "you" }, S.youSuffix) : null,
    role ? h("span", { class: "role" }, role) : null,
    h("time", { datetime: createdAt, title: at.full }, at.text),
  );
}

function quote(original: Message | undefined): HTMLElement {
  if (!original) return h("div", { class: "quote" }, S.replyingToEarlier);
  const text = original.body.length > 80 ? `${original.body.slice(0, 80)}…` : original.body;
  return h("div", { class: "quote" }, `${S.replyingTo(original.author.name)}: `, text);
}

function reactionRow(m: Message, ctx: MessageViewContext): HTMLElement {
  const row = h("div", { class: "reactions" });
  for (const [emoji, count] of Object.entries(m.reactions ?? {})) {
    if (!count) continue;
    row.append(
      h(
        "button",
        {
          class: "reaction",
          type: "button",
          "data-key": `r${emoji}`,
          "aria-label": S.addReaction(emoji, count),
          onclick: () => ctx.actions.react(m, emoji),
        },
        `${emoji} ${count}`,
      ),
    );
  }
  return row;
}

function actionRow(m: Message, mine: boolean, ctx: MessageViewContext, li: HTMLElement): HTMLElement {
  const picker = h(
    "div",
    { class: "picker", role: "group", "aria-label": S.chooseReaction, hidden: true },
    REACTIONS.map((emoji) =>
      h(
        "button",
        {
          type: "button",
          "data-key": `p${emoji}`,
          "aria-label": S.reactWith(emoji),
          onclick: () => ctx.actions.react(m, emoji),
        },
        emoji,
      ),
    ),
  );
  const reactButton = h(
    "button",
    {
      class: "link",
      type: "button",
      "data-key": "react",
      "aria-expanded": "false",
      onclick: () => {
        const open = picker.hidden;
        picker.hidden = !open;
        reactButton.setAttribute("aria-expanded", String(open));
        if (open) (picker.firstElementChild as HTMLElement | null)?.focus();
      },
    },
    S.react,
  );
  const row = h(
    "div",
    { class: "actions" },
    h(
      "button",
      { class: "link", type: "button", "data-key": "reply", onclick: () => ctx.actions.reply(m) },
      S.reply,
    ),
    reactButton,
  );
  if (!mine) {
    row.append(
      h(
        "button",
        {
          class: "link",
          type: "button",
          "data-key": "report",
          // Below the message, in the flow: it never covers the words it reports.
          onclick: () => {
            if (li.querySelector("form.report")) return;
            li.append(
              reportForm(m, ctx, () => (row.querySelector('[data-key="report"]') as HTMLElement)?.focus()),
            );
          },
        },
        S.report,
      ),
      h(
        "button",
        {
          class: "link",
          type: "button",
          "data-key": "mute",
          onclick: () => ctx.actions.mute(m.author, true),
        },
        S.mute(m.author.name),
      ),
    );
  }
  return h("div", { class: "tools" }, row, picker);
}

/** The report form, below the message: a reason is optional, and the report is anonymous to the author. */
function reportForm(m: Message, ctx: MessageViewContext, cancelled: () => void): HTMLElement {
  const reason = h("input", {
    type: "text",
    maxlength: 500,
    "aria-label": S.reportReason,
    placeholder: S.reportReason,
  });
  const form = h(
    "form",
    {
      class: "report",
      onsubmit: (e: Event) => {
        e.preventDefault();
        ctx.actions.report(m, reason.value.trim());
        form.replaceWith(h("p", { class: "note", role: "status" }, S.reportSending));
      },
    },
    h("span", null, S.reportQuestion),
    reason,
    h("button", { class: "btn", type: "submit" }, S.sendReport),
    h(
      "button",
      {
        class: "link",
        type: "button",
        onclick: () => {
          form.remove();
          cancelled();
        },
      },
      S.cancel,
    ),
  );
  queueMicrotask(() => reason.focus());
  return form;
}
