/**
 * Per-user send limits. One interface, two stores: process memory for a single node, Redis
 * when several nodes must share the count (a fixed window, INCR + PEXPIRE, atomic).
 */
import type { RedisClientType } from "redis";

export type Verdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  hit(key: string): Promise<Verdict>;
}

/** Fixed window in memory: fine while one process sees every send of a user. */
export function memoryLimiter(limit: number, windowMs: number, now = () => Date.now()): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    async hit(key) {
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
        lastSweep = t;
      }
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count <= limit ? { ok: true } : { ok: false, retryAfterMs: w.start + windowMs - t };
    },
  };
}

/**
 * Fixed window in Redis, shared by every node. If Redis is unreachable the send is allowed:
 * refusing every participant's message during an outage is the worse failure.
 */
export function redisLimiter(redis: RedisClientType, limit: number, windowMs: number): RateLimiter {
  return {
    async hit(key) {
      if (!redis.isReady) return { ok: true };
      try {
        const k = `lantern:rl:${key}`;
        const [count, ttl] = (await redis.multi().incr(k).pTTL(k).exec()) as unknown as [number, number];
        if (ttl < 0) await redis.pExpire(k, windowMs);
        return count <= limit ? { ok: true } : { ok: false, retryAfterMs: ttl > 0 ? ttl : windowMs };
      } catch {
        return { ok: true };
      }
    },
  };
}
