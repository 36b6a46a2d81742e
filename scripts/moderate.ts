/**
 * The moderation command line (PROTOCOL.md "Moderation command line"): JSON lines in,
 * one verdict line out per input line, in order, under the default `group` policy.
 * `--model on|off` overrides the policy's learned stage (`crisis.model`), for measurement.
 */
import { createInterface } from "node:readline";
import { defaultPolicy, moderate } from "../moderation/index.ts";

const policy = defaultPolicy("group");
const flag = process.argv.indexOf("--model");
if (flag !== -1) {
  const value = process.argv[flag + 1];
  if (value !== "on" && value !== "off") {
    console.error("moderate: --model takes on or off");
    process.exit(64);
  }
  policy.crisis.model = value === "on";
}

const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
const out: string[] = [];
const flush = () => {
  if (out.length) process.stdout.write(`${out.join("\n")}\n`);
  out.length = 0;
};

rl.on("line", (line) => {
  if (line.trim() === "") return;
  let id: unknown = null;
  try {
    const msg = JSON.parse(line) as { id?: unknown; text?: unknown };
    id = msg?.id ?? null;
    if (typeof msg?.text !== "string") throw new Error("text must be a string");
    const v = moderate(msg.text, policy);
    out.push(
      JSON.stringify({
        id,
        action: v.action,
        crisis: v.crisis,
        privacy: v.privacy.map((p) => ({ type: p.type, start: p.start, end: p.end })),
        solicitation: v.solicitation,
        redacted: v.redacted,
        reasons: v.reasons,
        support: v.support,
        escalate: v.escalate,
        flag: v.flag,
      }),
    );
  } catch (err) {
    // the error names what was wrong with the line, never its content
    const what =
      err instanceof SyntaxError ? "invalid JSON" : err instanceof Error ? err.message : "bad line";
    out.push(JSON.stringify({ id: err instanceof SyntaxError ? null : id, error: what }));
  }
  if (out.length >= 256) flush();
});
rl.on("close", flush);
