/**
 * The widget's stylesheet, adopted into its shadow root as a constructed stylesheet: the host
 * page's CSS cannot reach in, ours cannot leak out, and a host CSP without 'unsafe-inline'
 * styles still applies it. Integrators theme it through the --lantern-* custom properties,
 * which do cross the shadow boundary. Default colours meet WCAG 2.2 AA (4.5:1 for text) in
 * both the light and the dark scheme, which follows the reader's `prefers-color-scheme`.
 */
export const WIDGET_CSS = `
:host {
  all: initial;
  display: block;
  --_accent: var(--lantern-accent, #1a5f7a);
  --_accent-fg: var(--lantern-accent-contrast, #ffffff);
  --_bg: var(--lantern-bg, #ffffff);
  --_fg: var(--lantern-fg, #1b1f24);
  --_muted: var(--lantern-muted, #4f5660);
  --_surface: var(--lantern-surface, #f3f5f7);
  --_border: var(--lantern-border, #c9d0d6);
  --_focus: var(--lantern-focus, #b35c00);
  --_warn-bg: var(--lantern-notice-bg, #fff4e0);
  --_support-bg: var(--lantern-support-bg, #eaf4ff);
  --_radius: var(--lantern-radius, 10px);
  --_urgent: var(--lantern-urgent, #a4161a);
  --_urgent-fg: var(--lantern-urgent-contrast, #ffffff);
  font-family: var(--lantern-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--lantern-font-size, 15px);
  line-height: 1.45;
  color: var(--_fg);
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  height: var(--lantern-height, 560px);
  overflow: hidden;
}
@media (prefers-color-scheme: dark) {
  :host {
    --_accent: var(--lantern-accent-dark, #7cc7e8);
    --_accent-fg: var(--lantern-accent-contrast-dark, #0b1a21);
    --_bg: var(--lantern-bg-dark, #15181c);
    --_fg: var(--lantern-fg-dark, #e8eaed);
    --_muted: var(--lantern-muted-dark, #aab3bd);
    --_surface: var(--lantern-surface-dark, #20252b);
    --_border: var(--lantern-border-dark, #59626d);
    --_focus: var(--lantern-focus-dark, #ffb454);
    --_warn-bg: var(--lantern-notice-bg-dark, #3b2e12);
    --_support-bg: var(--lantern-support-bg-dark, #0f2738);
    --_urgent: var(--lantern-urgent-dark, #ff8a80);
    --_urgent-fg: var(--lantern-urgent-contrast-dark, #1a0000);
    color-scheme: dark;
  }
}
:host([mode="launcher"]) { border: 0; background: transparent; height: auto; overflow: visible;
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; }
.launcher { display: flex; align-items: center; gap: 8px; min-height: 52px; padding: 0 18px; border: 0;
  border-radius: 26px; background: var(--_accent); color: var(--_accent-fg); font-weight: 600;
  box-shadow: 0 4px 14px rgb(0 0 0 / .25); margin-left: auto; }
.launcher-icon { width: 20px; height: 16px; border: 2px solid currentColor; border-radius: 6px 6px 6px 1px; }
.launcher .badge { background: var(--_urgent); color: var(--_urgent-fg); border-radius: 12px; min-width: 24px;
  padding: 0 6px; text-align: center; }
.window { position: fixed; right: 16px; bottom: 80px; width: min(400px, calc(100vw - 32px));
  height: min(var(--lantern-height, 560px), calc(100vh - 100px)); background: var(--_bg); color: var(--_fg);
  border: 1px solid var(--_border); border-radius: var(--_radius); overflow: hidden; box-shadow: 0 8px 28px rgb(0 0 0 / .3); }
* { box-sizing: border-box; }
.skip { position: absolute; left: 8px; top: -100px; z-index: 10; background: var(--_accent); color: var(--_accent-fg);
  padding: 10px 14px; border-radius: 6px; font-weight: 600; }
.skip:focus { top: 8px; }
[hidden] { display: none !important; }
.root { display: flex; flex-direction: column; height: 100%; position: relative; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; border-radius: 4px; }
button { font: inherit; color: inherit; cursor: pointer; }
button, input, textarea { font: inherit; }
.btn { background: var(--_accent); color: var(--_accent-fg); border: 0; border-radius: 6px; padding: 6px 14px; }
.btn:disabled { opacity: .6; cursor: default; }
.link { background: none; border: 0; padding: 2px 4px; color: var(--_accent); text-decoration: underline; font-size: .85em; }
header { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-bottom: 1px solid var(--_border); background: var(--_surface); }
header h2 { font-size: 1em; margin: 0; flex: 1; }
[role="tablist"] { display: flex; gap: 4px; }
[role="tab"] { background: none; border: 1px solid transparent; border-radius: 6px; padding: 4px 10px; }
[role="tab"][aria-selected="true"] { border-color: var(--_accent); color: var(--_accent); font-weight: 600; }
.status { font-size: .85em; color: var(--_muted); padding: 4px 12px; }
.status[data-state="offline"], .status[data-state="denied"] { background: var(--_warn-bg); color: var(--_fg); }
.panel { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.panel[hidden] { display: none; }
.scroll { flex: 1; overflow-y: auto; padding: 8px 12px; }
.agreement { background: var(--_surface); border-radius: var(--_radius); padding: 8px 12px; margin-bottom: 8px; font-size: .9em; }
.agreement summary { font-weight: 600; cursor: pointer; }
.agreement ul { margin: 6px 0 0; padding-left: 20px; }
.topic { color: var(--_muted); font-size: .9em; margin: 0 0 8px; }
ol.messages { list-style: none; margin: 0; padding: 0; }
.msg { padding: 6px 8px; border-radius: 8px; margin: 2px 0; position: relative; }
.msg:hover, .msg:focus-within { background: var(--_surface); }
.msg .who { font-weight: 600; margin-right: 6px; }
.msg .role { font-size: .75em; color: var(--_muted); border: 1px solid var(--_border); border-radius: 4px; padding: 0 4px; margin-right: 6px; }
.msg time { font-size: .8em; color: var(--_muted); }
.msg .body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 2px 0; }
.msg .you { color: var(--_muted); margin-right: 6px; }
.msg.pending .body { color: var(--_muted); }
.msg .quote { border-left: 3px solid var(--_border); padding-left: 8px; color: var(--_muted); font-size: .9em; margin: 2px 0; }
.note { font-size: .85em; background: var(--_warn-bg); border-radius: 6px; padding: 4px 8px; margin: 4px 0; }
.reactions { display: flex; gap: 4px; flex-wrap: wrap; }
.reaction { border: 1px solid var(--_border); background: var(--_bg); border-radius: 12px; padding: 0 8px; font-size: .9em; }
.actions { display: flex; gap: 2px; flex-wrap: wrap; }
/* The tools float over the message's top right corner, so they take no room until wanted;
   they stay in the tab order and appear on keyboard focus as on hover. */
.tools { position: absolute; top: 2px; right: 6px; display: flex; flex-direction: column; align-items: flex-end; gap: 2px;
  background: var(--_bg); border: 1px solid var(--_border); border-radius: 6px; padding: 1px 4px; opacity: 0; }
.msg:hover .tools, .msg:focus-within .tools { opacity: 1; }
.picker { display: flex; gap: 2px; }
.picker button { border: 1px solid var(--_border); background: var(--_bg); border-radius: 6px; padding: 0 6px; }
.report { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; font-size: .9em; margin-top: 6px;
  padding: 6px 8px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_bg); }
.report input { color: var(--_fg); background: var(--_bg); }
.note.waiting { border-left: 4px solid var(--_accent); }
.report input { flex: 1; min-width: 120px; padding: 2px 6px; border: 1px solid var(--_border); border-radius: 4px; }
.muted-msg { color: var(--_muted); font-size: .85em; font-style: italic; }
.presence, .typing { font-size: .85em; color: var(--_muted); padding: 2px 12px; min-height: 1.4em; }
.support-slot { max-height: 55%; overflow-y: auto; flex-shrink: 0; }
.support { background: var(--_support-bg); border: 2px solid var(--_accent); border-radius: var(--_radius); margin: 8px 12px; padding: 10px 12px; }
.support-head { display: flex; align-items: flex-start; gap: 8px; }
.support h3 { margin: 0 0 4px; font-size: 1.05em; flex: 1; }
.support p { margin: 0 0 8px; }
.support ul.resources { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.support li { display: flex; flex-direction: column; gap: 4px; }
.support .links { display: flex; flex-wrap: wrap; gap: 6px; }
.big { display: inline-flex; align-items: center; justify-content: center; min-height: 44px; min-width: 44px;
  padding: 8px 16px; border-radius: 8px; font-weight: 600; text-decoration: none; font-size: 1em;
  border: 2px solid var(--_accent); background: var(--_accent); color: var(--_accent-fg); }
.big.quiet, .big.close { background: var(--_bg); color: var(--_accent); }
.support li.urgent .big { background: var(--_urgent); border-color: var(--_urgent); color: var(--_urgent-fg); }
.ask-row { margin-top: 10px; display: flex; flex-direction: column; gap: 4px; }
.ask-row .asked:empty { display: none; }
.ask-row .asked { margin: 0; }
.close-window { margin-left: 4px; }
.notice { margin: 0 12px 6px; }
form.composer { display: flex; flex-direction: column; gap: 4px; padding: 8px 12px; border-top: 1px solid var(--_border); }
.composer .row { display: flex; gap: 8px; align-items: flex-end; }
.composer textarea { flex: 1; resize: none; min-height: 2.6em; max-height: 8em; padding: 6px 8px; border: 1px solid var(--_border); border-radius: 6px; color: var(--_fg); background: var(--_bg); }
.replying { font-size: .85em; color: var(--_muted); display: flex; gap: 6px; align-items: center; }
.replying[hidden] { display: none; }
.threads { list-style: none; margin: 0; padding: 0; }
.threads li { border-bottom: 1px solid var(--_border); }
.threads button { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 8px 4px; }
.threads .title { font-weight: 600; display: block; }
.meta { font-size: .8em; color: var(--_muted); }
.forum-form { display: flex; flex-direction: column; gap: 4px; padding: 8px 12px; border-top: 1px solid var(--_border); }
.forum-form input, .forum-form textarea { padding: 6px 8px; border: 1px solid var(--_border); border-radius: 6px; color: var(--_fg); background: var(--_bg); }
.thread-body { white-space: pre-wrap; overflow-wrap: anywhere; }
.replies { list-style: none; padding: 0; }
.replies li { padding: 6px 0; border-top: 1px solid var(--_border); }
`;
