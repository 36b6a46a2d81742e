/**
 * Merges validated overrides (tenant first, then room) onto a room kind's default policy.
 * Overrides are untrusted JSON from tenant configuration: every field is checked and a bad one
 * throws a PolicyError naming it. Keywords are compiled later from data, never as regex.
 */
import type { Action, CrisisLevel, Policy, PolicyKind, PrivacyType } from "../types.ts";
import { defaultPolicy, PLACEHOLDERS, POLICY_KINDS } from "./defaults.ts";

/** Thrown for an invalid override; `message` names the field, never echoes long values. */
export class PolicyError extends Error {
  override name = "PolicyError";
}

const ACTIONS: readonly Action[] = ["allow", "redact", "hold", "block"];
const LEVELS = ["0", "1", "2", "3", "4"] as const;
const TYPES = Object.keys(PLACEHOLDERS) as PrivacyType[];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function only(o: Obj, path: string, keys: readonly string[]): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new PolicyError(`${path}.${k}: unknown field`);
}
function action(v: unknown, path: string): Action {
  if (!ACTIONS.includes(v as Action)) throw new PolicyError(`${path}: must be one of ${ACTIONS.join(", ")}`);
  return v as Action;
}
function level(v: unknown, path: string): number {
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 5)
    throw new PolicyError(`${path}: must be an integer 0..5 (5 = never)`);
  return v as number;
}
function terms(v: unknown, path: string): string[] {
  if (!Array.isArray(v) || v.length > 1000)
    throw new PolicyError(`${path}: must be an array of at most 1000 strings`);
  return v.map((t, i) => {
    if (typeof t !== "string" || t.trim().length === 0 || t.length > 60) {
      throw new PolicyError(`${path}[${i}]: must be a non-empty string of at most 60 characters`);
    }
    if (!/^[\p{L}\p{N}\s'*.-]+$/u.test(t))
      throw new PolicyError(`${path}[${i}]: only letters, digits, spaces, ' . - and * wildcards`);
    return t;
  });
}

function apply(p: Policy, o: unknown, src: string): void {
  if (!isObj(o)) throw new PolicyError(`${src}: must be an object`);
  only(o, src, ["crisis", "privacy", "solicitation", "keywords"]);
  if (o.crisis !== undefined) {
    const c = o.crisis;
    if (!isObj(c)) throw new PolicyError(`${src}.crisis: must be an object`);
    only(c, `${src}.crisis`, ["actions", "supportAt", "escalateAt", "flagAt", "model"]);
    if (c.model !== undefined) {
      if (typeof c.model !== "boolean") throw new PolicyError(`${src}.crisis.model: must be true or false`);
      p.crisis.model = c.model;
    }
    if (c.actions !== undefined) {
      if (!isObj(c.actions)) throw new PolicyError(`${src}.crisis.actions: must be an object keyed 0..4`);
      only(c.actions, `${src}.crisis.actions`, LEVELS);
      for (const [k, v] of Object.entries(c.actions))
        p.crisis.actions[Number(k) as CrisisLevel] = action(v, `${src}.crisis.actions.${k}`);
    }
    for (const k of ["supportAt", "escalateAt", "flagAt"] as const)
      if (c[k] !== undefined) p.crisis[k] = level(c[k], `${src}.crisis.${k}`);
  }
  if (o.privacy !== undefined) {
    const v = o.privacy;
    if (!isObj(v)) throw new PolicyError(`${src}.privacy: must be an object`);
    only(v, `${src}.privacy`, ["action", "disabled", "placeholders"]);
    if (v.action !== undefined) p.privacy.action = action(v.action, `${src}.privacy.action`);
    if (v.disabled !== undefined) {
      if (!Array.isArray(v.disabled) || v.disabled.some((t) => !TYPES.includes(t as PrivacyType))) {
        throw new PolicyError(`${src}.privacy.disabled: must list privacy types (${TYPES.join(", ")})`);
      }
      p.privacy.disabled = [...new Set([...p.privacy.disabled, ...(v.disabled as PrivacyType[])])];
    }
    if (v.placeholders !== undefined) {
      if (!isObj(v.placeholders)) throw new PolicyError(`${src}.privacy.placeholders: must be an object`);
      only(v.placeholders, `${src}.privacy.placeholders`, TYPES);
      for (const [k, ph] of Object.entries(v.placeholders)) {
        if (typeof ph !== "string" || ph.length > 40)
          throw new PolicyError(
            `${src}.privacy.placeholders.${k}: must be a string of at most 40 characters`,
          );
        p.privacy.placeholders[k as PrivacyType] = ph;
      }
    }
  }
  if (o.solicitation !== undefined) {
    const v = o.solicitation;
    if (!isObj(v)) throw new PolicyError(`${src}.solicitation: must be an object`);
    only(v, `${src}.solicitation`, ["action", "flag"]);
    if (v.action !== undefined) p.solicitation.action = action(v.action, `${src}.solicitation.action`);
    if (v.flag !== undefined) {
      if (typeof v.flag !== "boolean") throw new PolicyError(`${src}.solicitation.flag: must be a boolean`);
      p.solicitation.flag = v.flag;
    }
  }
  if (o.keywords !== undefined) {
    const v = o.keywords;
    if (!isObj(v)) throw new PolicyError(`${src}.keywords: must be an object`);
    only(v, `${src}.keywords`, ["terms", "allow", "action"]);
    // room keywords add to the tenant's: a room can be stricter, not silently looser
    if (v.terms !== undefined)
      p.keywords.terms = [...p.keywords.terms, ...terms(v.terms, `${src}.keywords.terms`)];
    if (v.allow !== undefined)
      p.keywords.allow = [...p.keywords.allow, ...terms(v.allow, `${src}.keywords.allow`)];
    if (v.action !== undefined) p.keywords.action = action(v.action, `${src}.keywords.action`);
  }
}

/**
 * Resolves the policy of a room: the kind's defaults, then each override in order (tenant, room).
 * undefined/null overrides are skipped. Throws PolicyError for an unknown kind or a bad field.
 */
export function resolvePolicy(kind: PolicyKind, ...overrides: unknown[]): Policy {
  if (!POLICY_KINDS.includes(kind)) throw new PolicyError(`kind: must be one of ${POLICY_KINDS.join(", ")}`);
  const p = defaultPolicy(kind);
  overrides.forEach((o, i) => {
    if (o !== undefined && o !== null) apply(p, o, `overrides[${i}]`);
  });
  return p;
}
