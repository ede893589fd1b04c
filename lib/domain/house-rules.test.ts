import { describe, expect, it } from "vitest";

import { HOUSE_RULES, SAAR_STEPS } from "./house-rules";

describe("HOUSE_RULES", () => {
  it("has the nine rules, each with a unique id, a title and a text", () => {
    expect(HOUSE_RULES).toHaveLength(9);
    expect(new Set(HOUSE_RULES.map((rule) => rule.id)).size).toBe(9);
    for (const rule of HOUSE_RULES) {
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.text.length).toBeGreaterThan(10);
    }
  });

  it("spells out SAAR in four steps, with 112 and 0900-8844", () => {
    expect(SAAR_STEPS.map((step) => step.letter).join("")).toBe("SAAR");
    expect(SAAR_STEPS.map((step) => step.word)).toEqual(["Signaleer", "Alarmeer 112", "App", "Reageer"]);
    expect(SAAR_STEPS[1].text).toContain("112");
    expect(SAAR_STEPS[1].text).toContain("0900-8844");
    expect(HOUSE_RULES.find((rule) => rule.id === "saar")?.steps).toBe(SAAR_STEPS);
  });

  it("covers what SPEC rule 6 asks for", () => {
    const all = HOUSE_RULES.map((rule) => `${rule.title} ${rule.text}`).join(" ");
    for (const fragment of ["18 jaar", "Nederland", "112", "foto", "wetten", "zakelijk"]) expect(all).toContain(fragment);
  });

  it("keeps sentences short (B1: at most 25 words a sentence)", () => {
    const texts = [...HOUSE_RULES.map((rule) => rule.text), ...SAAR_STEPS.map((step) => step.text)];
    for (const sentence of texts.flatMap((text) => text.split(/[.?!:]\s/))) {
      expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(25);
    }
  });
});
