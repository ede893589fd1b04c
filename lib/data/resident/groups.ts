import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, like, ne, or, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  areaPostcodes,
  areas,
  contactAreas,
  contacts,
  groupAdminInvitations,
  groupAdmins,
  groups,
  joinRequests,
  memberAddresses,
  municipalities,
  signRequests,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { addressKey, formatPhoneNl, needsMoreAdmins, slugify, type NormalizedAddress, type SignRequestStatus } from "@/lib/domain";
import { groupNameSkeleton } from "@/lib/domain/group-name";
import { getEnv } from "@/lib/env";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { groupRegisteredAdminMail, groupRegisteredMail } from "@/lib/mail/templates/group-registered";
import type { GroupDetails, RegisterGroup } from "@/lib/validation";
import { routes } from "@/lib/routes";
import { placeAddresses, refuseIfRefused, refuseListIfRefused, type AddressPlacement } from "@/lib/data/internal/address-placement";
import { countedAddressesOf } from "@/lib/data/internal/counted-addresses";
import { isAdminOf, loadAdminGroup } from "@/lib/data/internal/group-access";
import { createInvitation } from "@/lib/data/internal/invitations";
import { insertMemberAddresses } from "@/lib/data/internal/member-addresses";
import { readAddressListForSaving } from "./member-addresses";
import { recordHouseRulesAcceptance } from "@/lib/data/internal/house-rules";
import { fillMissingIdentity, identityForAccount, type AccountIdentity } from "@/lib/data/internal/identity";
import { dissolveGroupCommand } from "@/lib/data/internal/dissolve";
import { bordThresholdSql } from "@/lib/data/internal/bord-settings";
import { openSignRequestStatuses } from "@/lib/data/internal/sql-rules";

// AppErrors here carry no `cause`: lib/actions' errorResult maps an error whose cause chain holds
// a database error to its generic message, which would hide the message at the name field.
const NAME_TAKEN = "Deze naam is al in gebruik bij een andere groep in deze gemeente. Kies een andere naam, bijvoorbeeld met de naam van uw straat erin.";
/** Another active group's name looks the same (other letters that look alike, other case or spaces). */
const NAME_LOOKS_TAKEN = (existing: string) =>
  `Deze naam lijkt te veel op de naam van een andere groep in deze gemeente: "${existing}". Kies een naam die duidelijk anders is, bijvoorbeeld met de naam van uw straat erin.`;
/** Either unique index on names of active groups (lower(name) or the confusable skeleton). */
const isNameTaken = (error: unknown) =>
  isUniqueViolation(error, "groups_municipality_name_unique") || isUniqueViolation(error, "groups_municipality_name_skeleton_unique");

/**
 * Refuses a name that looks like another active group's name in the municipality (a Cyrillic "О" twin of an existing name). The unique index on the skeleton refuses
 * it too when two registrations race; this check gives the clearer message.
 */
async function refuseLookAlikeName(executor: Executor, municipalityId: string, name: string, exceptGroupId?: string): Promise<void> {
  const [twin] = await executor
    .select({ name: groups.name })
    .from(groups)
    .where(
      and(
        eq(groups.municipalityId, municipalityId),
        eq(groups.status, "active"),
        eq(groups.nameSkeleton, groupNameSkeleton(name)),
        exceptGroupId ? ne(groups.id, exceptGroupId) : undefined,
      ),
    )
    .limit(1);
  if (twin) {
    // Only case or spaces differ: the same name. Other letters that look alike: a look-alike.
    const plain = (text: string) => text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
    const message = plain(twin.name) === plain(name) ? NAME_TAKEN : NAME_LOOKS_TAKEN(twin.name);
    throw new AppError("conflict", message, { fieldErrors: { name: message } });
  }
}
/** A repeated registration (double click, resent form) within this time returns the first group. */
const RESUBMIT_WINDOW_MS = 10 * 60 * 1000;

