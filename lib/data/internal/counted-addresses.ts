/**
 * The one rule for which member addresses count for a bord (SPEC rule 4, issue 19): inside the
 * group's municipality and verified against the address register. Every count of "addresses
 * for a bord" uses these fragments, so the threshold, the staff pages and the public pages agree.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { memberAddresses } from "@/db/schema";

/** A where-condition on member_addresses: this row counts. */
export const countedAddress: SQL = sql`(${memberAddresses.inMunicipality} and ${memberAddresses.verification} = 'verified')`;

/** The number of counted addresses of the group whose id column is `groupIdColumn`. */
export function countedAddressesOf(groupIdColumn: SQL | { getSQL(): SQL }): SQL<number> {
  return sql<number>`(select count(*)::int from ${memberAddresses} where ${memberAddresses.groupId} = ${groupIdColumn} and ${countedAddress})`;
}
