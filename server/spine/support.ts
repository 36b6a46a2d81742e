/**
 * The private `support` answer to someone whose words show risk: warm, short, and with the
 * tenant's crisis resources (988 by default). Never shown to anyone else.
 */
import type { SupportPayload } from "../../shared/types.ts";

const TEXT: Record<number, string> = {
  2: "It sounds like things are really heavy right now. You're not alone: a peer specialist has been let know and will check in. If you want to talk to someone now, these lines are free and open 24/7.",
  3: "We're worried about you and want you safe. A peer specialist is reaching out. Please contact one of these now; they're free, confidential and open 24/7.",
  4: "Your safety matters most right now. If you or someone with you is in danger or not breathing, call emergency services now. A peer specialist has been alerted.",
};

/** The support payload for the author of a text at crisis `level`, with the tenant's resources. */
export function supportFor(
  messageId: string,
  level: number,
  resources: SupportPayload["resources"],
): SupportPayload {
  return { messageId, level, text: TEXT[Math.min(Math.max(level, 2), 4)]!, resources };
}
