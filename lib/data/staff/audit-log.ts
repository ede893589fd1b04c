/** The audit log, read-only and filterable: staff see their municipality's entries, platform admins all. */
import "server-only";
import { and, desc, eq, ilike, inArray, isNull, like, ne, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, auditLog, contacts, groupAdmins, groups, municipalities, users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { describeAuditEntry, type AuditActorRole } from "@/lib/domain/audit-log";
import { dutchTimeZone } from "../internal/sql-rules";
import type { AuditFilters, AuditRoleFilter } from "@/lib/validation/audit-filters";
import { decodeCursor, keysetPage, likePattern } from "@/lib/validation/search-params";
import { municipalityCondition, staffScope } from "../internal/staff-scope";
import { isUuid } from "@/lib/domain/ids";

export const AUDIT_PAGE_SIZE = 50;

const ROLE_OF_FILTER: Record<Exclude<AuditRoleFilter, "systeem">, AuditActorRole> = {
  medewerker: "staff",
  wijkagent: "wijkagent",
  bewoner: "resident",
  platformbeheerder: "platform_admin",
};

export interface AuditEntryItem {
  id: number;
  createdAt: Date;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** The acting user's role; null when nobody was signed in or a job did it. */
  actorRole: AuditActorRole | null;
  /** Name and e-mail of the acting user, only when the reader may see them (see visibleActor). */
  actorName: string | null;
  actorEmail: string | null;
  /** The group the entry is about (its subject, or the group of its bord, request or aanmelding). */
  groupName: string | null;
  /** The name of a municipality, wijk, contact or non-resident account the entry is about. */
  subjectName: string | null;
  details: Record<string, unknown>;
  /** The entry as a Dutch sentence. */
  sentence: string;
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
  if (filters.actor) {
    // A resident is found by e-mail address only: their names are not a search key for staff.
    const byName = and(ilike(users.name, likePattern(filters.actor)), ne(users.role, "resident"));
    conditions.push(or(ilike(users.email, likePattern(filters.actor)), byName)!);
  }
  if (filters.role === "systeem") conditions.push(isNull(auditLog.actorUserId));
  else if (filters.role) conditions.push(eq(users.role, ROLE_OF_FILTER[filters.role]));
  if (filters.from) conditions.push(sql`${auditLog.createdAt} >= (${filters.from}::date)::timestamp at time zone ${dutchTimeZone}`);
  if (filters.to) conditions.push(sql`${auditLog.createdAt} < ((${filters.to}::date + 1)::timestamp at time zone ${dutchTimeZone})`);
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
      municipalityId: auditLog.municipalityId,
      actorUserId: auditLog.actorUserId,
      actorRole: users.role,
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
  const names = await subjectNames(page, executor);
  const items = page.map((row): AuditEntryItem => {
    const details = (row.details ?? {}) as Record<string, unknown>;
    const shown = visibleActor(row, names.residentAdminOf);
    const groupId = groupIdOf(row.subjectType, row.subjectId, details);
    const groupName = groupId ? (names.groups.get(groupId) ?? null) : null;
    const subjectName = row.subjectId ? (names.others.get(`${row.subjectType}:${row.subjectId}`) ?? null) : null;
    return {
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      actorRole: row.actorRole,
      actorName: shown.name,
      actorEmail: shown.email,
      groupName,
      subjectName,
      details,
      sentence: describeAuditEntry({
        action: row.action,
        actor: row.actorRole ? { role: row.actorRole, name: shown.name } : null,
        groupName,
        subjectName,
        details,
      }),
    };
  });
  return { items, nextCursor };
}

/**
 * Staff see the names of staff, wijkagenten and platform admins. A resident's name and e-mail
 * only when the resident is today an admin of a group in the entry's municipality: those are the
 * residents whose names staff may already see on the group's page (an audited view). Other
 * residents read as "Een bewoner".
 */
function visibleActor(
  row: { actorUserId: string | null; actorRole: AuditActorRole | null; actorName: string | null; actorEmail: string | null; municipalityId: string | null },
  residentAdminOf: Map<string, Set<string>>,
): { name: string | null; email: string | null } {
  if (!row.actorUserId || !row.actorRole) return { name: null, email: null };
  if (row.actorRole !== "resident") return { name: row.actorName, email: row.actorEmail };
  const municipalities = residentAdminOf.get(row.actorUserId);
  if (row.municipalityId && municipalities?.has(row.municipalityId)) return { name: row.actorName, email: row.actorEmail };
  return { name: null, email: null };
}

function groupIdOf(subjectType: string, subjectId: string | null, details: Record<string, unknown>): string | null {
  if (subjectType === "group" && isUuid(subjectId)) return subjectId.toLowerCase();
  const fromDetails = details.groupId;
  return isUuid(fromDetails) ? fromDetails.toLowerCase() : null;
}

/** The names the sentences need, in a few small queries for one page of entries. */
async function subjectNames(
  page: Array<{ subjectType: string; subjectId: string | null; actorUserId: string | null; actorRole: AuditActorRole | null; details: unknown }>,
  executor: Executor,
) {
  const ids = (type: string) => [...new Set(page.filter((r) => r.subjectType === type && isUuid(r.subjectId)).map((r) => r.subjectId!.toLowerCase()))];
  const groupIds = [...new Set(page.map((r) => groupIdOf(r.subjectType, r.subjectId, (r.details ?? {}) as Record<string, unknown>)).filter((id): id is string => id !== null))];
  const userIds = [...new Set(page.filter((r) => r.subjectType === "user" && r.subjectId).map((r) => r.subjectId!))];
  const residentActors = [...new Set(page.filter((r) => r.actorRole === "resident" && r.actorUserId).map((r) => r.actorUserId!))];
  const [groupRows, municipalityRows, areaRows, contactRows, userRows, adminRows] = await Promise.all([
    groupIds.length ? executor.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, groupIds)) : [],
    ids("municipality").length
      ? executor.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).where(inArray(municipalities.id, ids("municipality")))
      : [],
    ids("area").length ? executor.select({ id: areas.id, name: areas.name }).from(areas).where(inArray(areas.id, ids("area"))) : [],
    ids("contact").length ? executor.select({ id: contacts.id, name: contacts.name }).from(contacts).where(inArray(contacts.id, ids("contact"))) : [],
    // Only accounts of staff, wijkagenten and platform admins are named as a subject.
    userIds.length
      ? executor.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, userIds), ne(users.role, "resident")))
      : [],
    residentActors.length
      ? executor
          .selectDistinct({ userId: groupAdmins.userId, municipalityId: groups.municipalityId })
          .from(groupAdmins)
          .innerJoin(groups, eq(groups.id, groupAdmins.groupId))
          .where(inArray(groupAdmins.userId, residentActors))
      : [],
  ]);
  const others = new Map<string, string>();
  for (const r of municipalityRows) others.set(`municipality:${r.id}`, r.name);
  for (const r of areaRows) others.set(`area:${r.id}`, r.name);
  for (const r of contactRows) others.set(`contact:${r.id}`, r.name);
  for (const r of userRows) if (r.name) others.set(`user:${r.id}`, r.name);
  const residentAdminOf = new Map<string, Set<string>>();
  for (const r of adminRows) {
    const set = residentAdminOf.get(r.userId) ?? new Set<string>();
    set.add(r.municipalityId);
    residentAdminOf.set(r.userId, set);
  }
  return { groups: new Map(groupRows.map((r) => [r.id, r.name])), others, residentAdminOf };
}
