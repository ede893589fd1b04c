/**
 * The list of bord requests as team Veiligheid sees it: staff see their own municipality,
 * platform admins every municipality. The filters come from lib/validation/sign-request-filters.ts.
 */
import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groups, municipalities, signRequests } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import type { SignRequestStatus } from "@/lib/domain";
import { isUuid } from "@/lib/domain/ids";
import type { SignRequestFilters } from "@/lib/validation/sign-request-filters";
import { decodeCursor, keysetPage, likePattern } from "@/lib/validation/search-params";
import { dutchTimeZone } from "@/lib/data/internal/sql-rules";
import { municipalityCondition, staffScope } from "@/lib/data/internal/staff-scope";

export const SIGN_REQUEST_PAGE_SIZE = 25;

export interface SignRequestListItem {
  id: string;
  status: SignRequestStatus;
  groupId: string;
  groupName: string;
  areaName: string;
  municipalityName: string;
  signCount: number;
  street: string;
  createdAt: Date;
  updatedAt: Date;
  /** Whole days since the request was made. */
  ageDays: number;
}

export interface SignRequestPage {
  items: SignRequestListItem[];
  total: number;
  /** Cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}

const UTC_TEXT = sql<string>`to_char(${signRequests.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listSignRequestsForStaff(
  actor: Actor | null,
  filters: SignRequestFilters,
  executor: Executor = db,
): Promise<SignRequestPage> {
  requirePermission(actor, "bord.decide");
  const staff = staffScope(actor);
  const conditions: SQL[] = [municipalityCondition(staff, groups.municipalityId)];
  if (filters.status.length > 0) conditions.push(inArray(signRequests.status, filters.status));
  if (filters.areaId) conditions.push(eq(groups.areaId, filters.areaId));
  if (filters.from) conditions.push(sql`${signRequests.createdAt} >= (${filters.from}::date)::timestamp at time zone ${dutchTimeZone}`);
  if (filters.to) {
    conditions.push(sql`${signRequests.createdAt} < ((${filters.to}::date + 1)::timestamp at time zone ${dutchTimeZone})`);
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(or(ilike(groups.name, pattern), ilike(signRequests.street, pattern))!);
  }
  const where = and(...conditions);

  const [{ total }] = await executor
    .select({ total: count() })
    .from(signRequests)
    .innerJoin(groups, eq(groups.id, signRequests.groupId))
    .where(where);

  const ascending = filters.sort === "oudste";
  const cursor = decodeCursor(filters.cursor);
  const pageConditions = [where!];
  if (cursor && typeof cursor.value === "string" && typeof cursor.id === "string" && isIsoInstant(cursor.value) && isUuid(cursor.id)) {
    pageConditions.push(
      ascending
        ? sql`(${signRequests.createdAt}, ${signRequests.id}) > (${cursor.value}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${signRequests.createdAt}, ${signRequests.id}) < (${cursor.value}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await executor
    .select({
      id: signRequests.id,
      status: signRequests.status,
      groupId: groups.id,
      groupName: groups.name,
      areaName: areas.name,
      municipalityName: municipalities.name,
      signCount: signRequests.signCount,
      street: signRequests.street,
      createdAt: signRequests.createdAt,
      updatedAt: signRequests.updatedAt,
      createdText: UTC_TEXT,
      ageDays: sql<number>`floor(extract(epoch from (now() - ${signRequests.createdAt})) / 86400)::int`,
    })
    .from(signRequests)
    .innerJoin(groups, eq(groups.id, signRequests.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(...pageConditions))
    .orderBy(...(ascending ? [asc(signRequests.createdAt), asc(signRequests.id)] : [desc(signRequests.createdAt), desc(signRequests.id)]))
    .limit(SIGN_REQUEST_PAGE_SIZE + 1);

  const { page, nextCursor } = keysetPage(rows, SIGN_REQUEST_PAGE_SIZE, (row) => row.createdText);
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
