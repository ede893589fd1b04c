/**
 * Public reads of wijken: their active groups, the distinct addresses taking part and the
 * coverage figure (participating addresses against the wijk's total, when the municipality has
 * stored that total). No personal data: counts and names of places only.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { areas, groups, memberAddresses, municipalities } from "@/db/schema";
import { routes } from "@/lib/routes";
import { byName, isPlausibleSlug, listPublicGroupsInAreas, publicUrl } from "./groups";
import type { PublicAreaDetail, PublicAreaSummary } from "@/lib/validation/public-api";

/** Participating as a percentage of total, one decimal; null when the total is unknown or 0. */
export function coveragePercent(participating: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.round((participating / total) * 1000) / 10;
}

/**
 * An address counts for the wijk it lies in (member_addresses.area_id), or, when that is not
 * known, for its group's wijk. Two groups listing one address count it once.
 */
const addressArea = sql<string>`coalesce(${memberAddresses.areaId}, ${groups.areaId})`;

async function participatingByArea(areaId?: string): Promise<Map<string, number>> {
  const rows = await db
    .select({
      areaId: addressArea,
      n: sql<number>`count(distinct (${memberAddresses.postcode}, ${memberAddresses.houseNumber}, ${memberAddresses.addition}))::int`,
    })
    .from(memberAddresses)
    .innerJoin(groups, and(eq(groups.id, memberAddresses.groupId), eq(groups.status, "active")))
    .where(areaId ? sql`${addressArea} = ${areaId}` : undefined)
    .groupBy(addressArea);
  return new Map(rows.map((r) => [r.areaId, Number(r.n)]));
}

async function groupCountByArea(areaId?: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ areaId: groups.areaId, n: sql<number>`count(*)::int` })
    .from(groups)
    .where(and(eq(groups.status, "active"), areaId ? eq(groups.areaId, areaId) : undefined))
    .groupBy(groups.areaId);
  return new Map(rows.map((r) => [r.areaId, Number(r.n)]));
}

const areaColumns = {
  id: areas.id,
  code: areas.code,
  name: areas.name,
  slug: areas.slug,
  totalAddresses: areas.totalAddresses,
  municipalityCode: municipalities.code,
  municipalityName: municipalities.name,
  municipalitySlug: municipalities.slug,
};

type AreaRow = {
  id: string;
  code: string;
  name: string;
  slug: string;
  totalAddresses: number | null;
  municipalityCode: string;
  municipalityName: string;
  municipalitySlug: string;
};

function toSummary(row: AreaRow, participating: Map<string, number>, groupCounts: Map<string, number>): PublicAreaSummary {
  const participatingAddresses = participating.get(row.id) ?? 0;
  return {
    code: row.code,
    name: row.name,
    slug: row.slug,
    url: publicUrl(routes.area(row.slug)),
    municipality: { code: row.municipalityCode, name: row.municipalityName, slug: row.municipalitySlug },
    groupCount: groupCounts.get(row.id) ?? 0,
    participatingAddresses,
    totalAddresses: row.totalAddresses,
    coveragePercent: coveragePercent(participatingAddresses, row.totalAddresses),
  };
}

/**
 * Only wijken of municipalities that take part: a municipality a platform admin disabled
 * (municipalities.disabled_at) has no public wijken, in the pages and in the API alike.
 */
const takesPart = isNull(municipalities.disabledAt);

/** Every wijk of the municipalities that take part, sorted by municipality and then by name. */
export async function listPublicAreas(): Promise<PublicAreaSummary[]> {
  const [rows, participating, groupCounts] = await Promise.all([
    db
      .select(areaColumns)
      .from(areas)
      .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
      .where(takesPart)
      .limit(5000),
    participatingByArea(),
    groupCountByArea(),
  ]);
  return rows
    .map((row) => toSummary(row, participating, groupCounts))
    .sort((a, b) => byName({ name: a.municipality.name }, { name: b.municipality.name }) || byName(a, b));
}

/** One wijk with its active groups, or null when there is no wijk with this slug (or its municipality is disabled). */
export async function getPublicArea(slug: string): Promise<PublicAreaDetail | null> {
  if (!isPlausibleSlug(slug)) return null;
  const [row] = await db
    .select(areaColumns)
    .from(areas)
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(and(eq(areas.slug, slug), takesPart))
    .limit(1);
  if (!row) return null;
  const [participating, groupCounts, groupList] = await Promise.all([
    participatingByArea(row.id),
    groupCountByArea(row.id),
    listPublicGroupsInAreas([row.id]),
  ]);
  return { ...toSummary(row, participating, groupCounts), groups: groupList };
}

/** Slugs of every wijk of the municipalities that take part, for the sitemap. */
export async function listPublicAreaSlugs(): Promise<string[]> {
  const rows = await db
    .select({ slug: areas.slug })
    .from(areas)
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(takesPart)
    .orderBy(areas.slug)
    .limit(5000);
  return rows.map((r) => r.slug);
}
