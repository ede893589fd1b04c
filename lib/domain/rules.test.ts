import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";
import { areaOfPostcode, postcodeAreaKeys } from "./postcode";
import { JOIN_REQUEST_RETENTION_DAYS, daysAfter } from "./retention";
import { publicBordStatus } from "./bord-request";

describe("rules written once in lib/domain", () => {
  it("takes a UUID in either case and nothing else", () => {
    expect(isUuid("0b6f3c1e-2f4a-4c5d-9e8f-0123456789ab")).toBe(true);
    expect(isUuid("0B6F3C1E-2F4A-4C5D-9E8F-0123456789AB")).toBe(true);
    for (const bad of ["", "1", "0b6f3c1e2f4a4c5d9e8f0123456789ab", "0b6f3c1e-2f4a-4c5d-9e8f-0123456789ag", "' or 1=1 --", null, 12]) {
      expect(isUuid(bad)).toBe(false);
    }
  });

  it("lets a full postcode beat its 4-digit area", () => {
    expect(postcodeAreaKeys("2921AB")).toEqual(["2921AB", "2921"]);
    const table = new Map([
      ["2921", "Oud-Krimpen"],
      ["2921AB", "Langeland"],
    ]);
    expect(areaOfPostcode("2921AB", (k) => table.get(k))).toBe("Langeland");
    expect(areaOfPostcode("2921AC", (k) => table.get(k))).toBe("Oud-Krimpen");
    expect(areaOfPostcode("2922AC", (k) => table.get(k))).toBeUndefined();
  });

  it("says placed before requested, and nothing for closed requests", () => {
    expect(publicBordStatus([])).toBe("none");
    expect(publicBordStatus(["rejected", "withdrawn"])).toBe("none");
    expect(publicBordStatus(["submitted"])).toBe("requested");
    expect(publicBordStatus(["approved", "rejected"])).toBe("requested");
    expect(publicBordStatus(["in_review", "placed"])).toBe("placed");
  });

  it("keeps a handled join request's details for the promised number of days", () => {
    const handled = new Date("2026-03-01T10:00:00Z");
    expect(daysAfter(handled, JOIN_REQUEST_RETENTION_DAYS).toISOString()).toBe("2026-03-31T10:00:00.000Z");
  });
});
