/**
 * Which wijk a postcode lies in, from the municipality's own table (area_postcodes). Public
 * reference data: no actor needed, no personal data involved.
 */
import "server-only";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areaPostcodes, areas } from "@/db/schema";
import { normalizePostcode } from "@/lib/domain";

export interface AreaForPostcode {
  id: string;
  /** CBS wijk code, e.g. WK054202. */
  code: string;
  name: string;
  slug: string;
  municipalityId: string;
}

/**
 * The wijk of a postcode (`2922AB`; other spellings such as `2922 ab` are normalised first).
 * A row for the full 6-character postcode wins over a row for its 4-digit area. Null when
 * the postcode is not valid or no wijk lists it.
 */
export async function findAreaForPostcode(postcode: string, executor: Executor = db): Promise<AreaForPostcode | null> {
  const normalized = normalizePostcode(postcode);
  if (normalized === null) return null;
  const [row] = await executor
    .select({
      id: areas.id,
      code: areas.code,
      name: areas.name,
      slug: areas.slug,
      municipalityId: areas.municipalityId,
    })
    .from(areaPostcodes)
    .innerJoin(areas, eq(areas.id, areaPostcodes.areaId))
    .where(inArray(areaPostcodes.postcode, [normalized, normalized.slice(0, 4)]))
    .orderBy(desc(sql`char_length(${areaPostcodes.postcode})`), areas.code)
    .limit(1);
  return row ?? null;
}
