import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatWaitTime } from "./wait-time";

describe("a wait time in plain Dutch", () => {
  it("says minutes under an hour and hours above, rounded up", () => {
    expect(formatWaitTime(0)).toBe("een minuut");
    expect(formatWaitTime(59.2)).toBe("een minuut");
    expect(formatWaitTime(61)).toBe("2 minuten");
    expect(formatWaitTime(45 * 60)).toBe("45 minuten");
    expect(formatWaitTime(59 * 60 + 1)).toBe("een uur");
    expect(formatWaitTime(3600)).toBe("een uur");
    expect(formatWaitTime(3601)).toBe("2 uur");
    expect(formatWaitTime(23.5 * 3600)).toBe("24 uur");
    expect(formatWaitTime(Number.NaN)).toBe("een minuut");
  });

  it("never says less than the real wait", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 * 24 * 3600 }), (seconds) => {
        const text = formatWaitTime(seconds);
        const [, n, unit] = /^(een|\d+) (minuut|minuten|uur)$/.exec(text) ?? [];
        const amount = n === "een" ? 1 : Number(n);
        expect(amount * (unit === "uur" ? 3600 : 60)).toBeGreaterThanOrEqual(seconds);
      }),
    );
  });
});
