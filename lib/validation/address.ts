import { z } from "zod";

import { MAX_ADDRESS_LIST_LINES, countAddressListLines } from "@/lib/domain/address-list";

import { acceptedField, additionField, houseNumberField, postcodeField } from "./fields";
import { cleanMultiLine } from "./text";

/** One Dutch address. Output: `{ postcode: "2922AB", houseNumber: 12, addition: "A" | "" }`. */
export const addressSchema = z.object(
  {
    postcode: postcodeField,
    houseNumber: houseNumberField,
    addition: additionField,
  },
  { error: "Vul een adres in: postcode en huisnummer, bijvoorbeeld 2922 AB 12." },
);
export type AddressFormInput = z.input<typeof addressSchema>;
export type Address = z.output<typeof addressSchema>;

const RESIDENTS_STATEMENT =
  "Vink aan dat de bewoners die meedoen 18 jaar of ouder zijn, op dit adres wonen en mee willen doen.";

/**
 * One member address added by a group admin, with the admin's statement that
 * the residents taking part are 18+ and live there.
 */
export const memberAddressSchema = addressSchema.extend({
  residentsConfirmed: acceptedField(RESIDENTS_STATEMENT),
});
export type MemberAddressFormInput = z.input<typeof memberAddressSchema>;
export type MemberAddress = z.output<typeof memberAddressSchema>;

/** About 10,000 lines of up to 100 characters. */
export const MAX_ADDRESS_LIST_CHARACTERS = 1_000_000;

/**
 * A pasted or uploaded list of member addresses. The schema checks the size only (at most
 * MAX_ADDRESS_LIST_LINES address lines); the server then reads the lines with
 * parseAddressList (lib/domain) and shows a result per line.
 */
export const addressListSchema = z.object({
  text: z
    .string({ error: "Plak een lijst met adressen, of kies een bestand." })
    .overwrite(cleanMultiLine)
    .min(1, { message: "Plak een lijst met adressen, of kies een bestand.", abort: true })
    .max(MAX_ADDRESS_LIST_CHARACTERS, { message: "Deze lijst is te groot. Verdeel de lijst in delen en voeg ze een voor een toe.", abort: true })
    .refine((text) => countAddressListLines(text) <= MAX_ADDRESS_LIST_LINES, {
      message: `Deze lijst heeft meer dan ${MAX_ADDRESS_LIST_LINES.toLocaleString("nl-NL")} adressen. Verdeel de lijst in delen en voeg ze een voor een toe.`,
    }),
  residentsConfirmed: acceptedField(RESIDENTS_STATEMENT.replace("op dit adres", "op deze adressen")),
});
export type AddressListFormInput = z.input<typeof addressListSchema>;
export type AddressList = z.output<typeof addressListSchema>;

/**
 * The public look-up `/zoeken?postcode=2922AB&huisnummer=12` and
 * `GET /api/v1/groepen?postcode=…&huisnummer=…&toevoeging=…`: Dutch query keys in,
 * an Address out.
 */
export const addressLookupQuerySchema = z
  .object({
    postcode: postcodeField,
    huisnummer: houseNumberField,
    toevoeging: additionField,
  })
  .transform(({ postcode, huisnummer, toevoeging }): Address => ({
    postcode,
    houseNumber: huisnummer,
    addition: toevoeging,
  }));
export type AddressLookupQueryInput = z.input<typeof addressLookupQuerySchema>;
