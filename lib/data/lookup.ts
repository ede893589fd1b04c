import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { areas, groups, memberAddresses } from "@/db/schema";

export interface AddressQuery {
  /** Normalised postcode, e.g. 2922AB. */
  postcode: string;
  houseNumber: number;
  /** Normalised addition ("" when none). */
  addition: string;
}

/** What the public may know about a group: no personal data by construction. */
export interface PublicGroupSummary {
  slug: string;
  name: string;
  areaName: string;
  areaSlug: string;
}

/** Active groups whose member addresses include exactly this address. */
export async function findGroupsCoveringAddress(address: AddressQuery): Promise<PublicGroupSummary[]> {
  return db
    .select({ slug: groups.slug, name: groups.name, areaName: areas.name, areaSlug: areas.slug })
    .from(memberAddresses)
    .innerJoin(groups, eq(groups.id, memberAddresses.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .where(
      and(
        eq(memberAddresses.postcode, address.postcode),
        eq(memberAddresses.houseNumber, address.houseNumber),
        eq(memberAddresses.addition, address.addition),
        eq(groups.status, "active"),
      ),
    )
    .orderBy(asc(groups.name))
    .limit(20);
}

/** Number of active groups, for the site's key figures. */
export async function countActiveGroups(): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(groups)
    .where(eq(groups.status, "active"));
  return row?.n ?? 0;
}
