/** The per-tenant audit hash chain: canonical content, row hashes and the walk that verifies it. */
import { createHash } from "node:crypto";
import type { AuditRow } from "./rows.ts";
import type { Store } from "./store.ts";

export const GENESIS = "0".repeat(64);

/** Canonical JSON: keys sorted at every depth, so the same content always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The hash of a row: covers the previous hash and the row's canonical content. */
export function rowHash(
  prevHash: string,
  row: Pick<AuditRow, "tenant" | "at" | "actor" | "action" | "target" | "details">,
) {
  const content = canonical({
    tenant: row.tenant,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: row.details,
  });
  return createHash("sha256").update(`${prevHash}\n${content}`).digest("hex");
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId?: number;
}

/** Walk the tenant's chain: every hash recomputed, every link and the recorded head checked. */
export async function verifyAudit(store: Store, tenant: string): Promise<VerifyResult> {
  let prev = GENESIS;
  let checked = 0;
  let lastId = 0;
  for (;;) {
    const batch = await store.auditAfter(tenant, lastId, 1000);
    for (const row of batch) {
      if (row.prevHash !== prev || rowHash(prev, row) !== row.hash)
        return { ok: false, checked, firstBadId: row.id };
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
    if (batch.length < 1000) break;
  }
  const head = await store.auditHead(tenant);
  const headOk = head
    ? head.lastHash === prev && head.count === checked && head.lastId === lastId
    : checked === 0;
  return headOk ? { ok: true, checked } : { ok: false, checked, firstBadId: lastId + 1 };
}
