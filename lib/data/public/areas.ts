/**
 * Public reads of wijken: their active groups, the distinct addresses taking part and the
 * coverage figure (participating addresses against the wijk's total, when the municipality has
 * stored that total). No personal data: counts and names of places only.
 */
import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { db, getDatabase, selectRows, type DatabaseHandle } from "@/db";
import { areas, groups, memberAddresses, municipalities } from "@/db/schema";
import { routes } from "@/lib/routes";
import { byName, isPlausibleSlug, listPublicGroupsInAreas, publicUrl } from "./groups";
import { refreshingCache } from "@/lib/server/refreshing-cache";
import { writeAwareCache } from "@/lib/server/write-aware-cache";
import type { PublicAreaDetail, PublicAreaSummary, PublicMunicipalityRef } from "@/lib/validation/public-api";

/** Participating as a percentage of total, one decimal; null when the total is unknown or 0. */
export function coveragePercent(participating: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.round((participating / total) * 1000) / 10;
}

/**
 * An address counts for the wijk it lies in (member_addresses.area_id), or, when that is not
 * known, for its group's wijk; only addresses of active groups count. Two groups listing one
 * address count it once in a wijk: the `union` keeps one row per (wijk, address).
 *
 * `inAreas` limits the count to some wijken (a subquery of area ids): each half of the union
 * then starts from an index (member_addresses_area_idx, and groups_area_status_idx for the
 * addresses without a wijk of their own), so one municipality costs its own addresses only.
 * Without it the whole country is counted: see nationalFigures below.
 */
async function participatingByArea(inAreas?: SQL): Promise<Map<string, number>> {
  const rows = await selectRows<{ area_id: string; n: number }>(
    db,
    sql`select area_id, count(*)::int as n from (
      select ${memberAddresses.areaId} as area_id, ${memberAddresses.postcode}, ${memberAddresses.houseNumber}, ${memberAddresses.addition}
        from ${memberAddresses}
        join ${groups} on ${groups.id} = ${memberAddresses.groupId} and ${groups.status} = 'active'
        where ${inAreas ? sql`${memberAddresses.areaId} in (${inAreas})` : sql`${memberAddresses.areaId} is not null`}
      union
      select ${groups.areaId} as area_id, ${memberAddresses.postcode}, ${memberAddresses.houseNumber}, ${memberAddresses.addition}
        from ${groups}
        join ${memberAddresses} on ${memberAddresses.groupId} = ${groups.id} and ${memberAddresses.areaId} is null
        where ${groups.status} = 'active'${inAreas ? sql` and ${groups.areaId} in (${inAreas})` : sql``}
    ) as counted group by area_id`,
  );
  return new Map(rows.map((r) => [r.area_id, Number(r.n)]));
}

async function groupCountByArea(inAreas?: SQL): Promise<Map<string, number>> {
  const rows = await db
    .select({ areaId: groups.areaId, n: sql<number>`count(*)::int` })
    .from(groups)
    .where(and(eq(groups.status, "active"), inAreas ? sql`${groups.areaId} in (${inAreas})` : undefined))
    .groupBy(groups.areaId);
  return new Map(rows.map((r) => [r.areaId, Number(r.n)]));
}

interface Figures {
  participating: Map<string, number>;
  groupCounts: Map<string, number>;
}

async function countFigures(inAreas?: SQL): Promise<Figures> {
  const [participating, groupCounts] = await Promise.all([participatingByArea(inAreas), groupCountByArea(inAreas)]);
  return { participating, groupCounts };
}

