/**
 * The AsyncAPI 3 document of the Socket.IO interface, generated from shared/: one channel per
 * event (its address is the event name), client events as operations the server receives with
 * their ack as the reply, server events as operations the server sends. Payloads come from
 * the schemas the server validates with (schemas.ts, integrations.ts) and the wire schemas
 * (wire.ts), which the compiler holds to the TypeScript event maps.
 */
import { z } from "zod";
import { CLIENT_EVENTS, SERVER_EVENTS } from "../../shared/events.ts";
import { ACK_RESULTS, CLIENT_PAYLOADS, errorBody, SERVER_PAYLOADS } from "../../shared/wire.ts";
import { jsonSchema } from "./json-schema.ts";
import { API_VERSION } from "./openapi.ts";

/** `room:join` -> `room_join` (AsyncAPI ids are plain names; the address keeps the event name). */
export const channelId = (event: string) => event.replace(/[^A-Za-z0-9_-]/g, "_");

const staffOnly = (e: string) =>
  e.startsWith("mod:") || e.startsWith("case:") || e === "forum:remove" || e === "forum:lock";

function channel(address: string, id: string, title: string, payload: Record<string, unknown>) {
  return { address, messages: { [id]: { name: address, title, contentType: "application/json", payload } } };
}

/** The whole document; `host` is where clients connect (e.g. "lantern.example.org"). */
export function asyncApiDocument(host = "localhost:3000"): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const event of CLIENT_EVENTS) {
    const id = channelId(event);
    const ack = z.union([
      ACK_RESULTS[event].extend({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), error: errorBody }),
    ]);
    channels[id] = channel(
      event,
      id,
      `${event} payload`,
      jsonSchema(CLIENT_PAYLOADS[event], "input", "draft-7"),
    );
    channels[`${id}_ack`] = {
      address: null,
      messages: {
        [`${id}_ack`]: {
          name: `${event} ack`,
          title: `${event} ack`,
          contentType: "application/json",
          payload: jsonSchema(ack, "output", "draft-7"),
        },
      },
    };
    operations[id] = {
      action: "receive",
      title: event,
      summary: `${event}${staffOnly(event) ? " (staff)" : ""}: emit with an ack`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      reply: {
        channel: { $ref: `#/channels/${id}_ack` },
        messages: [{ $ref: `#/channels/${id}_ack/messages/${id}_ack` }],
      },
    };
  }
  for (const event of SERVER_EVENTS) {
    const id = `${channelId(event)}${(CLIENT_EVENTS as readonly string[]).includes(event) ? "_out" : ""}`;
    channels[id] = channel(event, id, event, jsonSchema(SERVER_PAYLOADS[event], "output", "draft-7"));
    operations[id] = {
      action: "send",
      title: event,
      summary: `${event}: from the server`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
  }
  return {
    asyncapi: "3.0.0",
    info: {
      title: "Lantern Socket.IO events",
      version: API_VERSION,
      description:
        'Socket.IO (engine.io protocol 4) at /socket.io/, with `auth: { token: "<jwt>" }`. Each ' +
        "channel's address is a Socket.IO event name; every client event is emitted with an " +
        "ack whose answer is the reply. See docs/protocol.md.",
    },
    defaultContentType: "application/json",
    servers: {
      lantern: { host, protocol: "ws", pathname: "/socket.io/", description: "Socket.IO over WebSocket" },
    },
    channels,
    operations,
  };
}
