/**
 * The baseline for bench:hub: a bare Socket.IO broadcast server with the hub's event names and
 * message shape, and nothing else (no auth, no moderation, no storage, no rate limit). Ids have
 * the hub's lengths (message, author), so both servers put the same bytes on the wire.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { Server } from "socket.io";

/** As long as the hub's ids (`m_` + 25 chars, `u_` + 16), without the hub's work of making them. */
const messageId = (seq: number) => `m_${String(seq).padStart(25, "0")}`;
const authorId = () => `u_${randomBytes(12).toString("base64url")}`;

const port = Number(process.env.PORT);
const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });
const seqs = new Map<string, number>();

io.on("connection", (socket) => {
  // The hub's author is { handle, the token's name, role }; the bench names members m<sub>.
  const author = { id: authorId(), name: "mu0", role: "participant" };
  socket.on("room:join", async ({ roomId }: { roomId: string }, ack: (r: unknown) => void) => {
    await socket.join(`room:${roomId}`);
    ack({ ok: true, messages: [], hasMore: false, online: [] });
  });
  socket.on(
    "message:send",
    (p: { roomId: string; clientId: string; body: string }, ack: (r: unknown) => void) => {
      const seq = (seqs.get(p.roomId) ?? 0) + 1;
      seqs.set(p.roomId, seq);
      const message = {
        id: messageId(seq),
        roomId: p.roomId,
        seq,
        author,
        body: p.body,
        status: "visible",
        replyTo: null,
        createdAt: new Date().toISOString(),
        editedAt: null,
        reactions: {},
      };
      io.to(`room:${p.roomId}`).emit("message:new", message);
      ack({ ok: true, message, moderation: { action: "allow", reasons: [] } });
    },
  );
});

http.listen(port, "127.0.0.1", () => process.stdout.write(`bare listening ${port}\n`));
process.on("SIGTERM", () => io.close(() => process.exit(0)));
