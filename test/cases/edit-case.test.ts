/**
 * An edit judged a crisis again adds to the case its message already has open (issue 15): staff
 * see the case updated, not a second case, and only one case exists.
 */
import { afterEach, describe, expect, it } from "vitest";
import { call, collect, createRoom, startServer, type TestServer, waitFor } from "../helpers/server.ts";

let server: TestServer;
afterEach(() => server?.close());

describe("editing a message that has an open case", () => {
  it("adds to that case: one case, raised to the edit's level, announced as updated", async () => {
    server = await startServer();
    const roomId = await createRoom(server);
    const author = await server.client({ sub: "author", name: "Sky" });
    const specialist = await server.client({ sub: "spec", name: "Jo", role: "peer_specialist" });
    await call(author, "room:join", { roomId });
    await call(specialist, "mod:subscribe", {});
    const opened = collect(specialist, "case:new");

    const firstCase = waitFor(specialist, "case:new");
    const sent = await call(author, "message:send", { roomId, clientId: "m", body: "i want to kill myself" });
    expect((await firstCase).level).toBe(2);

    const updated = waitFor(specialist, "case:updated");
    const edited = await call(author, "message:edit", {
      messageId: sent.message.id,
      body: "i've been saving up my pills for when i decide to end it",
    });
    expect(edited.moderation.action).toBe("hold");
    const c = await updated;
    expect(c).toMatchObject({ messageId: sent.message.id, level: 3, status: "open" });
    expect(c.notes).toHaveLength(1);

    const listed = await call(specialist, "mod:subscribe", {});
    expect(listed.cases.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(opened).toHaveLength(1);
  });
});
