/** The Socket.IO server and socket types, typed by the shared event maps. */
import type { Server, Socket } from "socket.io";
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from "../../shared/events.ts";

export type LanternServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LanternSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
