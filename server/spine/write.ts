/**
 * The vocabulary of the spine: the moderated writes and staff reviews it is given, what their
 * unit of work stored (as wire shapes), and the consequences that follow, as plain data.
 */
import type { Message, Reply, SupportPayload, Thread } from "../../shared/types.ts";
import type { EventName, EventPayload } from "../core/bus.ts";
import type { CaseChange, MessageRow, ReplyRow, RoomRow, ThreadRow } from "../db/store.ts";
import type { SupportLocales } from "../support/card.ts";
import type { Decision } from "./enforce-verdict.ts";

/** A text someone wrote, not yet moderated: what it is, where it goes and what it says. */
export type TextWrite =
  | { kind: "message"; room: RoomRow; clientId: string; body: string; replyTo: string | null }
  | { kind: "message-edit"; room: RoomRow; target: MessageRow; body: string }
  | { kind: "thread"; clientId: string; title: string; body: string; tags: string[] }
  | { kind: "thread-edit"; target: ThreadRow; title: string; body: string }
  | { kind: "reply"; thread: ThreadRow; clientId: string; body: string }
  | { kind: "reply-edit"; thread: ThreadRow; target: ReplyRow; body: string };

export type WriteKind = TextWrite["kind"];

/** The three kinds of text that can be held for review. */
export type HeldKind = "message" | "thread" | "reply";

/** A reviewer's decision on a held item, routed by its kind. */
export type Review =
  | { kind: "approve"; held: HeldKind; id: string }
  | { kind: "reject"; held: HeldKind; id: string; reason: string };

/** The wire view a write stores, by kind. */
export interface ViewOf {
  message: Message;
  "message-edit": Message;
  thread: Thread;
  "thread-edit": Thread;
  reply: Reply;
  "reply-edit": Reply;
}

/** Where a stored text lives: a chat room (a message) or the tenant's forum (a post). */
export type Placed =
  | { where: "room"; roomId: string; message: Message }
  | { where: "forum"; post: Thread | Reply; parent: Thread | null };

/** What the unit of work of a text write stored, with what a reviewer sees around it. */
export interface StoredText {
  kind: WriteKind;
  tenant: string;
  author: string;
  decision: Pick<Decision, "status" | "flag" | "support" | "level" | "category" | "findings">;
  item: Placed;
  /** The few messages before it in its room, or a reply's thread: only when staff are told. */
  context: Message[];
  case: CaseChange | null;
  /** The tenant's crisis resources, for the author's private support. */
  resources: SupportPayload["resources"];
  /**
   * The tenant's support in its locales (server/support/): with them the author's card reaches
   * each of their tabs in that tab's language; without them, one card in the default words.
   */
  locales?: SupportLocales;
}

/** What the unit of work of a review changed. */
export interface StoredReview {
  kind: Review["kind"];
  held: HeldKind;
  tenant: string;
  id: string;
  /** The author of the reviewed text. */
  author: string;
  /** It had been seen before (an edit held it again), so its audience must hear of the change. */
  hadSeq: boolean;
  item: Placed;
}

/** Who hears an event; the realtime layer turns this into Socket.IO rooms. */
export type Audience =
  | { room: string; except?: string } // `except`: a handle of the tenant left out (e.g. the typist)
  | { user: string }
  | { staff: number } // the case tier: 2 reaches clinicians too
  | { forum: true };

/** One thing that must follow a commit: an event for an audience of the tenant. */
export type Consequence = {
  [E in EventName]: { to: Audience; event: E; payload: EventPayload<E> };
}[EventName];
