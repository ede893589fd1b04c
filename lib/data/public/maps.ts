/**
 * The public maps: wijk outlines and placed bords (a bord is public). No personal data.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db, getDatabase, type Executor } from "@/db";
import { writeAwareCache } from "@/lib/server/write-aware-cache";
import { areas, groups, municipalities } from "@/db/schema";
import { isPlausibleSlug } from "@/lib/data/public/groups";
import { bordMarkers, boundaries, type AreaBoundary, type BordMarker } from "@/lib/data/internal/map-layers";
import { isUuid } from "@/lib/domain/ids";

/**
 * Every wijk's outline (null where none is imported), optionally of one municipality (CBS code);
 * wijken of a disabled municipality are not public.
 */
export async function listPublicAreaBoundaries(municipalityCode?: string): Promise<AreaBoundary[]> {
  return keptBoundaries.get(getDatabase(), municipalityCode ?? "");
}

/**
 * The outlines change only when a municipality imports its geography, so they are kept like the
 * wijk figures (lib/data/public/areas.ts): a few seconds, dropped on any write of this process.
 * Reading and parsing a municipality's outlines for every view of its map was a good part of the page.
 */
const keptBoundaries = writeAwareCache(
  (municipalityCode) =>
    boundaries(and(isNull(municipalities.disabledAt), municipalityCode ? eq(municipalities.code, municipalityCode) : undefined), db),
  { name: "wijk outlines", maxAgeMs: 5_000, staleMs: 25_000, maxKeys: 1_000 },
);

/**
 * One wijk's outline by its CBS code or id (null when unknown): public reference data, the same
 * as /api/v1/wijkgrenzen. For the map point pickers of the bord forms.
 */
export async function getPublicAreaBoundary(where: { code: string } | { id: string }, executor: Executor = db): Promise<AreaBoundary | null> {
  if ("id" in where && !isUuid(where.id)) return null;
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
