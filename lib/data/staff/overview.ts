/**
 * The figures of the staff overview (/beheer): open bord requests by status and age, new groups
 * this month and year, participating addresses, coverage per wijk, groups with one admin and
 * the groups the yearly check reports as not confirmed (lib/data/internal/yearly-check.ts). All counted in SQL, for the actor's municipality (or,
 * for a platform admin, the one chosen).
 */
import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { dutchTimeZone } from "../internal/sql-rules";
import { db, selectRows, type Executor } from "@/db";
import { areas, groupAdmins, groupChecks, groups, memberAddresses, bordRequests } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { OPEN_BORD_REQUEST_STATUSES, UNCONFIRMED_STAGES, type OpenBordRequestStatus } from "@/lib/domain";
import { staffScope } from "../internal/staff-scope";

export interface OpenRequestFigures {
  status: OpenBordRequestStatus;
  total: number;
  /** Waiting less than 7 days, 7–30 days, more than 30 days (since the request was made). */
  under7: number;
  from7to30: number;
  over30: number;
  oldestDays: number | null;
}

export interface AreaCoverage {
  areaId: string;
  name: string;
  groups: number;
  participatingAddresses: number;
  totalAddresses: number | null;
  /** Participating / total, 0–100 with one decimal; null when the total is unknown. */
  percentage: number | null;
}

export interface GroupAttention {
  id: string;
  name: string;
  areaName: string;
}

export interface StaffOverview {
  openRequests: OpenRequestFigures[];
  groupsThisMonth: number;
  groupsThisYear: number;
  activeGroups: number;
  participatingAddresses: number;
  coverage: AreaCoverage[];
  singleAdminCount: number;
  singleAdminGroups: GroupAttention[];
  /** Groups whose admins did not confirm the yearly check in 30 days (or that wait for a decision). */
  unconfirmedCount: number;
  unconfirmedGroups: GroupAttention[];
}

const OPEN: OpenBordRequestStatus[] = [...OPEN_BORD_REQUEST_STATUSES];
const LIST_LIMIT = 20;

/** How many groups meet `condition`, and the first LIST_LIMIT of them in `order`. */
async function groupsNeedingAttention(executor: Executor, condition: SQL | undefined, order: SQL): Promise<[number, GroupAttention[]]> {
  const [{ count }] = await executor.select({ count: sql<number>`count(*)::int` }).from(groups).where(condition);
  const list = await executor
    .select({ id: groups.id, name: groups.name, areaName: areas.name })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .where(condition)
    .orderBy(order)
    .limit(LIST_LIMIT);
  return [Number(count), list];
}

