/**
 * The public look-up (/zoeken and GET /api/v1/groepen), at postcode level: the active groups
 * with at least one member address in this 6-character postcode, then the other active groups
 * in the wijk of the postcode. Public data only (PublicGroup has no personal fields).
 *
 * The answer never depends on the house number or addition: an answer per
 * house told anyone who tried the numbers of a street which houses take part, and where a
 * group's admin lives (the admin's home is always on the list). Two houses of one postcode get
 * the same answer, byte for byte; the house number is only checked for its format.
 *
 * The look-up is the busiest query of the site (every search and every API call), so it is one
 * SQL statement, one round trip: the wijk, the covering groups and the wijk's groups together.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, getDatabase, preparedSelect } from "@/db";
import { groups, memberAddresses } from "@/db/schema";
import type { NormalizedAddress } from "@/lib/domain";
import { postcodeAreaKeys } from "@/lib/domain/postcode";
import { DUTCH_TIME_ZONE_SQL_TEXT, publicBordStatusSqlText } from "@/lib/data/internal/sql-rules";
import { writeAwareCache } from "@/lib/server/write-aware-cache";
import { areaRef, byName, selectPublicGroups, toPublicGroup, type GroupRow } from "./groups";
import type { AddressLookupResult, PublicGroup, PublicBordStatus } from "@/lib/validation/public-api";

/**
 * An address as the look-up takes it: normalised (postcode `2922AB`, addition "" or upper case).
 * Only the postcode is used.
 */
export type AddressQuery = NormalizedAddress;

/** At most this many groups with members in the postcode, and this many groups of the wijk. */
const MAX_IN_POSTCODE = 50;
const MAX_IN_AREA = 500;

/** Active groups with at least one member address in this postcode (normalised, `2922AB`). */
export async function findGroupsWithMembersInPostcode(postcode: string): Promise<PublicGroup[]> {
  const inPostcode = sql`exists (select 1 from ${memberAddresses} where ${memberAddresses.groupId} = ${groups.id}
    and ${memberAddresses.postcode} = ${postcode})`;
  return selectPublicGroups(inPostcode, db, MAX_IN_POSTCODE);
}

type LookupRow = {
  area_code: string | null;
  area_name: string | null;
  area_slug: string | null;
  area_municipality_name: string | null;
  area_municipality_disabled: boolean | null;
  group_municipality_disabled: boolean | null;
  in_postcode: boolean | null;
  slug: string | null;
  name: string;
  description: string;
  registered_on: string;
  group_area_code: string;
  group_area_name: string;
  group_area_slug: string;
  municipality_code: string;
  municipality_name: string;
  municipality_slug: string;
  address_count: number;
  bord_status: PublicBordStatus;
};


/**
 * One statement: the wijk of the postcode (a full postcode in the table wins over its 4-digit
 * area, as postcodeAreaKeys orders them), the active groups with a member address in the postcode, and
 * the active groups of that wijk, each with its public facts (as selectPublicGroups reads them).
 * Always one row at least: the wijk's columns are null when the postcode has none, the group's
 * when none matched.
 *
 * A constant text with two parameters only ($1 postcode, $2 its four digits): the house number
 * cannot change the answer because the statement never sees it. Constant, so that PostgreSQL
 * plans it once per connection (preparedSelect).
 */
export const LOOKUP_SQL = `
    with area as (
      select a.id, a.code, a.name, a.slug, am.name as municipality_name, am.disabled_at is not null as municipality_disabled
      from area_postcodes ap join areas a on a.id = ap.area_id join municipalities am on am.id = a.municipality_id
      where ap.postcode in ($1, $2)
      order by char_length(ap.postcode) desc, a.code
      limit 1
    ),
    found as (
      (select g.id, true as in_postcode from groups g
        where g.status = 'active' and exists (select 1 from member_addresses m where m.group_id = g.id
          and m.postcode = $1)
        order by g.name, g.id
        limit ${MAX_IN_POSTCODE})
      union all
      (select g.id, false as in_postcode from groups g
        where g.status = 'active' and g.area_id = (select id from area)
        order by g.name, g.id
        limit ${MAX_IN_AREA})
    )
    select area.code as area_code, area.name as area_name, area.slug as area_slug,
      area.municipality_name as area_municipality_name, area.municipality_disabled as area_municipality_disabled,
      mu.disabled_at is not null as group_municipality_disabled,
      f.in_postcode, g.slug, g.name, g.description,
      to_char(g.created_at at time zone ${DUTCH_TIME_ZONE_SQL_TEXT}, 'YYYY-MM-DD') as registered_on,
      ga.code as group_area_code, ga.name as group_area_name, ga.slug as group_area_slug,
      mu.code as municipality_code, mu.name as municipality_name, mu.slug as municipality_slug,
      (select count(*)::int from member_addresses m where m.group_id = g.id) as address_count,
      ${publicBordStatusSqlText("g.id")} as bord_status
    from (select 1) as one
    left join area on true
    left join (found f
      join groups g on g.id = f.id
      join areas ga on ga.id = g.area_id
      join municipalities mu on mu.id = g.municipality_id) on true`;

