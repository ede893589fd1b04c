/**
 * The right to erasure (AVG article 17), for platform admins only (permission "privacy.manage";
 * for anyone else it does not exist: not_found): removes or anonymises everything about one
 * e-mail address, in one transaction.
 *
 * The erasure is written to the audit log without the address in clear text: the entry holds an
 * HMAC of it (keyed with the server's secret), so the log can later confirm "this address was
 * erased on …" without telling anyone which address it was.
 */
import "server-only";
import { and, eq, ilike, or, sql } from "drizzle-orm";
import { db, selectRows } from "@/db";
import {
  auditLog,
  contacts,
  groupAdminInvitations,
  groupAdmins,
  groups,
  joinRequests,
  mailOutbox,
  rateLimits,
  bordRequestEvents,
  bordRequests,
  staffInvitations,
  users,
  verificationTokens,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { dissolveGroupCommand } from "@/lib/data/internal/dissolve";
import { eraseFreeTextMentions, personIdentity } from "@/lib/data/internal/privacy-free-text";
import {
  containing,
  emailDigest,
  findUser,
  literalPattern,
  mentions,
  rateLimitsOf,
  refusals,
  soleAdminGroupsOf,
  writtenForms,
} from "@/lib/data/internal/privacy-person";

/** What replaces the address in free text (notes, reasons, descriptions) on erasure. */
export const ERASED_MARK = "[verwijderd]";

export interface ErasureReport {
  account: boolean;
  dissolvedGroups: number;
  leftGroups: number;
  joinRequests: number;
  invitations: number;
  contactRoles: number;
  emails: number;
  signInLinks: number;
  auditEntries: number;
  freeTextMentions: number;
}

export interface ErasureInput {
  email: string;
  /** Dissolve the active groups where this person is the only admin (otherwise: refused). */
  dissolveSoleAdminGroups: boolean;
}


/** The column's name in SQL (the schema maps camelCase to snake_case). */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Free-text columns an admin, staff member or resident may have typed an address into. */
const FREE_TEXT_COLUMNS = [
  { table: groups, column: groups.description },
  { table: bordRequests, column: bordRequests.note },
  { table: bordRequests, column: bordRequests.locationDescription },
  { table: bordRequests, column: bordRequests.placedLocation },
  { table: bordRequests, column: bordRequests.reason },
  { table: bordRequestEvents, column: bordRequestEvents.note },
  { table: joinRequests, column: joinRequests.declineReason },
] as const;

/**
 * Erases everything about `email` (normalised) in one transaction:
 * - the account (with its sessions, linked sign-in providers and admin links) is deleted;
 *   bord requests, address lists and history it touched stay, without who it was;
 * - active groups where this person is the only admin: refused with the list of groups, unless
 *   `dissolveSoleAdminGroups` (then each is dissolved: its personal data goes, the anonymous
 *   record stays); groups with other admins simply lose this admin;
 * - join requests, co-admin invitations, wijkagent/wethouder contact entries, pending sign-in
 *   links, rate-limit counters and every e-mail to or mentioning the address are deleted;
 * - audit entries by or about this person lose the person; the address is replaced by
 *   "[verwijderd]" in free text (notes, reasons, descriptions, audit details).
 * Refused for one's own account and for a municipality's safety mailbox.
 */
export async function erasePersonalData(actor: Actor | null, input: ErasureInput, now = new Date()): Promise<ErasureReport> {
  requirePermission(actor, "privacy.manage");
  const admin = actor;
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const user = await findUser(tx, email);
    await refusals(tx, admin, email, user?.id ?? null);
    // Read before anything is deleted: the names and numbers to look for in free text.
    const identity = await personIdentity(tx, email);
    const report: ErasureReport = {
      account: user !== null,
      dissolvedGroups: 0,
      leftGroups: 0,
      joinRequests: 0,
      invitations: 0,
      contactRoles: 0,
      emails: 0,
      signInLinks: 0,
      auditEntries: 0,
      freeTextMentions: 0,
    };

    // Mails to others that name the person without their address (e.g. an invitation from
    // them): matched on their full name (two words or more) and phone number.
    const otherMentions: string[] = [];
    if (user?.name && user.name.trim().split(/\s+/).length >= 2) otherMentions.push(user.name.trim());
    if (user?.phone) otherMentions.push(user.phone);

    if (user) {
      const sole = await soleAdminGroupsOf(tx, user.id);
      if (sole.length > 0 && !input.dissolveSoleAdminGroups) {
        const names = sole.map((g) => g.name).join(", ");
        throw new AppError(
          "unprocessable",
          `Deze persoon is de enige beheerder van: ${names}. Laat eerst iemand anders beheerder worden, of kies ervoor om ${sole.length === 1 ? "deze groep" : "deze groepen"} op te heffen.`,
          { fieldErrors: { dissolveSoleAdminGroups: "Kies of deze groepen opgeheven mogen worden." } },
        );
      }
      for (const group of sole) {
        await dissolveGroupCommand(tx, { groupId: group.id, actorUserId: admin.id, via: "erasure", now });
      }
      report.dissolvedGroups = sole.length;
      const left = await tx.delete(groupAdmins).where(eq(groupAdmins.userId, user.id)).returning({ groupId: groupAdmins.groupId });
      report.leftGroups = left.length;

      // Audit entries by or about the person: the person goes, what happened stays.
      const byOrAbout = await tx
        .update(auditLog)
        .set({
          actorUserId: sql`case when ${auditLog.actorUserId} = ${user.id} then null else ${auditLog.actorUserId} end`,
          subjectId: sql`case when ${auditLog.subjectType} = 'user' and ${auditLog.subjectId} = ${user.id} then null else ${auditLog.subjectId} end`,
        })
        .where(or(eq(auditLog.actorUserId, user.id), and(eq(auditLog.subjectType, "user"), eq(auditLog.subjectId, user.id))))
        .returning({ id: auditLog.id });
      report.auditEntries += byOrAbout.length;
      // Details that name the person by id (e.g. "userId" of a removed admin).
      const named = await tx
        .update(auditLog)
        .set({
          details: sql`(select coalesce(jsonb_object_agg(d.key, case when d.value = to_jsonb(${user.id}::text) then to_jsonb(${ERASED_MARK}::text) else d.value end), '{}'::jsonb) from jsonb_each(${auditLog.details}) as d)`,
        })
        .where(sql`exists (select 1 from jsonb_each(${auditLog.details}) as d where d.value = to_jsonb(${user.id}::text))`)
        .returning({ id: auditLog.id });
      report.auditEntries += named.length;

      await tx.delete(users).where(eq(users.id, user.id));
    }

    report.joinRequests = (
      await tx.delete(joinRequests).where(sql`lower(${joinRequests.email}) = ${email}`).returning({ id: joinRequests.id })
    ).length;
    report.invitations = (
      await tx
        .delete(groupAdminInvitations)
        .where(sql`lower(${groupAdminInvitations.email}) = ${email}`)
        .returning({ id: groupAdminInvitations.id })
    ).length;
    // Invitations to a staff or wijkagent role (with the name staff typed for the greeting).
    report.invitations += (
      await tx.delete(staffInvitations).where(sql`lower(${staffInvitations.email}) = ${email}`).returning({ id: staffInvitations.id })
    ).length;
    report.contactRoles = (
      await tx.delete(contacts).where(sql`lower(${contacts.email}) = ${email}`).returning({ id: contacts.id })
    ).length;
    report.signInLinks = (
      await tx
        .delete(verificationTokens)
        .where(sql`lower(${verificationTokens.identifier}) = ${email}`)
        .returning({ token: verificationTokens.token })
    ).length;
    await tx.delete(rateLimits).where(rateLimitsOf(email));
    // E-mail to the person, and e-mail to others that names them (e.g. a join request sent to
    // a group's admins, a new group announced to the wijkagent with its admin's contact).
    report.emails = (
      await tx
        .delete(mailOutbox)
        .where(
          or(
            sql`lower(${mailOutbox.toAddress}) = ${email}`,
            mentions(mailOutbox.idempotencyKey, email),
            mentions(mailOutbox.subject, email),
            mentions(mailOutbox.text, email),
            mentions(sql`coalesce(${mailOutbox.html}, '')`, email),
            mentions(sql`coalesce(${mailOutbox.lastError}, '')`, email),
            ...otherMentions.map((text) => ilike(mailOutbox.text, containing(text))),
          ),
        )
        .returning({ id: mailOutbox.id })
    ).length;

    // The address typed into free text: replaced, case-insensitively, in every written form.
    for (const form of writtenForms(email)) {
      const pattern = literalPattern(form);
      for (const { table, column } of FREE_TEXT_COLUMNS) {
        const changed = await selectRows<{ one: number }>(
          tx,
          sql`update ${table} set ${sql.identifier(snakeCase(column.name))} = regexp_replace(${column}, ${pattern}, ${ERASED_MARK}, 'gi')
              where ${column} ilike ${containing(form)} returning 1 as one`,
        );
        report.freeTextMentions += changed.length;
      }
      const audited = await tx
        .update(auditLog)
        .set({ details: sql`regexp_replace(${auditLog.details}::text, ${pattern}, ${ERASED_MARK}, 'gi')::jsonb` })
        .where(ilike(sql`${auditLog.details}::text`, containing(form)))
        .returning({ id: auditLog.id });
      report.auditEntries += audited.length;
      report.freeTextMentions += audited.length;
    }

    // The person's name and phone number in free text (lib/data/internal/privacy-free-text.ts).
    const freeText = await eraseFreeTextMentions(tx, identity, now);
    report.freeTextMentions += freeText.replaced;
    report.emails += freeText.deletedEmails;

    await recordAudit(tx, {
      actorUserId: admin.id,
      action: "privacy.erase",
      subjectType: "person",
      details: { emailDigest: emailDigest(email), ...report },
    });
    return report;
  });
}
