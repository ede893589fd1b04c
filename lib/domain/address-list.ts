import Papa from "papaparse";

import {
  type NormalizedAddress,
  MAX_HOUSE_NUMBER,
  MIN_HOUSE_NUMBER,
  addressKey,
  normalizeAddition,
} from "./address";
import { DomainError, isDomainError } from "./errors";
import { normalizePostcode } from "./postcode";

/**
 * Reads a pasted or uploaded list of member addresses.
 *
 * Two forms, decided by the first line that is not blank:
 * - Free lines, one address a line, postcode first: `2922 AB 12 A`, `2922AB,12,a`,
 *   `2922ab 12-2`, `2922AB 12 bis`, `2922AB;12;A`, tab separated (pasted from a spreadsheet).
 * - CSV with a header row naming the columns: `postcode`, `huisnummer` and optionally
 *   `toevoeging` and/or `huisletter` (BAG exports split letter and addition); other columns
 *   are ignored. Separator `,`, `;` (Dutch Excel) or tab, detected from the header.
 *
 * Blank lines (also lines with only separators, as spreadsheets export them) are skipped.
 * Line numbers are those of the text as given (1-based, counting blank lines and the header),
 * so people find the line in their own file. A value cannot span lines.
 * More than MAX_ADDRESS_LIST_LINES address lines: DomainError `too_many_lines`, nothing parsed.
 * A header without a house number column: DomainError `invalid_header`.
 */
export const MAX_ADDRESS_LIST_LINES = 10_000;

/** A line written as residents know the address: "Lansinghlaan 15 A" (no postcode). */
export interface StreetLine {
  street: string;
  houseNumber: number;
  addition: string;
}

/**
 * A line with `street` is not an error yet: the server looks its postcode up in the address
 * register and only then refuses it when the register does not know it.
 */
export type AddressListLine =
  | { line: number; ok: true; address: NormalizedAddress; duplicateOf?: number }
  | { line: number; ok: false; error: string; street?: StreetLine };

export interface AddressListSummary {
  /** Lines with a correct address, duplicates included. */
  valid: number;
  /** Different addresses (what counts for the group). */
  distinct: number;
  duplicates: number;
  errors: number;
  /** Lines with a street and number but no postcode, looked up when saving. */
  streetLines: number;
}

interface Columns {
  delimiter: string;
  postcode: number;
  houseNumber: number;
  addition: number;
  houseLetter: number;
}

type LineParse = { ok: true; address: NormalizedAddress } | { ok: false; error: string; street?: StreetLine };

const MESSAGES = {
  tooManyLines: `Uw lijst heeft meer dan ${MAX_ADDRESS_LIST_LINES.toLocaleString("nl-NL")} adressen. Verdeel de lijst in delen en voeg ze een voor een toe.`,
  missingHouseNumberColumn:
    "De eerste regel noemt de kolommen, maar de kolom huisnummer ontbreekt. Gebruik de kolommen postcode, huisnummer en toevoeging.",
  postcodeFirst:
    "Zet de postcode vooraan, gevolgd door het huisnummer (2922 AB 12 A), of de straat met het huisnummer (Lansinghlaan 15).",
  streetLookup: "Straat en huisnummer zonder postcode: de postcode zoeken we op bij het opslaan.",
  badPostcode: "Deze postcode bestaat niet. Een postcode is vier cijfers en twee letters, zoals 2922 AB.",
  missingHouseNumber: "Het huisnummer ontbreekt. Zet het huisnummer na de postcode, zoals 2922 AB 12.",
  badHouseNumber: `Het huisnummer moet een getal zijn van ${MIN_HOUSE_NUMBER} tot en met ${MAX_HOUSE_NUMBER}.`,
  badAddition:
    "De toevoeging klopt niet. Een toevoeging is een letter of hooguit 6 letters en cijfers, zoals A, bis of 2-hoog.",
  additionTwice: "De toevoeging staat twee keer in deze regel: in de kolom huisnummer en in de kolom toevoeging.",
} as const;

const HEADER_ALIASES: Readonly<Record<Exclude<keyof Columns, "delimiter">, readonly string[]>> = {
  postcode: ["postcode", "pc"],
  houseNumber: ["huisnummer", "huisnr", "nummer", "nr", "number", "housenumber"],
  addition: ["toevoeging", "huisnummertoevoeging", "toev", "addition"],
  houseLetter: ["huisletter", "letter"],
};

