/**
 * Public reads of groups: what anyone may know about an active group. Explicit columns into
 * PublicGroup (lib/validation/public-api.ts), which has no personal fields; dissolved groups do
 * not exist here. The same answer for everyone, so these functions take no actor.
 */
import "server-only";
import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groups, memberAddresses, municipalities } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { routes } from "@/lib/routes";
import { dutchTimeZone, publicBordStatusSqlText } from "@/lib/data/internal/sql-rules";
import type { PublicAreaRef, PublicGroup, PublicBordStatus } from "@/lib/validation/public-api";

/** Slugs are lower-case words joined by hyphens (a database check); anything else is not found. */
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 100;

export function isPlausibleSlug(slug: unknown): slug is string {
  return typeof slug === "string" && slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

const collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });
export function byName<T extends { name: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name);
}

export function publicUrl(path: string): string {
  return `${getEnv().appUrl}${path}`;
}

export function areaRef(row: { code: string; name: string; slug: string }): PublicAreaRef {
  return { code: row.code, name: row.name, slug: row.slug, url: publicUrl(routes.area(row.slug)) };
}

const addressCount = sql<number>`(select count(*)::int from ${memberAddresses} where ${memberAddresses.groupId} = ${groups.id})`;

const signStatus = sql<PublicBordStatus>`${sql.raw(publicBordStatusSqlText('"groups"."id"'))}`;

/**
 * The registration date as the calendar date in the Netherlands (what calendarDateIn gives),
 * worked out by the database: the same rule, without a date formatter per group per request.
 */
const registeredOn = sql<string>`to_char(${groups.createdAt} at time zone ${dutchTimeZone}, 'YYYY-MM-DD')`;

/** The columns a PublicGroup is made of; nothing else is read. */
const groupColumns = {
  slug: groups.slug,
  name: groups.name,
  description: groups.description,
  registeredOn,
  areaCode: areas.code,
  areaName: areas.name,
  areaSlug: areas.slug,
  municipalityCode: municipalities.code,
  municipalityName: municipalities.name,
  municipalitySlug: municipalities.slug,
  addressCount,
  signStatus,
};

/** A group as read from the database. */
export type GroupRow = {
  slug: string;
  name: string;
  description: string;
  /** `YYYY-MM-DD`, the calendar date in the Netherlands (see registeredOn above). */
  registeredOn: string;
  areaCode: string;
  areaName: string;
  areaSlug: string;
  municipalityCode: string;
  municipalityName: string;
  municipalitySlug: string;
  addressCount: number;
  signStatus: PublicBordStatus;
};

export function toPublicGroup(row: GroupRow): PublicGroup {
  return {
    slug: row.slug,
    name: row.name,
    url: publicUrl(routes.group(row.slug)),
    description: row.description,
    area: areaRef({ code: row.areaCode, name: row.areaName, slug: row.areaSlug }),
    municipality: { code: row.municipalityCode, name: row.municipalityName, slug: row.municipalitySlug },
    addressCount: Number(row.addressCount),
    signStatus: row.signStatus,
    registeredOn: row.registeredOn,
  };
}

/** Active groups matching `where` (always combined with status = active), sorted by name. */
export async function selectPublicGroups(where: SQL | undefined, executor: Executor = db, limit = 500): Promise<PublicGroup[]> {
  const rows = await executor
    .select(groupColumns)
    .from(groups)
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(eq(groups.status, "active"), isNull(municipalities.disabledAt), where))
    .limit(limit);
  return (rows as GroupRow[]).map(toPublicGroup).sort(byName);
}

/**
 * The name of the municipality of an active group when that municipality no longer takes part
 * (a platform admin disabled it), so the group's page can say so; else null.
 */
export async function endedMunicipalityOfGroup(slug: string): Promise<string | null> {
  if (!isPlausibleSlug(slug)) return null;
  const [row] = await db
    .select({ name: municipalities.name })
    .from(groups)
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .where(and(eq(groups.slug, slug), eq(groups.status, "active"), isNotNull(municipalities.disabledAt)))
    .limit(1);
  return row?.name ?? null;
}

/** An active group's public page data, or null when there is no such active group. */
export async function getPublicGroup(slug: string): Promise<PublicGroup | null> {
  if (!isPlausibleSlug(slug)) return null;
  const [group] = await selectPublicGroups(eq(groups.slug, slug), db, 1);
  return group ?? null;
}

/** Active groups in these wijken. */
export async function listPublicGroupsInAreas(areaIds: string[]): Promise<PublicGroup[]> {
  if (areaIds.length === 0) return [];
  return selectPublicGroups(inArray(groups.areaId, areaIds));
}

type PublicFigures = { groupCount: number; addressCount: number };

/** How long the home page's key figures may be old: counting every address is heavy at scale. */
const FIGURES_TTL_MS = 5 * 60 * 1000;
let figuresCache: { at: number; value: Promise<PublicFigures> } | undefined;

/**
 * Key figures for the home page: active groups and the distinct addresses taking part. The
 * distinct count reads every member address (seconds at national scale), so the figures are
 * kept for 5 minutes and concurrent requests share one count.
 */
export async function getPublicFigures(now = Date.now()): Promise<PublicFigures> {
  if (!figuresCache || now - figuresCache.at > FIGURES_TTL_MS) {
    const value = countPublicFigures();
    figuresCache = { at: now, value };
    value.catch(() => {
      if (figuresCache?.value === value) figuresCache = undefined;
    });
  }
  return figuresCache.value;
}

async function countPublicFigures(): Promise<PublicFigures> {
  const [groupRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(groups)
    .where(eq(groups.status, "active"));
  const [addressRow] = await db
    .select({
      n: sql<number>`count(distinct (${memberAddresses.postcode}, ${memberAddresses.houseNumber}, ${memberAddresses.addition}))::int`,
    })
    .from(memberAddresses)
    .innerJoin(groups, and(eq(groups.id, memberAddresses.groupId), eq(groups.status, "active")));
  return { groupCount: Number(groupRow?.n ?? 0), addressCount: Number(addressRow?.n ?? 0) };
}

/** Slugs and dates of the active groups, for the sitemap. */
export async function listPublicGroupSlugs(): Promise<Array<{ slug: string; updatedAt: Date }>> {
  return db
    .select({ slug: groups.slug, updatedAt: groups.updatedAt })
    .from(groups)
    .where(eq(groups.status, "active"))
    .orderBy(groups.slug)
    .limit(10_000);
}
