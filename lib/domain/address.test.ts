import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addressKey, countDistinctAddresses, formatAddress, normalizeAddition, normalizeAddress } from "./address";
import { DomainError } from "./errors";
import { type CanonicalAddress, addressSpelling, canonicalAddress, canonicalAddition, additionSpelling } from "./test-arbitraries";

const RUNS = { numRuns: 1000 };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : "not a DomainError";
  }
  return undefined;
}

describe("normalizeAddition", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    ["", ""],
    ["   ", ""],
    ["a", "A"],
    [" a", "A"],
    ["A ", "A"],
    ["bis", "BIS"],
    ["-2", "2"],
    ["--2", "2"],
    ["2-hoog", "2-HOOG"],
    ["2 - hoog", "2-HOOG"],
    ["2--hoog", "2-HOOG"],
    ["a 3", "A3"],
    ["A-", "A"],
    ["-", ""],
    ["123456", "123456"],
    ["zw", "ZW"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normalizeAddition(input)).toBe(expected);
  });

  it.each([
    ["1234567", "7 characters"],
    ["2-hoogA", "7 characters after normalising"],
    ["A/2", "a slash"],
    ["Ä", "a letter with an accent"],
    ["ß", "ß (would upper-case to SS)"],
    ["A.", "a full stop"],
    ["<b>", "markup"],
  ])("refuses %j (%s) with invalid_addition", (input) => {
    expect(codeOf(() => normalizeAddition(input))).toBe("invalid_addition");
  });

  it("is idempotent and stays within 6 characters (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (text) => {
        let once: string;
        try {
          once = normalizeAddition(text);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          return;
        }
        expect(once.length).toBeLessThanOrEqual(6);
        expect(once).toMatch(/^(?:[A-Z0-9]+(?:-[A-Z0-9]+)*)?$/);
        expect(normalizeAddition(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it("gives every spelling of an addition the same form (property)", () => {
    const pair = canonicalAddition.chain((canonical) => additionSpelling(canonical).map((spelling) => [canonical, spelling] as const));
    fc.assert(
      fc.property(pair, ([canonical, spelling]) => {
        expect(normalizeAddition(spelling)).toBe(canonical);
      }),
      RUNS,
    );
  });
});

describe("addressKey", () => {
  it("gives two spellings of one address the same key", () => {
    expect(addressKey({ postcode: "2922ab", houseNumber: 12, addition: " a" })).toBe(
      addressKey({ postcode: "2922 AB", houseNumber: 12, addition: "A" }),
    );
    expect(addressKey({ postcode: "2922ab", houseNumber: 12, addition: " a" })).toBe("2922AB|12|A");
  });

  it("treats no addition, null and empty alike", () => {
    const keys = [undefined, null, "", " "].map((addition) => addressKey({ postcode: "2922AB", houseNumber: 12, addition }));
    expect(new Set(keys)).toEqual(new Set(["2922AB|12|"]));
  });

  it("tells apart addresses that differ in number or addition", () => {
    expect(addressKey({ postcode: "2922AB", houseNumber: 12 })).not.toBe(addressKey({ postcode: "2922AB", houseNumber: 12, addition: "A" }));
    expect(addressKey({ postcode: "2922AB", houseNumber: 1, addition: "2" })).not.toBe(addressKey({ postcode: "2922AB", houseNumber: 12 }));
  });

  it.each([
    [{ postcode: "0922AB", houseNumber: 12 }, "invalid_address"],
    [{ postcode: "2922SS", houseNumber: 12 }, "invalid_address"],
    [{ postcode: "2922AB", houseNumber: 0 }, "invalid_address"],
    [{ postcode: "2922AB", houseNumber: 100000 }, "invalid_address"],
    [{ postcode: "2922AB", houseNumber: 12.5 }, "invalid_address"],
    [{ postcode: "2922AB", houseNumber: Number.NaN }, "invalid_address"],
    [{ postcode: "2922AB", houseNumber: -1 }, "invalid_address"],
    [{ postcode: "2922AB", houseNumber: 12, addition: "1234567" }, "invalid_addition"],
  ])("refuses %j with %s", (address, code) => {
    expect(codeOf(() => addressKey(address))).toBe(code);
  });

  it("accepts the house number limits 1 and 99999", () => {
    expect(addressKey({ postcode: "2922AB", houseNumber: 1 })).toBe("2922AB|1|");
    expect(addressKey({ postcode: "2922AB", houseNumber: 99999 })).toBe("2922AB|99999|");
  });
});

describe("countDistinctAddresses", () => {
  it.each<[string, Array<{ postcode: string; houseNumber: number; addition?: string | null }>, number]>([
    ["an empty list", [], 0],
    ["one address", [{ postcode: "2922AB", houseNumber: 12 }], 1],
    [
      "two people at one address, spelled differently",
      [
        { postcode: "2922ab", houseNumber: 12, addition: " a" },
        { postcode: "2922 AB", houseNumber: 12, addition: "A" },
      ],
      1,
    ],
    [
      "12 and 12 A",
      [
        { postcode: "2922AB", houseNumber: 12 },
        { postcode: "2922AB", houseNumber: 12, addition: "A" },
      ],
      2,
    ],
    [
      "same number in two postcodes",
      [
        { postcode: "2922AB", houseNumber: 12 },
        { postcode: "2922AC", houseNumber: 12 },
      ],
      2,
    ],
  ])("counts %s", (_label, list, expected) => {
    expect(countDistinctAddresses(list)).toBe(expected);
  });

  it("throws on an invalid address in the list", () => {
    expect(codeOf(() => countDistinctAddresses([{ postcode: "2922SA", houseNumber: 1 }]))).toBe("invalid_address");
  });

  const canonicalKey = (a: CanonicalAddress) => `${a.postcode}/${a.houseNumber}/${a.addition}`;

  it("counts each canonical address once, whatever the spelling (property)", () => {
    const spelledList = fc
      .array(canonicalAddress, { maxLength: 30 })
      .chain((list) => fc.tuple(fc.constant(list), fc.tuple(...list.map(addressSpelling))));
    fc.assert(
      fc.property(spelledList, ([canonical, spelled]) => {
        expect(countDistinctAddresses(spelled)).toBe(new Set(canonical.map(canonicalKey)).size);
      }),
      RUNS,
    );
  });

  it("does not depend on order or on duplicates (property)", () => {
    const list = fc.array(canonicalAddress, { maxLength: 30 });
    fc.assert(
      fc.property(list, (addresses) => {
        const count = countDistinctAddresses(addresses);
        expect(countDistinctAddresses([...addresses].reverse())).toBe(count);
        expect(countDistinctAddresses([...addresses].sort((a, b) => a.houseNumber - b.houseNumber))).toBe(count);
        expect(countDistinctAddresses([...addresses, ...addresses])).toBe(count);
      }),
      RUNS,
    );
  });

  it("does not depend on a random shuffle (property)", () => {
    fc.assert(
      fc.property(fc.array(canonicalAddress, { maxLength: 30 }).chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length }))), ([a, shuffled]) => {
        expect(countDistinctAddresses(shuffled)).toBe(countDistinctAddresses(a));
      }),
      RUNS,
    );
  });
});

describe("normalizeAddress / formatAddress", () => {
  it("normalises every part", () => {
    expect(normalizeAddress({ postcode: "2922 ab", houseNumber: 12, addition: " bis" })).toEqual({
      postcode: "2922AB",
      houseNumber: 12,
      addition: "BIS",
    });
  });

  it("formats for display", () => {
    expect(formatAddress({ postcode: "2922AB", houseNumber: 12, addition: "a" })).toBe("2922 AB 12 A");
    expect(formatAddress({ postcode: "2922AB", houseNumber: 12 })).toBe("2922 AB 12");
  });
});