const DELIMITER_CHARACTERS = /[,;\t|"]/;

export function parseAddressList(text: string): AddressListLine[] {
  const lines = splitLines(text);
  const firstIndex = lines.findIndex((line) => !isBlankLine(line));
  if (firstIndex === -1) return [];
  const columns = readHeader(lines[firstIndex]);
  const dataStart = columns ? firstIndex + 1 : firstIndex;
  if (countNonBlank(lines, dataStart) > MAX_ADDRESS_LIST_LINES) {
    throw new DomainError("too_many_lines", MESSAGES.tooManyLines);
  }
  return markDuplicates(parseLines(lines, dataStart, columns));
}

/** The number of address lines (header and blank lines not counted) parseAddressList sees. */
export function countAddressListLines(text: string): number {
  const lines = splitLines(text);
  const firstIndex = lines.findIndex((line) => !isBlankLine(line));
  if (firstIndex === -1) return 0;
  const dataStart = looksLikeHeader(lines[firstIndex]) ? firstIndex + 1 : firstIndex;
  return countNonBlank(lines, dataStart);
}

export function summarizeAddressList(lines: readonly AddressListLine[]): AddressListSummary {
  const valid = lines.filter((line) => line.ok).length;
  const duplicates = lines.filter((line) => line.ok && line.duplicateOf !== undefined).length;
  const streetLines = lines.filter((line) => !line.ok && line.street !== undefined).length;
  return { valid, distinct: valid - duplicates, duplicates, errors: lines.length - valid - streetLines, streetLines };
}

function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

function isBlankLine(line: string): boolean {
  return /^[\s,;|"]*$/.test(line);
}

function countNonBlank(lines: readonly string[], from: number): number {
  let count = 0;
  for (let i = from; i < lines.length; i++) if (!isBlankLine(lines[i])) count++;
  return count;
}

/** The separators Papa Parse tries, in its order (RS and US are ASCII 30 and 31). */
const GUESSED_DELIMITERS = [",", "\t", "|", ";", "\x1e", "\x1f"] as const;

/**
 * Papa Parse's guess for a single line without quotes: the first separator (in its order) that
 * gives the most fields, and "," when none gives more than one.
 */
function guessDelimiter(line: string): string {
  let best = ",";
  let most = 0;
  for (const delimiter of GUESSED_DELIMITERS) {
    const count = line.split(delimiter).length - 1;
    if (count > most) {
      most = count;
      best = delimiter;
    }
  }
  return best;
}

/**
 * The fields of one line. A line without quotes is split here, the way Papa Parse splits it
 * (address-list.test.ts compares the two on random lines); Papa Parse reads quoted fields.
 * Parsing every line of a 5,000-line paste with Papa Parse's guessing took 50 ms warm and
 * 150 ms cold, most of a bulk import's time in Node.
 */
export function splitFields(line: string, delimiter?: string): string[] {
  if (delimiter === undefined && !DELIMITER_CHARACTERS.test(line)) return [line];
  if (!line.includes('"')) return line.split(delimiter ?? guessDelimiter(line));
  return papaFields(line, delimiter);
}

/** Papa Parse's fields of one line (the separator guessed when not given). */
export function papaFields(line: string, delimiter?: string): string[] {
  const result = Papa.parse<string[]>(line, { delimiter: delimiter ?? "", header: false });
  return result.data[0] ?? [line];
}

function detectDelimiter(line: string): string | null {
  if (!DELIMITER_CHARACTERS.test(line)) return null;
  const result = Papa.parse<string[]>(line, { header: false });
  return (result.data[0]?.length ?? 0) > 1 ? result.meta.delimiter : null;
}

function headerName(field: string): string {
  return field.toLowerCase().replace(/[^a-z]/g, "");
}

function headerFields(line: string): { delimiter: string | null; names: string[] } {
  const delimiter = detectDelimiter(line);
  const fields = delimiter ? splitFields(line, delimiter) : line.trim().split(/\s+/);
  return { delimiter, names: fields.map(headerName) };
}

function looksLikeHeader(line: string): boolean {
  return headerFields(line).names.includes("postcode");
}

function findColumn(names: readonly string[], aliases: readonly string[]): number {
  return names.findIndex((name) => aliases.includes(name));
}

/**
 * Columns when the line is a header row. A header without separators ("postcode huisnummer")
 * is skipped, and the lines after it are read as free lines.
 */
function readHeader(line: string): Columns | "free" | null {
  const { delimiter, names } = headerFields(line);
  if (!names.includes("postcode")) return null;
  if (delimiter === null) return "free";
  const houseNumber = findColumn(names, HEADER_ALIASES.houseNumber);
  if (houseNumber === -1) throw new DomainError("invalid_header", MESSAGES.missingHouseNumberColumn);
  return {
    delimiter,
    postcode: findColumn(names, HEADER_ALIASES.postcode),
    houseNumber,
    addition: findColumn(names, HEADER_ALIASES.addition),
    houseLetter: findColumn(names, HEADER_ALIASES.houseLetter),
  };
}

function parseLines(lines: readonly string[], from: number, columns: Columns | "free" | null): AddressListLine[] {
  const results: AddressListLine[] = [];
  for (let i = from; i < lines.length; i++) {
    const text = lines[i];
    if (isBlankLine(text)) continue;
    const parsed = columns && columns !== "free" ? parseColumnsLine(text, columns) : parseFreeLine(text);
    results.push(
      parsed.ok
        ? { line: i + 1, ok: true, address: parsed.address }
        : { line: i + 1, ok: false, error: parsed.error, ...(parsed.street ? { street: parsed.street } : {}) },
    );
  }
  return results;
}

function markDuplicates(results: AddressListLine[]): AddressListLine[] {
  const firstLineByKey = new Map<string, number>();
  return results.map((result) => {
    if (!result.ok) return result;
    const key = addressKey(result.address);
    const first = firstLineByKey.get(key);
    if (first === undefined) {
      firstLineByKey.set(key, result.line);
      return result;
    }
    return { ...result, duplicateOf: first };
  });
}

const FREE_LINE = /^(\d{4}\s*[A-Za-z]{2})(?![A-Za-z])\s*(.*)$/;

/** `2922 AB 12 A`: postcode first, then house number, then the addition if any. */
function parseFreeLine(line: string): LineParse {
  const text = splitFields(line)
    .map((field) => field.trim())
    .filter(Boolean)
    .join(" ");
  const match = FREE_LINE.exec(text);
  if (!match) {
    const street = parseStreetLine(text);
    if (street) return { ok: false, error: MESSAGES.streetLookup, street };
    return { ok: false, error: /^\d{4}/.test(text) ? MESSAGES.badPostcode : MESSAGES.postcodeFirst };
  }
  return buildAddress(match[1], match[2], "");
}

/** A CSV row under a header; a row without separators falls back to a free line. */
function parseColumnsLine(line: string, columns: Columns): LineParse {
  const fields = splitFields(line, columns.delimiter);
  if (fields.length < 2) return parseFreeLine(line);
  const field = (index: number): string => (index >= 0 ? (fields[index] ?? "").trim() : "");
  const addition = `${field(columns.houseLetter)}${field(columns.addition)}`;
  return buildAddress(field(columns.postcode), field(columns.houseNumber), addition);
}

/**
 * `numberText` is the house number, possibly followed by an addition ("12", "12 A", "12-2");
 * `additionText` is a separate addition column.
 */
function buildAddress(postcodeText: string, numberText: string, additionText: string): LineParse {
  const postcode = normalizePostcode(postcodeText);
  if (postcode === null) return { ok: false, error: postcodeText ? MESSAGES.badPostcode : MESSAGES.postcodeFirst };
  const numberMatch = /^(\d+)\s*(.*)$/.exec(numberText.trim());
  if (!numberMatch) return { ok: false, error: MESSAGES.missingHouseNumber };
  const houseNumber = parseHouseNumber(numberMatch[1]);
  if (houseNumber === null) return { ok: false, error: MESSAGES.badHouseNumber };
  const trailing = numberMatch[2];
  if (trailing && additionText) return { ok: false, error: MESSAGES.additionTwice };
  try {
    return { ok: true, address: { postcode, houseNumber, addition: normalizeAddition(trailing || additionText) } };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, error: MESSAGES.badAddition };
    throw error;
  }
}

/**
 * "Lansinghlaan 15", "Burg. Smeetsstraat 3 A", "'s-Gravenweg 2-hoog": a street name (letters
 * first, no digits), then the house number and the addition if any.
 */
const STREET_LINE = /^([\p{L}'][\p{L}\p{M}'’.\- ]{1,79}?)\s+(\d{1,5})(?!\d)(?:\s?([\p{L}\d]{1,6}|[\p{L}\d]{1,3}-[\p{L}\d]{1,4}))?$/u;

export function parseStreetLine(text: string): StreetLine | null {
  const match = STREET_LINE.exec(text.trim().replace(/\s+/g, " "));
  if (!match) return null;
  const houseNumber = parseHouseNumber(match[2]);
  if (houseNumber === null) return null;
  try {
    return { street: match[1].trim(), houseNumber, addition: normalizeAddition(match[3] ?? "") };
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
}

function parseHouseNumber(digits: string): number | null {
  const trimmed = digits.replace(/^0+(?=\d)/, "");
  if (trimmed.length > 5) return null;
  const value = Number(trimmed);
  return value >= MIN_HOUSE_NUMBER && value <= MAX_HOUSE_NUMBER ? value : null;
}
