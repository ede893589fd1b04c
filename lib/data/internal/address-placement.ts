import "server-only";
import { inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas } from "@/db/schema";
import { createAddressLookup, type AddressLookup } from "@/lib/address";
import { addressKey, isAreaInMunicipality, resolveAreaCode, type NormalizedAddress } from "@/lib/domain";
import { getEnv } from "@/lib/env";
import { areasForPostcodes } from "../areas";

/**
 * Where an address lies (issue 4 item 3): its wijk and whether it is inside the group's
 * municipality (only those count for a bord), plus street and town when the address service
 * verified it. The wijk code from the address service wins over the postcode table; without a
 * service (or when it is down) the postcode table decides and the address stays unverified.
 */
export interface AddressPlacement {
  areaId: string | null;
  inMunicipality: boolean;
  verified: boolean;
  street: string | null;
  town: string | null;
}

interface AreaRef {
  id: string;
  code: string;
  municipalityId: string;
}

let sharedLookup: AddressLookup | undefined;
/** The process's address service client (PDOK when ADDRESS_LOOKUP_URL is set). */
export function addressLookup(): AddressLookup {
  sharedLookup ??= createAddressLookup({ url: getEnv().ADDRESS_LOOKUP_URL });
  return sharedLookup;
}

async function areasByCode(codes: string[], executor: Executor): Promise<Map<string, AreaRef>> {
  if (codes.length === 0) return new Map();
  const rows = await executor
    .select({ id: areas.id, code: areas.code, municipalityId: areas.municipalityId })
    .from(areas)
    .where(inArray(areas.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r]));
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function mapWithLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Places each (normalised) address for a group of `municipality`. Returns a map keyed by
 * addressKey. Lists longer than `verifyLimit` are not sent to the address service one by one
 * (a 5,000-line paste would take minutes); they are placed by the postcode table.
 */
export async function placeAddresses(
  list: NormalizedAddress[],
  municipality: { id: string; code: string },
  options: { lookup?: AddressLookup; verifyLimit?: number; executor?: Executor } = {},
): Promise<Map<string, AddressPlacement>> {
  const lookup = options.lookup ?? addressLookup();
  const executor = options.executor ?? db;
  const verifyLimit = options.verifyLimit ?? 200;
  const verifications =
    lookup.configured && list.length <= verifyLimit
      ? await mapWithLimit(list, 8, (a) => lookup.verify(a))
      : list.map(() => ({ verified: false as const, reason: "not_configured" as const }));

  const fromTable = await areasForPostcodes(
    list.map((a) => a.postcode),
    executor,
  );
  const verifiedCodes = verifications.flatMap((v) => (v.verified && v.areaCode ? [v.areaCode] : []));
  const byCode = await areasByCode(verifiedCodes, executor);

  const placements = new Map<string, AddressPlacement>();
  list.forEach((address, i) => {
    const verification = verifications[i];
    const tableArea = fromTable.get(address.postcode) ?? null;
    if (verification.verified) {
      const code = resolveAreaCode({ verifiedAreaCode: verification.areaCode, areaCodeFromPostcodeTable: tableArea?.code });
      const area = (code && (byCode.get(code) ?? (tableArea?.code === code ? tableArea : undefined))) || null;
      placements.set(addressKey(address), {
        areaId: area && area.municipalityId === municipality.id ? area.id : null,
        inMunicipality: verification.municipalityCode === municipality.code,
        verified: true,
        street: verification.street,
        town: verification.town,
      });
    } else {
      placements.set(addressKey(address), {
        areaId: tableArea && tableArea.municipalityId === municipality.id ? tableArea.id : null,
        inMunicipality: tableArea !== null && (tableArea.municipalityId === municipality.id || isAreaInMunicipality(tableArea.code, municipality.code)),
        verified: false,
        street: null,
        town: null,
      });
    }
  });
  return placements;
}
