/**
 * What the maps draw: wijk outlines (areas.boundary, GeoJSON in WGS84) and bords as points.
 * Public reads show only placed bords (a street sign is public); staff see their municipality's
 * open requests too, a wijkagent those in their own wijken. No personal data: outlines, names of
 * places, statuses and points on a street.
 */
import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, contactAreas, contacts, groups, municipalities, signRequests } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { isBoundaryGeometry, type BoundaryGeometry } from "@/lib/domain/geo";
import { OPEN_SIGN_REQUEST_STATUSES } from "@/lib/domain/sign-request";
import { AppError } from "@/lib/errors";
import { staffScope } from "@/lib/data/internal/staff-scope";
import { isPlausibleSlug } from "./groups";

export interface AreaBoundary {
  areaId: string;
  code: string;
  slug: string;
  name: string;
  municipalityCode: string;
  boundary: BoundaryGeometry | null;
}

export type BordMarkerStatus = "placed" | "open";

export interface BordMarker {
  /** The sign request's id (staff and wijkagent maps link to it; public maps do not show it). */
  id: string;
  areaId: string;
  groupName: string;
  street: string;
  status: BordMarkerStatus;
  latitude: number;
  longitude: number;
}

const boundaryColumns = {
  areaId: areas.id,
  code: areas.code,
  slug: areas.slug,
  name: areas.name,
  municipalityCode: municipalities.code,
  boundary: areas.boundary,
};

function clean(rows: AreaBoundary[]): AreaBoundary[] {
  // A value the check constraint let through but that is not drawable is left out, not drawn wrong.
  return rows.map((r) => ({ ...r, boundary: isBoundaryGeometry(r.boundary) ? r.boundary : null }));
}

async function boundaries(where: SQL | undefined, executor: Executor): Promise<AreaBoundary[]> {
  const rows = await executor
    .select(boundaryColumns)
    .from(areas)
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(where)
    .orderBy(asc(municipalities.name), asc(areas.name))
    .limit(5000);
  return clean(rows as AreaBoundary[]);
}

const OPEN_STATUSES = OPEN_SIGN_REQUEST_STATUSES;

async function bordMarkers(where: SQL, statuses: ReadonlyArray<(typeof signRequests.status.enumValues)[number]>, executor: Executor): Promise<BordMarker[]> {
  const rows = await executor
    .select({
      id: signRequests.id,
      areaId: groups.areaId,
      groupName: groups.name,
      street: signRequests.street,
      status: signRequests.status,
      latitude: signRequests.latitude,
      longitude: signRequests.longitude,
    })
    .from(signRequests)
    .innerJoin(groups, eq(groups.id, signRequests.groupId))
    .where(
      and(
        where,
        eq(groups.status, "active"),
        inArray(signRequests.status, [...statuses]),
        isNotNull(signRequests.latitude),
        isNotNull(signRequests.longitude),
      ),
    )
    .orderBy(asc(groups.name), asc(signRequests.createdAt))
    .limit(2000);
  return rows.map((r) => ({
    ...r,
    status: r.status === "placed" ? "placed" : "open",
    latitude: r.latitude!,
    longitude: r.longitude!,
  }));
}

// ---------------------------------------------------------------------------------------------
// Public

/**
 * Every wijk's outline (null where none is imported), optionally of one municipality (CBS code);
 * wijken of a disabled municipality are not public.
 */
export async function listPublicAreaBoundaries(municipalityCode?: string, executor: Executor = db): Promise<AreaBoundary[]> {
  return boundaries(
    and(isNull(municipalities.disabledAt), municipalityCode ? eq(municipalities.code, municipalityCode) : undefined),
    executor,
  );
}

/**
 * One wijk's outline by its CBS code or id (null when unknown): public reference data, the same
 * as /api/v1/wijkgrenzen. For the map point pickers of the bord forms.
 */
export async function getPublicAreaBoundary(where: { code: string } | { id: string }, executor: Executor = db): Promise<AreaBoundary | null> {
  if ("id" in where && !/^[0-9a-f-]{36}$/i.test(where.id)) return null;
  const [area] = await boundaries("code" in where ? eq(areas.code, where.code) : eq(areas.id, where.id), executor);
  return area ?? null;
}

/** One wijk's outline and its placed bords with a map point; null for an unknown slug. */
export async function getPublicAreaMap(
  slug: string,
  executor: Executor = db,
): Promise<{ area: AreaBoundary; bords: Array<Omit<BordMarker, "id">> } | null> {
  if (!isPlausibleSlug(slug)) return null;
  const [area] = await boundaries(and(eq(areas.slug, slug), isNull(municipalities.disabledAt)), executor);
  if (!area) return null;
  const bords = await bordMarkers(eq(groups.areaId, area.areaId), ["placed"], executor);
  return {
    area,
    bords: bords.map((b) => ({ areaId: b.areaId, groupName: b.groupName, street: b.street, status: b.status, latitude: b.latitude, longitude: b.longitude })),
  };
}

// ---------------------------------------------------------------------------------------------
// Staff and wijkagent

/** The outlines and bords (placed and open requests) of a municipality the actor works for. */
export async function getStaffMap(
  actor: Actor | null,
  municipalityId: string,
  executor: Executor = db,
): Promise<{ areas: AreaBoundary[]; bords: BordMarker[] }> {
  requirePermission(actor, "staff.view");
  const staff = staffScope(actor);
  // Staff only ever see their own municipality (as getStaffOverview does).
  const id = staff.role === "staff" ? staff.municipalityId! : municipalityId;
  const [areaRows, bords] = await Promise.all([
    boundaries(eq(areas.municipalityId, id), executor),
    bordMarkers(eq(groups.municipalityId, id), [...OPEN_STATUSES, "placed"], executor),
  ]);
  return { areas: areaRows, bords };
}

/** The officer's own wijken: their outlines and bords (placed and open requests). */
export async function getWijkagentMap(actor: Actor | null, executor: Executor = db): Promise<{ areas: AreaBoundary[]; bords: BordMarker[] }> {
  requirePermission(actor, "wijkagent.view");
  if (actor.role !== "wijkagent" || !actor.municipalityId) throw new AppError("not_found");
  const own = sql`${areas.id} in (
    select ${contactAreas.areaId} from ${contactAreas}
    join ${contacts} on ${contacts.id} = ${contactAreas.contactId}
    where ${contacts.userId} = ${actor.id} and ${contacts.kind} = 'wijkagent' and ${contacts.municipalityId} = ${actor.municipalityId}
  )`;
  const areaRows = await boundaries(and(eq(areas.municipalityId, actor.municipalityId), own), executor);
  if (areaRows.length === 0) return { areas: [], bords: [] };
  const bords = await bordMarkers(
    and(eq(groups.municipalityId, actor.municipalityId), inArray(groups.areaId, areaRows.map((a) => a.areaId)))!,
    [...OPEN_STATUSES, "placed"],
    executor,
  );
  return { areas: areaRows, bords };
}
