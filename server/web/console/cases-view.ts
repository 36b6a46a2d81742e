/**
 * Open cases as cards with a live countdown to their acknowledgement deadline. One timer
 * ticks every countdown on the page, so a hundred cases cost one interval.
 */
import type { Case, Member, Message } from "../../../shared/types.ts";
import { clock, h, replaceChildren, timeOf } from "../lib/dom.ts";
import { memberLabel, roomLabel } from "./names.ts";

/** What `GET /api/cases/:id/history` answers. */
export interface CaseHistory {
  case: Case;
  room: { id: string; name: string } | null;
  subject: Member | null;
  item: { message: Message; context?: Message[] } | null;
  timeline: { at: string; kind: string; by: string; text?: string }[];
}

export interface CaseActions {
  ack(c: Case): Promise<string>;
  escalate(c: Case, note: string): Promise<string>;
  resolve(c: Case, note: string): Promise<string>;
  history(c: Case): Promise<CaseHistory | null>;
}

const EVENT_TEXT: Record<string, string> = {
  opened: "Opened",
  acknowledged: "Acknowledged",
  escalated: "Escalated",
  auto_escalated: "Escalated automatically (deadline passed)",
  resolved: "Resolved",
  help_requested: "The participant asked for a peer specialist now",
  note: "Note",
};

/** A participant asked from their support card and nobody has acknowledged since. */
export const askedForHelp = (c: Case) =>
  c.status !== "acknowledged" &&
  c.status !== "resolved" &&
  /asked for a peer specialist/.test(c.notes.at(-1)?.text ?? "");

function renderHistory(into: HTMLElement, hist: CaseHistory | null): void {
  if (!hist) {
    replaceChildren(into, h("p", { class: "meta" }, "The history could not be loaded."));
    return;
  }
  const m = hist.item?.message;
  replaceChildren(
    into,
    hist.subject
      ? h(
          "p",
          null,
          "About ",
          memberLabel(hist.subject),
          hist.room ? " in " : "",
          hist.room ? roomLabel(hist.room.id) : "",
        )
      : null,
    h(
      "ol",
      { class: "timeline", "aria-label": "Timeline" },
      hist.timeline.map((e) =>
        h(
          "li",
          null,
          h("time", { datetime: e.at, title: new Date(e.at).toLocaleString() }, timeOf(e.at)),
          ` ${EVENT_TEXT[e.kind] ?? e.kind} · ${e.by}`,
          e.text && e.kind !== "help_requested" ? `: ${e.text}` : "",
        ),
      ),
    ),
    hist.item?.context?.length
      ? h(
          "ol",
          { class: "context", "aria-label": "Messages just before it" },
          hist.item.context.map((c) =>
            h("li", null, h("span", { class: "who" }, `${c.author.name}: `), c.body),
          ),
        )
      : null,
    m ? h("p", { class: "body" }, h("strong", null, `${m.author.name}: `), m.body) : null,
  );
}

const TIER = { 1: "Tier 1 · peer specialists", 2: "Tier 2 · clinicians" } as Record<number, string>;

/** Render one case. */
export function renderCase(c: Case, actions: CaseActions, subject: Member | null = null): HTMLLIElement {
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
  const historyBody = h("div", null, h("p", { class: "meta" }, "Loading…"));
  const history = h(
    "details",
    {
      class: "history",
      ontoggle: () => {
        if (history.open) void actions.history(c).then((hist) => renderHistory(historyBody, hist));
      },
    },
    h("summary", null, "Case history"),
    historyBody,
  );
  return h(
    "li",
    {
      class: `card case level-${c.level} status-${c.status}`,
      "data-case-id": c.id,
      tabindex: 0,
      "aria-label": `Case, level ${c.level}, ${c.status}`,
    },
    h(
      "div",
      { class: "card-head" },
      h("strong", null, `Level ${c.level}`),
      h("span", { class: "tag" }, c.category ?? "uncategorised"),
      h("span", { class: "tag tier" }, TIER[c.tier] ?? `Tier ${c.tier}`),
      h("span", { class: `badge ${c.status}`, "data-testid": "case-status" }, c.status),
      askedForHelp(c) ? h("span", { class: "help-requested" }, "Asked for a peer specialist now") : null,
      h(
        "span",
        { class: "countdown", "data-due": c.dueAt, "data-status": c.status, "data-testid": "countdown" },
        countdownText(c.dueAt, c.status),
      ),
    ),
    h(
      "p",
      { class: "meta" },
      subject ? "About " : "",
      subject ? memberLabel(subject) : "",
      subject ? " · " : "",
      `opened ${timeOf(c.createdAt)} · due ${timeOf(c.dueAt)}`,
      c.roomId ? " · " : "",
      c.roomId ? roomLabel(c.roomId) : "",
      c.threadId ? " · Forum" : "",
      c.assignee ? " · acknowledged by a specialist" : "",
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
          "data-shortcut": "k",
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
    history,
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
