/**
 * Dutch postcodes: four digits (the first is not 0), then two letters. The letter pairs SA, SD
 * and SS are never issued. Stored as `1234AB`, shown as `1234 AB`.
 */
const POSTCODE_SPELLING = /^([1-9][0-9]{3})\s*([A-Za-z]{2})$/;
const NEVER_ISSUED_LETTERS = new Set(["SA", "SD", "SS"]);

/** `^[1-9][0-9]{3}[A-Z]{2}$` without SA/SD/SS: the stored form (also usable as a DB check). */
export const NORMALIZED_POSTCODE_PATTERN = /^[1-9][0-9]{3}(?!SA|SD|SS)[A-Z]{2}$/;

/**
 * "2922 ab", " 2922AB " → "2922AB". Returns null for anything that is not a Dutch postcode.
 * Letters are checked before upper-casing, so "ß" or ligatures never sneak in as "SS"/"FF".
 */
export function normalizePostcode(input: string): string | null {
  if (typeof input !== "string") return null;
  const match = POSTCODE_SPELLING.exec(input.trim());
  if (!match) return null;
  const letters = match[2].toUpperCase();
  if (NEVER_ISSUED_LETTERS.has(letters)) return null;
  return `${match[1]}${letters}`;
}

export function isValidPostcode(input: string): boolean {
  return normalizePostcode(input) !== null;
}

/**
 * "2922AB" → "2922 AB" for display. Any valid spelling is accepted; input that is not a
 * postcode comes back trimmed and otherwise unchanged (display code should never throw).
 */
export function formatPostcode(input: string): string {
  const postcode = normalizePostcode(input);
  if (postcode === null) return typeof input === "string" ? input.trim() : "";
  return `${postcode.slice(0, 4)} ${postcode.slice(4)}`;
}

/**
 * The keys a postcode's wijk is looked up by in a municipality's postcode table, strongest
 * first: the full postcode (`2921AB`), then its 4-digit area (`2921`). A full postcode in the
 * table beats its 4-digit area, so one street can belong to another wijk than the rest of its area.
 */
export function postcodeAreaKeys(postcode: string): [full: string, area: string] {
  return [postcode, postcode.slice(0, 4)];
}

/** The wijk of `postcode` by the rule of postcodeAreaKeys, given how to look up one key. */
export function areaOfPostcode<T>(postcode: string, areaOfKey: (key: string) => T | undefined): T | undefined {
  for (const key of postcodeAreaKeys(postcode)) {
    const area = areaOfKey(key);
    if (area !== undefined) return area;
  }
  return undefined;
}
