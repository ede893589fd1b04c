import { DomainError } from "./errors";
import { formatPostcode, normalizePostcode } from "./postcode";

export const MIN_HOUSE_NUMBER = 1;
export const MAX_HOUSE_NUMBER = 99_999;
export const MAX_ADDITION_LENGTH = 6;

/** An address as people type it; postcode and addition in any spelling. */
export interface AddressInput {
  postcode: string;
  houseNumber: number;
  addition?: string | null;
}

/** An address in canonical form: postcode `2922AB`, addition "" when there is none. */
export interface NormalizedAddress {
  postcode: string;
  houseNumber: number;
  addition: string;
}

const ADDITION_CHARACTERS = /^[A-Za-z0-9-]*$/;

export function isValidHouseNumber(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_HOUSE_NUMBER && value <= MAX_HOUSE_NUMBER;
}

/**
 * The house number addition in one canonical form ("" when none): trimmed, upper case, all
 * spaces removed, hyphens at the start (and end) removed, runs of hyphens collapsed.
 * " a" → "A", "bis" → "BIS", "-2" → "2", "2 - hoog" → "2-HOOG".
 * Only letters, digits and "-" are allowed, at most 6 characters after normalising; anything
 * else throws DomainError `invalid_addition`.
 */
export function normalizeAddition(input: string | null | undefined): string {
  if (input === null || input === undefined) return "";
  if (typeof input !== "string") throw invalidAddition();
  const compact = input
    .replace(/\s+/g, "")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!ADDITION_CHARACTERS.test(compact) || compact.length > MAX_ADDITION_LENGTH) {
    throw invalidAddition();
  }
  return compact.toUpperCase();
}

function invalidAddition(): DomainError {
  return new DomainError(
    "invalid_addition",
    `Een toevoeging bestaat uit letters, cijfers of een streepje, hooguit ${MAX_ADDITION_LENGTH} tekens. Bijvoorbeeld A, bis of 2-hoog.`,
  );
}

/**
 * Checks and normalises a whole address. Throws DomainError `invalid_address` for a bad
 * postcode or house number and `invalid_addition` for a bad addition.
 */
export function normalizeAddress(address: AddressInput): NormalizedAddress {
  const postcode = normalizePostcode(address.postcode);
  if (postcode === null) {
    throw new DomainError("invalid_address", "Deze postcode bestaat niet. Vul een postcode in zoals 2922 AB.");
  }
  if (!isValidHouseNumber(address.houseNumber)) {
    throw new DomainError(
      "invalid_address",
      `Het huisnummer moet een heel getal zijn van ${MIN_HOUSE_NUMBER} tot en met ${MAX_HOUSE_NUMBER}.`,
    );
  }
  return { postcode, houseNumber: address.houseNumber, addition: normalizeAddition(address.addition) };
}

/**
 * The key under which two spellings of one address count once:
 * ("2922ab", 12, " a") and ("2922 AB", 12, "A") both give "2922AB|12|A"; no addition gives
 * "2922AB|12|". Throws like normalizeAddress.
 */
export function addressKey(address: AddressInput): string {
  const { postcode, houseNumber, addition } = normalizeAddress(address);
  return `${postcode}|${houseNumber}|${addition}`;
}

/** How many different addresses a list holds (see addressKey). Throws on an invalid address. */
export function countDistinctAddresses(list: ReadonlyArray<AddressInput>): number {
  return new Set(list.map(addressKey)).size;
}

/** "2922 AB 12 A" / "2922 AB 12" for display; never throws. */
export function formatAddress(address: AddressInput): string {
  let addition: string;
  try {
    addition = normalizeAddition(address.addition);
  } catch {
    addition = (address.addition ?? "").trim();
  }
  return [formatPostcode(address.postcode), String(address.houseNumber), addition].filter(Boolean).join(" ");
}
