/**
 * widget.js: the one script an integrator adds. It defines `<lantern-chat>` and `window.Lantern`.
 * Bundled (with the Socket.IO client) by server/web/build.ts when the server starts.
 */
import { LanternChatElement, type MountOptions } from "./element.ts";

const TAG = "lantern-chat";
if (!customElements.get(TAG)) customElements.define(TAG, LanternChatElement);

/** Mount the widget into `target`: a `<lantern-chat>` element, or any element to put one into. */
function mount(target: Element, options: MountOptions): LanternChatElement {
  const el =
    target instanceof LanternChatElement
      ? target
      : target.appendChild(document.createElement(TAG) as LanternChatElement);
  el.configure(options);
  return el;
}

declare global {
  interface Window {
    Lantern?: { mount: typeof mount; version: string };
  }
}

window.Lantern = { mount, version: "1" };
