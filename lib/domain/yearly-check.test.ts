import { describe, expect, it } from "vitest";
import { checkDueAt, nextOpenStage, stageAt, stageStartsAt } from "./yearly-check";

const d = (iso: string) => new Date(iso);

describe("the yearly check's dates", () => {
  it("is due twelve calendar months after the anchor", () => {
    expect(checkDueAt(d("2025-02-10T10:00:00Z")).toISOString()).toBe("2026-02-10T10:00:00.000Z");
    expect(checkDueAt(d("2025-12-31T23:30:00Z")).toISOString()).toBe("2026-12-31T23:30:00.000Z");
  });

  it("a 29 February anchor is due on 1 March of a non-leap year, never early", () => {
    expect(checkDueAt(d("2024-02-29T12:00:00Z")).toISOString()).toBe("2025-03-01T12:00:00.000Z");
    expect(checkDueAt(d("2027-02-28T12:00:00Z")).toISOString()).toBe("2028-02-28T12:00:00.000Z");
  });

  it("moves through the stages at 14, 30 and 90 days after the first question", () => {
    const start = d("2026-01-01T08:00:00Z");
    expect(stageAt(start, d("2026-01-14T23:59:59Z"))).toBe("asked");
    expect(stageAt(start, d("2026-01-15T08:00:00Z"))).toBe("reminded");
    expect(stageAt(start, d("2026-01-31T07:59:59Z"))).toBe("reminded");
    expect(stageAt(start, d("2026-01-31T08:00:00Z"))).toBe("unconfirmed");
    expect(stageAt(start, d("2026-04-01T08:00:00Z"))).toBe("decision");
    expect(stageStartsAt("decision", start).toISOString()).toBe("2026-04-01T08:00:00.000Z");
  });

  it("steps one stage at a time and stops at the decision", () => {
    expect(nextOpenStage("asked")).toBe("reminded");
    expect(nextOpenStage("reminded")).toBe("unconfirmed");
    expect(nextOpenStage("unconfirmed")).toBe("decision");
    expect(nextOpenStage("decision")).toBeNull();
  });
});
