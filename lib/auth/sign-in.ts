/**
 * Asking for a sign-in link. Rate limited per IP address and per e-mail address; then Auth.js
 * makes the one-time token (stored hashed in verification_tokens, valid 15 minutes) and our
 * sendVerificationRequest queues the e-mail in the outbox.
 *
 * The answer is the same for every well-formed address: known, unknown (a new resident account
 * is made when the link is used) or disabled (no e-mail is sent).
 */
import "server-only";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { verificationTokens } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getAuthSecret, getEnv } from "@/lib/env";
import { wakeOutboxWorker } from "@/lib/mail/worker";
import { consumeRateLimit, emailRateLimitKey, ipRateLimitKey, type RateLimitRule } from "@/lib/server/rate-limit";
import { routes } from "@/lib/routes";
import { AUTH_BASE_PATH, authConfig, EMAIL_PROVIDER_ID } from "./config";
import { hashSignInToken } from "./sign-in-link";

export function signInRateLimits(): { perEmail: RateLimitRule | null; perIp: RateLimitRule | null } {
  const env = getEnv();
  return {
    perEmail:
      env.SIGN_IN_LIMIT_PER_EMAIL > 0
        ? {
            name: "sign_in_email",
            points: env.SIGN_IN_LIMIT_PER_EMAIL,
            durationSeconds: 15 * 60,
            message:
              "Voor dit e-mailadres zijn in korte tijd te veel inloglinks aangevraagd. Wacht een kwartier en probeer het dan opnieuw. Gebruik zolang de laatste link uit uw e-mail.",
          }
        : null,
    perIp:
      env.SIGN_IN_LIMIT_PER_IP > 0
        ? {
            name: "sign_in_ip",
            points: env.SIGN_IN_LIMIT_PER_IP,
            durationSeconds: 60 * 60,
            message:
              "Vanaf deze internetverbinding zijn te veel inloglinks aangevraagd. Probeer het over een uur opnieuw.",
          }
        : null,
  };
}

export interface SignInLinkRequest {
  /** Normalised e-mail address (signInRequestSchema). */
  email: string;
  /** A safe path on this site to land on after signing in, or null for the role's start page. */
  returnTo: string | null;
  /** The client's IP address, for the rate limit. */
  ip: string;
  /** The form's honeypot (hidden from people, filled in by bots): when filled, nothing is sent. */
  honeypot?: string;
}

/**
 * Queues a sign-in link for `email`. Throws AppError("rate_limited") with a Dutch message when
 * a limit is used up; otherwise returns nothing, whatever the address.
 */
export async function requestSignInLink(input: SignInLinkRequest): Promise<void> {
  const limits = signInRateLimits();
  if (limits.perIp) await consumeRateLimit(limits.perIp, ipRateLimitKey(input.ip));
  if (limits.perEmail) await consumeRateLimit(limits.perEmail, emailRateLimitKey(input.email));
  // A bot gets the same answer as a person (it must not learn it was caught), and no e-mail.
  if (input.honeypot && input.honeypot.trim() !== "") return;

  const callbackUrl = input.returnTo ? `${routes.signInContinue}?terug=${encodeURIComponent(input.returnTo)}` : routes.signInContinue;
  // Auth.js's own sign-in endpoint, called in-process: the CSRF check is not needed (this is
  // a server action, which Next.js protects), and the origin is APP_URL, never a Host header.
  const request = new Request(`${getEnv().appUrl}${AUTH_BASE_PATH}/signin/${EMAIL_PROVIDER_ID}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: input.email, callbackUrl }),
  });
  let result: unknown;
  try {
    result = await Auth(request, { ...authConfig(), raw, skipCSRFCheck });
  } catch (error) {
    throw new AppError("unavailable", undefined, { cause: error });
  }
  // With `raw`, success is a plain object with a redirect to the verify-request page; a
  // Response means Auth.js turned an error (logged by its logger) into a redirect to /inloggen.
  if (result instanceof Response || typeof (result as { redirect?: unknown })?.redirect !== "string") {
    throw new AppError("unavailable");
  }
  wakeOutboxWorker();
}

/**
 * Whether a sign-in link (from /inloggen/bevestigen) can still be used, without using it:
 * the token exists for this address and has not expired. The token is stored hashed the way
 * Auth.js hashes it (SHA-256 of token + secret).
 */
export async function signInLinkIsUsable(input: { email: string; token: string; now?: Date }): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(input.token)) return false;
  const hashed = hashSignInToken(input.token, getAuthSecret());
  const [row] = await db
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, input.email), eq(verificationTokens.token, hashed)))
    .limit(1);
  return row !== undefined && row.expires.getTime() > (input.now ?? new Date()).getTime();
}
