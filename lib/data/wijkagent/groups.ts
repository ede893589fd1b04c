/**
 * The wijkagent's view: the groups in the wijken the officer covers (contacts.user_id →
 * contact_areas), with the admins' names and phone numbers, the number of addresses, the bord
 * status and the streets covered. Read-only. Every view of admin contact details is audited.
 * A group outside the officer's wijken does not exist for them.
 */
import "server-only";
import { countedAddressesOf } from "@/lib/data/internal/counted-addresses";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, contactAreas, contacts, groupAdmins, groups, memberAddresses, bordRequests, users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import type { AuditAction } from "@/lib/domain/audit-log";
import type { BordRequestStatus } from "@/lib/domain";
import { isUuid } from "@/lib/domain/ids";
import { notFound } from "@/lib/errors";

function requireWijkagent(actor: Actor | null): Actor & { municipalityId: string } {
  requirePermission(actor, "wijkagent.view");
  // The scope: the officer's own municipality (and, in the queries, their own wijken).
  if (actor.role !== "wijkagent" || !actor.municipalityId) throw notFound();
  return actor as Actor & { municipalityId: string };
}

/** The condition "this group lies in one of the officer's wijken", inside the query. */
function inOfficersAreas(actor: Actor & { municipalityId: string }): SQL {
  return sql`${groups.areaId} in (
    select ${contactAreas.areaId} from ${contactAreas}
    join ${contacts} on ${contacts.id} = ${contactAreas.contactId}
    where ${contacts.userId} = ${actor.id} and ${contacts.kind} = 'wijkagent' and ${contacts.municipalityId} = ${actor.municipalityId}
  )`;
}

export interface WijkagentStreet {
  /** The street name of verified addresses; for unverified ones the postcode area (e.g. 2922 AB). */
  label: string;
  verified: boolean;
  addresses: number;
}

export interface WijkagentGroup {
  id: string;
  name: string;
  areaName: string;
  addressCount: number;
  bordStatus: BordRequestStatus | null;
  admins: Array<{ name: string | null; phone: string | null }>;
  streets: WijkagentStreet[];
}

export interface WijkagentOverview {
  areas: Array<{ id: string; name: string }>;
  groups: WijkagentGroup[];
}

const addressCount = countedAddressesOf(groups.id);
const latestBordStatus = sql<BordRequestStatus | null>`(select ${bordRequests.status} from ${bordRequests} where ${bordRequests.groupId} = ${groups.id} order by ${bordRequests.createdAt} desc limit 1)`;

async function loadGroups(actor: Actor & { municipalityId: string }, executor: Executor, groupId?: string): Promise<WijkagentGroup[]> {
  const conditions: SQL[] = [eq(groups.status, "active"), eq(groups.municipalityId, actor.municipalityId), inOfficersAreas(actor)];
  if (groupId) conditions.push(eq(groups.id, groupId));
  const rows = await executor
    .select({ id: groups.id, name: groups.name, areaName: areas.name, addressCount, bordStatus: latestBordStatus })
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .where(and(...conditions))
    .orderBy(asc(areas.name), asc(groups.name))
    .limit(5000);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const admins = await executor
    .select({ groupId: groupAdmins.groupId, name: users.name, phone: users.phone })
    .from(groupAdmins)
    .innerJoin(users, eq(users.id, groupAdmins.userId))
    .where(inArray(groupAdmins.groupId, ids))
    .orderBy(asc(groupAdmins.createdAt), asc(users.name));
  const label = sql<string>`case when ${memberAddresses.verification} = 'verified' and ${memberAddresses.street} is not null then ${memberAddresses.street} else substr(${memberAddresses.postcode}, 1, 4) || ' ' || substr(${memberAddresses.postcode}, 5, 2) end`;
  const streets = await executor
    .select({
      groupId: memberAddresses.groupId,
      label,
      verified: sql<boolean>`(${memberAddresses.verification} = 'verified' and ${memberAddresses.street} is not null)`,
      addresses: sql<number>`count(*)::int`,
    })
    .from(memberAddresses)
    .where(and(inArray(memberAddresses.groupId, ids), eq(memberAddresses.inMunicipality, true)))
    .groupBy(memberAddresses.groupId, label, sql`(${memberAddresses.verification} = 'verified' and ${memberAddresses.street} is not null)`)
    .orderBy(asc(label));
  return rows.map((r) => ({
    ...r,
    addressCount: Number(r.addressCount),
    admins: admins.filter((a) => a.groupId === r.id).map(({ name, phone }) => ({ name, phone })),
    streets: streets
      .filter((s) => s.groupId === r.id)
      .map(({ label, verified, addresses }) => ({ label, verified: Boolean(verified), addresses: Number(addresses) }))
      .sort((a, b) => Number(b.verified) - Number(a.verified) || a.label.localeCompare(b.label, "nl")),
  }));
}

async function auditView(executor: Executor, actor: Actor & { municipalityId: string }, action: AuditAction, list: WijkagentGroup[], subjectId?: string) {
  await recordAudit(executor, {
    actorUserId: actor.id,
    action,
    subjectType: "group",
    subjectId: subjectId ?? null,
    municipalityId: actor.municipalityId,
    details: { groups: list.length, groupIds: list.slice(0, 100).map((g) => g.id) },
  });
}

/** The officer's wijken and their groups with admin contact details; audited as a view. */
export async function getWijkagentOverview(actor: Actor | null, executor: Executor = db): Promise<WijkagentOverview> {
  const officer = requireWijkagent(actor);
  const areaRows = await executor
    .selectDistinct({ id: areas.id, name: areas.name })
    .from(areas)
    .innerJoin(contactAreas, eq(contactAreas.areaId, areas.id))
    .innerJoin(contacts, eq(contacts.id, contactAreas.contactId))
    .where(and(eq(contacts.userId, officer.id), eq(contacts.kind, "wijkagent"), eq(contacts.municipalityId, officer.municipalityId)))
    .orderBy(asc(areas.name));
  const list = await loadGroups(officer, executor);
  if (list.length > 0) await auditView(executor, officer, "wijkagent.view_admins", list);
  return { areas: areaRows, groups: list };
}

/** One group in the officer's wijken, or null (outside them, unknown, dissolved). Audited. */
export async function getGroupForWijkagent(actor: Actor | null, groupId: string, executor: Executor = db): Promise<WijkagentGroup | null> {
  const officer = requireWijkagent(actor);
  if (!isUuid(groupId)) return null;
  const [group] = await loadGroups(officer, executor, groupId);
  if (!group) return null;
  await auditView(executor, officer, "wijkagent.view_admins", [group], group.id);
  return group;
}

/** Every group in the officer's wijken for the CSV export; audited as an export. */
export async function exportGroupsForWijkagent(actor: Actor | null, executor: Executor = db): Promise<WijkagentGroup[]> {
  const officer = requireWijkagent(actor);
  const list = await loadGroups(officer, executor);
  await auditView(executor, officer, "wijkagent.export", list);
  return list;
}
