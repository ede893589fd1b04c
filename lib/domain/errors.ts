/**
 * The one error type of the domain layer. `code` is for code (map it to an AppError or a
 * field error); `message` is Dutch, written for the person who caused it, and never contains
 * anything but what they typed themselves.
 */
export type DomainErrorCode =
  | "invalid_postcode"
  | "invalid_addition"
  | "invalid_address"
  | "invalid_date"
  | "invalid_birth_date"
  | "invalid_input"
  | "invalid_transition"
  | "invalid_header"
  | "too_many_lines";

export class DomainError extends Error {
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string) {
    super(message);
    this.name = "DomainError";
    this.code = code;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
