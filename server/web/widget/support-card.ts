/**
 * The private support card shown to a participant whose words showed risk: the server's words
 * and the resources in the order the server chose for the situation (emergency first for an
 * overdose), as large tap-to-call and tap-to-text buttons, "ask for a peer specialist now", and
 * one obvious Close. Only the author receives `support`, so only the author ever sees this.
 */
import type { CrisisResource, SupportPayload } from "../../../shared/types.ts";
import { dialable, h, safeHref } from "../lib/dom.ts";
import { S } from "./i18n.ts";

export interface SupportCardActions {
  /** The participant has seen enough; the card stays closed for this case. */
  close(): void;
  /** "Ask for a peer specialist now": resolves true when the server passed it on. */
  ask(): Promise<boolean>;
}

function resource(r: CrisisResource): HTMLElement {
  const links: HTMLElement[] = [];
  const phone = r.phone ? dialable(r.phone) : "";
  const sms = r.sms ? dialable(r.sms) : "";
  if (phone) links.push(h("a", { class: "big", href: `tel:${phone}` }, S.call(r.phone!)));
  if (sms) links.push(h("a", { class: "big", href: `sms:${sms}` }, S.text(r.sms!)));
  const url = r.url ? safeHref(r.url) : null;
  if (url && /^https?:/.test(url)) {
    links.push(
      h("a", { class: "big quiet", href: url, target: "_blank", rel: "noopener noreferrer" }, S.website),
    );
  }
  return h(
    "li",
    { class: r.kind === "emergency" || r.kind === "poison_control" ? `urgent ${r.kind}` : "line" },
    h("strong", null, r.name),
    h("span", { class: "links" }, links),
  );
}

/** Build the card for `support`. */
export function renderSupportCard(support: SupportPayload, actions: SupportCardActions): HTMLElement {
  const titleId = `lantern-support-${support.messageId.replace(/[^A-Za-z0-9_-]/g, "")}`;
  const result = h("p", { class: "asked", role: "status" });
  const ask = h(
    "button",
    {
      class: "big ask",
      type: "button",
      onclick: async () => {
        ask.disabled = true;
        const ok = await actions.ask();
        result.textContent = ok ? S.asked : S.askFailed;
        ask.disabled = ok;
      },
    },
    S.askNow,
  );
  return h(
    "section",
    {
      class: "support",
      role: "region",
      "aria-labelledby": titleId,
      "data-testid": "support",
      "data-message-id": support.messageId,
    },
    h(
      "div",
      { class: "support-head" },
      h("h3", { id: titleId }, S.supportTitle),
      h(
        "button",
        { class: "big close", type: "button", "aria-label": S.closeSupportLabel, onclick: actions.close },
        S.closeSupport,
      ),
    ),
    h("p", null, support.text || S.supportFallback),
    h("ul", { class: "resources" }, (support.resources ?? []).map(resource)),
    support.caseId ? h("div", { class: "ask-row" }, ask, result) : null,
  );
}
