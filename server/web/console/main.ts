/**
 * The peer specialist console: sign in with a staff JWT, subscribe to the tenant's staff feed,
 * and work the held queue, the flagged stream and the open cases live. The token lives in this
 * tab's sessionStorage only, and a `?token=` in the address is moved there and erased at once.
 */
import type { HeldItem } from "../../../shared/events.ts";
import type { Case, Message } from "../../../shared/types.ts";
import { type Connection, type LanternSocket, openConnection } from "../lib/connection.ts";
import { syncList } from "../lib/dom.ts";
import { request } from "../lib/request.ts";
import { TokenKeeper } from "../lib/token.ts";
import { renderCase, startCountdowns } from "./cases-view.ts";
import { renderCard } from "./held-view.ts";

const KEY = "lantern:console-token";
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const held = new Map<string, HeldItem>();
const flagged = new Map<string, HeldItem>();
const cases = new Map<string, Case>();
let connection: Connection | null = null;

function takeTokenFromUrl(): void {
  const url = new URL(location.href);
  const token = url.searchParams.get("token");
  if (!token) return;
  sessionStorage.setItem(KEY, token);
  url.searchParams.delete("token");
  history.replaceState(null, "", url.pathname + url.search + url.hash);
}

function claims(token: string): { name?: string; role?: string } {
  try {
    return JSON.parse(atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return {};
  }
}

function showSignIn(error = ""): void {
  connection?.close();
  connection = null;
  $("signin").hidden = false;
  $("app").hidden = true;
  $("who").textContent = "";
  $("signin-error").textContent = error;
}

function say(text: string): void {
  $("live").textContent = text;
}

/** Text for an ack: what happened, or why not. */
function outcome(res: { ok: boolean; error?: { code: string; message: string } }, done: string): string {
  if (res.ok) return done;
  if (res.error?.code === "not_found" || res.error?.code === "conflict")
    return "Already handled by someone else.";
  return `Not done: ${res.error?.message ?? res.error?.code ?? "unknown error"}`;
}

function renderHeld(socket: LanternSocket): void {
  const items = [...held.values()].sort((a, b) => (a.message.createdAt < b.message.createdAt ? -1 : 1));
  $("held-count").textContent = String(items.length);
  syncList(
    $("held-list"),
    items,
    (i) => i.message.id,
    (i) => renderCard(i, "held", heldActions(socket)),
    "Nothing is waiting for review.",
  );
}

function renderFlagged(socket: LanternSocket): void {
  const items = [...flagged.values()].reverse();
  const actions = {
    ...memberActions(socket),
    dismiss: (m: Message) => {
      flagged.delete(m.id);
      renderFlagged(socket);
    },
  };
  syncList(
    $("flagged-list"),
    items,
    (i) => i.message.id,
    (i) => renderCard(i, "flagged", actions),
    "Nothing flagged since you signed in.",
  );
}

function renderCases(socket: LanternSocket): void {
  const open = [...cases.values()]
    .filter((c) => c.status !== "resolved")
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
  $("case-count").textContent = String(open.length);
  syncList(
    $("case-list"),
    open,
    (c) => c.id,
    (c) => renderCase(c, caseActions(socket)),
    "No open cases.",
  );
}

function memberActions(socket: LanternSocket) {
  return {
    mute: async (m: Message, minutes: number, reason: string) => {
      const res = await request(socket, "mod:mute", {
        roomId: m.roomId,
        userId: m.author.id,
        minutes,
        reason,
      });
      return outcome(
        res,
        res.ok ? `${m.author.name} is muted until ${new Date(res.until).toLocaleTimeString()}.` : "",
      );
    },
    remove: async (m: Message, reason: string) =>
      outcome(
        await request(socket, "mod:remove", { roomId: m.roomId, userId: m.author.id, reason }),
        `${m.author.name} was removed from the room.`,
      ),
  };
}

function heldActions(socket: LanternSocket) {
  const settle = (m: Message, text: string) => {
    held.delete(m.id);
    renderHeld(socket);
    say(text);
    return text;
  };
  return {
    ...memberActions(socket),
    approve: async (m: Message) => {
      const res = await request(socket, "mod:approve", { messageId: m.id });
      return res.ok || res.error.code === "not_found" || res.error.code === "conflict"
        ? settle(m, outcome(res, "Approved: the room can see it now."))
        : outcome(res, "");
    },
    reject: async (m: Message, reason: string) => {
      const res = await request(socket, "mod:reject", { messageId: m.id, reason });
      return res.ok || res.error.code === "not_found" || res.error.code === "conflict"
        ? settle(m, outcome(res, "Rejected: nobody else will see it."))
        : outcome(res, "");
    },
  };
}

function caseActions(socket: LanternSocket) {
  const apply = (
    res: { ok: true; case: Case } | { ok: false; error: { code: string; message: string } },
    done: string,
  ) => {
    if (res.ok) {
      cases.set(res.case.id, res.case);
      renderCases(socket);
      say(done);
    }
    return outcome(res, done);
  };
  return {
    ack: async (c: Case) => apply(await request(socket, "case:ack", { caseId: c.id }), "Acknowledged."),
    escalate: async (c: Case, note: string) =>
      apply(await request(socket, "case:escalate", { caseId: c.id, note }), "Escalated to clinicians."),
    resolve: async (c: Case, note: string) =>
      apply(await request(socket, "case:resolve", { caseId: c.id, note }), "Resolved."),
  };
}

function subscribe(socket: LanternSocket): void {
  socket.on("mod:held", (item) => {
    // A held item whose status moved on was settled elsewhere (another tab, another specialist).
    if (item.message.status !== "held") {
      if (held.delete(item.message.id)) renderHeld(socket);
      return;
    }
    held.set(item.message.id, item);
    renderHeld(socket);
    say(`New message held for review from ${item.message.author.name}.`);
  });
  socket.on("mod:flagged", (item) => {
    flagged.set(item.message.id, item);
    while (flagged.size > 50) flagged.delete(flagged.keys().next().value!);
    renderFlagged(socket);
  });
  const onCase = (c: Case) => {
    cases.set(c.id, c);
    renderCases(socket);
  };
  socket.on("case:new", (c) => {
    onCase(c);
    say(`New case, level ${c.level}.`);
  });
  socket.on("case:updated", onCase);
  // Extension the console understands if the server sends it: another specialist settled a held message.
  (socket as unknown as { on(e: string, cb: (p: { messageId?: string }) => void): void }).on(
    "mod:resolved",
    (p) => {
      if (p?.messageId && held.delete(p.messageId)) renderHeld(socket);
    },
  );
}

async function load(socket: LanternSocket): Promise<void> {
  const res = await request(socket, "mod:subscribe", {});
  if (!res.ok)
    return showSignIn(
      res.error.code === "forbidden"
        ? "This token is not a staff token."
        : `Could not load: ${res.error.message}`,
    );
  held.clear();
  cases.clear();
  for (const item of res.held) held.set(item.message.id, item);
  for (const c of res.cases) cases.set(c.id, c);
  renderHeld(socket);
  renderFlagged(socket);
  renderCases(socket);
}

function signIn(token: string): void {
  const who = claims(token);
  $("signin").hidden = true;
  $("app").hidden = false;
  $("who").textContent = who.name ? `${who.name} (${who.role ?? "?"})` : "";
  connection = openConnection(location.origin, new TokenKeeper(() => token), {
    state: (state, reason) => {
      $("conn").textContent = {
        connecting: "Connecting…",
        online: "Live",
        offline: "Reconnecting…",
        denied: "Signed out",
      }[state];
      $("conn").dataset.state = state;
      if (state === "denied") {
        sessionStorage.removeItem(KEY);
        showSignIn(
          reason === "expired" ? "Your token has expired. Paste a new one." : "That token was refused.",
        );
      }
    },
    online: (socket) => void load(socket),
  });
  subscribe(connection.socket);
}

function main(): void {
  takeTokenFromUrl();
  startCountdowns(document);
  $("signin-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const token = $<HTMLTextAreaElement>("token").value.trim();
    if (!token) return;
    $<HTMLTextAreaElement>("token").value = "";
    sessionStorage.setItem(KEY, token);
    signIn(token);
  });
  $("signout").addEventListener("click", () => {
    sessionStorage.removeItem(KEY);
    showSignIn();
  });
  const token = sessionStorage.getItem(KEY);
  if (token) signIn(token);
  else showSignIn();
}

main();
