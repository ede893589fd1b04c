import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { NORMALIZED_POSTCODE_PATTERN, formatPostcode, isValidPostcode, normalizePostcode } from "./postcode";
import { NEVER_ISSUED, canonicalPostcode, letterPair, postcodeSpelling } from "./test-arbitraries";

const RUNS = { numRuns: 1000 };

describe("normalizePostcode", () => {
  it.each([
    ["2922AB", "2922AB"],
    ["2922 AB", "2922AB"],
    ["2922 ab", "2922AB"],
    [" 2922AB ", "2922AB"],
    ["2922aB", "2922AB"],
    ["\t1011 aa\n", "1011AA"],
    ["9999ZZ", "9999ZZ"],
    ["1000AA", "1000AA"],
    ["2922SB", "2922SB"],
    ["2922AS", "2922AS"],
    ["2922\u00A0AB", "2922AB"],
  ])("accepts %j as %s", (input, expected) => {
    expect(normalizePostcode(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["   ", "only spaces"],
    ["0922AB", "first digit 0"],
    ["2922SA", "letters SA"],
    ["2922 sd", "letters SD"],
    ["2922ss", "letters SS"],
    ["292AB", "three digits"],
    ["29222AB", "five digits"],
    ["2922A", "one letter"],
    ["2922ABC", "three letters"],
    ["2922-AB", "hyphen"],
    ["AB2922", "letters first"],
    ["2922 A B", "space between letters"],
    ["2922ÄB", "non-ASCII letter"],
    ["2922ßA", "ß would upper-case to SS"],
    ["2922ﬀ", "ligature would upper-case to FF"],
    ["２９２２AB", "full-width digits"],
    ["2922AB12", "house number glued on"],
  ])("refuses %j (%s)", (input) => {
    expect(normalizePostcode(input)).toBeNull();
  });

  it("refuses non-strings from untyped callers", () => {
    expect(normalizePostcode(2922 as unknown as string)).toBeNull();
    expect(normalizePostcode(null as unknown as string)).toBeNull();
  });

  it("is idempotent (property)", () => {
    const input = fc.oneof(fc.string({ maxLength: 10 }), canonicalPostcode.chain(postcodeSpelling));
    fc.assert(
      fc.property(input, (text) => {
        const once = normalizePostcode(text);
        if (once !== null) expect(normalizePostcode(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it("accepts every valid spelling and returns the stored form (property)", () => {
    fc.assert(
      fc.property(canonicalPostcode.chain((pc) => postcodeSpelling(pc).map((spelling) => [pc, spelling] as const)), ([pc, spelling]) => {
        expect(normalizePostcode(spelling)).toBe(pc);
      }),
      RUNS,
    );
  });

  it("never accepts SA, SD, SS or a leading 0 (property)", () => {
    const anyShape = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), letterPair, fc.constantFrom("", " "), fc.boolean())
      .map(([n, letters, space, lower]) => `${String(n).padStart(4, "0")}${space}${lower ? letters.toLowerCase() : letters}`);
    fc.assert(
      fc.property(anyShape, (text) => {
        const result = normalizePostcode(text);
        const digits = text.slice(0, 4);
        const letters = text.replace(/\s/g, "").slice(4).toUpperCase();
        const mustRefuse = digits.startsWith("0") || NEVER_ISSUED.includes(letters);
        expect(result === null).toBe(mustRefuse);
      }),
      RUNS,
    );
  });

  it("only ever returns the stored form (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const result = normalizePostcode(text);
        if (result !== null) expect(result).toMatch(NORMALIZED_POSTCODE_PATTERN);
      }),
      RUNS,
    );
  });
});

describe("formatPostcode / isValidPostcode", () => {
  it.each([
    ["2922AB", "2922 AB"],
    ["2922 ab", "2922 AB"],
    [" 1011aa ", "1011 AA"],
  ])("formats %j as %s", (input, expected) => {
    expect(formatPostcode(input)).toBe(expected);
  });

  it("leaves input that is not a postcode as typed (trimmed)", () => {
    expect(formatPostcode(" 0922AB ")).toBe("0922AB");
  });

  it("tells valid from invalid", () => {
    expect(isValidPostcode("2922 AB")).toBe(true);
    expect(isValidPostcode("2922 SS")).toBe(false);
  });
});
