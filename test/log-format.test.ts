import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { prettyStream, wantsPretty } from "../server/log-format.ts";
import { createLogger } from "../server/logger.ts";

describe("log format", () => {
  it("is pretty only at a terminal in development, or when asked", () => {
    expect(wantsPretty("auto", undefined, true)).toBe(true);
    expect(wantsPretty("auto", "development", true)).toBe(true);
    expect(wantsPretty("auto", undefined, false)).toBe(false);
    expect(wantsPretty("auto", "production", true)).toBe(false);
    expect(wantsPretty("json", undefined, true)).toBe(false);
    expect(wantsPretty("pretty", "production", false)).toBe(true);
  });

  it("writes readable lines that are still redacted", () => {
    let out = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const log = createLogger("info", prettyStream(sink));
    log.info({ room: "r_1", body: "SECRET-TEXT-1" }, "message stored");
    expect(out).toContain("message stored");
    expect(out).toContain("r_1");
    expect(out).not.toContain("SECRET-TEXT-1");
    expect(() => JSON.parse(out)).toThrow();
  });
});
