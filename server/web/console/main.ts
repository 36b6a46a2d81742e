/**
 * The peer specialist console: sign in with a staff JWT, subscribe to the tenant's staff feed,
 * and work the held queue, the flagged stream and the open cases live. The token lives in this
 * tab's sessionStorage only, and a `?token=` in the address is moved there and erased at once.
 */
import type { HeldItem } from "../../../shared/events.ts";
import type { Case, Member, Message } from "../../../shared/types.ts";
import {
  type Connection,
  type ConnectionState,
  type LanternSocket,
  openConnection,
} from "../lib/connection.ts";
import { h, syncList } from "../lib/dom.ts";
import { request } from "../lib/request.ts";
import { TokenKeeper } from "../lib/token.ts";
import { askedForHelp, type CaseHistory, renderCase, startCountdowns } from "./cases-view.ts";
import { renderCard } from "./held-view.ts";
import { knownRooms, setRooms } from "./names.ts";
import { chime, installShortcuts } from "./urgent.ts";

const KEY = "lantern:console-token";
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const held = new Map<string, HeldItem>();
const flagged = new Map<string, HeldItem>();
const cases = new Map<string, Case>();
const subjects = new Map<string, Member | null>();
let connection: Connection | null = null;
let token = "";
const SOUND_KEY = "lantern:console-sound";
const TITLE = "Lantern console";

/** The filters chosen above the lists. */
function filters(): { room: string; level: number; status: string } {
  return {
    room: $<HTMLSelectElement>("f-room").value,
    level: Number($<HTMLSelectElement>("f-level").value) || 0,
    status: $<HTMLSelectElement>("f-status").value,
  };
}

function levelOf(item: HeldItem): number {
  let level = 0;
  for (const f of item.findings) if (f.kind === "crisis") level = Math.max(level, f.severity);
  return level;
}

function keep(item: HeldItem): boolean {
  const f = filters();
  return (!f.room || item.message.roomId === f.room) && levelOf(item) >= f.level;
}

/** Urgent: waiting for a decision (held) or a case nobody has acknowledged yet. */
function urgentCount(): number {
  let n = held.size;
  for (const c of cases.values()) if (c.status === "open" || c.status === "escalated") n += 1;
  return n;
}

/** The tab's title carries the urgent count, so a specialist in another tab sees it. */
function updateTitle(): void {
  const n = urgentCount();
  document.title = n ? `(${n}) ${TITLE}` : TITLE;
}

/** Something urgent arrived: the title changes, and the sound plays when the specialist chose it. */
function urgent(text: string): void {
  updateTitle();
  say(text);
  if ($<HTMLInputElement>("sound").checked) chime();
}

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
  $("filters").hidden = true;
  $("staff-only").hidden = true;
  document.title = TITLE;
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
  const items = [...held.values()]
    .filter(keep)
    .sort((a, b) => (a.message.createdAt < b.message.createdAt ? -1 : 1));
  $("held-count").textContent = String(items.length);
  syncList(
    $("held-list"),
    items,
    (i) => i.message.id,
    (i) => renderCard(i, "held", heldActions(socket)),
    "Nothing is waiting for review.",
  );
  updateTitle();
}

function renderFlagged(socket: LanternSocket): void {
  const items = [...flagged.values()]
    .filter(keep)
    .sort((a, b) => (a.message.createdAt < b.message.createdAt ? 1 : -1));
  $("flagged-count").textContent = String(items.length);
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
    "Nothing flagged.",
  );
}

function renderCases(socket: LanternSocket): void {
  const f = filters();
  const open = [...cases.values()]
    .filter((c) => c.status !== "resolved")
    .filter(
      (c) => (!f.room || c.roomId === f.room) && c.level >= f.level && (!f.status || c.status === f.status),
    )
    // Someone who asked for a person now comes first, then by deadline.
    .sort((a, b) => Number(askedForHelp(b)) - Number(askedForHelp(a)) || (a.dueAt < b.dueAt ? -1 : 1));
  $("case-count").textContent = String(open.length);
  syncList(
    $("case-list"),
    open,
    (c) => c.id,
    (c) => {
      // Whom the case is about, by name: read once from its history, then the card is redrawn.
      if (!subjects.has(c.id)) {
        subjects.set(c.id, null);
        void caseActions(socket)
          .history(c)
          .then((hist) => {
            if (!hist?.subject) return;
            subjects.set(c.id, hist.subject);
            const current = cases.get(c.id);
            if (current) cases.set(c.id, { ...current });
            renderCases(socket);
          });
      }
      return renderCase(c, caseActions(socket), subjects.get(c.id) ?? null);
    },
    "No open cases.",
  );
  updateTitle();
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
    history: async (c: Case): Promise<CaseHistory | null> => {
      try {
        const res = await fetch(`/api/cases/${encodeURIComponent(c.id)}/history`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return res.ok ? ((await res.json()) as CaseHistory) : null;
      } catch {
        return null;
      }
    },
  };
}

