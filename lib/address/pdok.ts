import { z } from "zod";

import { normalizeAddition, type NormalizedAddress } from "@/lib/domain/address";
import { isAreaCode, isBuurtCode, municipalityCodeFromGemeentecode } from "@/lib/domain/area";
import { normalizePostcode } from "@/lib/domain/postcode";

/**
 * The PDOK Locatieserver v3.1 `free` endpoint: request URL and reading its answer.
 * https://api.pdok.nl/bzk/locatieserver/search/v3_1/free
 */

/** The fields we need. Without `fl` the service returns only id, weergavenaam, type, score. */
const FIELDS = [
  "postcode",
  "huisnummer",
  "huisletter",
  "huisnummertoevoeging",
  "straatnaam",
  "woonplaatsnaam",
  "gemeentecode",
  "gemeentenaam",
  "wijkcode",
  "buurtcode",
  "centroide_ll",
].join(",");

export function buildFreeSearchUrl(baseUrl: string, address: NormalizedAddress): string {
  const params: Array<[string, string]> = [
    ["q", `postcode:${address.postcode} and huisnummer:${address.houseNumber}`],
    ["fq", "type:adres"],
    ["fl", FIELDS],
    ["rows", "10"],
  ];
  const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&");
  return `${baseUrl.replace(/\/+$/, "")}/free?${query}`;
}

const optionalText = z.string().nullish();

function encodeParams(params: Array<[string, string]>): string {
  return params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&");
}

/** Solr phrase: quotes and backslashes escaped, so a street name cannot change the query. */
function solrPhrase(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `fq` for the municipality: PDOK's gemeentecode is the four digits without GM. */
function municipalityFilter(municipalityCode: string | undefined): Array<[string, string]> {
  const digits = municipalityCode ? /^GM(\d{4})$/.exec(municipalityCode)?.[1] : undefined;
  return digits ? [["fq", `gemeentecode:${digits}`]] : [];
}

/** The `free` query for a street and house number (a line like "Lansinghlaan 15"). */
export function buildStreetSearchUrl(
  baseUrl: string,
  query: { street: string; houseNumber: number; municipalityCode?: string },
): string {
  const params: Array<[string, string]> = [
    ["q", `straatnaam:${solrPhrase(query.street)} and huisnummer:${query.houseNumber}`],
    ["fq", "type:adres"],
    ...municipalityFilter(query.municipalityCode),
    ["fl", FIELDS],
    ["rows", "20"],
  ];
  return `${baseUrl.replace(/\/+$/, "")}/free?${encodeParams(params)}`;
}

/** The `suggest` query for what someone has typed so far ("lansinghlaan 1", "2925 ab 3"). */
export function buildSuggestUrl(baseUrl: string, text: string, rows: number): string {
  const params: Array<[string, string]> = [
    ["q", text],
    ["fq", "type:adres"],
    ["fl", FIELDS],
    ["rows", String(rows)],
  ];
  return `${baseUrl.replace(/\/+$/, "")}/suggest?${encodeParams(params)}`;
}

const documentSchema = z.object({
  postcode: z.string(),
  huisnummer: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  huisletter: optionalText,
  huisnummertoevoeging: optionalText,
  straatnaam: z.string().min(1),
  woonplaatsnaam: z.string().min(1),
  gemeentecode: z.string(),
  gemeentenaam: optionalText,
  wijkcode: optionalText,
  buurtcode: optionalText,
  centroide_ll: optionalText,
});
export type PdokDocument = z.output<typeof documentSchema>;

const responseSchema = z.object({
  response: z.object({ docs: z.array(z.unknown()) }),
});

export interface PdokAddress {
  street: string;
  town: string;
  municipalityCode: string;
  /** The municipality's name (PDOK gemeentenaam), for "Dit adres ligt in de gemeente …". */
  municipalityName: string;
  areaCode: string | null;
  buurtCode: string | null;
  point?: { lat: number; lng: number };
}

/** The documents of a response body; null when the body is not a Locatieserver answer. */
export function readDocuments(body: unknown): PdokDocument[] | null {
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) return null;
  return parsed.data.response.docs.flatMap((doc) => {
    const document = documentSchema.safeParse(doc);
    return document.success ? [document.data] : [];
  });
}

/** Additions compared without hyphens: BAG "A" + "2" is what people write as "A-2" or "A2". */
export function comparableAddition(addition: string): string {
  return addition.replace(/-/g, "");
}

export function documentAddition(doc: PdokDocument): string | null {
  try {
    return normalizeAddition(`${doc.huisletter ?? ""}${doc.huisnummertoevoeging ?? ""}`);
  } catch {
    return null;
  }
}

/**
 * The service matches fuzzily (ask for 12 A, get 12, 12 B and 14 too): only a document with
 * exactly the same postcode, house number and addition counts.
 */
export function isExactMatch(doc: PdokDocument, address: NormalizedAddress): boolean {
  const addition = documentAddition(doc);
  return (
    normalizePostcode(doc.postcode) === address.postcode &&
    doc.huisnummer === address.houseNumber &&
    addition !== null &&
    comparableAddition(addition) === comparableAddition(address.addition)
  );
}

const WKT_POINT = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i;

/** "POINT(4.59 51.91)" (longitude first) → { lat: 51.91, lng: 4.59 }. */
export function parseWktPoint(wkt: string | null | undefined): { lat: number; lng: number } | undefined {
  const match = wkt ? WKT_POINT.exec(wkt.trim()) : null;
  if (!match) return undefined;
  const lng = Number(match[1]);
  const lat = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { lat, lng };
}

/** The address facts of a matching document; null when its municipality code is unreadable. */
export function toPdokAddress(doc: PdokDocument): PdokAddress | null {
  const municipalityCode = municipalityCodeFromGemeentecode(doc.gemeentecode);
  if (municipalityCode === null) return null;
  const point = parseWktPoint(doc.centroide_ll);
  return {
    street: doc.straatnaam,
    town: doc.woonplaatsnaam,
    municipalityCode,
    municipalityName: doc.gemeentenaam?.trim() || municipalityCode,
    areaCode: doc.wijkcode && isAreaCode(doc.wijkcode) ? doc.wijkcode : null,
    buurtCode: doc.buurtcode && isBuurtCode(doc.buurtcode) ? doc.buurtcode : null,
    ...(point ? { point } : {}),
  };
}
