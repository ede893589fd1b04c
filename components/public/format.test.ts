import { describe, expect, it } from "vitest";
import { bordConditionText, type BordRule } from "./format";

const addresses = (n: number): BordRule => ({ bordThreshold: n, bordCondition: "addresses", bordHouseholdPercent: null });
const share = (percent: number): BordRule => ({ bordThreshold: 50, bordCondition: "household_share", bordHouseholdPercent: percent });

describe("bordConditionText", () => {
  it("says the municipality's own number or share, not always 50", () => {
    expect(bordConditionText([addresses(50)])).toBe("50 adressen");
    expect(bordConditionText([addresses(1200)])).toBe("1.200 adressen");
    expect(bordConditionText([addresses(1)])).toBe("1 adres");
    expect(bordConditionText([share(10)])).toBe("10% van de adressen in uw wijk");
  });

  it("gives the shared rule of several municipalities, and none when their rules differ", () => {
    expect(bordConditionText([addresses(40), addresses(40)])).toBe("40 adressen");
    expect(bordConditionText([addresses(40), addresses(50)])).toBeNull();
    expect(bordConditionText([addresses(50), share(10)])).toBeNull();
  });

  it("says the default before any municipality is set up", () => {
    expect(bordConditionText([])).toBe("50 adressen");
  });
});
