/**
 * The consequences of every verdict for every kind of write, and of every review, without a
 * server: what was stored goes in, the list of events that must follow comes out.
 */
import { describe, expect, it } from "vitest";
import type { Finding, Verdict } from "../../moderation/index.ts";
import { afterReview, afterWrite } from "../../server/spine/consequences.ts";
import { enforce } from "../../server/spine/enforce-verdict.ts";
import type {
  Consequence,
  HeldKind,
  Placed,
  StoredReview,
  StoredText,
  WriteKind,
} from "../../server/spine/write.ts";
import type { Case, Message, Reply, Thread } from "../../shared/types.ts";

const author = { id: "u_a", name: "Ada", role: "participant" as const };
const TEXT = "some words";

function verdict(over: Partial<Verdict>): Verdict {
  return {
    action: "allow",
    crisis: { level: 0, category: null },
    privacy: [],
    solicitation: false,
    findings: [],
    redacted: TEXT,
    reasons: [],
    support: false,
    escalate: false,
    flag: false,
    ...over,
  };
}
const phone: Finding = { kind: "privacy", rule: "privacy.phone", start: 0, end: 4 } as Finding;
const crisis = (level: 1 | 2 | 3 | 4) => ({ level, category: "self_harm" as const });

/** Every verdict moderation can give, as the policy turns it into actions. */
const VERDICTS = {
  allow: verdict({}),
  flag: verdict({ crisis: crisis(1), flag: true }),
  redact: verdict({
    action: "redact",
    privacy: [phone],
    findings: [phone],
    redacted: "[phone] words",
    flag: true,
  }),
  escalate: verdict({ crisis: crisis(2), support: true, escalate: true, flag: true }),
  hold: verdict({ action: "hold", crisis: crisis(3), support: true, escalate: true, flag: true }),
  urgent: verdict({ action: "hold", crisis: crisis(4), support: true, escalate: true, flag: true }),
  block: verdict({ action: "block", reasons: ["keyword"] }),
} satisfies Record<string, Verdict>;
type VerdictName = keyof typeof VERDICTS;

const message = (status: Message["status"], body: string): Message => ({
  id: "m_1",
  roomId: "r_1",
  seq: status === "held" ? null : 7,
  author,
  body,
  status,
  replyTo: null,
  createdAt: "2026-12-01T00:00:00.000Z",
  editedAt: null,
  reactions: {},
});
const thread = (status: Thread["status"], body: string): Thread => ({
  id: "t_1",
  title: "A title",
  body,
  author,
  status,
  replyCount: 1,
  createdAt: "2026-12-01T00:00:00.000Z",
  lastActivityAt: "2026-12-01T00:00:00.000Z",
  tags: [],
  locked: false,
});
const reply = (status: Reply["status"], body: string): Reply => ({
  id: "p_1",
  threadId: "t_1",
  body,
  author,
  status,
  createdAt: "2026-12-01T00:00:00.000Z",
});
const aCase: Case = {
  id: "c_1",
  roomId: "r_1",
  messageId: "m_1",
  threadId: null,
  level: 3,
  category: "self_harm",
  status: "open",
  tier: 1,
  createdAt: "2026-12-01T00:00:00.000Z",
  dueAt: "2026-12-01T00:05:00.000Z",
  assignee: null,
  notes: [],
};

/** What the store keeps for `kind` given its decision (a reply's thread changes only when it counts). */
function stored(kind: WriteKind, v: Verdict): StoredText {
  const d = enforce(TEXT, v);
  const held = d.status === "held";
  let item: Placed;
  if (kind === "message" || kind === "message-edit")
    item = { where: "room", roomId: "r_1", message: message(d.status, d.body) };
  else if (kind === "thread" || kind === "thread-edit")
    item = { where: "forum", post: thread(d.status, d.body), parent: null };
  else {
    const bumped = kind === "reply" ? !held : held; // a new reply counts once visible; an edit held again stops counting
    item = {
      where: "forum",
      post: reply(d.status, d.body),
      parent: bumped ? thread("visible", "thread body") : null,
    };
  }
  return {
    kind,
    tenant: "acme",
    author: "u_a",
    decision: d,
    item,
    context: [],
    case: d.escalate ? { case: aCase, isNew: true } : null,
    resources: [],
  };
}

const audience = (c: Consequence) => {
  const to = c.to;
  if ("room" in to) return "room";
  if ("user" in to) return "author";
  if ("forum" in to) return "forum";
  return to.staff >= 2 ? "staff2" : "staff";
};
const summary = (list: Consequence[]) => list.map((c) => `${audience(c)} ${c.event}`);

