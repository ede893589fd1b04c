/**
 * Groups as team Veiligheid sees them: the list with filters, the export, the detail with the
 * admins' contact details and member addresses (every view written to the audit log), and
 * dissolving a group on request.
 */
import "server-only";
import { countedAddressesOf } from "../internal/counted-addresses";
import { groupNameColumns } from "../internal/group-columns";
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  areas,
  groupAdmins,
  groupChecks,
  groups,
  memberAddresses,
  municipalities,
  bordRequests,
  users,
  type GroupStatus,
} from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { UNCONFIRMED_STAGES, type OpenCheckStage, type BordRequestStatus } from "@/lib/domain";
import { notFound } from "@/lib/errors";
import type { DissolveGroupInput } from "@/lib/validation/staff";
import type { GroupFilters } from "@/lib/validation/group-filters";
import { decodeCursor, keysetPage, likePattern } from "@/lib/validation/search-params";
import { dissolveGroupCommand } from "../internal/dissolve";
import { municipalityCondition, staffScope } from "../internal/staff-scope";
import { isUuid } from "@/lib/domain/ids";

export const GROUP_PAGE_SIZE = 50;
export const GROUP_EXPORT_LIMIT = 100_000;
/** How many member addresses the detail page shows; the rest is in the export of the group. */
export const GROUP_DETAIL_ADDRESS_LIMIT = 2000;

const addressCount = countedAddressesOf(groups.id);
const adminCount = sql<number>`(select count(*)::int from ${groupAdmins} where ${groupAdmins.groupId} = ${groups.id})`;
const openCheckStage = sql<OpenCheckStage | null>`(select ${groupChecks.stage} from ${groupChecks} where ${groupChecks.groupId} = ${groups.id} and ${groupChecks.closedAt} is null)`;
const latestBordStatus = sql<BordRequestStatus | null>`(select ${bordRequests.status} from ${bordRequests} where ${bordRequests.groupId} = ${groups.id} order by ${bordRequests.createdAt} desc limit 1)`;

function groupConditions(actor: ReturnType<typeof staffScope>, filters: GroupFilters): SQL {
  const conditions: SQL[] = [municipalityCondition(actor, groups.municipalityId)];
  if (filters.municipalityId) conditions.push(eq(groups.municipalityId, filters.municipalityId));
  if (filters.areaId) conditions.push(eq(groups.areaId, filters.areaId));
  if (filters.status !== "alle") conditions.push(eq(groups.status, filters.status));
  if (filters.q) conditions.push(ilike(groups.name, likePattern(filters.q)));
  if (filters.bord === "geen") {
    conditions.push(sql`not exists (select 1 from ${bordRequests} where ${bordRequests.groupId} = ${groups.id})`);
  } else if (filters.bord) {
    conditions.push(sql`${latestBordStatus} = ${filters.bord}`);
  }
  if (filters.check === "niet-bevestigd") {
    conditions.push(sql`exists (select 1 from ${groupChecks} where ${groupChecks.groupId} = ${groups.id} and ${groupChecks.closedAt} is null and ${groupChecks.stage} in (${sql.join(UNCONFIRMED_STAGES.map((s) => sql`${s}`), sql`, `)}))`);
  } else if (filters.check === "loopt") {
    conditions.push(sql`exists (select 1 from ${groupChecks} where ${groupChecks.groupId} = ${groups.id} and ${groupChecks.closedAt} is null)`);
  }
  if (filters.minAddresses !== undefined) conditions.push(sql`${addressCount} >= ${filters.minAddresses}`);
  if (filters.maxAddresses !== undefined) conditions.push(sql`${addressCount} <= ${filters.maxAddresses}`);
  return and(...conditions)!;
}

export interface StaffGroupListItem {
  id: string;
  name: string;
  slug: string;
  status: GroupStatus;
  areaName: string;
  municipalityName: string;
  addressCount: number;
  adminCount: number;
  bordStatus: BordRequestStatus | null;
  /** The stage of the group's open yearly check, if one runs. */
  checkStage: OpenCheckStage | null;
  createdAt: Date;
}

export interface StaffGroupPage {
  items: StaffGroupListItem[];
  total: number;
  nextCursor: string | null;
}

