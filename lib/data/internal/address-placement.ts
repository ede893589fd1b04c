import "server-only";
import { inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas } from "@/db/schema";
import { createAddressLookup, type AddressLookup, type AddressVerification } from "@/lib/address";
import {
  addressKey,
  addressVerdict,
  isAreaInMunicipality,
  resolveAreaCode,
  type NormalizedAddress,
  type RegisterAnswer,
} from "@/lib/domain";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { areasForPostcodes } from "@/lib/data/public/postcode-areas";
import { createRegisterLookup } from "./address-register";

/**
 * Where an address lies: its wijk, whether it is inside the group's
 * municipality, and what the address register said. The wijk code from the register wins over
 * the postcode table. An address the register does not know, or places in another municipality,
 * gets a `refusal` (the caller refuses it, nothing is stored); one the register could not check
 * is placed by the postcode table and stored as "niet gecontroleerd" (verification unchecked).
 */
export interface AddressPlacement {
  areaId: string | null;
  inMunicipality: boolean;
  verification: "verified" | "unchecked";
  street: string | null;
  town: string | null;
  /** Set when the address must be refused: the message names why. */
  refusal: { reason: "not_found" | "other_municipality"; message: string } | null;
}

interface AreaRef {
  id: string;
  code: string;
  municipalityId: string;
}

let sharedLookup: AddressLookup | undefined;
/**
 * The process's address register: PDOK when ADDRESS_LOOKUP_URL is set, else the demo register
 * (the register_addresses table; empty in production, then every address stays unchecked).
 */
export function addressLookup(): AddressLookup {
  const url = getEnv().ADDRESS_LOOKUP_URL;
  sharedLookup ??= url ? createAddressLookup({ url }) : createRegisterLookup();
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

function answerOf(verification: AddressVerification): RegisterAnswer {
  if (verification.verified) return { kind: "verified", municipalityCode: verification.municipalityCode, municipalityName: verification.municipalityName };
  return verification.reason === "not_found" ? { kind: "not_found" } : { kind: "unavailable" };
}

/**
 * Places each (normalised) address for a group of `municipality`. Returns a map keyed by
 * addressKey. With PDOK, lists longer than `verifyLimit` are not sent one by one (a 5,000-line
 * paste would take minutes): they are stored unchecked and the re-check job verifies them. The
 * demo register checks any list in one query.
 */
export async function placeAddresses(
  list: NormalizedAddress[],
  municipality: { id: string; code: string; name: string },
  options: { lookup?: AddressLookup; verifyLimit?: number; executor?: Executor } = {},
): Promise<Map<string, AddressPlacement>> {
  const lookup = options.lookup ?? addressLookup();
  const executor = options.executor ?? db;
  const verifyLimit = options.verifyLimit ?? (lookup.maxBatch ?? 200);
  const verifications: AddressVerification[] =
    lookup.configured && list.length <= verifyLimit
      ? await lookup.verifyMany(list)
      : list.map(() => ({ verified: false as const, reason: "unavailable" as const }));

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
    const verdict = addressVerdict(answerOf(verification), municipality);
    const refusal = verdict.ok ? null : { reason: verdict.reason, message: verdict.message };
    if (verification.verified) {
      const code = resolveAreaCode({ verifiedAreaCode: verification.areaCode, areaCodeFromPostcodeTable: tableArea?.code });
      const area = (code && (byCode.get(code) ?? (tableArea?.code === code ? tableArea : undefined))) || null;
      placements.set(addressKey(address), {
        areaId: area && area.municipalityId === municipality.id ? area.id : null,
        inMunicipality: verification.municipalityCode === municipality.code,
        verification: "verified",
        street: verification.street,
        town: verification.town,
        refusal,
      });
    } else {
      placements.set(addressKey(address), {
        areaId: tableArea && tableArea.municipalityId === municipality.id ? tableArea.id : null,
        inMunicipality: tableArea !== null && (tableArea.municipalityId === municipality.id || isAreaInMunicipality(tableArea.code, municipality.code)),
        verification: "unchecked",
        street: null,
        town: null,
        refusal,
      });
    }
  });
  return placements;
}

/** Throws AppError bad_request (message at `field`) when the one address is refused. */
export function refuseIfRefused(address: NormalizedAddress, placements: Map<string, AddressPlacement>, field: string): void {
  const refusal = placements.get(addressKey(address))?.refusal;
  if (refusal) throw new AppError("bad_request", refusal.message, { fieldErrors: { [field]: refusal.message } });
}

/**
 * Throws AppError bad_request at `field` naming the first refused lines of a list (by their
 * line numbers in `lineOf`), so nothing of the list is stored.
 */
export function refuseListIfRefused(
  list: NormalizedAddress[],
  placements: Map<string, AddressPlacement>,
  field: string,
  lineOf: (address: NormalizedAddress) => number | undefined,
): void {
  const refused = list.flatMap((address) => {
    const refusal = placements.get(addressKey(address))?.refusal;
    return refusal ? [{ line: lineOf(address), refusal }] : [];
  });
  if (refused.length === 0) return;
  const shown = refused.slice(0, 3).map(({ line, refusal }) => {
    const text = refusal.reason === "not_found" ? "dit adres staat niet in de landelijke adressenlijst." : refusal.message;
    return line ? `Regel ${line}: ${text}` : text;
  });
  const more = refused.length > 3 ? ` En nog ${refused.length - 3} adressen die niet kloppen.` : "";
  const message = `${shown.join(" ")}${more} Verbeter of verwijder deze regels. Er is nog niets opgeslagen.`;
  throw new AppError("bad_request", message, { fieldErrors: { [field]: message } });
}
