/**
 * A postcode belongs to one municipality. A wijk's postcode table says
 * which groups a look-up shows and which addresses count for a bord, so a postcode claimed by a
 * wijk of another municipality would move that municipality's look-up and counts. A claim
 * conflicts with another municipality's postcode when it is the same postcode, or when one is
 * a 4-digit area and the other a full postcode inside it (2921 and 2921AB). Two full postcodes
 * of one 4-digit area may belong to two municipalities (a border through a postcode area).
 *
 * Concurrent claims are serialised per 4-digit area with a transaction-level advisory lock, the
 * same one the database trigger `area_postcodes_one_municipality` takes (migration 0002), which
 * refuses what this check would refuse even when a writer skips it.
 */
import "server-only";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { areaPostcodes, areas, municipalities } from "@/db/schema";
import { AppError, databaseErrorInfo } from "@/lib/errors";

/** The first key of the advisory lock (the second is the 4-digit area), shared with the trigger. */
export const POSTCODE_LOCK_NAMESPACE = 180_003;
export const POSTCODE_CLAIM_CONSTRAINT = "area_postcodes_one_municipality";

const pc4 = (postcode: string) => postcode.slice(0, 4);

/** Takes the advisory locks of the 4-digit areas of `postcodes`, in order (no deadlock between two claimers). */
export async function lockPostcodeAreas(tx: Executor, postcodes: string[]): Promise<void> {
  const keys = [...new Set(postcodes.map(pc4))].sort();
  for (const key of keys) {
    await tx.execute(sql`select pg_advisory_xact_lock(${POSTCODE_LOCK_NAMESPACE}::int, ${Number(key)}::int)`);
  }
}

function claimedMessage(postcode: string, held: string, municipalityName: string): string {
  const shown = (p: string) => (p.length === 6 ? `${p.slice(0, 4)} ${p.slice(4)}` : p);
  const detail =
    held === postcode ? `Postcode ${shown(postcode)}` : `Postcode ${shown(postcode)} overlapt met ${shown(held)}, en die`;
  return `${detail} hoort al bij een wijk van de gemeente ${municipalityName}. Een postcode hoort bij één gemeente. Haal deze postcode weg, of vraag die gemeente om hem eerst te verwijderen.`;
}

/**
 * Refuses (conflict, at the postcodes field) when a postcode of `postcodes` is held by a wijk
 * of another municipality than `municipalityId`. Call inside the transaction that stores the
 * postcodes, after lockPostcodeAreas. Names only the first conflict and that municipality's
 * (public) name.
 */
export async function assertPostcodesFree(tx: Executor, municipalityId: string, postcodes: string[]): Promise<void> {
  if (postcodes.length === 0) return;
  const full = postcodes.filter((p) => p.length === 6);
  const areasOf4 = postcodes.filter((p) => p.length === 4);
  const [held] = await tx
    .select({ postcode: areaPostcodes.postcode, municipalityName: municipalities.name })
    .from(areaPostcodes)
    .innerJoin(areas, eq(areas.id, areaPostcodes.areaId))
    .innerJoin(municipalities, eq(municipalities.id, areas.municipalityId))
    .where(
      and(
        ne(areas.municipalityId, municipalityId),
        or(
          inArray(areaPostcodes.postcode, postcodes),
          full.length > 0 ? inArray(areaPostcodes.postcode, [...new Set(full.map(pc4))]) : undefined,
          areasOf4.length > 0
            ? and(sql`char_length(${areaPostcodes.postcode}) = 6`, inArray(sql`left(${areaPostcodes.postcode}, 4)`, areasOf4))
            : undefined,
        ),
      ),
    )
    .orderBy(asc(areaPostcodes.postcode))
    .limit(1);
  if (!held) return;
  const claimed =
    postcodes.find((p) => p === held.postcode) ??
    postcodes.find((p) => p.length === 6 && pc4(p) === held.postcode) ??
    postcodes.find((p) => p.length === 4 && pc4(held.postcode) === p) ??
    held.postcode;
  const message = claimedMessage(claimed, held.postcode, held.municipalityName);
  throw new AppError("conflict", message, { fieldErrors: { postcodes: message } });
}

/** The database's refusal (trigger of migration 0002) as the same kind of answer. */
export function postcodeClaimError(error: unknown): AppError | null {
  const info = databaseErrorInfo(error);
  if (info.constraint !== POSTCODE_CLAIM_CONSTRAINT) return null;
  const message = "Een van deze postcodes hoort al bij een wijk van een andere gemeente. Een postcode hoort bij één gemeente.";
  return new AppError("conflict", message, { fieldErrors: { postcodes: message } });
}
