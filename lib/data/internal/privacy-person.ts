/**
 * The person behind an e-mail address, as the privacy requests (export, preview, erasure) find
 * them: the account, how the address is written in stored text, the groups only they administer,
 * and the refusals. Used by lib/data/platform/privacy-*.ts after their permission check.
 */
import "server-only";
import { createHmac } from "node:crypto";
import { and, asc, eq, ilike, like, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { groupAdmins, groups, municipalities, rateLimits, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { getAuthSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { emailRateLimitKey } from "@/lib/server/rate-limit";

/** The audit log's stand-in for an e-mail address: HMAC-SHA256 with the server's secret. */
export function emailDigest(email: string): string {
  return createHmac("sha256", getAuthSecret()).update(email.trim().toLowerCase()).digest("hex");
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's own characters escaped. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A regular expression (PostgreSQL ARE) that matches `text` literally. */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);
}

/** The forms in which an address is written in stored text: as is, and URL-encoded (links). */
export function writtenForms(email: string): string[] {
  return [...new Set([email, encodeURIComponent(email)])];
}

export function mentions(column: AnyPgColumn | SQL, email: string): SQL {
  return or(...writtenForms(email).map((form) => ilike(column, containing(form))))!;
}

/** A person's rate-limit counters: keyed by the address's HMAC (and, from before, in clear). */
export function rateLimitsOf(email: string): SQL {
  return or(mentions(rateLimits.key, email), like(rateLimits.key, containing(emailRateLimitKey(email))))!;
}

export async function findUser(executor: Executor, email: string) {
  const [row] = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      phone: users.phone,
      birthDate: users.birthDate,
      postcode: users.postcode,
      houseNumber: users.houseNumber,
      addition: users.addition,
      role: users.role,
      municipality: municipalities.name,
      emailVerified: users.emailVerified,
      disabledAt: users.disabledAt,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(sql`lower(${users.email}) = ${email}`);
  return row ?? null;
}

/** Active groups where this person is the only admin. */
export async function soleAdminGroupsOf(executor: Executor, userId: string) {
  return executor
    .select({ id: groups.id, name: groups.name, municipalityId: groups.municipalityId, areaId: groups.areaId })
    .from(groupAdmins)
    .innerJoin(groups, eq(groups.id, groupAdmins.groupId))
    .where(
      and(
        eq(groupAdmins.userId, userId),
        eq(groups.status, "active"),
        sql`(select count(*) from ${groupAdmins} as ga where ga.group_id = ${groups.id}) = 1`,
      ),
    )
    .orderBy(asc(groups.name));
}

/** Refuses erasing one's own account and a municipality's safety mailbox. */
export async function refusals(executor: Executor, admin: Actor, email: string, userId: string | null): Promise<void> {
  if (userId === admin.id) {
    throw new AppError("unprocessable", "U kunt uw eigen gegevens hier niet wissen. Vraag een andere platformbeheerder.");
  }
  const [mailbox] = await executor
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(sql`lower(${municipalities.safetyEmail}) = ${email}`)
    .limit(1);
  if (mailbox) {
    const message = `Dit is het postvak van team Veiligheid van ${mailbox.name}, geen persoon. Zet eerst een ander postvak bij Instellingen.`;
    throw new AppError("unprocessable", message, { fieldErrors: { email: message } });
  }
}

