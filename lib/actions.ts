/**
 * The wrappers every server action goes through: parse the input with the action's zod schema,
 * (for signed-in actions) load the user from the session and the database, check the
 * permission, run the body, and turn expected errors into a result the form can show.
 *
 * A result is `{ ok: true, data }` or `{ ok: false, code, message, fieldErrors }`; field errors
 * are keyed by the form field's name (dotted for nested fields, e.g. `admin.phone`).
 */
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import type { UserRole } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError, fromDatabaseError, isAppError, type ErrorCode } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/server/client-ip";
import { logger } from "@/lib/server/logger";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

export interface ActionContext {
  /** The client's IP address, for rate limits (see lib/server/client-ip.ts and TRUSTED_PROXY_HOPS). */
  ip: string;
  now: Date;
}

/** FormData (a form posted without JavaScript) becomes a plain object; repeated keys become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value;
    if (key in out) {
      const existing = out[key];
      out[key] = Array.isArray(existing) ? [...existing, v] : [existing, v];
    } else {
      out[key] = v;
    }
  }
  return out;
}

/**
 * The FormData an action for a form expects, or an empty one when it was called with anything
 * else (a hand-made Next-Action request whose body is `[]` or `[1,2]` calls the action with no
 * arguments or with numbers): the schema then refuses the missing fields, never a 500.
 */
export function formDataOrEmpty(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

export async function requestContext(): Promise<ActionContext> {
  return { ip: clientIp(await headers(), getEnv().TRUSTED_PROXY_HOPS), now: new Date() };
}

/** Parses `input` with `schema`, or returns the failed result with a message per field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; result: ActionResult<never> } {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    result: {
      ok: false,
      code: "bad_request",
      message: "Niet alles is goed ingevuld. Kijk naar de meldingen bij de velden.",
      fieldErrors: zodFieldErrors(parsed.error),
    },
  };
}

/** Maps an error thrown by an action body to a result; unexpected errors are logged. */
export function errorResult(error: unknown, action: string): ActionResult<never> {
  const mapped = fromDatabaseError(error);
  if (isAppError(mapped)) {
    return { ok: false, code: mapped.code, message: mapped.message, fieldErrors: mapped.fieldErrors };
  }
  // Next's redirect() and notFound() work by throwing: let them through.
  if (isNextControlFlow(error)) throw error;
  logger.error(`Action ${action} failed`, error);
  const unavailable = new AppError("unavailable");
  return { ok: false, code: unavailable.code, message: unavailable.message };
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

/** An action anyone may call (the join form, the sign-in form). */
export function publicAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  body: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed.result;
    try {
      return { ok: true, data: await body(parsed.data, await requestContext()) };
    } catch (error) {
      return errorResult(error, name);
    }
  };
}

export type SignedInContext = ActionContext & { user: Actor };

/**
 * Why `user` may not run an action for `roles` (null: they may). Not signed in gives
 * "unauthorized"; another role gives "not_found", as if the action did not exist. A platform
 * admin passes where staff may.
 */
export function actorRefusal(user: Actor | null, roles?: readonly UserRole[]): ActionResult<never> | null {
  if (!user) {
    const error = new AppError("unauthorized", "U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.");
    return { ok: false, code: error.code, message: error.message };
  }
  if (roles && !hasRole(user, roles)) {
    const error = new AppError("not_found");
    return { ok: false, code: error.code, message: error.message };
  }
  return null;
}

function guardedAction<S extends z.ZodType, T>(
  name: string,
  roles: readonly UserRole[] | undefined,
  schema: S,
  body: (input: z.output<S>, context: SignedInContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    // Who is signed in comes first: a visitor without access learns nothing about the input.
    const user = await getCurrentUser();
    const refusal = actorRefusal(user, roles);
    if (refusal) return refusal;
    if (!user) throw new Error("unreachable: actorRefusal refuses a missing user");
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed.result;
    try {
      return { ok: true, data: await body(parsed.data, { ...(await requestContext()), user }) };
    } catch (error) {
      return errorResult(error, name);
    }
  };
}

/**
 * An action for anyone who is signed in (role read fresh from the database). The body gets
 * the user in `context.user` and passes it to lib/data, which checks ownership in its queries.
 */
export function signedInAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  body: (input: z.output<S>, context: SignedInContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return guardedAction(name, undefined, schema, body);
}

/**
 * An action for the given roles only (a platform admin passes where staff may). Not signed in:
 * `{ ok: false, code: "unauthorized" }`; another role: `{ ok: false, code: "not_found" }`.
 */
export function roleAction<S extends z.ZodType, T>(
  name: string,
  roles: UserRole[],
  schema: S,
  body: (input: z.output<S>, context: SignedInContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return guardedAction(name, roles, schema, body);
}