const selectLookupRows = preparedSelect<LookupRow, [postcode: string, postcodeDigits: string]>(LOOKUP_SQL);

function groupOf(row: LookupRow & { slug: string }): PublicGroup {
  const group: GroupRow = {
    slug: row.slug,
    name: row.name,
    description: row.description,
    registeredOn: row.registered_on,
    areaCode: row.group_area_code,
    areaName: row.group_area_name,
    areaSlug: row.group_area_slug,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    municipalitySlug: row.municipality_slug,
    addressCount: row.address_count,
    signStatus: row.bord_status,
  };
  return toPublicGroup(group);
}

/** By name, then by slug: the same rows always come out in the same order (identical answers). */
function stableByName(a: PublicGroup, b: PublicGroup): number {
  return byName(a, b) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * Everything the look-up shows for the postcode of an address: its wijk (when the
 * municipality's postcode table knows it), the groups with members in the postcode, and the
 * other active groups in that wijk. A function of the postcode alone: the house number and
 * addition are not even passed on.
 */
export async function lookupAddress(address: Pick<AddressQuery, "postcode"> & Partial<AddressQuery>): Promise<AddressLookupResult> {
  return lookupPostcode(address.postcode);
}

/**
 * How long an answer is kept per postcode (lib/server/write-aware-cache.ts): any write of this
 * process makes every kept answer unused at once, so this process shows its own changes
 * immediately; a change made by another server process on the same database shows here within
 * this time. The API's own Cache-Control lets clients keep an answer for 60 s anyway.
 */
export const LOOKUP_CACHE_MS = 5_000;

const kept = writeAwareCache(readPostcode, { name: "look-up", maxAgeMs: LOOKUP_CACHE_MS, staleMs: 0, maxKeys: 20_000 });

/**
 * The look-up for one normalised postcode (`2922AB`), from the short cache when this process
 * wrote nothing since it was read. Requests for the same postcode at the same time share one
 * query. The answer is shared: callers must not change it.
 */
export function lookupPostcode(postcode: string): Promise<AddressLookupResult> {
  return kept.get(getDatabase(), postcode);
}

async function readPostcode(postcode: string): Promise<AddressLookupResult> {
  const rows = await selectLookupRows(...postcodeAreaKeys(postcode));
  const first = rows[0];
  // A municipality a platform admin disabled no longer takes part: its postcodes say so, and
  // none of its groups are shown.
  if (first?.area_municipality_disabled) {
    return { postcode, area: null, groups: [], nearbyGroups: [], notTakingPart: { municipalityName: first.area_municipality_name ?? "" } };
  }
  const inPostcode: PublicGroup[] = [];
  const inArea: PublicGroup[] = [];
  for (const row of rows) {
    if (row.slug === null || row.group_municipality_disabled) continue;
    (row.in_postcode ? inPostcode : inArea).push(groupOf(row as LookupRow & { slug: string }));
  }
  inPostcode.sort(stableByName);
  const inPostcodeSlugs = new Set(inPostcode.map((g) => g.slug));
  const nearby = inArea.filter((g) => !inPostcodeSlugs.has(g.slug)).sort(stableByName);
  return {
    postcode,
    area: first?.area_code && first.area_name && first.area_slug ? areaRef({ code: first.area_code, name: first.area_name, slug: first.area_slug }) : null,
    groups: inPostcode,
    nearbyGroups: nearby,
    notTakingPart: null,
  };
}
/** Number of active groups, for the site's key figures. */
export async function countActiveGroups(): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(groups)
    .where(and(eq(groups.status, "active")));
  return Number(row?.n ?? 0);
}
