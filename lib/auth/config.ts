/**
 * The Auth.js (next-auth v5) configuration: sign-in with an e-mail link for everyone, and for
 * staff optionally with the municipality's OpenID Connect provider. Sessions live in the
 * database (table `sessions`), so they can be ended at once: signing out everywhere, or
 * disabling a user, deletes the rows.
 *
 * The link is not sent by Auth.js itself: `sendVerificationRequest` writes it to our outbox
 * (lib/mail), like every e-mail. The link in the e-mail leads to /inloggen/bevestigen, a page
 * with a button, and only that button uses the one-time token. Mail scanners that open every
 * link in a message (common in municipal mail systems) therefore do not use up the token.
 */
import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq, sql } from "drizzle-orm";
import type { NextAuthConfig } from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import type { OIDCConfig } from "next-auth/providers";
import { getDatabase, type Database } from "@/db";
import { accounts, sessions, users, verificationTokens, type UserRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getAuthSecret, getEnv } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { SIGN_IN_LINK_KIND, signInLinkMail } from "@/lib/mail/templates/sign-in-link";
import { logger } from "@/lib/server/logger";
import { emailField, safeReturnPath } from "@/lib/validation";
import { routes } from "@/lib/routes";
import { SIGN_IN_LINK_MAX_AGE_SECONDS, signInLinkUrl, signInMailKey } from "./sign-in-link";

export { SIGN_IN_LINK_MAX_AGE_SECONDS, signInLinkUrl, signInMailKey };

/** A session ends this long after signing in (not extended by use). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
export const AUTH_BASE_PATH = "/api/auth";
export const EMAIL_PROVIDER_ID = "nodemailer";
export const OIDC_PROVIDER_ID = "oidc";
/** Roles that may sign in through the municipality's identity provider. */
export const OIDC_ROLES: readonly UserRole[] = ["staff", "platform_admin"];

/** Secure cookies (and their __Secure-/__Host- prefixes) when the site is served over HTTPS. */
export function usesSecureCookies(): boolean {
  return getEnv().appUrl.startsWith("https://");
}