// What follows each verdict, per kind of write. An edit is always re-shown (its text hidden if held);
// a new text only when not held. Only a chat room gets the level-4 notice.
const after = {
  support: "author support",
  flagged: "staff mod:flagged",
  held: "staff mod:held",
  caseNew: "staff case:new",
  notice: "room notice",
};
const expected: Record<WriteKind, Record<Exclude<VerdictName, "block">, string[]>> = {
  message: {
    allow: ["room message:new"],
    flag: ["room message:new", after.flagged],
    redact: ["room message:new", after.flagged],
    escalate: ["room message:new", after.support, after.flagged, after.caseNew],
    hold: [after.support, after.held, after.caseNew],
    urgent: [after.support, after.held, after.notice, after.caseNew],
  },
  "message-edit": {
    allow: ["room message:updated"],
    flag: ["room message:updated", after.flagged],
    redact: ["room message:updated", after.flagged],
    escalate: ["room message:updated", after.support, after.flagged, after.caseNew],
    hold: ["room message:updated", after.support, after.held, after.caseNew],
    urgent: ["room message:updated", after.support, after.held, after.notice, after.caseNew],
  },
  thread: {
    allow: ["forum forum:thread"],
    flag: ["forum forum:thread", after.flagged],
    redact: ["forum forum:thread", after.flagged],
    escalate: ["forum forum:thread", after.support, after.flagged, after.caseNew],
    hold: [after.support, after.held, after.caseNew],
    urgent: [after.support, after.held, after.caseNew],
  },
  "thread-edit": {
    allow: ["forum forum:thread"],
    flag: ["forum forum:thread", after.flagged],
    redact: ["forum forum:thread", after.flagged],
    escalate: ["forum forum:thread", after.support, after.flagged, after.caseNew],
    hold: ["forum forum:thread", after.support, after.held, after.caseNew],
    urgent: ["forum forum:thread", after.support, after.held, after.caseNew],
  },
  reply: {
    allow: ["forum forum:reply", "forum forum:thread"],
    flag: ["forum forum:reply", "forum forum:thread", after.flagged],
    redact: ["forum forum:reply", "forum forum:thread", after.flagged],
    escalate: ["forum forum:reply", "forum forum:thread", after.support, after.flagged, after.caseNew],
    hold: [after.support, after.held, after.caseNew],
    urgent: [after.support, after.held, after.caseNew],
  },
  "reply-edit": {
    allow: ["forum forum:reply"],
    flag: ["forum forum:reply", after.flagged],
    redact: ["forum forum:reply", after.flagged],
    escalate: ["forum forum:reply", after.support, after.flagged, after.caseNew],
    hold: ["forum forum:reply", "forum forum:thread", after.support, after.held, after.caseNew],
    urgent: ["forum forum:reply", "forum forum:thread", after.support, after.held, after.caseNew],
  },
};

const rows = (Object.keys(expected) as WriteKind[]).flatMap((kind) =>
  (Object.keys(expected[kind]) as Exclude<VerdictName, "block">[]).map(
    (v) => [kind, v, expected[kind][v]] as const,
  ),
);

describe("the consequences of a moderated write", () => {
  it.each(rows)("%s, verdict %s", (kind, v, want) => {
    const s = stored(kind, VERDICTS[v]);
    const list = afterWrite(s);
    expect(summary(list)).toEqual(want);
    for (const c of list) {
      // A held text is never shown to the room or the forum; staff see it whole.
      if (s.decision.status === "held" && (c.event === "message:updated" || c.event === "forum:reply"))
        expect(c.payload.body).toBe("");
      if (
        s.decision.status === "held" &&
        c.event === "forum:thread" &&
        s.item.where === "forum" &&
        !s.item.parent
      )
        expect(c.payload.body).toBe("");
      const text = s.item.where === "room" ? s.item.message.body : s.item.post.body;
      if (c.event === "mod:held" || c.event === "mod:flagged") expect(c.payload.message.body).toContain(text);
      if (c.event === "support")
        expect(c.payload.messageId).toBe(s.item.where === "room" ? "m_1" : s.item.post.id);
    }
  });

  it("stores nothing, so nothing follows, for a blocked text of any kind", () => {
    expect(() => enforce(TEXT, VERDICTS.block)).toThrowError(expect.objectContaining({ code: "blocked" }));
  });

  it("tells clinicians too of a case already at tier 2, and says updated for a case that existed", () => {
    const s = stored("message-edit", VERDICTS.escalate);
    s.case = { case: { ...aCase, tier: 2 }, isNew: false };
    expect(summary(afterWrite(s)).at(-1)).toBe("staff2 case:updated");
  });
});

function review(kind: "approve" | "reject", held: HeldKind, hadSeq: boolean): StoredReview {
  const status = kind === "approve" ? "visible" : "rejected";
  const body = kind === "approve" ? TEXT : "";
  const item: Placed =
    held === "message"
      ? { where: "room", roomId: "r_1", message: message(status, body) }
      : held === "thread"
        ? { where: "forum", post: thread(status, body), parent: null }
        : {
            where: "forum",
            post: reply(status, body),
            parent: kind === "approve" ? thread("visible", "t") : null,
          };
  return { kind, held, tenant: "acme", id: "x_1", author: "u_a", hadSeq, item };
}

const reviews: [kind: "approve" | "reject", held: HeldKind, hadSeq: boolean, want: string[]][] = [
  ["approve", "message", false, ["room message:new", "staff mod:resolved"]],
  ["approve", "message", true, ["room message:updated", "staff mod:resolved"]],
  ["approve", "thread", false, ["forum forum:thread", "staff mod:resolved"]],
  ["approve", "reply", false, ["forum forum:reply", "forum forum:thread", "staff mod:resolved"]],
  ["reject", "message", false, ["author message:updated", "author notice", "staff mod:resolved"]],
  [
    "reject",
    "message",
    true,
    ["author message:updated", "author notice", "room message:deleted", "staff mod:resolved"],
  ],
  ["reject", "thread", false, ["author forum:thread", "author notice", "staff mod:resolved"]],
  ["reject", "thread", true, ["forum forum:thread", "author notice", "staff mod:resolved"]],
  ["reject", "reply", false, ["author forum:reply", "author notice", "staff mod:resolved"]],
  ["reject", "reply", true, ["forum forum:reply", "author notice", "staff mod:resolved"]],
];

describe("the consequences of a review", () => {
  it.each(reviews)("%s a held %s (seen before: %s)", (kind, held, hadSeq, want) => {
    const list = afterReview(review(kind, held, hadSeq));
    expect(summary(list)).toEqual(want);
    const resolved = list.at(-1)!;
    expect(resolved.payload).toEqual({
      messageId: "x_1",
      status: kind === "approve" ? "visible" : "rejected",
    });
  });
});
