import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Suites boot real servers, child-process nodes, Redis and Chromium; on a 2-core machine
    // running files side by side starves their timers and sockets. One file at a time is
    // slower by a minute and never flaky for that reason.
    fileParallelism: false,
    reporters: ["default"],
  },
});
