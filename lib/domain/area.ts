/**
 * CBS area codes: municipality `GM` + 4 digits (Krimpen aan den IJssel `GM0542`), wijk `WK` +
 * 6 digits (the municipality's 4 digits + 2), buurt `BU` + 8 digits (the wijk's 6 digits + 2).
 */
export const MUNICIPALITY_CODE_PATTERN = /^GM\d{4}$/;
export const AREA_CODE_PATTERN = /^WK\d{6}$/;
export const BUURT_CODE_PATTERN = /^BU\d{8}$/;

export function isMunicipalityCode(value: string): boolean {
  return MUNICIPALITY_CODE_PATTERN.test(value);
}

export function isAreaCode(value: string): boolean {
  return AREA_CODE_PATTERN.test(value);
}

export function isBuurtCode(value: string): boolean {
  return BUURT_CODE_PATTERN.test(value);
}

/** "WK054201" → "GM0542"; null when the input is not a wijk code. */
export function municipalityCodeOfArea(areaCode: string): string | null {
  return isAreaCode(areaCode) ? `GM${areaCode.slice(2, 6)}` : null;
}

/** The 4-digit `gemeentecode` of BAG/PDOK ("0542", or "542") → "GM0542"; null otherwise. */
export function municipalityCodeFromGemeentecode(gemeentecode: string): string | null {
  const digits = gemeentecode.trim();
  if (!/^\d{1,4}$/.test(digits)) return null;
  return `GM${digits.padStart(4, "0")}`;
}

/**
 * Issue 4 item 3: the wijk an address belongs to. A wijk code from the address service wins;
 * otherwise the wijk found in the municipality's own postcode table (the caller looks it up).
 */
export function resolveAreaCode(input: {
  verifiedAreaCode?: string | null;
  areaCodeFromPostcodeTable?: string | null;
}): string | null {
  const { verifiedAreaCode, areaCodeFromPostcodeTable } = input;
  if (verifiedAreaCode && isAreaCode(verifiedAreaCode)) return verifiedAreaCode;
  if (areaCodeFromPostcodeTable && isAreaCode(areaCodeFromPostcodeTable)) return areaCodeFromPostcodeTable;
  return null;
}

/** Whether an address in `areaCode` lies inside `municipalityCode` (counts for the bord). */
export function isAreaInMunicipality(areaCode: string | null, municipalityCode: string): boolean {
  return areaCode !== null && municipalityCodeOfArea(areaCode) === municipalityCode;
}
