/**
 * The closed set of error codes a client can receive, in acks and in HTTP error bodies.
 * PROTOCOL.md "Acknowledgements and errors" is the source; nothing else reaches a client.
 */
export const ERROR_CODES = [
  "invalid",
  "unauthorized",
  "forbidden",
  "not_found",
  "rate_limited",
  "muted",
  "blocked",
  "conflict",
  "unavailable",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error object inside a failed ack or an HTTP error body. Extra fields carry details. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  [detail: string]: unknown;
}

/** What every ack receives: the result spread beside `ok: true`, or an error. */
export type Result<T extends object = Record<string, never>> =
  | ({ ok: true } & T)
  | { ok: false; error: ErrorBody };

/** HTTP status that fits each error code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  muted: 403,
  blocked: 422,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

/** Close reasons sent in `notice.code` before the server ends or changes a connection. */
export const NOTICE_CODES = [
  "token_expired",
  "muted",
  "unmuted",
  "removed",
  "redacted",
  "held",
  "rejected",
  "facilitator_helping",
  "server_shutdown",
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** Why a token was refused: `connect_error.data.reason`, and `error.reason` of an HTTP 401. */
export const AUTH_REFUSAL_REASONS = [
  "missing",
  "malformed",
  "unknown_tenant",
  "bad_algorithm",
  "bad_signature",
  "expired",
  "not_yet_valid",
  "lifetime_exceeded",
  "wrong_audience",
  "bad_claims",
  "origin_not_allowed",
] as const;
export type AuthRefusalReason = (typeof AUTH_REFUSAL_REASONS)[number];
