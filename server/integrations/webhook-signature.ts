/**
 * The `X-Lantern-Signature` header. During a secret rotation the tenant's webhook config keeps
 * `previousSecret`, and each delivery carries one `v1=` signature per secret
 * (`t=<unix seconds>,v1=<new>,v1=<previous>`), so a receiver that still holds the old secret
 * verifies until it switches, and one with the new secret verifies at once.
 */
import { createHmac } from "node:crypto";

export interface SigningSecrets {
  secret: string;
  previousSecret?: string;
}

/** hex HMAC-SHA256 of "<t>.<body>". */
export const v1 = (secret: string, t: number, body: string) =>
  createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");

/** The header value for `body`, signed with the current secret and, while rotating, the previous one. */
export function signatureHeader(
  hook: SigningSecrets,
  body: string,
  t = Math.floor(Date.now() / 1000),
): string {
  const secrets = hook.previousSecret ? [hook.secret, hook.previousSecret] : [hook.secret];
  return [`t=${t}`, ...secrets.map((s) => `v1=${v1(s, t, body)}`)].join(",");
}
