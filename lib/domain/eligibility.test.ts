import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bordThresholdFor, isAdultOn, needsMoreAdmins, bordEligibility } from "./eligibility";
import { DomainError } from "./errors";

const RUNS = { numRuns: 1000 };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : "not a DomainError";
  }
  return undefined;
}

describe("isAdultOn", () => {
  it.each<[string, string, boolean, string]>([
    ["2007-06-15", "2025-06-14", false, "the day before the 18th birthday"],
    ["2007-06-15", "2025-06-15", true, "on the 18th birthday"],
    ["2007-06-15", "2025-06-16", true, "the day after"],
    ["2007-12-31", "2025-12-30", false, "day before, year end"],
    ["2007-12-31", "2025-12-31", true, "18th birthday on 31 December"],
    ["2008-01-01", "2025-12-31", false, "born on 1 January, one day short"],
    ["2008-01-01", "2026-01-01", true, "born on 1 January"],
    ["2000-02-29", "2018-02-28", false, "29 February, non-leap year: not yet on 28 February"],
    ["2000-02-29", "2018-03-01", true, "29 February, non-leap year: 18 on 1 March"],
    ["2004-02-29", "2022-02-28", false, "29 February 2004, 28 February 2022"],
    ["2004-02-29", "2022-03-01", true, "29 February 2004, 1 March 2022"],
    ["2006-02-28", "2024-02-27", false, "28 February, leap year: day before"],
    ["2006-02-28", "2024-02-28", true, "28 February, leap year: on the day"],
    ["2006-03-01", "2024-02-29", false, "1 March, leap year: not on 29 February"],
    ["2006-03-01", "2024-03-01", true, "1 March, leap year: on the day"],
    ["2025-06-15", "2025-06-15", false, "born today"],
    ["1900-01-01", "2025-06-15", true, "the earliest birth date"],
    ["1982-02-28", "2000-02-28", true, "turning 18 in the leap year 2000"],
  ])("%s on %s → %s (%s)", (birth, on, expected) => {
    expect(isAdultOn(birth, on)).toBe(expected);
  });

  it.each([
    ["2025-06-16", "2025-06-15", "a birth date in the future"],
    ["1899-12-31", "2025-06-15", "before 1900"],
    ["2023-02-29", "2025-06-15", "29 February in a non-leap year"],
    ["2007-13-01", "2025-06-15", "month 13"],
    ["2007-06-31", "2025-06-15", "31 June"],
    ["15-06-2007", "2025-06-15", "Dutch day-month-year order"],
    ["2007-6-15", "2025-06-15", "no leading zero"],
    ["", "2025-06-15", "empty"],
    [" 2007-06-15", "2025-06-15", "surrounding space"],
  ])("refuses birth date %j on %s (%s) with invalid_birth_date", (birth, on) => {
    expect(codeOf(() => isAdultOn(birth, on))).toBe("invalid_birth_date");
  });

  it("refuses a bad 'today' with invalid_date", () => {
    expect(codeOf(() => isAdultOn("2000-01-01", "2025-02-30"))).toBe("invalid_date");
    expect(codeOf(() => isAdultOn("2000-01-01", "today"))).toBe("invalid_date");
  });

  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const dayMs = 24 * 60 * 60 * 1000;
  const birthDates = fc
    .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2080, 11, 31) })
    .map((ms) => new Date(Math.floor(ms / dayMs) * dayMs));
  /** Reference: JavaScript rolls 29 February of a non-leap year over to 1 March, as the rule wants. */
  const eighteenthBirthday = (birth: Date) => new Date(Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate()));

  it("is false the day before and true on the 18th birthday (property)", () => {
    fc.assert(
      fc.property(birthDates, (birth) => {
        const adultFrom = eighteenthBirthday(birth);
        expect(isAdultOn(iso(birth), iso(adultFrom))).toBe(true);
        expect(isAdultOn(iso(birth), iso(new Date(adultFrom.getTime() - dayMs)))).toBe(false);
      }),
      RUNS,
    );
  });

  it("agrees with a Date-based reference on any pair of dates (property)", () => {
    const offsetDays = fc.integer({ min: 0, max: 40 * 366 });
    fc.assert(
      fc.property(birthDates, offsetDays, (birth, offset) => {
        const on = new Date(birth.getTime() + offset * dayMs);
        expect(isAdultOn(iso(birth), iso(on))).toBe(on.getTime() >= eighteenthBirthday(birth).getTime());
      }),
      RUNS,
    );
  });

  it("throws for every birth date after 'today' (property)", () => {
    fc.assert(
      fc.property(birthDates, fc.integer({ min: 1, max: 5000 }), (on, daysLater) => {
        const birth = new Date(on.getTime() + daysLater * dayMs);
        expect(codeOf(() => isAdultOn(iso(birth), iso(on)))).toBe("invalid_birth_date");
      }),
      RUNS,
    );
  });
});

