/**
 * Schemas and shapes of the integrator-facing extensions: the audited "show identity" of a
 * case's subject, webhook deliveries, and data rights (export, deletion). Pure, like the rest
 * of shared/; the server validates with these and the API descriptions are generated from them.
 */
import { z } from "zod";

const id = z.string().min(1).max(64);

/** `case:identity` and `POST /api/cases/:id/identity`: reveal whom a case is about (staff; audited). */
export const caseIdentity = z.strictObject({ caseId: id });

/** The body of the data-rights routes: the integrator's user id travels here, never in a URL. */
export const userSubject = z.strictObject({ sub: z.string().min(1).max(200) });

/** `GET /api/webhooks/deliveries?limit=&before=`. */
export const deliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: id.optional(),
});

/** Who a case is about, as staff see it after "show identity". */
export interface CaseSubjectIdentity {
  /** The opaque handle (`author.id` of their messages). */
  handle: string;
  name: string;
  /** The integrator's own user id. */
  sub: string;
  /** The tenant's `caseSubjectUrl` with `{sub}` filled in, or null when none is set. */
  url: string | null;
}