/**
 * How fresh the national figures are. Counting every wijk of the country reads every member
 * address (1.4 million at national scale: seconds), too slow for each visit of /wijken or
 * GET /api/v1/wijken. So the totals of all municipalities together are counted at most once a
 * minute per server process: figures up to a minute old are served as they are; the first
 * request after that gets them once more while they are counted anew in the background; figures
 * older than five minutes are never served (that request waits for the count). The API's own
 * Cache-Control (max-age=300) lets clients keep an answer five minutes as well.
 *
 * The figures of one municipality or one wijk (/wijken?gemeente=, /wijken/[slug], the API with
 * ?gemeente=) are kept a few seconds only (AREA_FIGURES_MAX_AGE_MS below).
 * Which wijken and municipalities are public is always read live: a disabled municipality
 * disappears at once.
 */
export const PUBLIC_FIGURES_MAX_AGE_SECONDS = 60;
const PUBLIC_FIGURES_STALE_SECONDS = 240;

const nationalFigures = refreshingCache<DatabaseHandle, Figures>(() => countFigures(), {
  name: "national wijk figures",
  maxAgeMs: PUBLIC_FIGURES_MAX_AGE_SECONDS * 1000,
  staleMs: PUBLIC_FIGURES_STALE_SECONDS * 1000,
});

/**
 * The figures of one municipality's wijken (key `gm:<CBS code>`), of one wijk (`area:<id>`) or of
 * the whole installation when it is small (`all`): counted anew at most every 5 s, served up to
 * 25 s more while a recount runs in the background, and never after a write of this process
 * (lib/server/write-aware-cache.ts). A visitor sees their own change at once; a change made
 * through another server process shows within half a minute. Counting one municipality reads all
 * its member addresses (a few thousand rows): done for every request of a busy page it was most
 * of the page's time.
 */
export const AREA_FIGURES_MAX_AGE_MS = 5_000;
const AREA_FIGURES_STALE_MS = 25_000;

function figuresScope(key: string): SQL | undefined {
  if (key.startsWith("gm:")) {
    return sql`select ${areas.id} from ${areas} join ${municipalities} on ${municipalities.id} = ${areas.municipalityId} where ${municipalities.code} = ${key.slice(3)}`;
  }
  if (key.startsWith("area:")) return sql`select ${key.slice(5)}::uuid`;
  return undefined;
}

const areaFigures = writeAwareCache((key) => countFigures(figuresScope(key)), {
  name: "wijk figures",
  maxAgeMs: AREA_FIGURES_MAX_AGE_MS,
  staleMs: AREA_FIGURES_STALE_MS,
  maxKeys: 5_000,
});

/** For tests: the clock of the national figures (to pass the minute without sleeping), a reset, and a wait for a running count. */
export const nationalFiguresForTests = {
  setClock: (now: () => number) => {
    nationalFigures.setClock(now);
    areaFigures.setClock(now);
  },
  invalidate: () => {
    nationalFigures.invalidate();
    areaFigures.clear();
  },
  whenIdle: () => nationalFigures.whenIdle(),
};

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

