/**
 * The demo address register: the table register_addresses plays the role of the
 * BAG when no ADDRESS_LOOKUP_URL is set, with the same interface as the PDOK client
 * (lib/address). Reference data without an actor. An empty register (production without an
 * address service) answers "not_configured": the address is stored as "niet gecontroleerd".
 */
import "server-only";
import { sql } from "drizzle-orm";
import { db as processDb, selectRows, type Executor } from "@/db";
import {
  suggestionLabel,
  type AddressLookup,
  type AddressQuery,
  type AddressSuggestion,
  type AddressVerification,
  type StreetQuery,
  type StreetResolution,
} from "@/lib/address";
import { addressKey, normalizeAddition, normalizeAddress, type NormalizedAddress } from "@/lib/domain";

interface RegisterRow {
  postcode: string;
  house_number: number;
  addition: string;
  street: string;
  town: string;
  municipality_code: string;
  municipality_name: string;
  area_code: string | null;
}

function safeNormalize(query: AddressQuery): NormalizedAddress | null {
  try {
    return normalizeAddress(query);
  } catch {
    return null;
  }
}

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toSuggestion(row: RegisterRow): AddressSuggestion {
  const address = { postcode: row.postcode, houseNumber: Number(row.house_number), addition: row.addition };
  return { ...address, street: row.street, town: row.town, label: suggestionLabel({ ...address, street: row.street, town: row.town }) };
}

const POSTCODE_START = /^([1-9]\d{3})\s*([a-z]{0,2})(?:\s+(\d{1,5}))?\s*$/i;
/** "Lansinghlaan", "Lansinghlaan 1", "Lansinghlaan 15 A": the street, then the number typed so far. */
const STREET_NUMBER = /^(.*?[^\d\s])(?:\s+(\d{1,5})(?:\s*[a-z0-9-]{1,6})?)?$/i;

/** A lookup over register_addresses; `executor` defaults to the process database. */
export function createRegisterLookup(executor?: () => Executor): AddressLookup {
  const dbFor = executor ?? (() => processDb);

  async function registerIsEmpty(): Promise<boolean> {
    const rows = await selectRows<{ one: number }>(dbFor(), sql`select 1 as one from register_addresses limit 1`);
    return rows.length === 0;
  }

  async function verifyMany(list: readonly AddressQuery[]): Promise<AddressVerification[]> {
    const normalized = list.map(safeNormalize);
    const wanted = normalized.filter((a): a is NormalizedAddress => a !== null);
    if (wanted.length === 0) return list.map(() => ({ verified: false, reason: "not_found" }));
    const payload = JSON.stringify(wanted.map((a) => ({ postcode: a.postcode, house_number: a.houseNumber, addition: a.addition })));
    const rows = await selectRows<RegisterRow>(
      dbFor(),
      sql`select r.postcode, r.house_number, r.addition, r.street, r.town, r.municipality_code, r.municipality_name, r.area_code
          from jsonb_to_recordset(${payload}::text::jsonb) as w(postcode text, house_number integer, addition text)
          join register_addresses r on r.postcode = w.postcode and r.house_number = w.house_number and r.addition = w.addition`,
    );
    const found = new Map(rows.map((r) => [addressKey({ postcode: r.postcode, houseNumber: Number(r.house_number), addition: r.addition }), r]));
    const empty = rows.length === 0 && (await registerIsEmpty());
    return normalized.map((address): AddressVerification => {
      if (address === null) return { verified: false, reason: "not_found" };
      const row = found.get(addressKey(address));
      if (!row) return { verified: false, reason: empty ? "not_configured" : "not_found" };
      return {
        verified: true,
        ...address,
        street: row.street,
        town: row.town,
        municipalityCode: row.municipality_code,
        municipalityName: row.municipality_name,
        areaCode: row.area_code,
        buurtCode: null,
      };
    });
  }

  async function findStreetAddress(query: StreetQuery): Promise<StreetResolution> {
    let addition: string;
    try {
      addition = normalizeAddition(query.addition);
    } catch {
      return { kind: "not_found" };
    }
    const rows = await selectRows<{ postcode: string }>(
      dbFor(),
      sql`select distinct postcode from register_addresses
          where lower(street) = lower(${query.street.trim()}) and house_number = ${query.houseNumber} and addition = ${addition}
          ${query.municipalityCode ? sql`and municipality_code = ${query.municipalityCode}` : sql``}
          limit 2`,
    );
    if (rows.length === 0) return (await registerIsEmpty()) ? { kind: "unavailable" } : { kind: "not_found" };
    if (rows.length > 1) return { kind: "ambiguous" };
    return { kind: "found", address: { postcode: rows[0].postcode, houseNumber: query.houseNumber, addition } };
  }

  async function suggest(
    text: string,
    options: { limit?: number; municipalityCodes?: readonly string[] } = {},
  ): Promise<AddressSuggestion[] | null> {
    const limit = Math.min(Math.max(options.limit ?? 8, 1), 20);
    const typed = text.trim().replace(/\s+/g, " ").slice(0, 100);
    if (typed.length < 2) return [];
    const inMunicipalities = options.municipalityCodes?.length
      ? sql`and municipality_code in (${sql.join(options.municipalityCodes.map((c) => sql`${c}`), sql`, `)})`
      : sql``;
    const columns = sql`postcode, house_number, addition, street, town, municipality_code, municipality_name, area_code`;
    const postcodeMatch = POSTCODE_START.exec(typed);
    let rows: RegisterRow[];
    if (postcodeMatch) {
      const [, digits, letters, number] = postcodeMatch;
      rows = await selectRows<RegisterRow>(
        dbFor(),
        sql`select ${columns} from register_addresses
            where postcode like ${likePrefix(`${digits}${letters.toUpperCase()}`)}
            ${number ? sql`and house_number::text like ${likePrefix(number)}` : sql``}
            ${inMunicipalities}
            order by postcode, house_number, addition limit ${limit}`,
      );
    } else {
      const streetMatch = STREET_NUMBER.exec(typed);
      if (!streetMatch) return [];
      const [, street, number] = streetMatch;
      rows = await selectRows<RegisterRow>(
        dbFor(),
        sql`select ${columns} from register_addresses
            where lower(street) like ${likePrefix(street.toLowerCase())}
            ${number ? sql`and house_number::text like ${likePrefix(number)}` : sql``}
            ${inMunicipalities}
            order by street, ${number ? sql`(house_number::text = ${number}) desc,` : sql``} house_number, addition limit ${limit}`,
      );
    }
    return rows.map(toSuggestion);
  }

  return {
    configured: true,
    maxBatch: 20_000,
    verify: async (address) => (await verifyMany([address]))[0],
    verifyMany,
    findStreetAddress,
    suggest,
  };
}
