/**
 * The wrappers every server action goes through: parse the input with the action's zod schema,
 * (for signed-in actions) load the user from the session and the database, check the
 * permission the action names (lib/auth/permissions.ts), run the body, and turn expected errors into a result the form can show.
 *
 * A result is `{ ok: true, data }` or `{ ok: false, code, message, fieldErrors }`; field errors
 * are keyed by the form field's name (dotted for nested fields, e.g. `admin.phone`).
 */
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth";
import { requirePermission, type Permission } from "@/lib/auth/permissions";
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

/**
 * An action anyone may call, signed in or not (the join form, the sign-in form): no permission;
 * what it may do is limited by its own rules (rate limits, tokens). docs/security.md lists them.
 */
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
 * Why `user` may not use `permission` (null: they may), as a result: requirePermission's
 * AppError. Not signed in gives "unauthorized"; a role the table does not give it gives
 * "not_found", as if the action did not exist.
 */
export function actorRefusal(user: Actor | null, permission: Permission): ActionResult<never> | null {
  try {
    requirePermission(user, permission);
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}

/**
 * An action for a signed-in user whose role the permission table gives `permission` (role
 * read fresh from the database). Not signed in: `{ ok: false, code: "unauthorized" }`; another
 * role: `{ ok: false, code: "not_found" }`, before the input is even read. The body gets the
 * user in `context.user` and passes it to lib/data, which checks the permission again and
 * ownership in its queries.
 */
export function signedInAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  body: (input: z.output<S>, context: SignedInContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    // Who is signed in comes first: a visitor without access learns nothing about the input.
    const user = await getCurrentUser();
    const refusal = actorRefusal(user, permission);
    if (refusal) return refusal;
    if (!user) throw new Error("unreachable: actorRefusal refuses a missing user");
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed.result;
    try {
      return { ok: true, data: await body(parsed.data, { ...(await requestContext()), user }) };
    } catch (error) {
      return errorResult(error, permission);
    }
  };
}
