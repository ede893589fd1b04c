/**
 * The public look-up by address (/zoeken and GET /api/v1/groepen): the active groups whose
 * member addresses include exactly this address, then the other active groups in the wijk of
 * its postcode. Public data only (PublicGroup has no personal fields).
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { groups, memberAddresses } from "@/db/schema";
import type { NormalizedAddress } from "@/lib/domain";
import { findAreaForPostcode } from "./areas";
import { areaRef, listPublicGroupsInAreas, selectPublicGroups } from "./public-groups";
import type { AddressLookupResult, PublicGroup } from "./public-schemas";

/** An address as the look-up needs it: normalised (postcode `2922AB`, addition "" or upper case). */
export type AddressQuery = NormalizedAddress;

/** Active groups whose member addresses include exactly this address (addition included). */
export async function findGroupsCoveringAddress(address: AddressQuery): Promise<PublicGroup[]> {
  const covering = sql`exists (select 1 from ${memberAddresses} where ${memberAddresses.groupId} = ${groups.id}
    and ${memberAddresses.postcode} = ${address.postcode}
    and ${memberAddresses.houseNumber} = ${address.houseNumber}
    and ${memberAddresses.addition} = ${address.addition})`;
  return selectPublicGroups(covering, db, 50);
}

/**
 * Everything the look-up shows for one address: its wijk (when the municipality's postcode table
 * knows it), the groups it takes part in, and the other active groups in that wijk.
 */
export async function lookupAddress(address: AddressQuery): Promise<AddressLookupResult> {
  const [covering, area] = await Promise.all([findGroupsCoveringAddress(address), findAreaForPostcode(address.postcode)]);
  const coveringSlugs = new Set(covering.map((g) => g.slug));
  const nearby = area ? (await listPublicGroupsInAreas([area.id])).filter((g) => !coveringSlugs.has(g.slug)) : [];
  return {
    address: { postcode: address.postcode, houseNumber: address.houseNumber, addition: address.addition },
    area: area ? areaRef(area) : null,
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
