/**
 * Address registers for tests of the data layer: small in-process stand-ins for the lookup
 * interface (the real PDOK adapter is tested against a local HTTP server in lib/address, the
 * demo register against the database in lib/data/internal/address-register.test.ts).
 */
import { mapWithLimit, type AddressLookup, type AddressQuery, type AddressVerification, type VerifiedAddress } from "@/lib/address";
import { addressKey } from "@/lib/domain";

type Known = Record<string, Omit<VerifiedAddress, "municipalityName"> & { municipalityName?: string }>;

/** A register that knows `known` (keyed by addressKey) and nothing else. `calls` counts verify calls. */
export function lookupKnowing(known: Known): AddressLookup & { calls: AddressQuery[] } {
  const calls: AddressQuery[] = [];
  const verify = async (q: AddressQuery): Promise<AddressVerification> => {
    calls.push(q);
    const hit = known[addressKey(q)];
    return hit ? { municipalityName: hit.municipalityCode, ...hit } : { verified: false, reason: "not_found" };
  };
  return {
    configured: true,
    calls,
    verify,
    verifyMany: (list) => mapWithLimit(list, 8, verify),
    findStreetAddress: async () => ({ kind: "not_found" }),
    suggest: async () => [],
  };
}

/** A register that answers every address the same way. */
export function lookupAnswering(answer: AddressVerification, configured = true): AddressLookup {
  return {
    configured,
    verify: async () => answer,
    verifyMany: async (list) => list.map(() => answer),
    findStreetAddress: async () => ({ kind: "unavailable" }),
    suggest: async () => null,
  };
}

export const unreachableLookup = lookupAnswering({ verified: false, reason: "unavailable" });
export const notConfiguredLookup = lookupAnswering({ verified: false, reason: "not_configured" }, false);
