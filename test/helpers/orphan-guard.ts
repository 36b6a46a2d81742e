/**
 * Runs the real server entry point (server/main.ts) as a test's child process, and ends it when
 * the test process goes away: the parent holds our stdin, which closes when it exits or dies.
 * Without this a test runner killed mid-suite would leave nodes listening forever.
 */
process.stdin.on("end", () => process.kill(process.pid, "SIGKILL"));
process.stdin.resume();
await import("../../server/main.ts");
