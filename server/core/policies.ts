/**
 * Resolved moderation policies, cached: tenant defaults overlaid with a room's own overrides.
 * Resolution validates the overrides; a bad room policy is refused when the room is created.
 */
import { type Policy, type PolicyKind, resolvePolicy } from "../../moderation/index.ts";
import type { Config } from "../config.ts";

export interface PolicyCache {
  /** The policy of a room (or of the tenant's forum when `roomId` is null). */
  get(tenant: string, kind: PolicyKind, roomId: string | null, roomPolicy?: unknown): Policy;
  /** Resolve a room policy without caching it; throws PolicyError naming the bad field. */
  validate(tenant: string, kind: PolicyKind, roomPolicy: unknown): Policy;
}

export function createPolicyCache(config: Config): PolicyCache {
  const cache = new Map<string, Policy>();
  return {
    validate: (tenant, kind, roomPolicy) =>
      resolvePolicy(kind, config.tenants.get(tenant)?.policy, roomPolicy),
    get(tenant, kind, roomId, roomPolicy) {
      const key = `${tenant}\u0000${kind}\u0000${roomId ?? ""}`;
      let policy = cache.get(key);
      if (!policy) {
        policy = resolvePolicy(kind, config.tenants.get(tenant)?.policy, roomPolicy);
        if (cache.size > 10_000) cache.clear();
        cache.set(key, policy);
      }
      return policy;
    },
  };
}
