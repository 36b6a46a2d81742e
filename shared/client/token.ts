/**
 * Keeps the participant's short-lived JWT fresh. The integrator's backend mints tokens; the
 * widget only calls their `getToken()` and reads `exp` (never verifies: the server does that).
 */

export type GetToken = () => string | Promise<string>;

/** Read a JWT's `exp` (seconds) without verifying it; 0 when absent or unreadable. */
export function expiryOf(token: string): number {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : 0;
  } catch {
    return 0;
  }
}

/** One claim of a JWT, unverified (the widget only reads which tenant it is for). */
export function claimOf(token: string, name: string): string | undefined {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    return typeof json[name] === "string" ? json[name] : undefined;
  } catch {
    return undefined;
  }
}

export class TokenKeeper {
  private token = "";
  private exp = 0;
  private issuedAt = 0;
  private inflight: Promise<string> | null = null;

  constructor(private readonly getToken: GetToken) {}

  /** A token that stays valid for a while yet; calls the integrator only when needed. */
  async fresh(): Promise<string> {
    if (this.token && this.msUntilRefresh() > 0) return this.token;
    return this.refresh();
  }

  /** Ask the integrator for a new token now (concurrent callers share one request). */
  refresh(): Promise<string> {
    this.inflight ??= Promise.resolve()
      .then(() => this.getToken())
      .then((token) => {
        if (typeof token !== "string" || token.length === 0) throw new Error("getToken returned no token");
        this.token = token;
        this.last = token;
        this.exp = expiryOf(token);
        this.issuedAt = Date.now();
        return token;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** A claim of the current (or last) token, read without verifying. */
  claim(name: string): string | undefined {
    return this.last ? claimOf(this.last, name) : undefined;
  }
  private last = "";

  /** Forget the current token, after the server called it expired. */
  invalidate(): void {
    this.token = "";
  }

  /**
   * Milliseconds until the widget should swap tokens: a quarter of the token's lifetime before
   * expiry, at most 60 s, so a 5-minute token is replaced a minute early and a 40 s one 10 s early.
   */
  msUntilRefresh(): number {
    if (!this.exp) return Number.POSITIVE_INFINITY;
    const expMs = this.exp * 1000;
    const lifetime = Math.max(0, expMs - this.issuedAt);
    const lead = Math.min(60_000, lifetime / 4);
    return expMs - lead - Date.now();
  }
}