/** The overview of one municipality; not_found for someone who is not staff of it. */
export async function getStaffOverview(actor: Actor | null, municipalityId: string, executor: Executor = db): Promise<StaffOverview> {
  requirePermission(actor, "staff.view");
  const staff = staffScope(actor);
  if (staff.role === "staff" && staff.municipalityId !== municipalityId) {
    // Staff only ever see their own municipality.
    municipalityId = staff.municipalityId!;
  }
  const inMunicipality = eq(groups.municipalityId, municipalityId);

  const requestRows = await executor
    .select({
      status: bordRequests.status,
      total: sql<number>`count(*)::int`,
      under7: sql<number>`count(*) filter (where ${bordRequests.createdAt} > now() - interval '7 days')::int`,
      from7to30: sql<number>`count(*) filter (where ${bordRequests.createdAt} <= now() - interval '7 days' and ${bordRequests.createdAt} > now() - interval '30 days')::int`,
      over30: sql<number>`count(*) filter (where ${bordRequests.createdAt} <= now() - interval '30 days')::int`,
      oldestDays: sql<number | null>`floor(extract(epoch from (now() - min(${bordRequests.createdAt}))) / 86400)::int`,
    })
    .from(bordRequests)
    .innerJoin(groups, eq(groups.id, bordRequests.groupId))
    .where(and(inMunicipality, inArray(bordRequests.status, OPEN)))
    .groupBy(bordRequests.status);
  const openRequests = OPEN.map((status) => {
    const row = requestRows.find((r) => r.status === status);
    return {
      status,
      total: Number(row?.total ?? 0),
      under7: Number(row?.under7 ?? 0),
      from7to30: Number(row?.from7to30 ?? 0),
      over30: Number(row?.over30 ?? 0),
      oldestDays: row?.oldestDays === null || row?.oldestDays === undefined ? null : Number(row.oldestDays),
    };
  });

  const [groupFigures] = await executor
    .select({
      active: sql<number>`count(*) filter (where ${groups.status} = 'active')::int`,
      month: sql<number>`count(*) filter (where ${groups.createdAt} >= date_trunc('month', now() at time zone ${dutchTimeZone}) at time zone ${dutchTimeZone})::int`,
      year: sql<number>`count(*) filter (where ${groups.createdAt} >= date_trunc('year', now() at time zone ${dutchTimeZone}) at time zone ${dutchTimeZone})::int`,
    })
    .from(groups)
    .where(inMunicipality);

  // Distinct participating addresses per wijk of the address (an address lies in one wijk).
  const perArea = await selectRows<{ area_id: string | null; addresses: number }>(
    executor,
    sql`select ma.area_id, count(*)::int as addresses from (
          select distinct ${memberAddresses.areaId} as area_id, ${memberAddresses.postcode}, ${memberAddresses.houseNumber}, ${memberAddresses.addition}
          from ${memberAddresses} join ${groups} on ${groups.id} = ${memberAddresses.groupId}
          where ${groups.municipalityId} = ${municipalityId} and ${groups.status} = 'active' and ${memberAddresses.inMunicipality}
        ) ma group by ma.area_id`,
  );
  const areaRows = await executor
    .select({
      id: areas.id,
      name: areas.name,
      totalAddresses: areas.totalAddresses,
      // Qualified by hand: drizzle leaves column names unqualified in the select list of a one-table query.
      groups: sql<number>`(select count(*)::int from ${groups} g where g.area_id = ${sql.identifier("areas")}.${sql.identifier("id")} and g.status = 'active')`,
    })
    .from(areas)
    .where(eq(areas.municipalityId, municipalityId))
    .orderBy(asc(areas.name));
  const coverage = areaRows.map((a) => {
    const participating = Number(perArea.find((p) => p.area_id === a.id)?.addresses ?? 0);
    return {
      areaId: a.id,
      name: a.name,
      groups: Number(a.groups),
      participatingAddresses: participating,
      totalAddresses: a.totalAddresses,
      percentage: a.totalAddresses ? Math.round((participating / a.totalAddresses) * 1000) / 10 : null,
    };
  });
  const participatingAddresses = perArea.reduce((sum, p) => sum + Number(p.addresses), 0);

  const adminCount = sql<number>`(select count(*) from ${groupAdmins} where ${groupAdmins.groupId} = ${groups.id})`;
  const singleAdmin = and(inMunicipality, eq(groups.status, "active"), sql`${adminCount} <= 1`);
  const [singleAdminCount, singleAdminGroups] = await groupsNeedingAttention(executor, singleAdmin, asc(groups.name));

  // The yearly check: no answer in 30 days, or waiting for staff's decision.
  const unconfirmed = and(
    inMunicipality,
    eq(groups.status, "active"),
    sql`exists (select 1 from ${groupChecks} where ${groupChecks.groupId} = ${groups.id} and ${groupChecks.closedAt} is null and ${groupChecks.stage} in (${sql.join(UNCONFIRMED_STAGES.map((s) => sql`${s}`), sql`, `)}))`,
  );
  const [unconfirmedCount, unconfirmedGroups] = await groupsNeedingAttention(executor, unconfirmed, asc(groups.name));

  return {
    openRequests,
    groupsThisMonth: Number(groupFigures?.month ?? 0),
    groupsThisYear: Number(groupFigures?.year ?? 0),
    activeGroups: Number(groupFigures?.active ?? 0),
    participatingAddresses,
    coverage,
    singleAdminCount,
    singleAdminGroups,
    unconfirmedCount,
    unconfirmedGroups,
  };
}
