/** The audit log, read-only and filterable: staff see their municipality's entries, platform admins all. */
import "server-only";
import { and, desc, eq, ilike, like, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { auditLog, users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { dateParam, decodeCursor, first, keysetPage, likePattern, textParam, type SearchParams } from "./params";
import { municipalityCondition, staffScope } from "../internal/staff-scope";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  /** Start of the action, e.g. "group." or "sign_request.approve". */
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** Part of the acting user's e-mail address. */
  actor?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export function parseAuditFilters(params: SearchParams): AuditFilters {
  const action = textParam(params, "actie", 60);
  const subjectType = textParam(params, "soort", 40);
  return {
    action: action && /^[a-z_.]+$/.test(action) ? action : undefined,
    subjectType: subjectType && /^[a-z_]+$/.test(subjectType) ? subjectType : undefined,
    subjectId: textParam(params, "onderwerp", 100),
    actor: textParam(params, "door", 100),
    from: dateParam(params, "van"),
    to: dateParam(params, "tot"),
    cursor: first(params, "na"),
  };
}

export interface AuditEntryItem {
  id: number;
  createdAt: Date;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  details: Record<string, unknown>;
}

export async function listAuditLog(
  actor: Actor | null,
  filters: AuditFilters,
  executor: Executor = db,
): Promise<{ items: AuditEntryItem[]; nextCursor: string | null }> {
  requirePermission(actor, "audit.view");
  const staff = staffScope(actor);
  const conditions: SQL[] = [municipalityCondition(staff, auditLog.municipalityId)];
  if (filters.action) conditions.push(like(auditLog.action, `${filters.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filters.subjectType) conditions.push(eq(auditLog.subjectType, filters.subjectType));
  if (filters.subjectId) conditions.push(eq(auditLog.subjectId, filters.subjectId));
  if (filters.actor) conditions.push(ilike(users.email, likePattern(filters.actor)));
  if (filters.from) conditions.push(sql`${auditLog.createdAt} >= (${filters.from}::date)::timestamp at time zone 'Europe/Amsterdam'`);
  if (filters.to) conditions.push(sql`${auditLog.createdAt} < ((${filters.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`);
  const cursor = decodeCursor(filters.cursor);
  if (
    cursor &&
    typeof cursor.value === "string" &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(cursor.value) &&
    typeof cursor.id === "number" &&
    Number.isSafeInteger(cursor.id)
  ) {
    // Newest first along (created_at, id): the indexes on created_at (per municipality) serve it.
    conditions.push(sql`(${auditLog.createdAt}, ${auditLog.id}) < (${cursor.value}::timestamptz, ${cursor.id})`);
  }
  const rows = await executor
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      actorName: users.name,
      actorEmail: users.email,
      details: auditLog.details,
      createdText: sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const { page, nextCursor } = keysetPage(rows, AUDIT_PAGE_SIZE, (row) => row.createdText);
  const items = page.map((row) => {
    const item: Partial<typeof row> = { ...row };
    delete item.createdText;
    return item as AuditEntryItem;
  });
  return { items, nextCursor };
}
