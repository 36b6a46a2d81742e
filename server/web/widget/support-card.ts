/**
 * The private support card shown to a participant whose message showed risk: the server's
 * words and the tenant's crisis lines, with tap-to-call and tap-to-text links. Only the author
 * receives `support`, so only the author ever sees this.
 */
import type { SupportPayload } from "../../../shared/types.ts";
import { dialable, h, safeHref } from "../lib/dom.ts";

/** Build the card; `close` removes it (the participant decides when they have seen enough). */
export function renderSupportCard(support: SupportPayload, close: () => void): HTMLElement {
  const items = (support.resources ?? []).map((r) => {
    const links: HTMLElement[] = [];
    const phone = r.phone ? dialable(r.phone) : "";
    const sms = r.sms ? dialable(r.sms) : "";
    if (phone) links.push(h("a", { href: `tel:${phone}` }, `Call ${r.phone}`));
    if (sms) links.push(h("a", { href: `sms:${sms}` }, `Text ${r.sms}`));
    const url = r.url ? safeHref(r.url) : null;
    if (url && /^https?:/.test(url)) {
      links.push(h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, "Website"));
    }
    const sep = links.flatMap((link, i) => (i === 0 ? [link] : [" · ", link]));
    return h("li", null, h("strong", null, r.name), links.length ? ": " : "", sep);
  });
  return h(
    "section",
    {
      class: "support",
      role: "region",
      "aria-labelledby": "lantern-support-title",
      "data-testid": "support",
    },
    h("h3", { id: "lantern-support-title" }, "You're not alone. Support is here right now."),
    h(
      "p",
      null,
      support.text || "A facilitator knows and will reach out soon. You can also talk to someone now:",
    ),
    h("ul", null, items),
    h("button", { class: "link", type: "button", onclick: close }, "Close"),
  );
}
