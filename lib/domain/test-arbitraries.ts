import fc from "fast-check";

/** fast-check arbitraries shared by the domain tests (not used by application code). */

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
export const NEVER_ISSUED = ["SA", "SD", "SS"];

export const letterPair = fc.tuple(fc.constantFrom(...LETTERS), fc.constantFrom(...LETTERS)).map(([a, b]) => a + b);
export const issuedLetterPair = letterPair.filter((pair) => !NEVER_ISSUED.includes(pair));

/** A postcode in its stored form, "2922AB". */
export const canonicalPostcode = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), issuedLetterPair)
  .map(([digits, letters]) => `${digits}${letters}`);

const whitespace = fc.constantFrom("", " ", "  ", "\t", "\u00A0", " \n");

function randomCase(text: string, flips: boolean[]): string {
  return [...text].map((ch, i) => (flips[i % flips.length] ? ch.toLowerCase() : ch)).join("");
}

/** Any accepted spelling of a canonical postcode: case, inner space, surrounding whitespace. */
export function postcodeSpelling(canonical: string) {
  return fc
    .tuple(whitespace, fc.constantFrom("", " "), whitespace, fc.array(fc.boolean(), { minLength: 1, maxLength: 2 }))
    .map(([before, inner, after, flips]) => `${before}${canonical.slice(0, 4)}${inner}${randomCase(canonical.slice(4), flips)}${after}`);
}

export const canonicalAddition = fc.constantFrom("", "A", "B", "C", "BIS", "2", "1-HOOG", "A2", "3HG");

/** Any accepted spelling of a canonical addition: case, spaces, a leading hyphen. */
export function additionSpelling(canonical: string) {
  if (canonical === "") return fc.constantFrom<string | null | undefined>("", " ", null, undefined, "-");
  return fc
    .tuple(fc.constantFrom("", " ", "-", " - "), fc.boolean(), fc.constantFrom("", " "))
    .map(([prefix, lower, suffix]) => `${prefix}${lower ? canonical.toLowerCase() : canonical}${suffix}`);
}

export interface CanonicalAddress {
  postcode: string;
  houseNumber: number;
  addition: string;
}

/** Few postcodes and numbers, so lists often hold the same address twice. */
export const canonicalAddress: fc.Arbitrary<CanonicalAddress> = fc.record({
  postcode: fc.constantFrom("2922AB", "2921CD", "1011AA", "9999ZZ"),
  houseNumber: fc.integer({ min: 1, max: 6 }),
  addition: canonicalAddition,
});

export function addressSpelling(address: CanonicalAddress) {
  return fc
    .tuple(postcodeSpelling(address.postcode), additionSpelling(address.addition))
    .map(([postcode, addition]) => ({ postcode, houseNumber: address.houseNumber, addition }));
}
