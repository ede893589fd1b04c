import { describe, expect, it } from "vitest";

import {
  isAreaInMunicipality,
  municipalityCodeFromGemeentecode,
  municipalityCodeOfArea,
  resolveAreaCode,
} from "./area";

describe("CBS codes", () => {
  it.each([
    ["WK054201", "GM0542"],
    ["WK036300", "GM0363"],
    ["wk054201", null],
    ["WK05420", null],
    ["GM0542", null],
  ])("wijk %s lies in municipality %s", (area, municipality) => {
    expect(municipalityCodeOfArea(area)).toBe(municipality);
  });

  it.each([
    ["0542", "GM0542"],
    ["542", "GM0542"],
    [" 0363 ", "GM0363"],
    ["GM0542", null],
    ["05420", null],
    ["", null],
  ])("gemeentecode %j → %s", (code, expected) => {
    expect(municipalityCodeFromGemeentecode(code)).toBe(expected);
  });
});

describe("resolveAreaCode", () => {
  it("prefers the wijk code of the address service", () => {
    expect(resolveAreaCode({ verifiedAreaCode: "WK054203", areaCodeFromPostcodeTable: "WK054201" })).toBe("WK054203");
  });

  it("falls back to the postcode table", () => {
    expect(resolveAreaCode({ verifiedAreaCode: null, areaCodeFromPostcodeTable: "WK054201" })).toBe("WK054201");
    expect(resolveAreaCode({ verifiedAreaCode: "rubbish", areaCodeFromPostcodeTable: "WK054201" })).toBe("WK054201");
  });

  it("gives null when neither knows", () => {
    expect(resolveAreaCode({})).toBeNull();
  });
});

describe("isAreaInMunicipality", () => {
  it("counts an address inside the municipality", () => {
    expect(isAreaInMunicipality("WK054201", "GM0542")).toBe(true);
  });

  it("does not count an address elsewhere or of unknown wijk", () => {
    expect(isAreaInMunicipality("WK059901", "GM0542")).toBe(false);
    expect(isAreaInMunicipality(null, "GM0542")).toBe(false);
  });
});