function subscribe(socket: LanternSocket): void {
  socket.on("mod:held", (item) => {
    // A held item whose status moved on was settled elsewhere (another tab, another specialist).
    if (item.message.status !== "held") {
      if (held.delete(item.message.id)) renderHeld(socket);
      return;
    }
    const isNew = !held.has(item.message.id);
    held.set(item.message.id, item);
    renderHeld(socket);
    if (isNew) urgent(`New message held for review from ${item.message.author.name}.`);
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
    urgent(`New case, level ${c.level}.`);
  });
  socket.on("case:updated", (c) => {
    // A new note saying the participant asked: that is urgent, whatever the case's level.
    const asked = askedForHelp(c) && (cases.get(c.id)?.notes.length ?? 0) < c.notes.length;
    onCase(c);
    if (asked) urgent(`A participant asked for a peer specialist now (level ${c.level} case).`);
  });
  // Extension the console understands if the server sends it: another specialist settled a held message.
  (socket as unknown as { on(e: string, cb: (p: { messageId?: string }) => void): void }).on(
    "mod:resolved",
    (p) => {
      if (p?.messageId && held.delete(p.messageId)) renderHeld(socket);
    },
  );
}

/** Tell a participant who opened the console where they are, instead of "Live". */
function staffOnly(): void {
  connection?.close();
  connection = null;
  $("app").hidden = true;
  $("filters").hidden = true;
  $("signin").hidden = true;
  $("staff-only").hidden = false;
  setConn("denied", "Not a staff token");
}

function setConn(state: ConnectionState | "loading", text?: string): void {
  const labels: Record<ConnectionState | "loading", string> = {
    connecting: "Connecting…",
    loading: "Loading…",
    online: "Live",
    reconnecting: "Reconnecting…",
    offline: "Offline",
    denied: "Signed out",
    not_allowed: "Not allowed",
  };
  $("conn").textContent = text ?? labels[state];
  $("conn").dataset.state = state;
}

/** The rooms' names, so cards show names, not ids. */
async function loadRooms(): Promise<void> {
  try {
    const res = await fetch("/api/rooms", { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) return;
    const body = (await res.json()) as { rooms?: { id: string; name: string }[] };
    setRooms(body.rooms ?? []);
    const select = $<HTMLSelectElement>("f-room");
    const chosen = select.value;
    select.replaceChildren(
      h("option", { value: "" }, "All rooms"),
      ...knownRooms().map(([id, name]) => h("option", { value: id }, name)),
    );
    select.value = chosen;
  } catch {
    // Names are a comfort; the cards still work with the fallback label.
  }
}

async function load(socket: LanternSocket): Promise<void> {
  setConn("loading");
  const [res] = await Promise.all([request(socket, "mod:subscribe", {}), loadRooms()]);
  if (!res.ok) {
    if (res.error.code === "forbidden") staffOnly();
    else showSignIn(`Could not load: ${res.error.message}`);
    return;
  }
  held.clear();
  cases.clear();
  flagged.clear();
  for (const item of res.held) held.set(item.message.id, item);
  for (const c of res.cases) cases.set(c.id, c);
  for (const item of res.flagged ?? []) flagged.set(item.message.id, item);
  renderHeld(socket);
  renderFlagged(socket);
  renderCases(socket);
  setConn("online");
}

function signIn(jwt: string): void {
  token = jwt;
  const who = claims(jwt);
  $("signin").hidden = true;
  $("who").textContent = who.name ? `${who.name} (${who.role ?? "?"})` : "";
  // A participant's token cannot subscribe: say so plainly, before anything says "Live".
  if ((who.role ?? "participant") === "participant") {
    staffOnly();
    return;
  }
  $("app").hidden = false;
  $("filters").hidden = false;
  connection = openConnection(location.origin, new TokenKeeper(() => jwt), {
    state: (state, reason) => {
      // "Live" only once the feed is loaded (load() says so).
      if (state !== "online") setConn(state);
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
  installShortcuts(document);
  const sound = $<HTMLInputElement>("sound");
  sound.checked = localStorage.getItem(SOUND_KEY) === "on";
  sound.addEventListener("change", () => {
    localStorage.setItem(SOUND_KEY, sound.checked ? "on" : "off");
    if (sound.checked) chime();
  });
  for (const id of ["f-room", "f-level", "f-status"])
    $(id).addEventListener("change", () => {
      const socket = connection?.socket;
      if (!socket) return;
      renderHeld(socket);
      renderFlagged(socket);
      renderCases(socket);
    });
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
  const saved = sessionStorage.getItem(KEY);
  if (saved) signIn(saved);
  else showSignIn();
}

main();