export interface AreaChoice {
  code: string;
  name: string;
  municipalityName: string;
  /** 4-digit areas and full postcodes of the wijk, to suggest it from the admin's postcode. */
  postcodes: string[];
}

/** The wijken a group can be registered in (public facts: names and postcode areas). */
export async function listAreaChoices(): Promise<AreaChoice[]> {
  const rows = await db
    .select({ id: areas.id, code: areas.code, name: areas.name, municipalityName: municipalities.name })
    .from(areas)
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(isNull(municipalities.disabledAt))
    .orderBy(asc(municipalities.name), asc(areas.name));
  const postcodes = rows.length
    ? await db.select().from(areaPostcodes).where(inArray(areaPostcodes.areaId, rows.map((r) => r.id)))
    : [];
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    municipalityName: r.municipalityName,
    postcodes: postcodes.filter((p) => p.areaId === r.id).map((p) => p.postcode),
  }));
}

/** What the actor stored about themselves before, to fill in the registration form. */
export async function getAdminPrefill(actor: Actor) {
  requirePermission(actor, "group.register");
  const [row] = await db
    .select({ name: users.name, phone: users.phone, birthDate: users.birthDate, postcode: users.postcode, houseNumber: users.houseNumber, addition: users.addition })
    .from(users)
    .where(eq(users.id, actor.id));
  return {
    name: row?.name ?? "",
    phone: row?.phone ?? "",
    birthDate: row?.birthDate ?? "",
    postcode: row?.postcode ?? "",
    houseNumber: row?.houseNumber ? String(row.houseNumber) : "",
    addition: row?.addition ?? "",
  };
}

