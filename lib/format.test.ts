import { describe, expect, it } from "vitest";
import { addressCount, addressesAgainstThreshold, formatDate, formatDateTime, formatPhone, maskEmail, surnameAfterTitle, wethouderGreeting } from "./format";

describe("Dutch formats", () => {
  it("writes dates as '4 december 2026'", () => {
    expect(formatDate("2026-12-04")).toBe("4 december 2026");
    expect(formatDate(new Date("2026-12-04T10:00:00Z"))).toBe("4 december 2026");
    // Late in the evening in the Netherlands is still that day there, not the next in UTC.
    expect(formatDate(new Date("2026-06-30T22:30:00Z"))).toBe("1 juli 2026");
    expect(formatDate("2026-02-30")).toBe("—");
    expect(formatDate("04-12-2026")).toBe("—");
    expect(formatDate(null)).toBe("—");
    expect(formatDate(new Date("nonsense"))).toBe("—");
  });

  it("writes a moment as '4 december 2026 om 14:05' in Dutch time", () => {
    expect(formatDateTime(new Date("2026-12-04T13:05:00Z"))).toBe("4 december 2026 om 14:05");
    expect(formatDateTime(new Date("2026-07-01T12:00:00Z"))).toBe("1 juli 2026 om 14:00");
    expect(formatDateTime(null)).toBe("—");
  });

  it("writes phone numbers as '06 12345678'", () => {
    expect(formatPhone("+31612345678")).toBe("06 12345678");
    expect(formatPhone("+31101234567")).toBe("010 1234567");
    expect(formatPhone("+31180123456")).toBe("0180 123456");
    expect(formatPhone("+32471234567")).toBe("+32471234567");
    expect(formatPhone(null)).toBe("");
  });

  it("writes counts against the threshold as '62 adressen (drempel 50)'", () => {
    expect(addressesAgainstThreshold(62, 50)).toBe("62 adressen (drempel 50)");
    expect(addressesAgainstThreshold(1, 50)).toBe("1 adres (drempel 50)");
    expect(addressesAgainstThreshold(1200, 1000)).toBe("1.200 adressen (drempel 1.000)");
    expect(addressCount(0)).toBe("0 adressen");
  });

  it("greets a wethouder by title and surname: 'Geachte wethouder De Graaf,'", () => {
    expect(wethouderGreeting("Anne de Graaf")).toBe("Geachte wethouder De Graaf,");
    expect(wethouderGreeting("P. van der Berg")).toBe("Geachte wethouder Van der Berg,");
    expect(wethouderGreeting("Mehmet Yilmaz")).toBe("Geachte wethouder Yilmaz,");
    expect(wethouderGreeting("Bakker")).toBe("Geachte wethouder Bakker,");
    expect(wethouderGreeting("  ")).toBe("Geachte wethouder,");
    expect(wethouderGreeting(null)).toBe("Geachte wethouder,");
    expect(surnameAfterTitle("de Graaf")).toBe("De Graaf");
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain, nothing else of the name", () => {
    expect(maskEmail("noor.jansen@voorbeeld.nl")).toBe("n…@voorbeeld.nl");
    expect(maskEmail("a@b.nl")).toBe("a…@b.nl");
    expect(maskEmail("\"x@y\"@voorbeeld.nl")).toBe("\"…@voorbeeld.nl");
  });
  it("gives away nothing of something that is not an address", () => {
    expect(maskEmail("geen-adres")).toBe("…");
    expect(maskEmail("@voorbeeld.nl")).toBe("…");
  });
});
