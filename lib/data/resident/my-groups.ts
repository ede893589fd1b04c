/** A group admin's own groups (/mijn-groepen): the list, one group's overview, and its details. */
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  areas,
  groupAdminInvitations,
  groupAdmins,
  groups,
  joinRequests,
  memberAddresses,
  municipalities,
  bordRequests,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { type BordRequestStatus } from "@/lib/domain";
import { groupNameSkeleton } from "@/lib/domain/group-name";
import { AppError } from "@/lib/errors";
import type { GroupDetails } from "@/lib/validation";
import { countedAddressesOf } from "@/lib/data/internal/counted-addresses";
import { isAdminOf, findAdminGroup, loadAdminGroup } from "@/lib/data/internal/group-access";
import { bordThresholdSql } from "@/lib/data/internal/bord-settings";
import { openBordRequestStatuses } from "@/lib/data/internal/sql-rules";
import { isNameTaken, NAME_TAKEN, refuseLookAlikeName } from "@/lib/data/internal/group-names";

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
  openBordRequestStatus: BordRequestStatus | null;
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
      openBordRequestStatus: sql<BordRequestStatus | null>`(select ${bordRequests.status} from ${bordRequests} where ${bordRequests.groupId} = ${groups.id} and ${bordRequests.status} in (${openBordRequestStatuses}) limit 1)`,
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
  const ref = await findAdminGroup(db, actor, groupId);
  if (!ref) return null;
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
      openBordRequestStatus: sql<BordRequestStatus | null>`(select ${bordRequests.status} from ${bordRequests} where ${bordRequests.groupId} = ${groups.id} and ${bordRequests.status} in (${openBordRequestStatuses}) limit 1)`,
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
