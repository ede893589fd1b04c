/**
 * `npm run setup` (scripts/setup.ts): make the first platform admin of a new installation, or
 * one more later, without SQL. Migrates first. Idempotent: an address that is already an
 * enabled platform admin changes nothing (and is told so); a new sign-in link is made only
 * when the account changed or `--link` asks for one.
 *
 * The sign-in link: without SMTP_URL it is printed (there is nobody to mail it to yet); with
 * SMTP_URL it goes into the outbox like every sign-in e-mail and the running server sends it.
 * The token is stored the way Auth.js stores its own (hashed with the secret, 15 minutes,
 * once), so /inloggen/bevestigen accepts it like any other link.
 *
 * No acting user: whoever can run this command can reach the database anyway. The change is
 * in the audit log with no actor and `via: "setup"`.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DatabaseConfig, DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { users, verificationTokens, type UserRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { SIGN_IN_LINK_MAX_AGE_SECONDS, hashSignInToken, signInLinkUrl, signInMailKey } from "@/lib/auth/sign-in-link";
import { getAuthSecret, getEnv } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { SIGN_IN_LINK_KIND, signInLinkMail } from "@/lib/mail/templates/sign-in-link";
import { emailField } from "@/lib/validation/fields";

export interface SetupOptions {
  /** The platform admin's e-mail address as typed. */
  email: string;
  /** Make a new sign-in link even when nothing else changes. */
  newLink?: boolean;
  now?: Date;
}

export type SetupOutcome =
  | { kind: "created" | "promoted" | "unchanged"; email: string; fromRole: UserRole | null; link: string | null; mailed: boolean; platformAdmins: number }
  | { kind: "invalid_email" | "disabled"; email: string };

/** Dutch lines for the console, one per fact. */
export function describeSetup(outcome: SetupOutcome): string[] {
  switch (outcome.kind) {
    case "invalid_email":
      return [`"${outcome.email}" is geen geldig e-mailadres. Gebruik bijvoorbeeld: npm run setup -- naam@gemeente.nl`];
    case "disabled":
      return [
        `Het account ${outcome.email} is uitgeschakeld. Er is niets veranderd.`,
        "Laat een andere platformbeheerder het account weer aanzetten, of kies een ander e-mailadres.",
      ];
    default: {
      const lines = [
        outcome.kind === "created"
          ? `Platformbeheerder ${outcome.email} is aangemaakt.`
          : outcome.kind === "promoted"
            ? `Het bestaande account ${outcome.email} is nu platformbeheerder (was: ${roleName(outcome.fromRole)}).`
            : `Er is niets veranderd: ${outcome.email} is al platformbeheerder.`,
        `Aantal platformbeheerders: ${outcome.platformAdmins}.`,
      ];
      if (outcome.link) {
        lines.push(
          `Inloggen kan met deze link (${SIGN_IN_LINK_MAX_AGE_SECONDS / 60} minuten geldig, één keer te gebruiken):`,
          outcome.link,
        );
      } else if (outcome.mailed) {
        lines.push(`De inloglink staat klaar in de wachtrij voor e-mail; de server verstuurt hem naar ${outcome.email}.`);
      } else {
        lines.push("Een nieuwe inloglink? Vraag die aan op /inloggen, of voer dit commando uit met --link.");
      }
      return lines;
    }
  }
}

function roleName(role: UserRole | null): string {
  switch (role) {
    case "resident":
      return "bewoner";
    case "staff":
      return "medewerker";
    case "wijkagent":
      return "wijkagent";
    case "platform_admin":
      return "platformbeheerder";
    default:
      return "onbekend";
  }
}

/**
 * Migrates `handle` and makes `options.email` a platform admin. Everything in one transaction;
 * two runs at once for one address make one account (the unique e-mail index decides).
 */
export async function runSetup(handle: DatabaseHandle, config: DatabaseConfig | undefined, options: SetupOptions): Promise<SetupOutcome> {
  const parsed = emailField.safeParse(options.email);
  if (!parsed.success) return { kind: "invalid_email", email: options.email.trim().slice(0, 200) };
  const email = parsed.data;
  await migrateDatabase(handle, config);
  const now = options.now ?? new Date();
  const env = getEnv();
  const secret = getAuthSecret();

  return handle.db.transaction(async (tx) => {
    // Serialise runs for the same address (a second process waits, then sees the first's row).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`setup:${email}`}))`);
    const [existing] = await tx
      .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (existing?.disabledAt) return { kind: "disabled" as const, email };

    let kind: "created" | "promoted" | "unchanged";
    let userId: string;
    if (!existing) {
      const [row] = await tx.insert(users).values({ email, role: "platform_admin" }).returning({ id: users.id });
      userId = row!.id;
      kind = "created";
      await recordAudit(tx, { actorUserId: null, action: "user.create", subjectType: "user", subjectId: userId, details: { role: "platform_admin", via: "setup" } });
    } else if (existing.role !== "platform_admin") {
      userId = existing.id;
      kind = "promoted";
      await tx.update(users).set({ role: "platform_admin", municipalityId: null }).where(eq(users.id, userId));
      await recordAudit(tx, {
        actorUserId: null,
        action: "user.change_role",
        subjectType: "user",
        subjectId: userId,
        details: { from: existing.role, to: "platform_admin", via: "setup" },
      });
    } else {
      userId = existing.id;
      kind = "unchanged";
    }

    let link: string | null = null;
    let mailed = false;
    if (kind !== "unchanged" || options.newLink) {
      const token = randomBytes(32).toString("hex");
      await tx.insert(verificationTokens).values({
        identifier: email,
        token: hashSignInToken(token, secret),
        expires: new Date(now.getTime() + SIGN_IN_LINK_MAX_AGE_SECONDS * 1000),
      });
      const url = signInLinkUrl({ email, token, returnTo: null });
      if (env.SMTP_URL) {
        await enqueueMail(tx, {
          idempotencyKey: signInMailKey(token),
          kind: SIGN_IN_LINK_KIND,
          to: email,
          ...signInLinkMail({ url, validMinutes: SIGN_IN_LINK_MAX_AGE_SECONDS / 60 }),
        });
        mailed = true;
      } else {
        link = url;
      }
    }
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`${users.role} = 'platform_admin' and ${users.disabledAt} is null`)) as [{ n: number }];
    return { kind, email, fromRole: existing?.role ?? null, link, mailed, platformAdmins: n };
  });
}
