/**
 * Moderation benchmark (issue 2): messages/s and p50/p99 per message for short, typical, long and
 * adversarial inputs, the rules alone beside the default (rules + learned stage), and the same
 * figures plus dev-set PII recall for redact-pii in one run, so every bar is a ratio of one run.
 * Usage: npm run bench:moderation [-- --json]
 */
import { readFileSync } from "node:fs";
import { SyncRedactor } from "redact-pii";
import { defaultPolicy, moderate } from "../../moderation/index.ts";

const RULES_ONLY = defaultPolicy("group");
RULES_ONLY.crisis.model = false;

type Case = { name: string; inputs: string[] };
const short = ["made it to 45 days today!", "text me after group ok?", "i relapsed last night, day 1 again"];
const typical = [
  "been white knuckling it all week but my sponsor called at 8 and we talked for an hour. 67 days tomorrow, meeting at 7:30 in room 12, bringing the coffee. thanks everyone for showing up for me",
  "honestly i dont know why i keep coming here, everything feels pointless lately and i cant sleep. if anyone wants to talk my number is 415-555-0199, or email me at sam.r.77@example.com",
  "reminder that the thursday women's group moved to 6pm, page 86 of the big book tonight. narcan training is saturday at the clubhouse, $5 for lunch, bring a friend who wants to learn",
];
const long = [typical.join(" ").repeat(7).slice(0, 4000)];
const adversarial: Case[] = [
  { name: "adv: 4k repeated letter", inputs: ["a".repeat(4000)] },
  { name: "adv: 4k digits", inputs: ["9".repeat(4000)] },
  { name: "adv: digits+separators", inputs: ["1-".repeat(2000)] },
  { name: "adv: combining marks", inputs: [`k${"\u0301".repeat(3999)}`] },
  { name: "adv: spaced letters", inputs: ["k i ".repeat(1000)] },
  { name: "adv: zero-width mix", inputs: ["ki\u200bl\u200dl ".repeat(800)] },
  { name: "adv: @ and dots", inputs: ["a.a@a.".repeat(666)] },
  { name: "adv: signals+negations", inputs: ["not kill myself, dont want to die ".repeat(118)] },
];
const cases: Case[] = [
  { name: "short (~50)", inputs: short },
  { name: "typical (~200)", inputs: typical },
  { name: "long (4,000)", inputs: long },
  ...adversarial,
];

/**
 * Throughput and latency of `fn` over `inputs`. The machine is shared (CI, browser tests), so each
 * figure is the best of several rounds: throughput from batches timed together (no timer per call),
 * p50/p99 from per-call timings of the fastest round. Both engines are measured the same way.
 */
function measure(fn: (s: string) => unknown, inputs: string[], rounds = 5, budgetMs = 300) {
  for (let i = 0; i < 500; i++) fn(inputs[i % inputs.length]!);
  let best = { msgsPerSec: 0, p50ms: Number.POSITIVE_INFINITY, p99ms: Number.POSITIVE_INFINITY };
  for (let r = 0; r < rounds; r++) {
    // throughput: batches of calls under one timer
    let calls = 0;
    const start = performance.now();
    while (performance.now() - start < budgetMs / 2) {
      for (let k = 0; k < 20; k++) fn(inputs[calls++ % inputs.length]!);
    }
    const msgsPerSec = Math.round((calls / (performance.now() - start)) * 1000);
    // latency: one timer per call
    const times: number[] = [];
    const t1 = performance.now();
    let i = 0;
    while (performance.now() - t1 < budgetMs / 2 || times.length < 50) {
      const t0 = performance.now();
      fn(inputs[i++ % inputs.length]!);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    best = {
      msgsPerSec: Math.max(best.msgsPerSec, msgsPerSec),
      p50ms: Math.min(best.p50ms, +q(0.5).toFixed(4)),
      p99ms: Math.min(best.p99ms, +q(0.99).toFixed(4)),
    };
  }
  return best;
}

/** PII recall on the dev corpus: a gold span counts when its text no longer appears. */
function devRecall(redact: (s: string) => string): number {
  // the dev set ships with the repo: a missing file is an error, not a figure to leave out
  const corpus: { text: string; pii?: { text: string }[] }[] = readFileSync(
    new URL("../../test/moderation/fixtures/dev.jsonl", import.meta.url),
    "utf8",
  )
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  let hit = 0;
  let all = 0;
  for (const c of corpus)
    for (const g of c.pii ?? []) {
      all++;
      if (!redact(c.text).includes(g.text)) hit++;
    }
  return +(hit / all).toFixed(3);
}

const redactor = new SyncRedactor();
const engines: [string, (s: string) => unknown][] = [
  ["lantern", (s) => moderate(s)],
  ["rules only", (s) => moderate(s, RULES_ONLY)],
  ["redact-pii", (s) => redactor.redact(s)],
];
type Figures = ReturnType<typeof measure>;
const better = (a: Figures | undefined, b: Figures): Figures =>
  a
    ? {
        msgsPerSec: Math.max(a.msgsPerSec, b.msgsPerSec),
        p50ms: Math.min(a.p50ms, b.p50ms),
        p99ms: Math.min(a.p99ms, b.p99ms),
      }
    : b;
const rows: Record<string, unknown>[] = [];
// the compared engines take turns, round by round, so a busy spell on a shared machine hits all
for (const c of cases.slice(0, 3)) {
  const best = new Map<string, Figures>();
  for (let round = 0; round < 5; round++)
    for (const [name, fn] of engines) best.set(name, better(best.get(name), measure(fn, c.inputs, 1)));
  for (const [name] of engines) rows.push({ engine: name, case: c.name, ...best.get(name)! });
}
for (const c of adversarial)
  rows.push({ engine: "lantern", case: c.name, ...measure((s) => moderate(s), c.inputs) });
// linearity: each adversarial input at half its length; a cost ratio near 2 is linear
const halves = adversarial.map((c) => {
  const full = measure((s) => moderate(s), c.inputs).msgsPerSec;
  const half = measure((s) => moderate(s), [c.inputs[0]!.slice(0, c.inputs[0]!.length / 2)]).msgsPerSec;
  return [c.name, +(half / full).toFixed(2)] as const;
});
const at = (engine: string, name: string) => rows.find((r) => r.engine === engine && r.case === name)!;
const typicalCost = at("lantern", "typical (~200)").p50ms as number;
const longCost = at("lantern", "long (4,000)").p50ms as number;
const rate = (engine: string) => at(engine, "typical (~200)").msgsPerSec as number;
const summary = {
  node: process.version,
  lanternDevPiiRecall: devRecall((s) => moderate(s).redacted),
  redactPiiDevPiiRecall: devRecall((s) => redactor.redact(s)),
  longOverTypicalCost: +(longCost / typicalCost).toFixed(1),
  typicalSpeedOverRedactPii: +(rate("lantern") / rate("redact-pii")).toFixed(2),
  typicalCostWithModelOverRules: +(rate("rules only") / rate("lantern")).toFixed(2),
  typicalP99ms: at("lantern", "typical (~200)").p99ms,
  adversarialCostFullOverHalf: Object.fromEntries(halves),
};
if (process.argv.includes("--json")) console.log(JSON.stringify({ rows, summary }));
else {
  console.table(rows);
  console.log(summary);
}