async function freeSlug(name: string): Promise<string> {
  const base = slugify(name) || "groep";
  const taken = await db
    .select({ slug: groups.slug })
    .from(groups)
    .where(or(eq(groups.slug, base), like(groups.slug, `${base}-%`)));
  const used = new Set(taken.map((t) => t.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface RegisteredGroup {
  groupId: string;
  slug: string;
  addressCount: number;
  outsideCount: number;
  invited: number;
  /** Fewer than two admins: the group should not depend on one person. */
  needsMoreAdmins: boolean;
  /** True when this was a repeat of a registration that had already succeeded. */
  repeated: boolean;
}

async function recentOwnGroup(actor: Actor, municipalityId: string, name: string, now: Date) {
  const [row] = await db
    .select({ id: groups.id, slug: groups.slug })
    .from(groups)
    .where(
      and(
        eq(groups.municipalityId, municipalityId),
        eq(groups.nameSkeleton, groupNameSkeleton(name)),
        gt(groups.createdAt, new Date(now.getTime() - RESUBMIT_WINDOW_MS)),
        isAdminOf(actor),
      ),
    );
  return row;
}

/**
 * Registers a group in one transaction: the group, the actor as admin (their
 * account's details where it has them; the form's only fill what is missing), the member addresses (the admin's own address included), invitations for the
 * co-admins, an audit entry, and e-mails to the wijkagent(s) and wethouder(s) of the wijk.
 * The same form sent twice returns the first group (no second group, no second e-mail).
 */
export async function registerGroup(actor: Actor, input: RegisterGroup, now = new Date()): Promise<RegisteredGroup> {
  requirePermission(actor, "group.register");
  const [area] = await db
    .select({
      id: areas.id,
      name: areas.name,
      municipalityId: areas.municipalityId,
      municipalityCode: municipalities.code,
      municipalityName: municipalities.name,
      municipalityDisabledAt: municipalities.disabledAt,
      bordThreshold: bordThresholdSql(),
    })
    .from(areas)
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(eq(areas.code, input.areaCode));
  if (!area) {
    throw new AppError("bad_request", "Kies een wijk uit de lijst.", { fieldErrors: { areaCode: "Kies een wijk uit de lijst." } });
  }
  if (area.municipalityDisabledAt) {
    const message = `De gemeente ${area.municipalityName} doet niet meer mee. U kunt hier geen groep meer aanmelden.`;
    throw new AppError("bad_request", message, { fieldErrors: { areaCode: message } });
  }
  const ownEmail = actor.email.toLowerCase();
  const ownIndex = input.coAdmins.findIndex((c) => c.email === ownEmail);
  if (ownIndex !== -1) {
    const message = "Dit is uw eigen e-mailadres. U bent al beheerder; vul hier het adres van iemand anders in.";
    throw new AppError("bad_request", message, { fieldErrors: { [`coAdmins.${ownIndex}.email`]: message } });
  }

  // Who registers: the account's own details where it has them, the form's only where it has none.
  const admin = await identityForAccount(db, actor.id, input.admin);
  const listed = await readAddressListForSaving(input.addressList, "addressList", area.municipalityCode);
  const ownKey = addressKey(admin.address);
  const all = [admin.address, ...listed.addresses.filter((a) => addressKey(a) !== ownKey)];
  const placements = await placeAddresses(all, { id: area.municipalityId, code: area.municipalityCode, name: area.municipalityName });
  // Issue 19: an address the register does not know, or that lies in another municipality, is
  // refused (the own address at its field, the list by line); nothing is stored.
  refuseIfRefused(admin.address, placements, "admin.address.postcode");
  refuseListIfRefused(listed.addresses, placements, "addressList", listed.lineOf);

  const repeat = await recentOwnGroup(actor, area.municipalityId, input.name, now);
  if (repeat) return repeatedResult(repeat);
  try {
    await refuseLookAlikeName(db, area.municipalityId, input.name);
  } catch (error) {
    // The same form sent at once may have committed its group between the two reads above:
    // the name is then taken by this actor's own fresh group, which is the answer.
    const again = await recentOwnGroup(actor, area.municipalityId, input.name, now);
    if (again) return repeatedResult(again);
    throw error;
  }

  for (let attempt = 1; ; attempt++) {
    try {
      return await insertRegistration(actor, input, admin, area, all, placements, await freeSlug(input.name), now);
    } catch (error) {
      const nameTaken = isNameTaken(error);
      const slugTaken = isUniqueViolation(error, "groups_slug_unique");
      if (!nameTaken && !slugTaken) throw error;
      const again = await recentOwnGroup(actor, area.municipalityId, input.name, now);
      if (again) return repeatedResult(again);
      if (nameTaken) {
        await refuseLookAlikeName(db, area.municipalityId, input.name);
        throw new AppError("conflict", NAME_TAKEN, { fieldErrors: { name: NAME_TAKEN } });
      }
      if (attempt >= 3) throw new AppError("conflict", "Er werd net een groep met bijna dezelfde naam aangemeld. Probeer het nog een keer.");
    }
  }
}

async function insertRegistration(
  actor: Actor,
  input: RegisterGroup,
  admin: AccountIdentity,
  area: { id: string; name: string; municipalityId: string; municipalityName: string; bordThreshold: number },
  all: NormalizedAddress[],
  placements: Map<string, AddressPlacement>,
  slug: string,
  now: Date,
): Promise<RegisteredGroup> {
  return db.transaction(async (tx) => {
    const [group] = await tx
      .insert(groups)
      .values({
        municipalityId: area.municipalityId,
        areaId: area.id,
        slug,
        name: input.name,
        nameSkeleton: groupNameSkeleton(input.name),
        description: input.areaDescription,
        whatsappInviteUrl: input.whatsappInviteLink,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: groups.id, slug: groups.slug });
    // The account's identity is never overwritten by this form: it only fills what is missing.
    await fillMissingIdentity(tx, actor.id, admin);
    await tx.insert(groupAdmins).values({ groupId: group.id, userId: actor.id });
    // The form refuses to go on without acceptHouseRules: the consent is stored with the group.
    await recordHouseRulesAcceptance(tx, { userId: actor.id, groupId: group.id, context: "registration", now });
    const addressCount = await insertMemberAddresses(tx, group, all, placements, actor.id);
    const outsideCount = all.filter((a) => !placements.get(addressKey(a))?.inMunicipality).length;
    for (const coAdmin of input.coAdmins) {
      await createInvitation(tx, {
        groupId: group.id,
        groupName: input.name,
        email: coAdmin.email,
        invitedBy: { id: actor.id, name: admin.name, email: actor.email },
        now,
      });
    }
    const recipients = await tx
      .selectDistinct({ id: contacts.id, name: contacts.name, email: contacts.email, kind: contacts.kind })
      .from(contacts)
      .innerJoin(contactAreas, eq(contactAreas.contactId, contacts.id))
      .where(and(eq(contactAreas.areaId, area.id), inArray(contacts.kind, ["wijkagent", "wethouder"])));
    const publicUrl = `${getEnv().appUrl}${routes.group(group.slug)}`;
    await enqueueMail(
      tx,
      recipients.map((r) => ({
        idempotencyKey: `group-registered:${group.id}:${r.id}`,
        kind: "group_registered",
        to: r.email,
        ...groupRegisteredMail({
          recipientName: r.name,
          recipientKind: r.kind,
          groupName: input.name,
          areaName: area.name,
          municipalityName: area.municipalityName,
          adminName: admin.name,
          adminEmail: actor.email,
          adminPhone: formatPhoneNl(admin.phone),
          addressCount,
          publicUrl,
        }),
      })),
    );
    // The registrant's own confirmation, with what happens next.
    await enqueueMail(tx, {
      idempotencyKey: `group-registered:${group.id}:admin`,
      kind: "group_registered_admin",
      to: actor.email,
      ...groupRegisteredAdminMail({
        adminName: admin.name,
        groupName: input.name,
        areaName: area.name,
        addressCount,
        threshold: area.bordThreshold,
        invited: input.coAdmins.length,
        groupUrl: `${getEnv().appUrl}${routes.myGroups.group(group.id)}`,
      }),
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "group.register",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: area.municipalityId,
      details: { addresses: addressCount, invited: input.coAdmins.length, notified: recipients.length },
    });
    return {
      groupId: group.id,
      slug: group.slug,
      addressCount,
      outsideCount,
      invited: input.coAdmins.length,
      needsMoreAdmins: needsMoreAdmins(1 + input.coAdmins.length),
      repeated: false,
    };
  });
}

async function repeatedResult(group: { id: string; slug: string }): Promise<RegisteredGroup> {
  const [counts] = await db
    .select({ n: count(), inside: sql<number>`count(*) filter (where ${memberAddresses.inMunicipality})`.mapWith(Number) })
    .from(memberAddresses)
    .where(eq(memberAddresses.groupId, group.id));
  const [admins] = await db.select({ n: count() }).from(groupAdmins).where(eq(groupAdmins.groupId, group.id));
  const [invites] = await db.select({ n: count() }).from(groupAdminInvitations).where(eq(groupAdminInvitations.groupId, group.id));
  return {
    groupId: group.id,
    slug: group.slug,
    addressCount: counts?.n ?? 0,
    outsideCount: (counts?.n ?? 0) - (counts?.inside ?? 0),
    invited: invites?.n ?? 0,
    needsMoreAdmins: needsMoreAdmins((admins?.n ?? 0) + (invites?.n ?? 0)),
    repeated: true,
  };
}

export interface MyGroupSummary {
  id: string;
  name: string;
  slug: string;
  areaName: string;
  municipalityName: string;
  counted: number;
  threshold: number;
  adminCount: number;
  openJoinRequests: number;
  openSignRequestStatus: SignRequestStatus | null;
}

/** The groups the actor administers (active ones), for /mijn-groepen. */
export async function listMyGroups(actor: Actor): Promise<MyGroupSummary[]> {
  requirePermission(actor, "group.manage");
  return db
    .select({
      id: groups.id,
      name: groups.name,
      slug: groups.slug,
      areaName: areas.name,
      municipalityName: municipalities.name,
      threshold: bordThresholdSql(),
      counted: countedAddressesOf(groups.id).mapWith(Number),
      adminCount: sql<number>`(select count(*) from ${groupAdmins} where ${groupAdmins.groupId} = ${groups.id})`.mapWith(Number),
      openJoinRequests: sql<number>`(select count(*) from ${joinRequests} where ${joinRequests.groupId} = ${groups.id} and ${joinRequests.status} = 'open')`.mapWith(Number),
      openSignRequestStatus: sql<SignRequestStatus | null>`(select ${signRequests.status} from ${signRequests} where ${signRequests.groupId} = ${groups.id} and ${signRequests.status} in (${openSignRequestStatuses}) limit 1)`,
    })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(eq(groups.status, "active"), isAdminOf(actor)))
    .orderBy(asc(groups.name));
}

export interface GroupForAdmin extends MyGroupSummary {
  description: string;
  areaCode: string;
  whatsappInviteUrl: string | null;
  wabpRegistered: boolean;
  version: number;
  total: number;
  createdAt: Date;
  /** Co-admin invitations sent and not yet accepted (and not expired). */
  openInvitations: number;
}

/** One group of the actor with everything its overview page shows; null when not theirs. */
export async function getGroupForAdmin(actor: Actor, groupId: string): Promise<GroupForAdmin | null> {
  requirePermission(actor, "group.manage");
  let ref;
  try {
    ref = await loadAdminGroup(db, actor, groupId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
  const [row] = await db
    .select({
      id: groups.id,
      name: groups.name,
      slug: groups.slug,
      description: groups.description,
      whatsappInviteUrl: groups.whatsappInviteUrl,
      wabpRegistered: groups.wabpRegistered,
      version: groups.version,
      createdAt: groups.createdAt,
      areaCode: areas.code,
      areaName: areas.name,
      municipalityName: municipalities.name,
      threshold: bordThresholdSql(),
      total: sql<number>`(select count(*) from ${memberAddresses} where ${memberAddresses.groupId} = ${groups.id})`.mapWith(Number),
      counted: countedAddressesOf(groups.id).mapWith(Number),
      adminCount: sql<number>`(select count(*) from ${groupAdmins} where ${groupAdmins.groupId} = ${groups.id})`.mapWith(Number),
      openJoinRequests: sql<number>`(select count(*) from ${joinRequests} where ${joinRequests.groupId} = ${groups.id} and ${joinRequests.status} = 'open')`.mapWith(Number),
      openSignRequestStatus: sql<SignRequestStatus | null>`(select ${signRequests.status} from ${signRequests} where ${signRequests.groupId} = ${groups.id} and ${signRequests.status} in (${openSignRequestStatuses}) limit 1)`,
      openInvitations: sql<number>`(select count(*) from ${groupAdminInvitations} where ${groupAdminInvitations.groupId} = ${groups.id} and ${groupAdminInvitations.acceptedAt} is null and ${groupAdminInvitations.expiresAt} > now())`.mapWith(Number),
    })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(eq(groups.id, ref.id), isAdminOf(actor)));
  return row ?? null;
}

/**
 * Saves name, wijk, description and WhatsApp link. `input.version` is the version the admin
 * saw; when another admin saved in between, AppError conflict and nothing changes.
 */
export async function updateGroupDetails(actor: Actor, groupId: string, input: GroupDetails, now = new Date()): Promise<{ version: number }> {
  requirePermission(actor, "group.manage");
  try {
    return await db.transaction(async (tx) => {
      const group = await loadAdminGroup(tx, actor, groupId);
      const [area] = await tx
        .select({ id: areas.id })
        .from(areas)
        .where(and(eq(areas.code, input.areaCode), eq(areas.municipalityId, group.municipalityId)));
      if (!area) {
        const message = "Kies een wijk uit de lijst. Een groep blijft in dezelfde gemeente.";
        throw new AppError("bad_request", message, { fieldErrors: { areaCode: message } });
      }
      await refuseLookAlikeName(tx, group.municipalityId, input.name, group.id);
      const [updated] = await tx
        .update(groups)
        .set({
          name: input.name,
          nameSkeleton: groupNameSkeleton(input.name),
          areaId: area.id,
          description: input.areaDescription,
          whatsappInviteUrl: input.whatsappInviteLink,
          wabpRegistered: input.wabpRegistered,
          version: sql`${groups.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(groups.id, group.id), eq(groups.version, input.version), isAdminOf(actor)))
        .returning({ version: groups.version });
      if (!updated) {
        throw new AppError("conflict", "Iemand anders heeft dit net gewijzigd. Laad de pagina opnieuw, bekijk de nieuwe gegevens en probeer het daarna nog een keer.");
      }
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: "group.update",
        subjectType: "group",
        subjectId: group.id,
        municipalityId: group.municipalityId,
        details: { version: updated.version },
      });
      return updated;
    });
  } catch (error) {
    if (isNameTaken(error)) {
      throw new AppError("conflict", NAME_TAKEN, { fieldErrors: { name: NAME_TAKEN } });
    }
    throw error;
  }
}

export interface GroupAdminRow {
  userId: string;
  name: string | null;
  email: string;
  phone: string | null;
  isMe: boolean;
}

/** The admins of the group (their contact details, for fellow admins only). */
export async function listGroupAdmins(actor: Actor, groupId: string): Promise<GroupAdminRow[]> {
  requirePermission(actor, "group.manage");
  const group = await loadAdminGroup(db, actor, groupId);
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, phone: users.phone })
    .from(groupAdmins)
    .innerJoin(users, eq(users.id, groupAdmins.userId))
    .where(and(eq(groupAdmins.groupId, group.id), isAdminOf(actor, groupAdmins.groupId)))
    .orderBy(asc(groupAdmins.createdAt), asc(users.email));
  return rows.map((r) => ({ ...r, isMe: r.userId === actor.id }));
}

/**
 * Removes an admin (or, with the actor's own id, steps down). Never leaves a group without an
 * admin: the group row is locked while counting.
 */
export async function removeGroupAdmin(actor: Actor, groupId: string, userId: string): Promise<{ self: boolean }> {
  requirePermission(actor, "group.manage");
  return db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId, { lock: true });
    const admins = await tx.select({ userId: groupAdmins.userId }).from(groupAdmins).where(eq(groupAdmins.groupId, group.id));
    if (!admins.some((a) => a.userId === userId)) throw notFound("Deze persoon is geen beheerder van de groep.");
    if (admins.length <= 1) {
      throw new AppError(
        "unprocessable",
        "U bent de enige beheerder. Nodig eerst iemand anders uit als beheerder, of hef de groep op.",
      );
    }
    await tx.delete(groupAdmins).where(and(eq(groupAdmins.groupId, group.id), eq(groupAdmins.userId, userId)));
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: userId === actor.id ? "group.step_down" : "group.remove_admin",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: group.municipalityId,
      details: { userId },
    });
    return { self: userId === actor.id };
  });
}

/**
 * Dissolves the group as its admin, through the one dissolve command (lib/data/dissolve.ts):
 * addresses, join requests, invitations and admin links go, an anonymous record stays, the
 * wijkagent(s) and (for a bord) team Veiligheid are told.
 * `confirmName` must match the group's name (case and spaces do not matter).
 */
export async function dissolveGroup(actor: Actor, groupId: string, confirmName: string, now = new Date()): Promise<void> {
  requirePermission(actor, "group.manage");
  await db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId, { lock: true });
    const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
    if (norm(confirmName) !== norm(group.name)) {
      const message = `Typ precies de naam van de groep: ${group.name}`;
      throw new AppError("bad_request", message, { fieldErrors: { confirmName: message } });
    }
    await dissolveGroupCommand(tx, { groupId: group.id, actorUserId: actor.id, via: "resident", now });
  });
}