/** The name of Auth.js's session cookie, as it sets it for this site. */
export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}authjs.session-token`;
}

export function oidcConfigured(): boolean {
  const env = getEnv();
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/** The e-mail address as it is stored: trimmed, lower case; an invalid address throws. */
export function normalizeEmail(value: string | null | undefined): string {
  const parsed = emailField.safeParse(value ?? "");
  if (!parsed.success) throw new Error("Invalid e-mail address.");
  return parsed.data;
}

/**
 * The `terug` path carried in Auth.js's callbackUrl (`/inloggen/verder?terug=…`), or null.
 */
function returnToFromCallbackUrl(callbackUrl: string | null): string | null {
  if (!callbackUrl) return null;
  try {
    return safeReturnPath(new URL(callbackUrl, "http://localhost").searchParams.get("terug"));
  } catch {
    return null;
  }
}

/** Queues the sign-in e-mail, unless the address belongs to a disabled account. */
async function sendSignInLink(database: Database, params: { identifier: string; token: string; url: string }) {
  const [user] = await database
    .select({ disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, params.identifier))
    .limit(1);
  // A disabled account gets no link; the page answers the same, so nobody learns about it.
  if (user?.disabledAt) return;
  const returnTo = returnToFromCallbackUrl(new URL(params.url).searchParams.get("callbackUrl"));
  const url = signInLinkUrl({ email: params.identifier, token: params.token, returnTo });
  const content = signInLinkMail({ url, validMinutes: SIGN_IN_LINK_MAX_AGE_SECONDS / 60 });
  await enqueueMail(database, {
    idempotencyKey: signInMailKey(params.token),
    kind: SIGN_IN_LINK_KIND,
    to: params.identifier,
    ...content,
  });
}

interface StoredUser {
  id: string;
  role: UserRole;
  municipalityId: string | null;
  disabledAt: Date | null;
}

async function findUserByEmail(database: Database, email: string): Promise<StoredUser | null> {
  const [row] = await database
    .select({ id: users.id, role: users.role, municipalityId: users.municipalityId, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

/**
 * Whether someone who signed in at the identity provider may enter: only an existing,
 * enabled staff or platform-admin account with that (verified) e-mail address.
 */
export function mayUseOidc(user: Pick<StoredUser, "role" | "disabledAt"> | null): boolean {
  return user !== null && user.disabledAt === null && OIDC_ROLES.includes(user.role);
}

function oidcProvider(): OIDCConfig<Record<string, unknown>> {
  const env = getEnv();
  return {
    id: OIDC_PROVIDER_ID,
    name: "Gemeente-account",
    type: "oidc",
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    // Staff accounts exist before their first sign-in (created by a platform admin); the
    // provider's account is linked to the one with the same e-mail address. Nobody else gets in
    // (see the signIn callback), so no account is ever created this way.
    allowDangerousEmailAccountLinking: true,
    profile(profile) {
      const email = typeof profile.email === "string" ? profile.email.trim().toLowerCase() : "";
      return {
        id: String(profile.sub),
        email,
        name: typeof profile.name === "string" ? profile.name : null,
      };
    },
  };
}

function buildAuthConfig(database: Database): NextAuthConfig {
  const env = getEnv();
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // Never used: sendVerificationRequest below queues the e-mail in our outbox instead.
      server: { host: "localhost", port: 25 },
      from: env.MAIL_FROM,
      maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
      normalizeIdentifier: normalizeEmail,
      sendVerificationRequest: (params) => sendSignInLink(database, params),
    }),
  ];
  if (oidcConfigured()) providers.push(oidcProvider());

  const adapter = DrizzleAdapter(database, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  // The drizzle adapter's deleteSession returns nothing, so Auth.js's signOut event would not
  // know whose session ended; return the deleted row for the audit entry.
  adapter.deleteSession = async (sessionToken) => {
    const [row] = await database.delete(sessions).where(eq(sessions.sessionToken, sessionToken)).returning();
    return row ?? null;
  };

  return {
    adapter,
    providers,
    basePath: AUTH_BASE_PATH,
    secret: getAuthSecret(),
    trustHost: true,
    useSecureCookies: usesSecureCookies(),
    // updateAge = maxAge: a session is never extended, it ends 7 days after signing in.
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: routes.signIn, verifyRequest: routes.signIn, error: routes.signIn, signOut: routes.signOut },
    callbacks: {
      async signIn({ user, account, profile, email }) {
        // Asking for a link: always the same answer, whoever asks (see sendSignInLink).
        if (email?.verificationRequest) return true;
        if (account?.provider === EMAIL_PROVIDER_ID) {
          const stored = user.email ? await findUserByEmail(database, user.email) : null;
          return stored === null || stored.disabledAt === null;
        }
        if (account?.provider === OIDC_PROVIDER_ID) {
          if (profile?.email_verified === false) return false;
          const stored = user.email ? await findUserByEmail(database, user.email.toLowerCase()) : null;
          return mayUseOidc(stored);
        }
        return false;
      },
      redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${safeReturnPath(url) ?? "/"}`;
        try {
          const target = new URL(url);
          if (target.origin === baseUrl) return `${baseUrl}${safeReturnPath(`${target.pathname}${target.search}`) ?? "/"}`;
        } catch {
          // not a URL: fall through to the home page
        }
        return `${baseUrl}/`;
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        if (!user.id) return;
        const userId = user.id;
        await database.transaction(async (tx) => {
          const [row] = await tx
            .update(users)
            .set({ lastSignInAt: sql`now()` })
            .where(eq(users.id, userId))
            .returning({ municipalityId: users.municipalityId, role: users.role });
          await recordAudit(tx, {
            actorUserId: userId,
            action: "auth.sign_in",
            subjectType: "user",
            subjectId: userId,
            municipalityId: row?.municipalityId ?? null,
            details: { method: account?.provider ?? "unknown", role: row?.role ?? null, newAccount: Boolean(isNewUser) },
          });
        });
      },
      async signOut(message) {
        const session = "session" in message ? message.session : null;
        if (!session?.userId) return;
        await recordAudit(database, {
          actorUserId: session.userId,
          action: "auth.sign_out",
          subjectType: "user",
          subjectId: session.userId,
        });
      },
      async createUser({ user }) {
        if (!user.id) return;
        await recordAudit(database, {
          actorUserId: user.id,
          action: "user.create",
          subjectType: "user",
          subjectId: user.id,
          details: { role: "resident", via: "sign_in" },
        });
      },
    },
    logger: {
      // Auth.js errors name what went wrong (an old link, a refused account); no personal data.
      error(error) {
        const type = (error as { type?: string }).type ?? error.name;
        if (type === "Verification" || type === "AccessDenied") logger.info(`Sign-in refused (${type}).`);
        else logger.warn(`Auth.js: ${type}`, error);
      },
      warn(code) {
        logger.warn(`Auth.js warning: ${code}`);
      },
      debug() {},
    },
  };
}

const configs = new WeakMap<Database, NextAuthConfig>();

/** The configuration for the process's current database (built once per database). */
export function authConfig(): NextAuthConfig {
  const database = getDatabase().db;
  let config = configs.get(database);
  if (!config) {
    config = buildAuthConfig(database);
    configs.set(database, config);
  }
  return config;
}
