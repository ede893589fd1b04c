/**
 * Address suggestions for the address fields: what residents type ("Lansinghlaan 1",
 * "2925 ab 1") completed from the address register (PDOK suggest, or the demo register), only
 * addresses in the installation's municipalities. Public reference data (BAG addresses, no
 * person attached): no actor. Never logged.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { db, selectRows } from "@/db";
import { municipalities } from "@/db/schema";
import type { AddressSuggestion } from "@/lib/address";
import { addressLookup } from "@/lib/data/internal/address-placement";

export const MAX_SUGGESTION_QUERY_LENGTH = 100;

export interface AddressSuggestions {
  suggestions: Array<Pick<AddressSuggestion, "label" | "postcode" | "houseNumber" | "addition" | "street" | "town">>;
  /** False when the register could not be reached (the fields still work without suggestions). */
  available: boolean;
}

export async function suggestAddresses(text: string, limit = 8): Promise<AddressSuggestions> {
  const typed = text.trim().replace(/\s+/g, " ").slice(0, MAX_SUGGESTION_QUERY_LENGTH);
  if (typed.length < 2) return { suggestions: [], available: true };
  const codes = (await db.select({ code: municipalities.code }).from(municipalities)).map((m) => m.code);
  if (codes.length === 0) return { suggestions: [], available: true };
  const found = await addressLookup().suggest(typed, { limit, municipalityCodes: codes });
  if (found === null) return { suggestions: [], available: false };
  return {
    suggestions: found.map(({ label, postcode, houseNumber, addition, street, town }) => ({ label, postcode, houseNumber, addition, street, town })),
    available: true,
  };
}

/**
 * The municipality a postcode lies in according to the demo register, when it is not one of
 * this installation's (null when it is ours, or unknown). For the public look-up's "outside"
 * answer; by postcode only, so two houses of one postcode get the same answer.
 */
export async function otherMunicipalityOfPostcode(postcode: string): Promise<{ known: boolean; name: string | null }> {
  const [row] = await selectRows<{ municipality_name: string; ours: boolean }>(
    db,
    sql`select r.municipality_name, exists(select 1 from municipalities m where m.code = r.municipality_code) as ours
        from register_addresses r where r.postcode = ${postcode} limit 1`,
  );
  if (!row) return { known: false, name: null };
  return row.ours ? { known: true, name: null } : { known: true, name: row.municipality_name };
}
