/**
 * Create a demo tenant's rooms (idempotent by name): `npm run seed [-- --tenant t]`.
 * Uses the same database and configuration as `npm start`.
 */
import { parseArgs } from "node:util";
import { openStore } from "../server/db/open.ts";
import { newId } from "../server/ids.ts";
import { runScript } from "./script.ts";

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

runScript("seed", async (config) => {
  const { values } = parseArgs({ options: { tenant: { type: "string", default: "default" } } });
  const tenant = values.tenant!;
  if (!config.tenants.has(tenant)) {
    process.stderr.write(`seed: unknown tenant "${tenant}"\n`);
    return 2;
  }
  const store = await openStore(config);
  try {
    for (const r of demo) {
      const existing = await store.findRoomByName(tenant, r.name);
      const members = "members" in r ? [...r.members] : [];
      const id = newId("r");
      const room =
        existing ??
        (await store.createRoom(
          {
            id,
            tenant,
            kind: r.kind,
            name: r.name,
            topic: r.topic,
            visibility: r.visibility,
            policy: null,
            createdBy: null,
          },
          members,
          {
            tenant,
            actor: "seed",
            action: "room.created",
            target: id,
            details: { kind: r.kind, visibility: r.visibility, members: members.length },
          },
        ));
      if (existing) for (const sub of members) await store.enrol(tenant, room.id, sub, "seed");
      process.stdout.write(
        `${existing ? "exists " : "created"} ${room.id}  ${room.kind.padEnd(6)} ${room.visibility.padEnd(6)} ${room.name}\n`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
});
