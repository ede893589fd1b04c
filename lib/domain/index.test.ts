import { describe, expect, it } from "vitest";

import * as domain from "./index";

/** The module contract of issue 4: other code and outside tests rely on these names. */
describe("lib/domain module contract", () => {
  it.each([
    "normalizePostcode",
    "normalizeAddition",
    "addressKey",
    "countDistinctAddresses",
    "isAdultOn",
    "signEligibility",
    "nextSignRequestStatus",
    "DomainError",
    "parseAddressList",
    "formatPostcode",
  ])("exports the function %s", (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe("function");
  });

  it("exports the status lists and the house rules", () => {
    expect(domain.SIGN_REQUEST_STATUSES).toHaveLength(6);
    expect(domain.OPEN_SIGN_REQUEST_STATUSES).toHaveLength(3);
    expect(domain.HOUSE_RULES).toHaveLength(9);
  });

  it("gives DomainError a code and keeps instanceof working", () => {
    const error = new domain.DomainError("invalid_transition", "Niet toegestaan.");
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(domain.DomainError);
    expect(error.code).toBe("invalid_transition");
    expect(error.name).toBe("DomainError");
    expect(domain.isDomainError(error)).toBe(true);
    expect(domain.isDomainError(new Error("x"))).toBe(false);
  });

  it("examples of the issue", () => {
    expect(domain.normalizePostcode("2922 ab")).toBe("2922AB");
    expect(domain.normalizePostcode(" 2922AB ")).toBe("2922AB");
    expect(domain.formatPostcode("2922AB")).toBe("2922 AB");
    expect(domain.addressKey({ postcode: "2922ab", houseNumber: 12, addition: " a" })).toBe(
      domain.addressKey({ postcode: "2922 AB", houseNumber: 12, addition: "A" }),
    );
  });
});
