/**
 * One bord request as team Veiligheid sees it before deciding: the request, the group's count
 * against the threshold, how trustworthy that count is, and the history. A request outside the
 * staff member's municipality does not exist for them (null).
 */
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db, selectRows, type Executor } from "@/db";
import { areas, groupAdmins, groups, municipalities, bordRequestEvents, bordRequests, users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { getBordEligibility, type GroupBordEligibility } from "@/lib/data/internal/eligibility";
import { allowedBordRequestActions, formatAddress, type BordRequestAction, type BordRequestStatus } from "@/lib/domain";
import { isUuid } from "@/lib/domain/ids";
import { municipalityCondition, staffScope } from "@/lib/data/internal/staff-scope";
import { groupNameColumns } from "@/lib/data/internal/group-columns";
import type { BordRequestFields } from "@/lib/data/internal/bord-request-fields";

export interface BordRequestEventItem {
  id: number;
  fromStatus: BordRequestStatus | null;
  toStatus: BordRequestStatus;
  note: string;
  actorName: string | null;
  createdAt: Date;
}

export interface BordRequestDetail extends BordRequestFields {
  placedLocation: string | null;
  placedCount: number | null;
  decidedAt: Date | null;
  requestedByName: string | null;
  group: {
    id: string;
    name: string;
    slug: string;
    status: "active" | "dissolved";
    areaName: string;
    municipalityName: string;
    adminCount: number;
  };
  /** Counted now, against the municipality's threshold (verified addresses inside the municipality only). */
  eligibility: GroupBordEligibility;
  /** Issue 19: how trustworthy the count is. */
  addressReport: BordAddressReport;
  history: BordRequestEventItem[];
  /** What staff may do now (the server checks again on submit). */
  allowedActions: BordRequestAction[];
}

export interface BordAddressReport {
  total: number;
  /** Verified against the address register, inside the municipality: these count. */
  verified: number;
  /** Not yet checked (register unreachable); counted once the re-check verified them. */
  unchecked: number;
  /** A re-check found that they do not exist. */
  notFound: number;
  /** Outside the municipality. */
  outside: number;
  /** Added in the last 14 days (a sudden rise before a request is worth a look). */
  addedRecently: number;
  /** Addresses that also belong to another active group of the municipality (at most SHARED_SHOWN). */
  shared: Array<{ label: string; groups: string[] }>;
  sharedCount: number;
}

export const RECENT_DAYS = 14;
export const SHARED_SHOWN = 50;

async function bordAddressReport(executor: Executor, group: { id: string }, now: Date): Promise<BordAddressReport> {
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const [counts] = await selectRows<{ total: number; verified: number; unchecked: number; not_found: number; outside: number; recent: number }>(
    executor,
    sql`select count(*)::int as total,
          count(*) filter (where in_municipality and verification = 'verified')::int as verified,
          count(*) filter (where verification = 'unchecked')::int as unchecked,
          count(*) filter (where verification = 'not_found')::int as not_found,
          count(*) filter (where not in_municipality)::int as outside,
          count(*) filter (where created_at >= ${since.toISOString()}::timestamptz)::int as recent
        from member_addresses where group_id = ${group.id}`,
  );
  const shared = await selectRows<{ postcode: string; house_number: number; addition: string; groups: string[]; shared_count: number }>(
    executor,
    sql`select ma.postcode, ma.house_number, ma.addition, array_agg(distinct g2.name) as groups, count(*) over ()::int as shared_count
        from member_addresses ma
        join groups g on g.id = ma.group_id
        join member_addresses mb on mb.postcode = ma.postcode and mb.house_number = ma.house_number and mb.addition = ma.addition and mb.group_id <> ma.group_id
        join groups g2 on g2.id = mb.group_id and g2.status = 'active' and g2.municipality_id = g.municipality_id
        where ma.group_id = ${group.id}
        group by ma.postcode, ma.house_number, ma.addition
        order by ma.postcode, ma.house_number, ma.addition
        limit ${SHARED_SHOWN}`,
  );
  return {
    total: Number(counts?.total ?? 0),
    verified: Number(counts?.verified ?? 0),
    unchecked: Number(counts?.unchecked ?? 0),
    notFound: Number(counts?.not_found ?? 0),
    outside: Number(counts?.outside ?? 0),
    addedRecently: Number(counts?.recent ?? 0),
    shared: shared.map((r) => ({
      label: formatAddress({ postcode: r.postcode, houseNumber: Number(r.house_number), addition: r.addition }),
      groups: [...r.groups].sort((a, b) => a.localeCompare(b, "nl")),
    })),
    sharedCount: Number(shared[0]?.shared_count ?? 0),
  };
}

export async function getBordRequestForStaff(
  actor: Actor | null,
  requestId: string,
  executor: Executor = db,
): Promise<BordRequestDetail | null> {
  requirePermission(actor, "bord.decide");
  const staff = staffScope(actor);
  if (!isUuid(requestId)) return null;
  const [row] = await executor
    .select({
      request: {
        id: bordRequests.id,
        status: bordRequests.status,
        version: bordRequests.version,
        bordCount: bordRequests.bordCount,
        street: bordRequests.street,
        nearHouseNumber: bordRequests.nearHouseNumber,
        locationDescription: bordRequests.locationDescription,
        latitude: bordRequests.latitude,
        longitude: bordRequests.longitude,
        note: bordRequests.note,
        reason: bordRequests.reason,
        placedOn: bordRequests.placedOn,
        placedLocation: bordRequests.placedLocation,
        placedCount: bordRequests.placedCount,
        createdAt: bordRequests.createdAt,
        decidedAt: bordRequests.decidedAt,
      },
      requestedByName: users.name,
      group: {
        ...groupNameColumns,
        adminCount: sql<number>`(select count(*)::int from ${groupAdmins} where ${groupAdmins.groupId} = ${groups.id})`,
      },
    })
    .from(bordRequests)
    .innerJoin(groups, eq(groups.id, bordRequests.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .leftJoin(users, eq(users.id, bordRequests.requestedByUserId))
    .where(and(eq(bordRequests.id, requestId), municipalityCondition(staff, groups.municipalityId)));
  if (!row) return null;

  const eligibility = await getBordEligibility(row.group.id, executor);
  const addressReport = await bordAddressReport(executor, row.group, new Date());
  const history = await executor
    .select({
      id: bordRequestEvents.id,
      fromStatus: bordRequestEvents.fromStatus,
      toStatus: bordRequestEvents.toStatus,
      note: bordRequestEvents.note,
      actorName: users.name,
      createdAt: bordRequestEvents.createdAt,
    })
    .from(bordRequestEvents)
    .leftJoin(users, eq(users.id, bordRequestEvents.actorUserId))
    .where(eq(bordRequestEvents.bordRequestId, requestId))
    .orderBy(asc(bordRequestEvents.createdAt), asc(bordRequestEvents.id));

  return {
    ...row.request,
    requestedByName: row.requestedByName,
    group: { ...row.group, adminCount: Number(row.group.adminCount) },
    eligibility: eligibility!,
    addressReport,
    history,
    allowedActions: row.group.status === "active" ? allowedBordRequestActions(row.request.status, "staff") : [],
  };
}
