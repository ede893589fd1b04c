/**
 * The list of bord requests as team Veiligheid sees it: staff see their own municipality,
 * platform admins every municipality. The filters come from lib/validation/bord-request-filters.ts.
 */
import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groups, municipalities, bordRequests } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import type { BordRequestStatus } from "@/lib/domain";
import { isUuid } from "@/lib/domain/ids";
import type { BordRequestFilters } from "@/lib/validation/bord-request-filters";
import { decodeCursor, keysetPage, likePattern } from "@/lib/validation/search-params";
import { dutchTimeZone } from "@/lib/data/internal/sql-rules";
import { municipalityCondition, staffScope } from "@/lib/data/internal/staff-scope";

export const BORD_REQUEST_PAGE_SIZE = 25;

export interface BordRequestListItem {
  id: string;
  status: BordRequestStatus;
  groupId: string;
  groupName: string;
  areaName: string;
  municipalityName: string;
  bordCount: number;
  street: string;
  createdAt: Date;
  updatedAt: Date;
  /** Whole days since the request was made. */
  ageDays: number;
}

export interface BordRequestPage {
  items: BordRequestListItem[];
  total: number;
  /** Cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}

const UTC_TEXT = sql<string>`to_char(${bordRequests.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listBordRequestsForStaff(
  actor: Actor | null,
  filters: BordRequestFilters,
  executor: Executor = db,
): Promise<BordRequestPage> {
  requirePermission(actor, "bord.decide");
  const staff = staffScope(actor);
  const conditions: SQL[] = [municipalityCondition(staff, groups.municipalityId)];
  if (filters.status.length > 0) conditions.push(inArray(bordRequests.status, filters.status));
  if (filters.areaId) conditions.push(eq(groups.areaId, filters.areaId));
  if (filters.from) conditions.push(sql`${bordRequests.createdAt} >= (${filters.from}::date)::timestamp at time zone ${dutchTimeZone}`);
  if (filters.to) {
    conditions.push(sql`${bordRequests.createdAt} < ((${filters.to}::date + 1)::timestamp at time zone ${dutchTimeZone})`);
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(or(ilike(groups.name, pattern), ilike(bordRequests.street, pattern))!);
  }
  const where = and(...conditions);

  const [{ total }] = await executor
    .select({ total: count() })
    .from(bordRequests)
    .innerJoin(groups, eq(groups.id, bordRequests.groupId))
    .where(where);

  const ascending = filters.sort === "oudste";
  const cursor = decodeCursor(filters.cursor);
  const pageConditions = [where!];
  if (cursor && typeof cursor.value === "string" && typeof cursor.id === "string" && isIsoInstant(cursor.value) && isUuid(cursor.id)) {
    pageConditions.push(
      ascending
        ? sql`(${bordRequests.createdAt}, ${bordRequests.id}) > (${cursor.value}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${bordRequests.createdAt}, ${bordRequests.id}) < (${cursor.value}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await executor
    .select({
      id: bordRequests.id,
      status: bordRequests.status,
      groupId: groups.id,
      groupName: groups.name,
      areaName: areas.name,
      municipalityName: municipalities.name,
      bordCount: bordRequests.bordCount,
      street: bordRequests.street,
      createdAt: bordRequests.createdAt,
      updatedAt: bordRequests.updatedAt,
      createdText: UTC_TEXT,
      ageDays: sql<number>`floor(extract(epoch from (now() - ${bordRequests.createdAt})) / 86400)::int`,
    })
    .from(bordRequests)
    .innerJoin(groups, eq(groups.id, bordRequests.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(...pageConditions))
    .orderBy(...(ascending ? [asc(bordRequests.createdAt), asc(bordRequests.id)] : [desc(bordRequests.createdAt), desc(bordRequests.id)]))
    .limit(BORD_REQUEST_PAGE_SIZE + 1);

  const { page, nextCursor } = keysetPage(rows, BORD_REQUEST_PAGE_SIZE, (row) => row.createdText);
  return {
    items: page.map((row) => {
      const item: Partial<typeof row> = { ...row };
      delete item.createdText;
      return { ...(item as Omit<typeof row, "createdText">), ageDays: Number(row.ageDays) };
    }),
    total,
    nextCursor,
  };
}

function isIsoInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) && !Number.isNaN(Date.parse(value));
}