function toSummary(row: AreaRow, figures: Figures): PublicAreaSummary {
  const participatingAddresses = figures.participating.get(row.id) ?? 0;
  return {
    code: row.code,
    name: row.name,
    slug: row.slug,
    url: publicUrl(routes.area(row.slug)),
    municipality: { code: row.municipalityCode, name: row.municipalityName, slug: row.municipalitySlug },
    groupCount: figures.groupCounts.get(row.id) ?? 0,
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

/** A CBS municipality code as the API takes it (GM0542); anything else is no municipality. */
export function isMunicipalityCode(code: unknown): code is string {
  return typeof code === "string" && /^GM[0-9]{4}$/.test(code);
}

async function publicAreaRows(municipalityCode?: string): Promise<AreaRow[]> {
  return db
    .select(areaColumns)
    .from(areas)
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(and(takesPart, municipalityCode ? eq(municipalities.code, municipalityCode) : undefined))
    .limit(5000);
}

function sortedSummaries(rows: AreaRow[], figures: Figures): PublicAreaSummary[] {
  return rows
    .map((row) => toSummary(row, figures))
    .sort((a, b) => byName({ name: a.municipality.name }, { name: b.municipality.name }) || byName(a, b));
}

/**
 * The wijken of the municipalities that take part, sorted by municipality and then by name,
 * counted within the last seconds (AREA_FIGURES_MAX_AGE_MS): every wijk of the installation, or (with `municipalityCode`, a CBS code) those of
 * one municipality, which counts that municipality's addresses only. At national scale the
 * unfiltered list belongs to listPublicAreasOfCountry.
 */
export async function listPublicAreas(filter: { municipalityCode?: string } = {}): Promise<PublicAreaSummary[]> {
  const { municipalityCode } = filter;
  if (municipalityCode !== undefined && !isMunicipalityCode(municipalityCode)) return [];
  const [rows, figures] = await Promise.all([
    publicAreaRows(municipalityCode),
    areaFigures.get(getDatabase(), municipalityCode ? `gm:${municipalityCode}` : "all"),
  ]);
  return sortedSummaries(rows, figures);
}

/**
 * Every wijk of the municipalities that take part, with the national figures (at most a minute
 * old, see PUBLIC_FIGURES_MAX_AGE_SECONDS): for GET /api/v1/wijken and /api/v1/wijkgrenzen without
 * a municipality. Which wijken are listed is read live.
 */
export async function listPublicAreasOfCountry(): Promise<PublicAreaSummary[]> {
  const [rows, figures] = await Promise.all([publicAreaRows(), nationalFigures.get(getDatabase())]);
  return sortedSummaries(rows, figures);
}

export interface PublicMunicipalityTotals {
  code: string;
  name: string;
  slug: string;
  areaCount: number;
  groupCount: number;
  participatingAddresses: number;
}

/**
 * Every municipality that takes part and has wijken, by name, with its number of wijken and the
 * sums of its wijken's groups and participating addresses (the national figures, at most a minute
 * old): the national index of /wijken.
 */
export async function listPublicMunicipalityTotals(): Promise<PublicMunicipalityTotals[]> {
  const [rows, figures] = await Promise.all([
    db
      .select({ areaId: areas.id, code: municipalities.code, name: municipalities.name, slug: municipalities.slug })
      .from(areas)
      .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
      .where(takesPart)
      .limit(50_000),
    nationalFigures.get(getDatabase()),
  ]);
  const byCode = new Map<string, PublicMunicipalityTotals>();
  for (const row of rows) {
    const totals = byCode.get(row.code) ?? { code: row.code, name: row.name, slug: row.slug, areaCount: 0, groupCount: 0, participatingAddresses: 0 };
    totals.areaCount += 1;
    totals.groupCount += figures.groupCounts.get(row.areaId) ?? 0;
    totals.participatingAddresses += figures.participating.get(row.areaId) ?? 0;
    byCode.set(row.code, totals);
  }
  return [...byCode.values()].sort(byName);
}

/** How many municipalities take part and have wijken (decides which view /wijken shows). */
export async function countPublicMunicipalities(): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${areas.municipalityId})::int` })
    .from(areas)
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(takesPart);
  return Number(row?.n ?? 0);
}

/** A municipality that takes part and has wijken, by its slug; null for any other text. */
export async function getPublicMunicipality(slug: unknown): Promise<PublicMunicipalityRef | null> {
  if (!isPlausibleSlug(slug)) return null;
  const [row] = await db
    .select({ code: municipalities.code, name: municipalities.name, slug: municipalities.slug })
    .from(municipalities)
    .where(and(eq(municipalities.slug, slug), takesPart, sql`exists (select 1 from ${areas} where ${areas.municipalityId} = ${municipalities.id})`))
    .limit(1);
  return row ?? null;
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
  const [figures, groupList] = await Promise.all([areaFigures.get(getDatabase(), `area:${row.id}`), listPublicGroupsInAreas([row.id])]);
  return { ...toSummary(row, figures), groups: groupList };
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
