/**
 * Gaps and overlaps per wijk, for staff: computed from member addresses at
 * postcode level. A gap is a postcode (or 4-digit postcode area) of the wijk's postcode table
 * where no active group of the municipality has a member address. An overlap is a pair of active groups that list
 * the same addresses, with how many. Only counts and postcodes: no house numbers leave here.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { db, selectRows, type Executor } from "@/db";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { staffScope } from "../internal/staff-scope";

export interface GroupOverlap {
  groupA: { id: string; name: string };
  groupB: { id: string; name: string };
  /** Addresses both groups list. */
  sharedAddresses: number;
  /** Of those, how many staff decided count for group A, and for group B; the rest count for the group they joined first. */
  decidedForA: number;
  decidedForB: number;
}

export interface AreaGaps {
  areaId: string;
  name: string;
  /** Postcodes (2922AB) or postcode areas (2922) of the wijk where no active group has an address. */
  uncoveredPostcodes: string[];
  overlaps: GroupOverlap[];
}

/** Per wijk of the municipality (staff: their own), its gaps and overlaps. */
export async function getGapsAndOverlaps(actor: Actor | null, municipalityId: string, executor: Executor = db): Promise<AreaGaps[]> {
  requirePermission(actor, "staff.view");
  const staff = staffScope(actor);
  const id = staff.role === "staff" ? staff.municipalityId! : municipalityId;

  const [areaRows, gapRows, overlapRows] = await Promise.all([
    selectRows<{ id: string; name: string }>(executor, sql`select id, name from areas where municipality_id = ${id} order by name`),
    // A full postcode is covered when an active group of the municipality has an address in it;
    // a 4-digit area when such a group has an address anywhere in it. (Only the municipality's
    // own groups: reading every member address of the country took seconds at national scale.)
    selectRows<{ area_id: string; postcode: string }>(
      executor,
      sql`with covered as (
            select distinct m.postcode from member_addresses m
            join groups g on g.id = m.group_id and g.status = 'active' and g.municipality_id = ${id}
          )
          select ap.area_id, ap.postcode
          from area_postcodes ap
          join areas a on a.id = ap.area_id and a.municipality_id = ${id}
          where ap.postcode not in (select postcode from covered)
            and ap.postcode not in (select substr(postcode, 1, 4) from covered)
          order by ap.postcode`,
    ),
    // Each shared address counted once per pair, in the wijk the address lies in (else the first group's wijk).
    selectRows<{ area_id: string; a_id: string; a_name: string; b_id: string; b_name: string; shared: number; for_a: number; for_b: number }>(
      executor,
      sql`select coalesce(ma.area_id, ga.area_id) as area_id, ga.id as a_id, ga.name as a_name, gb.id as b_id, gb.name as b_name,
                 count(*)::int as shared,
                 count(*) filter (where d.group_id = ga.id)::int as for_a,
                 count(*) filter (where d.group_id = gb.id)::int as for_b
          from member_addresses ma
          join groups ga on ga.id = ma.group_id and ga.status = 'active' and ga.municipality_id = ${id}
          join member_addresses mb
            on mb.postcode = ma.postcode and mb.house_number = ma.house_number and mb.addition = ma.addition and mb.group_id > ma.group_id
          join groups gb on gb.id = mb.group_id and gb.status = 'active' and gb.municipality_id = ${id}
          left join shared_address_decisions d
            on d.postcode = ma.postcode and d.house_number = ma.house_number and d.addition = ma.addition
          group by 1, 2, 3, 4, 5
          order by shared desc, a_name, b_name`,
    ),
  ]);

  return areaRows.map((area) => ({
    areaId: area.id,
    name: area.name,
    uncoveredPostcodes: gapRows.filter((g) => g.area_id === area.id).map((g) => g.postcode),
    overlaps: overlapRows
      .filter((o) => o.area_id === area.id)
      .map((o) => ({ groupA: { id: o.a_id, name: o.a_name }, groupB: { id: o.b_id, name: o.b_name }, sharedAddresses: Number(o.shared),
        decidedForA: Number(o.for_a),
        decidedForB: Number(o.for_b),
      })),
  }));
}
