/**
 * The one error type services throw. Its code is from the closed protocol set and its message is
 * written for clients: never user text, never internals.
 */
import type { ErrorBody, ErrorCode } from "../shared/errors.ts";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (why = "not allowed for your role") => new AppError("forbidden", why);
export const invalid = (why: string) => new AppError("invalid", why);

/** Map anything thrown to a client-safe error body; unknown errors become `internal`. */
export function toErrorBody(e: unknown): ErrorBody {
  if (e instanceof AppError) return e.toBody();
  return { code: "internal", message: "something went wrong" };
}
