/**
 * Who is signed in, for pages, route handlers and server actions.
 *
 *   getCurrentUser()              the signed-in user (read fresh from the database), or null
 *   requireUser(returnTo?)        the user, or a redirect to /inloggen?terug=…
 *   requirePagePermission(permission, returnTo?)
 *                                 the user whose role the permission table gives `permission`;
 *                                 another role gets 404, never 403
 *   wijkagentAreaIds(actor)       the wijken of a wijkagent
 *   signOutEverywhere(userId)     ends every session of a user
 */
import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { safeReturnPath } from "@/lib/validation";
import { routes } from "@/lib/routes";
import { sessionCookieName } from "./config";
import { can, type Permission } from "./permissions";
import { actorForSessionToken } from "./session";
import type { Actor } from "./types";

export type { Actor } from "./types";
export { can, requirePermission, startPageLabel, startPathFor, type Permission } from "./permissions";
export { signOutEverywhere, wijkagentAreaIds } from "./session";

/**
 * The signed-in user of this request: the Auth.js session cookie, checked against the
 * `sessions` table, and the user's role and municipality read from `users` (a disabled user
 * is nobody). Read once per request (React cache).
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  return actorForSessionToken(jar.get(sessionCookieName())?.value);
});

/** The sign-in page, with the page to come back to when that is a path on this site. */
export function signInPath(returnTo?: string | null): string {
  const path = safeReturnPath(returnTo);
  return path ? `${routes.signIn}?terug=${encodeURIComponent(path)}` : routes.signIn;
}

/** The signed-in user; a visitor who is not signed in goes to /inloggen (and comes back after). */
export async function requireUser(returnTo?: string): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}

/**
 * The signed-in user whose role may use `permission` (lib/auth/permissions.ts). Not signed in:
 * to /inloggen. Another role: 404, as if the page did not exist.
 */
export async function requirePagePermission(permission: Permission, returnTo?: string): Promise<Actor> {
  const user = await requireUser(returnTo);
  if (!can(user, permission)) notFound();
  return user;
}
