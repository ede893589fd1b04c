/**
 * What the maps draw: wijk outlines (areas.boundary, GeoJSON in WGS84) and bords as points.
 * No personal data: outlines, names of places, statuses and points on a street. The callers
 * choose what is shown: lib/data/public/maps.ts only placed bords (a bord is public),
 * lib/data/staff/map.ts their municipality's open requests too, lib/data/wijkagent/map.ts those
 * in the officer's own wijken.
 */
import "server-only";
import { and, asc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { type Executor } from "@/db";
import { areas, groups, municipalities, bordRequests } from "@/db/schema";
import { isBoundaryGeometry, type BoundaryGeometry } from "@/lib/domain/geo";
import { OPEN_BORD_REQUEST_STATUSES } from "@/lib/domain/bord-request";

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
  /** The bord request's id (staff and wijkagent maps link to it; public maps do not show it). */
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

export async function boundaries(where: SQL | undefined, executor: Executor): Promise<AreaBoundary[]> {
  const rows = await executor
    .select(boundaryColumns)
    .from(areas)
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(where)
    .orderBy(asc(municipalities.name), asc(areas.name))
    .limit(5000);
  return clean(rows as AreaBoundary[]);
}

/** The bords the staff and wijkagent maps show: open requests and placed bords. */
export const OPEN_AND_PLACED = [...OPEN_BORD_REQUEST_STATUSES, "placed"] as const;

export async function bordMarkers(where: SQL, statuses: ReadonlyArray<(typeof bordRequests.status.enumValues)[number]>, executor: Executor): Promise<BordMarker[]> {
  const rows = await executor
    .select({
      id: bordRequests.id,
      areaId: groups.areaId,
      groupName: groups.name,
      street: bordRequests.street,
      status: bordRequests.status,
      latitude: bordRequests.latitude,
      longitude: bordRequests.longitude,
    })
    .from(bordRequests)
    .innerJoin(groups, eq(groups.id, bordRequests.groupId))
    .where(
      and(
        where,
        eq(groups.status, "active"),
        inArray(bordRequests.status, [...statuses]),
        isNotNull(bordRequests.latitude),
        isNotNull(bordRequests.longitude),
      ),
    )
    .orderBy(asc(groups.name), asc(bordRequests.createdAt))
    .limit(2000);
  return rows.map((r) => ({
    ...r,
    status: r.status === "placed" ? "placed" : "open",
    latitude: r.latitude!,
    longitude: r.longitude!,
  }));
}

// ---------------------------------------------------------------------------------------------
