/**
 * The right of access (AVG article 15), for platform admins only (permission "privacy.manage";
 * for anyone else it does not exist: not_found): everything stored about one e-mail address, as
 * a plain object (JSON).
 *
 * The export is written to the audit log without the address in clear text: the entry holds an
 * HMAC of it (keyed with the server's secret), so the log can later confirm "this address was
 * exported on …" without telling anyone which address it was.
 */
import "server-only";
import { and, asc, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  accounts,
  areas,
  auditLog,
  contactAreas,
  contacts,
  groupAdminInvitations,
  groupAdmins,
  groups,
  houseRulesAcceptances,
  joinRequests,
  mailOutbox,
  municipalities,
  rateLimits,
  sessions,
  bordRequests,
  verificationTokens,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { emailDigest, findUser, rateLimitsOf } from "@/lib/data/internal/privacy-person";
import { joinRequestDetails } from "@/lib/data/internal/join-request-details";
import { contactColumns } from "@/lib/data/internal/contact-columns";

/** How many audit entries and e-mails an export lists at most (newest first). */
export const EXPORT_LIST_LIMIT = 5000;

function formatAddress(postcode: string | null, houseNumber: number | null, addition: string | null): string | null {
  if (!postcode || !houseNumber) return null;
  return `${postcode.slice(0, 4)} ${postcode.slice(4)} ${houseNumber}${addition ? ` ${addition}` : ""}`;
}

export interface PersonalDataExport {
  about: string;
  exportedAt: string;
  account: {
    id: string;
    email: string;
    name: string | null;
    phone: string | null;
    birthDate: string | null;
    address: string | null;
    role: string;
    municipality: string | null;
    emailVerifiedAt: string | null;
    disabledAt: string | null;
    lastSignInAt: string | null;
    createdAt: string;
  } | null;
  sessions: { active: number; expired: number };
  signInLinksPending: number;
  linkedSignInProviders: string[];
  groupsAdministered: Array<{ name: string; status: string; municipality: string; wijk: string; adminSince: string; admins: number }>;
  adminInvitations: Array<{ group: string; createdAt: string; expiresAt: string; acceptedAt: string | null }>;
  joinRequests: Array<{
    group: string;
    status: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    birthDate: string | null;
    address: string | null;
    createdAt: string;
    handledAt: string | null;
    contactDetailsRemovedAfter: string | null;
  }>;
  bordRequests: Array<{ group: string; status: string; signCount: number; street: string; note: string; createdAt: string }>;
  contactRoles: Array<{ kind: string; name: string; email: string; phone: string | null; municipality: string; wijken: string[] }>;
  /** Consent on record: each acceptance of the house rules, by the account or with a join request. */
  houseRulesAcceptances: Array<{ version: number; context: string; group: string | null; acceptedAt: string; via: "account" | "join_request" }>;
  emails: Array<{ kind: string; subject: string; status: string; createdAt: string; sentAt: string | null }>;
  auditEntries: Array<{ at: string; action: string; as: "actor" | "subject"; subjectType: string }>;
  rateLimitCounters: number;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Everything stored about `email` (already normalised: trimmed, lower case). Platform admins
 * only. The export is written to the audit log (with the address as emailDigest only).
 */
export async function exportPersonalData(actor: Actor | null, email: string, now = new Date()): Promise<PersonalDataExport> {
  requirePermission(actor, "privacy.manage");
  const admin = actor;
  const user = await findUser(db, email);
  const userId = user?.id ?? null;

  const [sessionCounts] = userId
    ? await db
        .select({
          active: sql<number>`count(*) filter (where ${sessions.expires} > ${now.toISOString()}::timestamptz)`.mapWith(Number),
          expired: sql<number>`count(*) filter (where ${sessions.expires} <= ${now.toISOString()}::timestamptz)`.mapWith(Number),
        })
        .from(sessions)
        .where(eq(sessions.userId, userId))
    : [{ active: 0, expired: 0 }];
  const [tokens] = await db.select({ n: count() }).from(verificationTokens).where(sql`lower(${verificationTokens.identifier}) = ${email}`);
  const providers = userId ? await db.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, userId)) : [];

  const administered = userId
    ? await db
        .select({
          name: groups.name,
          status: groups.status,
          municipality: municipalities.name,
          wijk: areas.name,
          since: groupAdmins.createdAt,
          admins: sql<number>`(select count(*) from ${groupAdmins} as ga where ga.group_id = ${groups.id})`.mapWith(Number),
        })
        .from(groupAdmins)
        .innerJoin(groups, eq(groups.id, groupAdmins.groupId))
        .innerJoin(areas, eq(areas.id, groups.areaId))
        .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
        .where(eq(groupAdmins.userId, userId))
        .orderBy(asc(groups.name))
    : [];

  const invitations = await db
    .select({
      group: groups.name,
      createdAt: groupAdminInvitations.createdAt,
      expiresAt: groupAdminInvitations.expiresAt,
      acceptedAt: groupAdminInvitations.acceptedAt,
    })
    .from(groupAdminInvitations)
    .innerJoin(groups, eq(groups.id, groupAdminInvitations.groupId))
    .where(sql`lower(${groupAdminInvitations.email}) = ${email}`)
    .orderBy(desc(groupAdminInvitations.createdAt));

  const requests = await db
    .select({
      group: groups.name,
      status: joinRequests.status,
      ...joinRequestDetails,
      createdAt: joinRequests.createdAt,
      handledAt: joinRequests.handledAt,
      purgeAfter: joinRequests.purgeAfter,
    })
    .from(joinRequests)
    .innerJoin(groups, eq(groups.id, joinRequests.groupId))
    .where(sql`lower(${joinRequests.email}) = ${email}`)
    .orderBy(desc(joinRequests.createdAt));

  const bords = userId
    ? await db
        .select({
          group: groups.name,
          status: bordRequests.status,
          signCount: bordRequests.bordCount,
          street: bordRequests.street,
          note: bordRequests.note,
          createdAt: bordRequests.createdAt,
        })
        .from(bordRequests)
        .innerJoin(groups, eq(groups.id, bordRequests.groupId))
        .where(eq(bordRequests.requestedByUserId, userId))
        .orderBy(desc(bordRequests.createdAt))
    : [];

  const contactRows = await db
    .select({ ...contactColumns, municipality: municipalities.name })
    .from(contacts)
    .innerJoin(municipalities, eq(municipalities.id, contacts.municipalityId))
    .where(sql`lower(${contacts.email}) = ${email}`);
  const contactWijken = contactRows.length
    ? await db
        .select({ contactId: contactAreas.contactId, name: areas.name })
        .from(contactAreas)
        .innerJoin(areas, eq(areas.id, contactAreas.areaId))
        .where(inArray(contactAreas.contactId, contactRows.map((c) => c.id)))
        .orderBy(asc(areas.name))
    : [];

  const consent = await db
    .select({
      version: houseRulesAcceptances.version,
      context: houseRulesAcceptances.context,
      group: groups.name,
      acceptedAt: houseRulesAcceptances.acceptedAt,
      userId: houseRulesAcceptances.userId,
    })
    .from(houseRulesAcceptances)
    .leftJoin(groups, eq(groups.id, houseRulesAcceptances.groupId))
    .where(
      or(
        userId ? eq(houseRulesAcceptances.userId, userId) : sql`false`,
        inArray(
          houseRulesAcceptances.joinRequestId,
          db.select({ id: joinRequests.id }).from(joinRequests).where(sql`lower(${joinRequests.email}) = ${email}`),
        ),
      ),
    )
    .orderBy(desc(houseRulesAcceptances.acceptedAt), desc(houseRulesAcceptances.id));

  const mails = await db
    .select({
      kind: mailOutbox.kind,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(sql`lower(${mailOutbox.toAddress}) = ${email}`)
    .orderBy(desc(mailOutbox.id))
    .limit(EXPORT_LIST_LIMIT);

  const audit = userId
    ? await db
        .select({
          at: auditLog.createdAt,
          action: auditLog.action,
          actorUserId: auditLog.actorUserId,
          subjectType: auditLog.subjectType,
        })
        .from(auditLog)
        .where(or(eq(auditLog.actorUserId, userId), and(eq(auditLog.subjectType, "user"), eq(auditLog.subjectId, userId))))
        .orderBy(desc(auditLog.id))
        .limit(EXPORT_LIST_LIMIT)
    : [];

  const [counters] = await db.select({ n: count() }).from(rateLimits).where(rateLimitsOf(email));

  const result: PersonalDataExport = {
    about: email,
    exportedAt: now.toISOString(),
    account: user
      ? {
          id: user.id,
          email: user.email,
          name: user.name,
          phone: user.phone,
          birthDate: user.birthDate,
          address: formatAddress(user.postcode, user.houseNumber, user.addition),
          role: user.role,
          municipality: user.municipality,
          emailVerifiedAt: iso(user.emailVerified),
          disabledAt: iso(user.disabledAt),
          lastSignInAt: iso(user.lastSignInAt),
          createdAt: user.createdAt.toISOString(),
        }
      : null,
    sessions: { active: sessionCounts?.active ?? 0, expired: sessionCounts?.expired ?? 0 },
    signInLinksPending: tokens?.n ?? 0,
    linkedSignInProviders: providers.map((p) => p.provider),
    groupsAdministered: administered.map((g) => ({
      name: g.name,
      status: g.status,
      municipality: g.municipality,
      wijk: g.wijk,
      adminSince: g.since.toISOString(),
      admins: g.admins,
    })),
    adminInvitations: invitations.map((i) => ({
      group: i.group,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: iso(i.acceptedAt),
    })),
    joinRequests: requests.map((r) => ({
      group: r.group,
      status: r.status,
      name: r.name,
      email: r.email,
      phone: r.phone,
      birthDate: r.birthDate,
      address: formatAddress(r.postcode, r.houseNumber, r.addition),
      createdAt: r.createdAt.toISOString(),
      handledAt: iso(r.handledAt),
      contactDetailsRemovedAfter: iso(r.purgeAfter),
    })),
    bordRequests: bords.map((b) => ({ ...b, createdAt: b.createdAt.toISOString() })),
    contactRoles: contactRows.map((c) => ({
      kind: c.kind,
      name: c.name,
      email: c.email,
      phone: c.phone,
      municipality: c.municipality,
      wijken: contactWijken.filter((w) => w.contactId === c.id).map((w) => w.name),
    })),
    houseRulesAcceptances: consent.map((c) => ({
      version: c.version,
      context: c.context,
      group: c.group,
      acceptedAt: c.acceptedAt.toISOString(),
      via: c.userId ? ("account" as const) : ("join_request" as const),
    })),
    emails: mails.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: iso(m.sentAt) })),
    auditEntries: audit.map((a) => ({
      at: a.at.toISOString(),
      action: a.action,
      as: a.actorUserId === userId ? ("actor" as const) : ("subject" as const),
      subjectType: a.subjectType,
    })),
    rateLimitCounters: counters?.n ?? 0,
  };

  await recordAudit(db, {
    actorUserId: admin.id,
    action: "privacy.export",
    subjectType: "person",
    details: {
      emailDigest: emailDigest(email),
      account: user !== null,
      joinRequests: result.joinRequests.length,
      groups: result.groupsAdministered.length,
      emails: result.emails.length,
    },
  });
  return result;
}
