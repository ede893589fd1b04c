/**
 * The rights of the people concerned (AVG articles 15 and 17), for platform admins only
 * (permission "privacy.manage"; for anyone else these functions do not exist: not_found).
 *
 * - exportPersonalData: everything stored about one e-mail address, as a plain object (JSON).
 * - previewErasure: what erasing would remove, and the groups that stand in the way.
 * - erasePersonalData: removes or anonymises everything about that address, in one transaction.
 *
 * Both the export and the erasure are written to the audit log without the address in clear
 * text: the entry holds an HMAC of it (keyed with the server's secret), so the log can later
 * confirm "this address was erased on …" without telling anyone which address it was.
 */
import "server-only";
import { createHmac } from "node:crypto";
import { and, asc, count, desc, eq, ilike, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, selectRows, type Executor } from "@/db";
import {
  accounts,
  areas,
  auditLog,
  contactAreas,
  contacts,
  groupAdminInvitations,
  staffInvitations,
  groupAdmins,
  groups,
  houseRulesAcceptances,
  joinRequests,
  mailOutbox,
  municipalities,
  rateLimits,
  sessions,
  signRequestEvents,
  signRequests,
  users,
  verificationTokens,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { getAuthSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { dissolveGroupCommand } from "@/lib/data/internal/dissolve";
import { eraseFreeTextMentions, findFreeTextMentions, personIdentity, type FreeTextMention } from "@/lib/data/internal/privacy-free-text";
import { emailRateLimitKey } from "@/lib/server/rate-limit";

/** How many audit entries and e-mails an export lists at most (newest first). */
export const EXPORT_LIST_LIMIT = 5000;
/** What replaces the address in free text (notes, reasons, descriptions) on erasure. */
export const ERASED_MARK = "[verwijderd]";

function requirePrivacyAdmin(actor: Actor | null | undefined): Actor {
  requirePermission(actor, "privacy.manage");
  return actor;
}

/** The audit log's stand-in for an e-mail address: HMAC-SHA256 with the server's secret. */
export function emailDigest(email: string): string {
  return createHmac("sha256", getAuthSecret()).update(email.trim().toLowerCase()).digest("hex");
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's own characters escaped. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A regular expression (PostgreSQL ARE) that matches `text` literally. */
function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);
}

/** The forms in which an address is written in stored text: as is, and URL-encoded (links). */
function writtenForms(email: string): string[] {
  return [...new Set([email, encodeURIComponent(email)])];
}

function mentions(column: AnyPgColumn | SQL, email: string): SQL {
  return or(...writtenForms(email).map((form) => ilike(column, containing(form))))!;
}

/** A person's rate-limit counters: keyed by the address's HMAC (and, from before, in clear). */
function rateLimitsOf(email: string): SQL {
  return or(mentions(rateLimits.key, email), like(rateLimits.key, containing(emailRateLimitKey(email))))!;
}

async function findUser(executor: Executor, email: string) {
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
  const admin = requirePrivacyAdmin(actor);
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
      name: joinRequests.name,
      email: joinRequests.email,
      phone: joinRequests.phone,
      birthDate: joinRequests.birthDate,
      postcode: joinRequests.postcode,
      houseNumber: joinRequests.houseNumber,
      addition: joinRequests.addition,
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
          status: signRequests.status,
          signCount: signRequests.signCount,
          street: signRequests.street,
          note: signRequests.note,
          createdAt: signRequests.createdAt,
        })
        .from(signRequests)
        .innerJoin(groups, eq(groups.id, signRequests.groupId))
        .where(eq(signRequests.requestedByUserId, userId))
        .orderBy(desc(signRequests.createdAt))
    : [];

  const contactRows = await db
    .select({
      id: contacts.id,
      kind: contacts.kind,
      name: contacts.name,
      email: contacts.email,
      phone: contacts.phone,
      municipality: municipalities.name,
    })
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

export interface ErasurePreview {
  account: boolean;
  role: string | null;
  /** Active groups where this person is the only admin: erasing dissolves them, or is refused. */
  soleAdminGroups: Array<{ id: string; name: string }>;
  otherGroups: number;
  joinRequests: number;
  invitations: number;
  contactRoles: number;
  emails: number;
  /** The person's name and phone number in free text: replaced by [verwijderd] (e-mail: deleted). */
  freeTextMentions: FreeTextMention[];
}

async function soleAdminGroupsOf(executor: Executor, userId: string) {
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

async function refusals(executor: Executor, admin: Actor, email: string, userId: string | null): Promise<void> {
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

/** What erasing `email` would remove, and which groups have this person as their only admin. */
export async function previewErasure(actor: Actor | null, email: string): Promise<ErasurePreview> {
  const admin = requirePrivacyAdmin(actor);
  const user = await findUser(db, email);
  await refusals(db, admin, email, user?.id ?? null);
  const sole = user ? await soleAdminGroupsOf(db, user.id) : [];
  const [adminOf] = user ? await db.select({ n: count() }).from(groupAdmins).where(eq(groupAdmins.userId, user.id)) : [{ n: 0 }];
  const [requests] = await db.select({ n: count() }).from(joinRequests).where(sql`lower(${joinRequests.email}) = ${email}`);
  const [invites] = await db.select({ n: count() }).from(groupAdminInvitations).where(sql`lower(${groupAdminInvitations.email}) = ${email}`);
  const [staffInvites] = await db.select({ n: count() }).from(staffInvitations).where(sql`lower(${staffInvitations.email}) = ${email}`);
  const [contactCount] = await db.select({ n: count() }).from(contacts).where(sql`lower(${contacts.email}) = ${email}`);
  const [mails] = await db.select({ n: count() }).from(mailOutbox).where(sql`lower(${mailOutbox.toAddress}) = ${email}`);
  return {
    account: user !== null,
    role: user?.role ?? null,
    soleAdminGroups: sole.map((g) => ({ id: g.id, name: g.name })),
    otherGroups: (adminOf?.n ?? 0) - sole.length,
    joinRequests: requests?.n ?? 0,
    invitations: (invites?.n ?? 0) + (staffInvites?.n ?? 0),
    contactRoles: contactCount?.n ?? 0,
    emails: mails?.n ?? 0,
    freeTextMentions: await findFreeTextMentions(db, await personIdentity(db, email)),
  };
}

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
  { table: signRequests, column: signRequests.note },
  { table: signRequests, column: signRequests.locationDescription },
  { table: signRequests, column: signRequests.placedLocation },
  { table: signRequests, column: signRequests.reason },
  { table: signRequestEvents, column: signRequestEvents.note },
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
  const admin = requirePrivacyAdmin(actor);
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

    // The person's name and phone number in free text (lib/data/privacy-free-text.ts).
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
