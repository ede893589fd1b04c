/**
 * Errors the application expects and explains. Every other error is a bug: it is logged and the
 * user sees a general Dutch message, never a stack trace.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const defaultMessages: Record<ErrorCode, string> = {
  bad_request: "Controleer wat u heeft ingevuld.",
  unauthorized: "Log in om verder te gaan.",
  not_found: "Dit bestaat niet (meer), of u heeft er geen toegang toe.",
  conflict: "Iemand anders heeft dit net gewijzigd. Bekijk de nieuwe gegevens en probeer het opnieuw.",
  unprocessable: "Dit kan nu niet.",
  rate_limited: "U heeft dit te vaak geprobeerd. Wacht even en probeer het later opnieuw.",
  unavailable: "Het lukt nu even niet. Probeer het over een paar minuten opnieuw.",
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: Record<string, string>;
  /** Seconds until a retry may succeed (rate limits). */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { fieldErrors?: Record<string, string>; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message ?? defaultMessages[code], { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function notFound(message?: string): AppError {
  return new AppError("not_found", message);
}

/** PostgreSQL error code and constraint name of a database error, on both drivers. */
export function databaseErrorInfo(error: unknown): { code?: string; constraint?: string } {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return { code: candidate.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
  }
  return {};
}

/** A unique-constraint violation (23505), optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const info = databaseErrorInfo(error);
  return info.code === "23505" && (constraint === undefined || info.constraint === constraint);
}

/** Turns constraint violations into AppErrors; other errors pass through unchanged. */
export function fromDatabaseError(error: unknown): unknown {
  // An AppError already says what to tell the user, even when a database error is its cause.
  if (error instanceof AppError) return error;
  const { code } = databaseErrorInfo(error);
  if (code === "23505") return new AppError("conflict", "Dit bestaat al.", { cause: error });
  if (code === "23503") return new AppError("not_found", undefined, { cause: error });
  if (code === "23514" || code === "22001" || code === "22P02" || code === "22003") {
    return new AppError("bad_request", undefined, { cause: error });
  }
  if (code === "40001" || code === "40P01") return new AppError("conflict", undefined, { cause: error });
  if (code?.startsWith("08") || code === "57P01" || code === "57P03") {
    return new AppError("unavailable", undefined, { cause: error });
  }
  return error;
}

/**
 * Whether a failure to prepare the database at start (connect, migrate) can pass by waiting:
 * no SQLSTATE at all (refused, reset or timed-out connection, a name that does not resolve yet),
 * or one of the states of a server that is away, starting, full, locked or being set up
 * (connection 08, resources 53, operator 57, a database not created yet 3D000, a password not
 * set yet 28, a read-only standby 25006, a lock 55P03, serialisation 40). Any other SQLSTATE is
 * the database refusing the statement itself, such as a migration whose table exists already
 * (42P07): it fails the same way every time.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const { code } = databaseErrorInfo(error);
  if (!code) return true;
  return (
    ["08", "53", "57", "28", "40"].some((kind) => code.startsWith(kind)) || code === "3D000" || code === "25006" || code === "55P03"
  );
}
