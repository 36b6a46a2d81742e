/**
 * Support that follows the person, over the wire: the card's order by situation, its language
 * from the handshake, the author's own held message and open card coming back on join, the
 * room notice for others only, and "ask for a peer specialist now".
 */
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  call,
  collect,
  createRoom,
  startServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

const TENANT = {
  id: "lumen",
  jwt: { alg: "HS256" as const, secret: "lumen-secret-0123456789abcdef" },
  defaultLocale: "en",
  crisisResources: {
    en: [{ name: "Lumen warmline", phone: "555-0100" }],
    es: [{ name: "Línea de apoyo Lumen", phone: "555-0199" }],
  },
  emergency: {
    en: { number: "911", poisonControl: "1-800-222-1222" },
    es: { number: "911", poisonControl: "1-800-222-1222" },
  },
};

let server: TestServer;
let room: string;
const open: Client[] = [];

beforeAll(async () => {
  server = await startServer({ tenants: [TENANT] });
  room = await createRoom(server, { name: "Morning circle" }, TENANT.id);
});
afterAll(async () => {
  for (const c of open) c.disconnect();
  await server.close();
});

/** A participant's socket, with the handshake locale a widget would send. */
function person(sub: string, locale?: string): Promise<Client> {
  const token = server.token({ sub, name: sub, tenant: TENANT.id });
  const socket: Client = io(server.url, {
    auth: locale ? { token, locale } : { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const send = (s: Client, body: string, clientId = crypto.randomUUID()) =>
  call(s, "message:send", { roomId: room, clientId, body });

describe("the support card", () => {
  it("puts the emergency number and Poison Control first for an overdose", async () => {
    const ana = await person("u-ana");
    await call(ana, "room:join", { roomId: room });
    const support = waitFor(ana, "support");
    await send(ana, "my friend overdosed and is not breathing");
    const s = await support;
    expect(s.category).toBe("overdose");
    expect(s.resources.map((r: { kind: string; phone?: string }) => [r.kind, r.phone])).toEqual([
      ["emergency", "911"],
      ["poison_control", "1-800-222-1222"],
      ["line", "555-0100"],
    ]);
    expect(s.caseId).toMatch(/./);
  });

  it("puts the crisis lines first and the emergency number last at level 2", async () => {
    const ben = await person("u-ben");
    await call(ben, "room:join", { roomId: room });
    const support = waitFor(ben, "support");
    await send(ben, "honestly I want to kill myself");
    const s = await support;
    expect(s.resources.map((r: { kind: string }) => r.kind)).toEqual(["line", "emergency"]);
  });

  it("speaks the handshake's language, each tab its own", async () => {
    const es = await person("u-carla", "es-MX");
    const en = await person("u-carla");
    for (const s of [es, en]) await call(s, "room:join", { roomId: room });
    const inSpanish = waitFor(es, "support", (s) => !s.replayed);
    const inEnglish = waitFor(en, "support", (s) => !s.replayed);
    await send(es, "quiero matarme");
    const [a, b] = [await inSpanish, await inEnglish];
    expect(a.locale).toBe("es");
    expect(a.text).toMatch(/No estás solo/);
    expect(a.resources[0].name).toBe("Línea de apoyo Lumen");
    expect(b.locale).toBe("en");
    expect(b.resources[0].name).toBe("Lumen warmline");
  });
});

describe("after a reload", () => {
  it("gives the author back their held message and its card; the room notice goes to the others", async () => {
    const dana = await person("u-dana");
    const eli = await person("u-eli");
    for (const s of [dana, eli]) await call(s, "room:join", { roomId: room });
    const danaNotices = collect(dana, "notice");
    const eliNotice = waitFor(eli, "notice", (n) => n.code === "facilitator_helping");
    const sent = await send(dana, "I took the whole bottle of pills just now");
    expect(sent.moderation.action).toBe("hold");
    await eliNotice;
    expect(danaNotices.filter((n) => n.code === "facilitator_helping")).toEqual([]);

    dana.disconnect();
    const again = await person("u-dana");
    const replayed = waitFor(again, "support", (s) => s.messageId === sent.message.id);
    const joined = await call(again, "room:join", { roomId: room });
    expect(joined.pending.map((m: { id: string; body: string }) => [m.id, m.body])).toEqual([
      [sent.message.id, "I took the whole bottle of pills just now"],
    ]);
    expect(joined.messages.some((m: { id: string }) => m.id === sent.message.id)).toBe(false);
    const card = await replayed;
    expect(card.replayed).toBe(true);
    expect(card.resources[0].kind).toBe("emergency");

    // Nobody else gets it back: not in their join, never a card.
    const eliCards = collect(eli, "support");
    const eliJoin = await call(eli, "room:join", { roomId: room });
    expect(eliJoin.pending).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(eliCards).toEqual([]);
  });

  it("stops replaying once the case is resolved", async () => {
    const fay = await person("u-fay");
    await call(fay, "room:join", { roomId: room });
    const first = waitFor(fay, "support");
    await send(fay, "honestly I want to kill myself");
    const card = await first;
    const staff = await server.client({ sub: "staff-sol", role: "peer_specialist", tenant: TENANT.id });
    expect((await call(staff, "case:resolve", { caseId: card.caseId, note: "talked, safe" })).ok).toBe(true);
    const cards = collect(fay, "support");
    await call(fay, "room:join", { roomId: room });
    await new Promise((r) => setTimeout(r, 300));
    expect(cards.filter((c) => c.caseId === card.caseId)).toEqual([]);
  });
});

describe("ask for a peer specialist now", () => {
  it("adds a case note and tells the staff feed; nobody else may ask on that case", async () => {
    const staff = await server.client({ sub: "staff-ray", role: "peer_specialist", tenant: TENANT.id });
    await call(staff, "mod:subscribe", {});
    const gus = await person("u-gus");
    await call(gus, "room:join", { roomId: room });
    const support = waitFor(gus, "support");
    const sent = await send(gus, "honestly I want to kill myself");
    const card = await support;
    const updated = waitFor(staff, "case:updated", (c) => c.id === card.caseId);
    const res = await call(gus, "support:request", { messageId: sent.message.id });
    expect(res).toEqual({ ok: true, caseId: card.caseId });
    const c = await updated;
    expect(c.notes.at(-1).text).toMatch(/asked for a peer specialist/);

    const other = await person("u-hal");
    const refused = await call(other, "support:request", { messageId: sent.message.id });
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe("not_found");
  });
});
