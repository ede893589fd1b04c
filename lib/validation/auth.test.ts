import { describe, expect, it } from "vitest";
import { safeReturnPath, signInRequestSchema } from "./index";
import { errorsOf, parseOk } from "./test-helpers";

describe("safeReturnPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeReturnPath("/mijn-groepen")).toBe("/mijn-groepen");
    expect(safeReturnPath("/mijn-groepen/12?tab=adressen")).toBe("/mijn-groepen/12?tab=adressen");
    expect(safeReturnPath("  /beheer  ")).toBe("/beheer");
    expect(safeReturnPath("/zoeken?postcode=2922AB&huisnummer=12")).toBe("/zoeken?postcode=2922AB&huisnummer=12");
  });

  it("drops anything that could lead elsewhere", () => {
    for (const value of [
      "https://elders.example/",
      "//elders.example/pad",
      "/\\elders.example",
      "\\\\elders.example",
      "javascript:alert(1)",
      "mijn-groepen",
      "/\u0000/x",
      "/a\nb",
      `/${"a".repeat(600)}`,
      "",
      null,
      undefined,
      42,
      ["/beheer"],
    ]) {
      expect(safeReturnPath(value), String(value)).toBeNull();
    }
  });
});

describe("signInRequestSchema", () => {
  it("normalises the address and keeps a safe return path", () => {
    expect(parseOk(signInRequestSchema, { email: "  Sanne@Voorbeeld.NL ", terug: "/mijn-groepen" })).toEqual({
      email: "sanne@voorbeeld.nl",
      terug: "/mijn-groepen",
      website: "",
    });
  });

  it("drops an unsafe return path instead of refusing the form", () => {
    expect(parseOk(signInRequestSchema, { email: "a@voorbeeld.nl", terug: "https://elders.example" })).toEqual({
      email: "a@voorbeeld.nl",
      terug: null,
      website: "",
    });
    expect(parseOk(signInRequestSchema, { email: "a@voorbeeld.nl" }).terug).toBeNull();
  });

  it("never refuses the form for its honeypot, whatever a bot puts there", () => {
    for (const website of ["https://spam.example", 12, { a: 1 }, "x".repeat(5000), null]) {
      const parsed = parseOk(signInRequestSchema, { email: "a@voorbeeld.nl", website });
      expect(parsed.email).toBe("a@voorbeeld.nl");
      expect(parsed.website.length).toBeLessThanOrEqual(200);
    }
  });

  it("says at the field what is wrong with the address", () => {
    expect(errorsOf(signInRequestSchema, { email: "" }).email).toEqual(["Vul een e-mailadres in."]);
    expect(errorsOf(signInRequestSchema, {}).email).toEqual(["Vul een e-mailadres in."]);
    expect(errorsOf(signInRequestSchema, { email: "geen-adres" }).email?.[0]).toMatch(/klopt niet/);
    expect(errorsOf(signInRequestSchema, { email: "<script>@x.nl" }).email?.[0]).toMatch(/klopt niet/);
    expect(errorsOf(signInRequestSchema, { email: "x'; drop table users; --@x.nl" }).email?.[0]).toMatch(/klopt niet/);
    expect(errorsOf(signInRequestSchema, { email: `${"a".repeat(260)}@x.nl` }).email?.[0]).toMatch(/te lang/);
    expect(errorsOf(signInRequestSchema, { email: 12 }).email).toBeDefined();
  });
});
