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

/**
 * A condition on the member_addresses row aliased `alias`: it is a row of group `groupId` and
 * counts for it. The same rule as countsForItsGroup, with a shortcut that needs no probe per
 * row: an address that no other group lists at all counts when it is inside and verified (for
 * such an address both probes of countsForItsGroup can only say yes: a staff decision for
 * another group needs that group to list it). The other groups' rows in the group's postcodes
 * are read once, by postcode, and PostgreSQL keeps them in a hash; only the addresses found
 * there go through countsForItsGroup. A group of 10,000 addresses is one read of its postcodes
 * instead of 20,000 index probes (docs/performance.md, "Counting a group's addresses").
 */
export function countedRowOfGroup(alias: string, groupId: SQL | { getSQL(): SQL }): SQL {
  const m = sql.identifier(alias);
  return sql`(${m}.group_id = ${groupId} and ${m}.in_municipality and ${m}.verification = 'verified' and (
      (${m}.postcode, ${m}.house_number, ${m}.addition) not in (
        select o.postcode, o.house_number, o.addition from member_addresses o
         where o.postcode = any(array(select distinct p.postcode from member_addresses p where p.group_id = ${groupId}))
           and o.group_id <> ${groupId})
      or ${countsForItsGroup(alias)}))`;
}

/** The number of counted addresses of the group whose id column is `groupIdColumn`. */
export function countedAddressesOf(groupIdColumn: SQL | { getSQL(): SQL }): SQL<number> {
  return sql<number>`(select count(*)::int from member_addresses cm where ${countedRowOfGroup("cm", groupIdColumn)})`;
}
