/**
 * Which wijk a postcode lies in, from the municipality's own table (area_postcodes). Public
 * reference data: no actor needed, no personal data involved.
 *
 * A row for the full 6-character postcode wins over a row for its 4-digit area
 * (postcodeAreaKeys); when two wijken list the same key, the lowest CBS code wins (stable answers).
 */
import "server-only";
import { eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areaPostcodes, areas } from "@/db/schema";
import { normalizePostcode } from "@/lib/domain";
import { areaOfPostcode, postcodeAreaKeys } from "@/lib/domain/postcode";

export interface AreaForPostcode {
  id: string;
  /** CBS wijk code, e.g. WK054202. */
  code: string;
  name: string;
  slug: string;
  municipalityId: string;
}

/**
 * The wijk of each of `postcodes` (normalised, `2922AB`), in one query. Postcodes that no wijk
 * lists are missing from the map.
 */
export async function areasForPostcodes(postcodes: string[], executor: Executor = db): Promise<Map<string, AreaForPostcode>> {
  const unique = [...new Set(postcodes)];
  const keys = [...new Set(unique.flatMap(postcodeAreaKeys))];
  const result = new Map<string, AreaForPostcode>();
  if (keys.length === 0) return result;
  const rows = await executor
    .select({
      postcode: areaPostcodes.postcode,
      id: areas.id,
      code: areas.code,
      name: areas.name,
      slug: areas.slug,
      municipalityId: areas.municipalityId,
    })
    .from(areaPostcodes)
    .innerJoin(areas, eq(areas.id, areaPostcodes.areaId))
    .where(inArray(areaPostcodes.postcode, keys))
    .orderBy(areas.code);
  const byKey = new Map<string, AreaForPostcode>();
  for (const { postcode, ...area } of rows) {
    if (!byKey.has(postcode)) byKey.set(postcode, area);
  }
  for (const postcode of unique) {
    const area = areaOfPostcode(postcode, (key) => byKey.get(key));
    if (area) result.set(postcode, area);
  }
  return result;
}

/**
 * The wijk of a postcode (`2922AB`; other spellings such as `2922 ab` are normalised first).
 * Null when the postcode is not valid or no wijk lists it.
 */
export async function findAreaForPostcode(postcode: string, executor: Executor = db): Promise<AreaForPostcode | null> {
  const normalized = normalizePostcode(postcode);
  if (normalized === null) return null;
  return (await areasForPostcodes([normalized], executor)).get(normalized) ?? null;
}
