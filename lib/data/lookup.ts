/**
 * The public look-up by address (/zoeken and GET /api/v1/groepen): the active groups whose
 * member addresses include exactly this address, then the other active groups in the wijk of
 * its postcode. Public data only (PublicGroup has no personal fields).
 *
 * The look-up is the busiest query of the site (every search and every API call), so it is one
 * SQL statement, one round trip: the wijk, the covering groups and the wijk's groups together.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, preparedSelect } from "@/db";
import { groups, memberAddresses } from "@/db/schema";
import { DUTCH_TIME_ZONE, type NormalizedAddress } from "@/lib/domain";
import { OPEN_SIGN_REQUEST_STATUSES } from "@/lib/domain/sign-request";
import { areaRef, byName, selectPublicGroups, toPublicGroup, type GroupRow } from "./public-groups";
import type { AddressLookupResult, PublicGroup, PublicSignStatus } from "./public-schemas";

/** An address as the look-up needs it: normalised (postcode `2922AB`, addition "" or upper case). */
export type AddressQuery = NormalizedAddress;

/** At most this many covering groups, and this many groups of the wijk (as the separate reads had). */
const MAX_COVERING = 50;
const MAX_IN_AREA = 500;

/** Active groups whose member addresses include exactly this address (addition included). */
export async function findGroupsCoveringAddress(address: AddressQuery): Promise<PublicGroup[]> {
  const covering = sql`exists (select 1 from ${memberAddresses} where ${memberAddresses.groupId} = ${groups.id}
    and ${memberAddresses.postcode} = ${address.postcode}
    and ${memberAddresses.houseNumber} = ${address.houseNumber}
    and ${memberAddresses.addition} = ${address.addition})`;
  return selectPublicGroups(covering, db, MAX_COVERING);
}

type LookupRow = {
  area_code: string | null;
  area_name: string | null;
  area_slug: string | null;
  covers: boolean | null;
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
  sign_status: PublicSignStatus;
};

/** The open statuses as SQL literals (enum values: lower-case letters and underscores only). */
const openStatusList = OPEN_SIGN_REQUEST_STATUSES.map((status) => {
  if (!/^[a-z_]+$/.test(status)) throw new Error(`unexpected sign request status ${status}`);
  return `'${status}'`;
}).join(", ");

/**
 * One statement: the wijk of the postcode (a full postcode in the table wins over its 4-digit
 * area; see findAreaForPostcode), the active groups listing the address, and the active groups
 * of that wijk, each with its public facts (as selectPublicGroups reads them). Always one row at
 * least: the wijk's columns are null when the postcode has none, the group's when none matched.
 *
 * A constant text ($1 postcode, $2 its four digits, $3 house number, $4 addition), so that
 * PostgreSQL plans it once per connection (preparedSelect).
 */
export const LOOKUP_SQL = `
    with area as (
      select a.id, a.code, a.name, a.slug
      from area_postcodes ap join areas a on a.id = ap.area_id
      where ap.postcode in ($1, $2)
      order by char_length(ap.postcode) desc, a.code
      limit 1
    ),
    found as (
      (select g.id, true as covers from groups g
        where g.status = 'active' and exists (select 1 from member_addresses m where m.group_id = g.id
          and m.postcode = $1 and m.house_number = $3 and m.addition = $4)
        limit ${MAX_COVERING})
      union all
      (select g.id, false as covers from groups g
        where g.status = 'active' and g.area_id = (select id from area)
        limit ${MAX_IN_AREA})
    )
    select area.code as area_code, area.name as area_name, area.slug as area_slug,
      f.covers, g.slug, g.name, g.description,
      to_char(g.created_at at time zone '${DUTCH_TIME_ZONE}', 'YYYY-MM-DD') as registered_on,
      ga.code as group_area_code, ga.name as group_area_name, ga.slug as group_area_slug,
      mu.code as municipality_code, mu.name as municipality_name, mu.slug as municipality_slug,
      (select count(*)::int from member_addresses m where m.group_id = g.id) as address_count,
      case
        when exists (select 1 from sign_requests s where s.group_id = g.id and s.status = 'placed') then 'placed'
        when exists (select 1 from sign_requests s where s.group_id = g.id and s.status in (${openStatusList})) then 'requested'
        else 'none' end as sign_status
    from (select 1) as one
    left join area on true
    left join (found f
      join groups g on g.id = f.id
      join areas ga on ga.id = g.area_id
      join municipalities mu on mu.id = g.municipality_id) on true`;

const selectLookupRows = preparedSelect<LookupRow, [postcode: string, postcodeDigits: string, houseNumber: number, addition: string]>(LOOKUP_SQL);

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
    signStatus: row.sign_status,
  };
  return toPublicGroup(group);
}

/**
 * Everything the look-up shows for one address: its wijk (when the municipality's postcode table
 * knows it), the groups it takes part in, and the other active groups in that wijk.
 */
export async function lookupAddress(address: AddressQuery): Promise<AddressLookupResult> {
  const rows = await selectLookupRows(address.postcode, address.postcode.slice(0, 4), address.houseNumber, address.addition);
  const first = rows[0];
  const covering: PublicGroup[] = [];
  const inArea: PublicGroup[] = [];
  for (const row of rows) {
    if (row.slug === null) continue;
    (row.covers ? covering : inArea).push(groupOf(row as LookupRow & { slug: string }));
  }
  covering.sort(byName);
  const coveringSlugs = new Set(covering.map((g) => g.slug));
  const nearby = inArea.filter((g) => !coveringSlugs.has(g.slug)).sort(byName);
  return {
    address: { postcode: address.postcode, houseNumber: address.houseNumber, addition: address.addition },
    area: first?.area_code && first.area_name && first.area_slug ? areaRef({ code: first.area_code, name: first.area_name, slug: first.area_slug }) : null,
    groups: covering,
    nearbyGroups: nearby,
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
