/**
 * Child process for the start-up race test: loads the code, says "ready", and on "go" (from
 * stdin, sent to every child at once) opens and migrates the database at argv[2].
 */
import { openDatabase } from "../../server/db/sqlite/client.ts";

process.stdout.write("ready\n");
process.stdin.once("data", () => {
  try {
    openDatabase(process.argv[2]!).$client.close();
    process.stdout.write("ok\n");
  } catch (e) {
    process.stdout.write(`failed: ${(e as Error).message.split("\n")[0]}\n`);
  }
  process.exit(0);
});