const CREATED_TEXT = sql<string>`to_char(${groups.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function listColumns() {
  return {
    ...groupNameColumns,
    addressCount,
    adminCount,
    bordStatus: latestBordStatus,
    checkStage: openCheckStage,
    createdAt: groups.createdAt,
  };
}

export async function listGroupsForStaff(actor: Actor | null, filters: GroupFilters, executor: Executor = db): Promise<StaffGroupPage> {
  requirePermission(actor, "group.view_all");
  const staff = staffScope(actor);
  const where = groupConditions(staff, filters);
  const [{ total }] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(groups)
    .where(where);

  const cursor = decodeCursor(filters.cursor);
  const pageConditions: SQL[] = [where];
  if (cursor && typeof cursor.value === "string" && typeof cursor.id === "string" && isUuid(cursor.id) && cursor.value.length <= 200) {
    if (filters.sort === "naam") {
      pageConditions.push(sql`(lower(${groups.name}), ${groups.id}) > (${cursor.value}, ${cursor.id}::uuid)`);
    } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(cursor.value)) {
      pageConditions.push(sql`(${groups.createdAt}, ${groups.id}) < (${cursor.value}::timestamptz, ${cursor.id}::uuid)`);
    }
  }
  const rows = await executor
    .select({ ...listColumns(), sortName: sql<string>`lower(${groups.name})`, createdText: CREATED_TEXT })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(...pageConditions))
    .orderBy(
      ...(filters.sort === "naam"
        ? [asc(sql`lower(${groups.name})`), asc(groups.id)]
        : [desc(groups.createdAt), desc(groups.id)]),
    )
    .limit(GROUP_PAGE_SIZE + 1);
  const { page, nextCursor } = keysetPage(rows, GROUP_PAGE_SIZE, (row) => (filters.sort === "naam" ? row.sortName : row.createdText));
  return {
    items: page.map((row) => {
      const item: Partial<typeof row> = { ...row };
      delete item.sortName;
      delete item.createdText;
      return item as StaffGroupListItem;
    }),
    total,
    nextCursor,
  };
}

export interface StaffGroupExportRow extends StaffGroupListItem {
  admins: Array<{ name: string | null; email: string; phone: string | null }>;
  /** The group says it is on wabp.nl too. */
  wabpRegistered: boolean;
  /** The four-digit postcode areas of its counted addresses, for the wabp.nl export. */
  postcodeAreas: string[];
}

/**
 * Every group that matches the filters (up to GROUP_EXPORT_LIMIT), with the admins' contact
 * details, for the CSV export. The export is written to the audit log.
 */
export async function exportGroupsForStaff(actor: Actor | null, filters: GroupFilters, executor: Executor = db): Promise<StaffGroupExportRow[]> {
  requirePermission(actor, "group.export");
  const staff = staffScope(actor);
  const rows = await executor
    .select({
      ...listColumns(),
      wabpRegistered: groups.wabpRegistered,
      postcodeAreas: sql<string[]>`array(select distinct substr(${memberAddresses.postcode}, 1, 4) from ${memberAddresses} where ${memberAddresses.groupId} = ${groups.id} and ${memberAddresses.inMunicipality} order by 1)`,
    })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(groupConditions(staff, filters))
    .orderBy(asc(municipalities.name), asc(sql`lower(${groups.name})`), asc(groups.id))
    .limit(GROUP_EXPORT_LIMIT);
  const adminsByGroup = new Map<string, StaffGroupExportRow["admins"]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const admins = await executor
      .select({ groupId: groupAdmins.groupId, name: users.name, email: users.email, phone: users.phone })
      .from(groupAdmins)
      .innerJoin(users, eq(users.id, groupAdmins.userId))
      .where(inArray(groupAdmins.groupId, chunk))
      .orderBy(asc(groupAdmins.createdAt), asc(users.email));
    for (const a of admins) {
      const list = adminsByGroup.get(a.groupId) ?? [];
      list.push({ name: a.name, email: a.email, phone: a.phone });
      adminsByGroup.set(a.groupId, list);
    }
  }
  await recordAudit(executor, {
    actorUserId: staff.id,
    action: "group.export",
    subjectType: "group",
    municipalityId: staff.municipalityId ?? filters.municipalityId ?? null,
    details: {
      rows: rows.length,
      filters: {
        areaId: filters.areaId ?? null,
        status: filters.status,
        bord: filters.bord ?? null,
        minAddresses: filters.minAddresses ?? null,
        maxAddresses: filters.maxAddresses ?? null,
        search: filters.q ? true : false,
      },
    },
  });
  return rows.map((r) => ({ ...r, admins: adminsByGroup.get(r.id) ?? [] }));
}

export interface StaffGroupDetail {
  id: string;
  name: string;
  slug: string;
  description: string;
  status: GroupStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  dissolvedAt: Date | null;
  lastConfirmedAt: Date | null;
  /** The open yearly check, if one runs. */
  check: { stage: OpenCheckStage; startedAt: Date } | null;
  areaName: string;
  municipalityName: string;
  admins: Array<{ name: string | null; email: string; phone: string | null; since: Date }>;
  addressCount: number;
  addresses: Array<{ postcode: string; houseNumber: number; addition: string; street: string | null; verified: boolean; inMunicipality: boolean }>;
  bordRequests: Array<{ id: string; status: BordRequestStatus; createdAt: Date }>;
}

/**
 * One group with its admins' contact details and member addresses. Viewing them is personal
 * data: each call writes "group.view_admins" and "group.view_addresses" to the audit log.
 */
export async function getGroupForStaff(actor: Actor | null, groupId: string, executor: Executor = db): Promise<StaffGroupDetail | null> {
  requirePermission(actor, "group.view_all");
  const staff = staffScope(actor);
  if (!isUuid(groupId)) return null;
  const [group] = await executor
    .select({
      id: groups.id,
      name: groups.name,
      slug: groups.slug,
      description: groups.description,
      status: groups.status,
      version: groups.version,
      createdAt: groups.createdAt,
      updatedAt: groups.updatedAt,
      dissolvedAt: groups.dissolvedAt,
      lastConfirmedAt: groups.lastConfirmedAt,
      areaName: areas.name,
      municipalityId: groups.municipalityId,
      municipalityName: municipalities.name,
      addressCount,
    })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(eq(groups.id, groupId), municipalityCondition(staff, groups.municipalityId)));
  if (!group) return null;

  const admins = await executor
    .select({ name: users.name, email: users.email, phone: users.phone, since: groupAdmins.createdAt })
    .from(groupAdmins)
    .innerJoin(users, eq(users.id, groupAdmins.userId))
    .where(eq(groupAdmins.groupId, groupId))
    .orderBy(asc(groupAdmins.createdAt), asc(users.email));
  const addressRows = await executor
    .select({
      postcode: memberAddresses.postcode,
      houseNumber: memberAddresses.houseNumber,
      addition: memberAddresses.addition,
      street: memberAddresses.street,
      verified: sql<boolean>`(${memberAddresses.verification} = 'verified')`,
      inMunicipality: memberAddresses.inMunicipality,
    })
    .from(memberAddresses)
    .where(eq(memberAddresses.groupId, groupId))
    .orderBy(asc(memberAddresses.postcode), asc(memberAddresses.houseNumber), asc(memberAddresses.addition))
    .limit(GROUP_DETAIL_ADDRESS_LIMIT);
  const requests = await executor
    .select({ id: bordRequests.id, status: bordRequests.status, createdAt: bordRequests.createdAt })
    .from(bordRequests)
    .where(eq(bordRequests.groupId, groupId))
    .orderBy(desc(bordRequests.createdAt));

  const [check] = await executor
    .select({ stage: groupChecks.stage, startedAt: groupChecks.startedAt })
    .from(groupChecks)
    .where(and(eq(groupChecks.groupId, groupId), sql`${groupChecks.closedAt} is null`));

  await recordAudit(executor, [
    {
      actorUserId: staff.id,
      action: "group.view_admins",
      subjectType: "group",
      subjectId: groupId,
      municipalityId: group.municipalityId,
      details: { admins: admins.length },
    },
    {
      actorUserId: staff.id,
      action: "group.view_addresses",
      subjectType: "group",
      subjectId: groupId,
      municipalityId: group.municipalityId,
      details: { addresses: addressRows.length },
    },
  ]);

  const rest: Partial<typeof group> = { ...group };
  delete rest.municipalityId;
  return {
    ...(rest as Omit<typeof group, "municipalityId">),
    check: check ? { stage: check.stage as OpenCheckStage, startedAt: check.startedAt } : null,
    admins,
    addresses: addressRows,
    bordRequests: requests,
  };
}

/**
 * Dissolves a group on request, through the one dissolve command (lib/data/dissolve.ts),
 * guarded by the version the staff member saw. Audited with the reason.
 */
export async function dissolveGroup(actor: Actor | null, input: DissolveGroupInput, executor: Executor = db): Promise<{ id: string }> {
  requirePermission(actor, "group.dissolve_any");
  const staff = staffScope(actor);
  if (!isUuid(input.groupId)) throw notFound("Deze groep bestaat niet (meer), of hoort niet bij uw gemeente.");
  return executor.transaction(async (tx) => {
    const [group] = await tx
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.id, input.groupId), municipalityCondition(staff, groups.municipalityId)));
    if (!group) throw notFound("Deze groep bestaat niet (meer), of hoort niet bij uw gemeente.");
    const outcome = await dissolveGroupCommand(tx, {
      groupId: group.id,
      actorUserId: staff.id,
      via: "staff",
      reason: input.reason,
      expectedVersion: input.version,
      now: new Date(),
    });
    return { id: outcome.id };
  });
}
