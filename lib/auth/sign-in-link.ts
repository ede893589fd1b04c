/**
 * The sign-in link itself, apart from Auth.js: how long it works, the URL of the page that
 * uses it, and how its one-time token is stored. Auth.js makes links for /inloggen; `npm run
 * setup` (lib/server/setup.ts) makes one for the first platform admin the same way, without
 * loading Auth.js in a command-line process.
 */
import "server-only";
import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { routes } from "@/lib/routes";

/** A sign-in link works once, and for at most this long. */
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;

/** The link in the sign-in e-mail: our confirmation page, which holds the one-time token. */
export function signInLinkUrl(input: { email: string; token: string; returnTo: string | null }): string {
  const params = new URLSearchParams({ email: input.email, token: input.token });
  if (input.returnTo) params.set("terug", input.returnTo);
  return `${getEnv().appUrl}${routes.signInConfirm}?${params}`;
}

/** The idempotency key of a sign-in e-mail: one message per token, the token itself not stored. */
export function signInMailKey(token: string): string {
  return `sign-in:${createHash("sha256").update(token).digest("hex")}`;
}

/** The token as verification_tokens stores it: SHA-256 of token + secret, as Auth.js hashes it. */
export function hashSignInToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}
