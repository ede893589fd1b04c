import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { areas, groupAdmins, groups, municipalities } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/domain/ids";
import { bordThresholdSql } from "./bord-settings";

/**
 * The one rule behind every group admin's query: the actor is an admin of the (active) group.
 * Used inside the `where` of each query of lib/data/resident/ (my-groups.ts, group-admins.ts,
 * member-addresses.ts, join-requests.ts, bord-requests.ts, invitations.ts …), so someone else's
 * group simply does not exist.
 */
export function isAdminOf(actor: Pick<Actor, "id">, groupId: AnyPgColumn = groups.id) {
  return sql`exists (select 1 from ${groupAdmins} where ${groupAdmins.groupId} = ${groupId} and ${groupAdmins.userId} = ${actor.id})`;
}


export interface AdminGroupRef {
  id: string;
  name: string;
  slug: string;
  version: number;
  areaId: string;
  areaName: string;
  municipalityId: string;
  municipalityCode: string;
  municipalityName: string;
  safetyEmail: string;
  bordThreshold: number;
  /** The municipality's bord settings. */
  bordsPerGroup: number;
  bordContributionCents: number;
  bordCondition: "addresses" | "household_share";
  bordHouseholdPercent: number | null;
  /** Addresses in the group's wijk (the households a share is taken of); null when unknown. */
  areaHouseholds: number | null;
  whatsappInviteUrl: string | null;
}

/**
 * The active group `groupId` when `actor` administers it, else AppError not_found.
 * `lock` takes a row lock on the group (for decisions that count admins or requests).
 */
export async function findAdminGroup(
  executor: Executor,
  actor: Pick<Actor, "id">,
  groupId: string,
  options: { lock?: boolean } = {},
): Promise<AdminGroupRef | null> {
  if (!isUuid(groupId)) return null;
  const query = executor
    .select({
      id: groups.id,
      name: groups.name,
      slug: groups.slug,
      version: groups.version,
      areaId: groups.areaId,
      areaName: areas.name,
      municipalityId: groups.municipalityId,
      municipalityCode: municipalities.code,
      municipalityName: municipalities.name,
      safetyEmail: municipalities.safetyEmail,
      bordThreshold: bordThresholdSql(),
      bordsPerGroup: municipalities.bordsPerGroup,
      bordContributionCents: municipalities.bordContributionCents,
      bordCondition: municipalities.bordCondition,
      bordHouseholdPercent: municipalities.bordHouseholdPercent,
      areaHouseholds: areas.totalAddresses,
      whatsappInviteUrl: groups.whatsappInviteUrl,
    })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(eq(groups.id, groupId), eq(groups.status, "active"), isAdminOf(actor)));
  const [row] = options.lock ? await query.for("update", { of: groups }) : await query;
  return row ?? null;
}

/** As findAdminGroup, for commands: someone else's or an unknown group throws not_found. */
export async function loadAdminGroup(
  executor: Executor,
  actor: Pick<Actor, "id">,
  groupId: string,
  options: { lock?: boolean } = {},
): Promise<AdminGroupRef> {
  const group = await findAdminGroup(executor, actor, groupId, options);
  if (!group) throw notFound("Deze groep bestaat niet, of u bent er geen beheerder van.");
  return group;
}
