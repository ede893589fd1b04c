/**
 * The one rule for which member addresses count for a bord:
 * inside the group's municipality, verified against the address register, and, when several
 * active groups list the address, counted for one group only: the one staff chose
 * (shared_address_decisions, while that group is active and lists the address), else the one
 * it joined first (member_addresses.created_at, then id). Every count of "addresses for a bord"
 * uses these fragments, so the threshold, the admin's pages, the staff pages and the wijkagent
 * agree.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { memberAddresses } from "@/db/schema";

/** A where-condition on member_addresses: the address itself may count (inside, verified). */
export const countedAddress: SQL = sql`(${memberAddresses.inMunicipality} and ${memberAddresses.verification} = 'verified')`;

/**
 * A condition on the member_addresses row aliased `alias`: it counts for its own group. Each
 * row is two probes of a unique index (the staff decision, then an earlier listing elsewhere).
 */
export function countsForItsGroup(alias: string): SQL {
  const m = sql.identifier(alias);
  return sql`(${m}.in_municipality and ${m}.verification = 'verified' and coalesce(
      (select d.group_id = ${m}.group_id
         from shared_address_decisions d
         join member_addresses dm
           on dm.group_id = d.group_id and dm.postcode = d.postcode and dm.house_number = d.house_number and dm.addition = d.addition
          and dm.in_municipality and dm.verification = 'verified'
         join groups dg on dg.id = d.group_id and dg.status = 'active'
        where d.postcode = ${m}.postcode and d.house_number = ${m}.house_number and d.addition = ${m}.addition),
      not exists (
        select 1 from member_addresses o
        join groups og on og.id = o.group_id and og.status = 'active'
        where o.postcode = ${m}.postcode and o.house_number = ${m}.house_number and o.addition = ${m}.addition
          and o.group_id <> ${m}.group_id and o.in_municipality and o.verification = 'verified'
          and (o.created_at < ${m}.created_at or (o.created_at = ${m}.created_at and o.id < ${m}.id))
      )))`;
}

/** The number of counted addresses of the group whose id column is `groupIdColumn`. */
export function countedAddressesOf(groupIdColumn: SQL | { getSQL(): SQL }): SQL<number> {
  return sql<number>`(select count(*)::int from member_addresses cm where cm.group_id = ${groupIdColumn} and ${countsForItsGroup("cm")})`;
}
