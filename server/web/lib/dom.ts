/**
 * A tiny element builder shared by the widget and the console. Every string child becomes a
 * Text node, so user-supplied text can never be parsed as HTML: nothing here (or anywhere in
 * server/web) assigns innerHTML.
 */

export type Child = Node | string | number | null | undefined | false;
type Listener = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | Listener | null | undefined>;

/** Build an element; `on*` function attributes become listeners, `false`/null attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "href") {
      const safe = safeHref(String(value));
      if (safe) el.setAttribute("href", safe);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Append children, strings as text. */
export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replace all children of `parent`. */
export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const SAFE_SCHEMES = new Set(["http:", "https:", "tel:", "sms:"]);

/** An href we are willing to render: http(s) for resources, tel:/sms: for crisis lines. Never javascript:. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Digits and the few dial characters a tel:/sms: URI may carry, so a resource cannot smuggle a scheme. */
export function dialable(number: string): string {
  return number.replace(/[^0-9+*#]/g, "");
}

/** "3:07" style duration; negative values are rendered as their absolute value. */
export function clock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A short local time of day for a message timestamp. */
export function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** A random id for clientId; crypto.randomUUID needs a secure context, so fall back on getRandomValues. */
export function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const renderedFrom = new WeakMap<Element, unknown>();

/**
 * Make `list` show `items` in order, re-rendering only the items whose object changed, so a
 * half-typed note or the focused button in an unchanged card survives a live update.
 */
export function syncList<T>(
  list: HTMLElement,
  items: readonly T[],
  key: (item: T) => string,
  render: (item: T) => HTMLElement,
  empty: string,
): void {
  const old = new Map<string, HTMLElement>();
  for (const el of Array.from(list.children) as HTMLElement[])
    if (el.dataset.key) old.set(el.dataset.key, el);
  const next = items.map((item) => {
    const k = key(item);
    const known = old.get(k);
    if (known && renderedFrom.get(known) === item) return known;
    const fresh = render(item);
    fresh.dataset.key = k;
    renderedFrom.set(fresh, item);
    return fresh;
  });
  if (next.length === 0) next.push(h("li", { class: "empty" }, empty));
  let cursor = list.firstElementChild;
  for (const el of next) {
    if (el === cursor) {
      cursor = cursor.nextElementSibling;
      continue;
    }
    list.insertBefore(el, cursor);
  }
  while (cursor) {
    const after: Element | null = cursor.nextElementSibling;
    cursor.remove();
    cursor = after;
  }
}