describe("bordEligibility", () => {
  it.each([
    [0, 50, { eligible: false, missing: 50 }],
    [49, 50, { eligible: false, missing: 1 }],
    [50, 50, { eligible: true, missing: 0 }],
    [51, 50, { eligible: true, missing: 0 }],
    [10_000, 50, { eligible: true, missing: 0 }],
    [0, 1, { eligible: false, missing: 1 }],
    [1, 1, { eligible: true, missing: 0 }],
    [999, 1000, { eligible: false, missing: 1 }],
    [1000, 1000, { eligible: true, missing: 0 }],
  ])("%i addresses, threshold %i → %j", (count, threshold, expected) => {
    expect(bordEligibility({ distinctAddressesInMunicipality: count, threshold })).toEqual(expected);
  });

  it.each([
    [-1, 50],
    [1.5, 50],
    [Number.NaN, 50],
    [10, 0],
    [10, 100_001],
    [10, 2.5],
    [10, Number.POSITIVE_INFINITY],
  ])("refuses count %s with threshold %s (invalid_input)", (count, threshold) => {
    expect(codeOf(() => bordEligibility({ distinctAddressesInMunicipality: count, threshold }))).toBe("invalid_input");
  });

  it("eligible exactly when missing is 0, and missing + count ≥ threshold (property)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 20_000 }), fc.integer({ min: 1, max: 1000 }), (count, threshold) => {
        const { eligible, missing } = bordEligibility({ distinctAddressesInMunicipality: count, threshold });
        expect(eligible).toBe(count >= threshold);
        expect(eligible).toBe(missing === 0);
        expect(missing).toBe(Math.max(0, threshold - count));
      }),
      RUNS,
    );
  });
});

describe("needsMoreAdmins", () => {
  it.each([
    [0, true],
    [1, true],
    [2, false],
    [5, false],
  ])("%i admins → warning %s", (count, expected) => {
    expect(needsMoreAdmins(count)).toBe(expected);
  });
});

describe("bordThresholdFor (issue 21: the municipality's condition)", () => {
  it.each([
    [{ condition: "addresses", fixedThreshold: 50, householdPercent: null, areaHouseholds: 2800 }, 50],
    [{ condition: "addresses", fixedThreshold: 50, householdPercent: 10, areaHouseholds: 2800 }, 50],
    [{ condition: "household_share", fixedThreshold: 50, householdPercent: 10, areaHouseholds: 2800 }, 280],
    [{ condition: "household_share", fixedThreshold: 50, householdPercent: 3, areaHouseholds: 101 }, 4],
    [{ condition: "household_share", fixedThreshold: 50, householdPercent: 1, areaHouseholds: 5 }, 1],
    [{ condition: "household_share", fixedThreshold: 50, householdPercent: 10, areaHouseholds: null }, 50],
    [{ condition: "household_share", fixedThreshold: 50, householdPercent: 10, areaHouseholds: 0 }, 50],
    [{ condition: "household_share", fixedThreshold: 50, householdPercent: null, areaHouseholds: 2800 }, 50],
    [{ condition: "household_share", fixedThreshold: 50, householdPercent: 100, areaHouseholds: 500_000 }, 100_000],
  ] as const)("%o → %s", (input, expected) => {
    expect(bordThresholdFor(input)).toBe(expected);
  });

  it("always gives a threshold bordEligibility accepts (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.option(fc.nat({ max: 10_000_000 }), { nil: null }), (percent, households) => {
        const threshold = bordThresholdFor({ condition: "household_share", fixedThreshold: 50, householdPercent: percent, areaHouseholds: households });
        expect(() => bordEligibility({ distinctAddressesInMunicipality: 0, threshold })).not.toThrow();
      }),
    );
  });
});
