/**
 * Registering a new group (/groep-starten): the wijken to choose from, the registrant's own
 * details to fill in, and the registration itself in one transaction.
 */
import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, like, or, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  areaPostcodes,
  areas,
  contactAreas,
  contacts,
  groupAdminInvitations,
  groupAdmins,
  groups,
  memberAddresses,
  municipalities,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { addressKey, formatPhoneNl, needsMoreAdmins, slugify, type NormalizedAddress } from "@/lib/domain";
import { groupNameSkeleton } from "@/lib/domain/group-name";
import { getEnv } from "@/lib/env";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { groupRegisteredAdminMail, groupRegisteredMail } from "@/lib/mail/templates/group-registered";
import type { RegisterGroup } from "@/lib/validation";
import { routes } from "@/lib/routes";
import {
  placeAddresses,
  refuseIfRefused,
  refuseListIfRefused,
  type AddressPlacement,
} from "@/lib/data/internal/address-placement";
import { isAdminOf } from "@/lib/data/internal/group-access";
import { createInvitation } from "@/lib/data/internal/invitations";
import { insertMemberAddresses } from "@/lib/data/internal/member-addresses";
import { readAddressListForSaving } from "./member-addresses";
import { recordHouseRulesAcceptance } from "@/lib/data/internal/house-rules";
import { fillMissingIdentity, identityForAccount, type AccountIdentity } from "@/lib/data/internal/identity";
import { bordThresholdSql } from "@/lib/data/internal/bord-settings";
import { isNameTaken, NAME_TAKEN, refuseLookAlikeName } from "@/lib/data/internal/group-names";

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
