/**
 * Create a demo tenant's rooms (idempotent by name): `npm run seed [-- --tenant t]`.
 * Uses the same database and configuration as `npm start`.
 */
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/client.ts";
import { insertRoom, upsertMembership } from "../server/db/repos/rooms.ts";
import { ensureUser } from "../server/db/repos/users.ts";
import { rooms } from "../server/db/schema.ts";
import { newId, nowIso } from "../server/ids.ts";

const { values } = parseArgs({ options: { tenant: { type: "string", default: "default" } } });
const config = loadConfig();
if (!config.tenants.has(values.tenant!)) {
  process.stderr.write(`seed: unknown tenant "${values.tenant}"\n`);
  process.exit(2);
}
const db = openDatabase(config.databasePath);
const demo = [
  { kind: "group", name: "Evening recovery group", topic: "Daily check-in, 7pm", visibility: "open" },
  { kind: "group", name: "Relapse prevention", topic: "Triggers, cravings and plans", visibility: "open" },
  { kind: "social", name: "Game night", topic: "Sober fun, Fridays", visibility: "open" },
  {
    kind: "buddy",
    name: "Buddy: alice + mentor",
    topic: "Mentor chat",
    visibility: "invite",
    members: ["alice", "mentor"],
  },
] as const;

for (const r of demo) {
  const existing = db
    .select()
    .from(rooms)
    .where(and(eq(rooms.tenant, values.tenant!), eq(rooms.name, r.name)))
    .get();
  const room =
    existing ??
    insertRoom(db, {
      id: newId("r"),
      tenant: values.tenant!,
      kind: r.kind,
      name: r.name,
      topic: r.topic,
      visibility: r.visibility,
      createdAt: nowIso(),
    });
  for (const sub of "members" in r ? r.members : [])
    upsertMembership(db, room.id, ensureUser(db, values.tenant!, sub), { enrolled: true });
  process.stdout.write(
    `${existing ? "exists " : "created"} ${room.id}  ${room.kind.padEnd(6)} ${room.visibility.padEnd(6)} ${room.name}\n`,
  );
}
db.$client.close();
