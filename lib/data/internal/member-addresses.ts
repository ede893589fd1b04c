/**
 * Inserting member addresses, for lib/data only: it takes no actor of its own. Its callers
 * (registering, accepting an invitation or a join request, adding addresses) have checked the
 * permission and that the actor administers the group.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db";
import { memberAddresses } from "@/db/schema";
import { addressKey, type NormalizedAddress } from "@/lib/domain";
import type { AddressPlacement } from "./address-placement";

/**
 * Inserts normalised addresses with their placement (wijk, inside the municipality, verified or
 * unchecked; an unchecked one is due for the re-check job at once).
 * An address the group has already is skipped. Returns how many were new.
 *
 * One statement for the whole list: the rows travel as one JSON parameter that the database
 * unpacks (jsonb_to_recordset). Built by the query builder, 5,000 rows were 50,000 parameters
 * in five statements, and building and sending them took ten times as long as the insert.
 */
export async function insertMemberAddresses(
  tx: Executor,
  group: { id: string },
  list: NormalizedAddress[],
  placements: Map<string, AddressPlacement>,
  addedByUserId: string,
): Promise<number> {
  if (list.length === 0) return 0;
  const rows = JSON.stringify(
    list.map((a) => {
      const placement = placements.get(addressKey(a));
      return {
        postcode: a.postcode,
        house_number: a.houseNumber,
        addition: a.addition,
        street: placement?.street ?? null,
        town: placement?.town ?? null,
        area_id: placement?.areaId ?? null,
        in_municipality: placement?.inMunicipality ?? false,
        verification: placement?.verification ?? "unchecked",
      };
    }),
  );
  const [result] = await selectRows<{ inserted: number }>(
    tx,
    sql`with inserted as (
      insert into ${memberAddresses}
        (group_id, postcode, house_number, addition, street, town, area_id, in_municipality, verification, next_check_at, added_by_user_id)
      select ${group.id}::uuid, r.postcode, r.house_number, r.addition, r.street, r.town, r.area_id, r.in_municipality,
        r.verification::address_check, case when r.verification = 'unchecked' then now() end, ${addedByUserId}::text
      from jsonb_to_recordset(${rows}::text::jsonb) as r(
        postcode text, house_number integer, addition text, street text, town text,
        area_id uuid, in_municipality boolean, verification text
      )
      on conflict do nothing
      returning 1
    )
    select count(*)::int as inserted from inserted`,
  );
  return result.inserted;
}

/**
 * The other active groups that list one or more of these addresses already, by name, with how
 * many of them (an admin is told an address is in another group too, and nothing more
 * about that group than its public name).
 */
export async function otherGroupsWithAddresses(
  tx: Executor,
  groupId: string,
  list: NormalizedAddress[],
): Promise<Array<{ name: string; addresses: number }>> {
  if (list.length === 0) return [];
  const rows = JSON.stringify(list.map((a) => ({ postcode: a.postcode, house_number: a.houseNumber, addition: a.addition })));
  const result = await selectRows<{ name: string; addresses: number }>(
    tx,
    sql`select g.name, count(distinct (m.postcode, m.house_number, m.addition))::int as addresses
        from jsonb_to_recordset(${rows}::text::jsonb) as r(postcode text, house_number integer, addition text)
        join ${memberAddresses} m on m.postcode = r.postcode and m.house_number = r.house_number and m.addition = r.addition
        join groups g on g.id = m.group_id and g.status = 'active'
        where m.group_id <> ${groupId}::uuid
        group by g.name
        order by g.name
        limit 20`,
  );
  return result.map((r) => ({ name: r.name, addresses: Number(r.addresses) }));
}
