/**
 * Open cases as cards with a live countdown to their acknowledgement deadline. One timer
 * ticks every countdown on the page, so a hundred cases cost one interval.
 */
import type { Case } from "../../../shared/types.ts";
import { clock, h, timeOf } from "../lib/dom.ts";

export interface CaseActions {
  ack(c: Case): Promise<string>;
  escalate(c: Case, note: string): Promise<string>;
  resolve(c: Case, note: string): Promise<string>;
}

const TIER = { 1: "Tier 1 · peer specialists", 2: "Tier 2 · clinicians" } as Record<number, string>;

/** Render one case. */
export function renderCase(c: Case, actions: CaseActions): HTMLLIElement {
  const status = h("p", { class: "result", role: "status" });
  const noteId = `n-${c.id}`;
  const note = h("input", {
    id: noteId,
    type: "text",
    maxlength: 4000,
    placeholder: "Note (what you did, who you told)",
  });
  const busy = (run: () => Promise<string>) => async (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    button.disabled = true;
    status.textContent = "Working…";
    status.textContent = await run().catch(() => "Something went wrong.");
    button.disabled = false;
  };
  return h(
    "li",
    { class: `card case level-${c.level} status-${c.status}`, "data-case-id": c.id },
    h(
      "div",
      { class: "card-head" },
      h("strong", null, `Level ${c.level}`),
      h("span", { class: "tag" }, c.category ?? "uncategorised"),
      h("span", { class: "tag tier" }, TIER[c.tier] ?? `Tier ${c.tier}`),
      h("span", { class: `badge ${c.status}`, "data-testid": "case-status" }, c.status),
      h(
        "span",
        { class: "countdown", "data-due": c.dueAt, "data-status": c.status, "data-testid": "countdown" },
        countdownText(c.dueAt, c.status),
      ),
    ),
    h(
      "p",
      { class: "meta" },
      `opened ${timeOf(c.createdAt)} · due ${timeOf(c.dueAt)}`,
      c.roomId ? ` · room ${c.roomId}` : "",
      c.messageId ? ` · message ${c.messageId}` : "",
      c.assignee ? ` · with ${c.assignee}` : "",
    ),
    c.notes?.length
      ? h(
          "ul",
          { class: "notes", "aria-label": "Notes" },
          c.notes.map((n) =>
            h("li", null, h("span", { class: "meta" }, `${timeOf(n.at)} ${n.by}: `), n.text),
          ),
        )
      : null,
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          class: "btn primary",
          type: "button",
          disabled: c.status === "acknowledged" || c.status === "resolved",
          onclick: busy(() => actions.ack(c)),
        },
        "Acknowledge",
      ),
      h("label", { class: "sr-only", for: noteId }, "Note"),
      note,
      h(
        "button",
        {
          class: "btn",
          type: "button",
          disabled: c.tier >= 2,
          onclick: busy(() => actions.escalate(c, note.value)),
        },
        "Escalate",
      ),
      h(
        "button",
        { class: "btn", type: "button", onclick: busy(() => actions.resolve(c, note.value)) },
        "Resolve",
      ),
    ),
    status,
  );
}

/** "due in 4:12" or "overdue 0:37": what the countdown says at this moment. */
export function countdownText(dueAt: string, status: string, now = Date.now()): string {
  // Open and escalated cases wait for someone to acknowledge them; the others are in hand.
  if (status === "resolved" || status === "acknowledged") return status;
  const left = new Date(dueAt).getTime() - now;
  if (Number.isNaN(left)) return "";
  return left >= 0 ? `due in ${clock(left)}` : `overdue ${clock(left)}`;
}

/** Update every countdown on the page once a second. */
export function startCountdowns(root: ParentNode): () => void {
  const tick = () => {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-due]"))) {
      const text = countdownText(el.dataset.due ?? "", el.dataset.status ?? "");
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle("overdue", text.startsWith("overdue"));
    }
  };
  tick();
  const timer = setInterval(tick, 1000);
  return () => clearInterval(timer);
}
