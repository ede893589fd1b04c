import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { calendarDateIn, formatCalendarDate, isLeapYear, isValidCalendarDate, parseCalendarDate } from "./dates";

describe("parseCalendarDate", () => {
  it.each(["2024-02-29", "2000-02-29", "1900-01-01", "2025-12-31", "2025-04-30"])("accepts %s", (date) => {
    expect(isValidCalendarDate(date)).toBe(true);
  });

  it.each(["2023-02-29", "1900-02-29", "2025-04-31", "2025-00-10", "2025-13-01", "2025-01-00", "2025-1-01", "20250101", "2025-01-01T00:00", ""])(
    "refuses %j",
    (date) => {
      expect(parseCalendarDate(date)).toBeNull();
    },
  );

  it("knows the leap years", () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it("round-trips every real date (property)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const text = date.toISOString().slice(0, 10);
        const parsed = parseCalendarDate(text);
        expect(parsed).not.toBeNull();
        if (parsed) expect(formatCalendarDate(parsed)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("calendarDateIn", () => {
  it("gives the date in the Netherlands, not in UTC", () => {
    expect(calendarDateIn(new Date("2025-03-31T22:30:00Z"))).toBe("2025-04-01"); // 00:30 summer time
    expect(calendarDateIn(new Date("2025-01-15T22:59:59Z"))).toBe("2025-01-15"); // 23:59 winter time
    expect(calendarDateIn(new Date("2025-01-15T23:00:00Z"))).toBe("2025-01-16");
  });

  it("takes another time zone", () => {
    expect(calendarDateIn(new Date("2025-01-15T23:00:00Z"), "UTC")).toBe("2025-01-15");
  });
});
