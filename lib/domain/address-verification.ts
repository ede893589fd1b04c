/**
 * Issue 19: the rules for an address checked against the address register (BAG via PDOK, or
 * the demo register). Pure: the caller looked the address up.
 *
 * - It does not exist: refused, with a message that says what to check.
 * - It lies in another municipality: refused, naming that municipality.
 * - The register could not be reached (or none is configured): accepted as "niet
 *   gecontroleerd"; it does not count for a bord until the re-check job verified it.
 * - Otherwise: verified.
 */
export type RegisterAnswer =
  | { kind: "verified"; municipalityCode: string; municipalityName: string }
  | { kind: "not_found" }
  | { kind: "unavailable" };

export type AddressVerdict =
  | { ok: true; status: "verified" | "unchecked" }
  | { ok: false; reason: "not_found" | "other_municipality"; message: string };

export const ADDRESS_NOT_FOUND_MESSAGE =
  "Dit adres staat niet in de landelijke adressenlijst. Controleer de postcode, het huisnummer en de toevoeging.";

export function otherMunicipalityMessage(addressMunicipality: string, ownMunicipality: string): string {
  return `Dit adres ligt in de gemeente ${addressMunicipality}. Hier kunt u alleen adressen in de gemeente ${ownMunicipality} opgeven. Kijk op wabp.nl of bij uw eigen gemeente voor een groep bij u in de buurt.`;
}

export function addressVerdict(answer: RegisterAnswer, municipality: { code: string; name: string }): AddressVerdict {
  if (answer.kind === "unavailable") return { ok: true, status: "unchecked" };
  if (answer.kind === "not_found") return { ok: false, reason: "not_found", message: ADDRESS_NOT_FOUND_MESSAGE };
  if (answer.municipalityCode !== municipality.code) {
    return { ok: false, reason: "other_municipality", message: otherMunicipalityMessage(answer.municipalityName, municipality.name) };
  }
  return { ok: true, status: "verified" };
}
