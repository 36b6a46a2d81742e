/**
 * A held or flagged message as a card for the console: who wrote it, the few messages before
 * it, its text with the findings marked, and the actions a specialist can take from it.
 */
import type { HeldItem } from "../../../shared/events.ts";
import type { Message } from "../../../shared/types.ts";
import { h, timeOf } from "../lib/dom.ts";
import { describe, highlighted } from "./highlight.ts";
import { memberLabel, roomLabel } from "./names.ts";

export interface CardActions {
  approve?(m: Message): Promise<string>;
  reject?(m: Message, reason: string): Promise<string>;
  mute(m: Message, minutes: number, reason: string): Promise<string>;
  remove(m: Message, reason: string): Promise<string>;
  dismiss?(m: Message): void;
}

const MUTE_CHOICES = [
  [15, "15 minutes"],
  [60, "1 hour"],
  [24 * 60, "1 day"],
  [7 * 24 * 60, "1 week"],
] as const;

/** Render one item; `kind` says whether it waits for a decision (held) or was delivered (flagged). */
export function renderCard(item: HeldItem, kind: "held" | "flagged", actions: CardActions): HTMLLIElement {
  const m = item.message;
  const status = h("p", { class: "result", role: "status" });
  const reason = h("input", { type: "text", maxlength: 500, placeholder: "Reason (kept in the audit log)" });
  const minutes = h(
    "select",
    { "aria-label": "Mute for" },
    MUTE_CHOICES.map(([v, label]) => h("option", { value: v }, label)),
  );
  const busy = (run: () => Promise<string>) => async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    button.disabled = true;
    status.textContent = "Working…";
    status.textContent = await run().catch(() => "Something went wrong.");
    button.disabled = false;
  };
  const id = `r-${m.id}`;
  const inRoom = m.roomId !== "forum";
  return h(
    "li",
    {
      class: `card ${kind}`,
      "data-message-id": m.id,
      tabindex: 0,
      "aria-label": `${kind === "held" ? "Held" : "Flagged"} message from ${m.author.name}`,
    },
    h(
      "div",
      { class: "card-head" },
      h("strong", null, memberLabel(m.author)),
      h("span", { class: "tag" }, m.author.role),
      h("span", { class: "meta" }, roomLabel(m.roomId), ` · ${timeOf(m.createdAt)}`),
      h("span", { class: `badge ${kind}` }, kind === "held" ? "Held for review" : "Delivered, flagged"),
    ),
    item.context?.length
      ? h(
          "ol",
          { class: "context", "aria-label": "Messages just before it" },
          item.context.map((c) => h("li", null, h("span", { class: "who" }, `${c.author.name}: `), c.body)),
        )
      : null,
    highlighted(m.body, item.findings),
    h(
      "ul",
      { class: "findings", "aria-label": "Why it was flagged" },
      item.findings.map((f) => h("li", { class: `f-${f.kind}` }, describe(f))),
    ),
    h(
      "div",
      { class: "actions" },
      actions.approve
        ? h(
            "button",
            {
              class: "btn primary",
              type: "button",
              "data-shortcut": "a",
              onclick: busy(() => actions.approve!(m)),
            },
            "Approve",
          )
        : null,
      h("label", { class: "sr-only", for: id }, "Reason"),
      Object.assign(reason, { id }),
      actions.reject
        ? h(
            "button",
            {
              class: "btn",
              type: "button",
              "data-shortcut": "r",
              onclick: busy(() => actions.reject!(m, reason.value)),
            },
            "Reject",
          )
        : null,
      // Held forum posts come Message-shaped with roomId "forum": there is no room to mute or remove from.
      inRoom &&
        h(
          "span",
          { class: "group" },
          minutes,
          h(
            "button",
            {
              class: "btn",
              type: "button",
              onclick: busy(() => actions.mute(m, Number(minutes.value), reason.value)),
            },
            "Mute author",
          ),
        ),
      inRoom &&
        h(
          "button",
          { class: "btn danger", type: "button", onclick: busy(() => actions.remove(m, reason.value)) },
          "Remove from room",
        ),
      actions.dismiss
        ? h("button", { class: "link", type: "button", onclick: () => actions.dismiss!(m) }, "Dismiss")
        : null,
    ),
    status,
  );
}
