import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  acceptedField,
  additionField,
  areaCodeField,
  birthDateField,
  emailField,
  houseNumberField,
  optionalHouseNumberField,
  personNameField,
  phoneField,
  postcodeField,
} from "./fields";
import { errorsOf, parseOk } from "./test-helpers";

const TODAY = "2025-06-15";

describe("postcodeField", () => {
  it.each([
    ["2922 AB", "2922AB"],
    ["2922ab", "2922AB"],
    [" 2922 ab\n", "2922AB"],
  ])("normalises %j to %s", (input, expected) => {
    expect(parseOk(postcodeField, input)).toBe(expected);
  });

  it.each([
    ["", "Vul een postcode in zoals 2922 AB."],
    [undefined, "Vul een postcode in zoals 2922 AB."],
    ["2922 SA", "Deze postcode bestaat niet. Vul vier cijfers en twee letters in, zoals 2922 AB."],
    ["0922AB", "Deze postcode bestaat niet. Vul vier cijfers en twee letters in, zoals 2922 AB."],
    ["2922 AB 12", "Deze postcode bestaat niet. Vul vier cijfers en twee letters in, zoals 2922 AB."],
    ["x".repeat(100), "Deze postcode is te lang. Vul een postcode in zoals 2922 AB."],
  ])("refuses %j: %s", (input, message) => {
    expect(errorsOf(postcodeField, input)[""]).toEqual([message]);
  });
});

describe("houseNumberField", () => {
  it.each([
    ["12", 12],
    [" 12 ", 12],
    ["012", 12],
    [12, 12],
    ["1", 1],
    ["99999", 99999],
  ])("reads %j as %i", (input, expected) => {
    expect(parseOk(houseNumberField, input)).toBe(expected);
  });

  it.each([
    ["", "Vul een huisnummer in"],
    [undefined, "Vul een huisnummer in"],
    ["12abc", "alleen cijfers"],
    ["12 A", "alleen cijfers"],
    ["1e3", "alleen cijfers"],
    ["0x10", "alleen cijfers"],
    ["12.0", "alleen cijfers"],
    ["-5", "alleen cijfers"],
    [12.5, "alleen cijfers"],
    [Number.NaN, "Vul een huisnummer in"], // react-hook-form valueAsNumber gives NaN for an empty field
    ["0", "van 1 tot en met 99999"],
    ["100000", "van 1 tot en met 99999"],
    ["99999999999999999999", "van 1 tot en met 99999"],
    [0, "van 1 tot en met 99999"],
  ])("refuses %j (%s)", (input, fragment) => {
    expect(errorsOf(houseNumberField, input)[""]?.join(" ")).toContain(fragment);
  });

  it("accepts exactly the whole numbers 1–99999 written as digits (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 7 }), (text) => {
        const result = houseNumberField.safeParse(text);
        const trimmed = text.trim();
        const expected = /^\d+$/.test(trimmed) && Number(trimmed) >= 1 && Number(trimmed) <= 99999;
        expect(result.success).toBe(expected);
        if (result.success) expect(result.data).toBe(Number(trimmed));
      }),
      { numRuns: 1000 },
    );
  });

  it("optional: empty gives null", () => {
    const schema = z.object({ n: optionalHouseNumberField.optional() });
    expect(parseOk(schema, { n: "" })).toEqual({ n: null });
    expect(parseOk(schema, {})).toEqual({});
    expect(parseOk(schema, { n: null })).toEqual({ n: null });
    expect(parseOk(schema, { n: "7" })).toEqual({ n: 7 });
    expect(errorsOf(schema, { n: "7b" }).n).toHaveLength(1);
  });
});

describe("additionField", () => {
  it.each([
    [undefined, ""],
    [null, ""],
    ["", ""],
    [" a ", "A"],
    ["bis", "BIS"],
    ["-2", "2"],
    ["2-hoog", "2-HOOG"],
  ])("normalises %j to %j", (input, expected) => {
    expect(parseOk(additionField, input)).toBe(expected);
  });

  it.each(["1234567", "A/B", "x".repeat(30), "Ä"])("refuses %j", (input) => {
    expect(errorsOf(additionField, input)[""]).toHaveLength(1);
  });
});

describe("emailField", () => {
  it.each([
    [" Sanne@Voorbeeld.NL ", "sanne@voorbeeld.nl"],
    ["a.b+buurt@krimpenaandenijssel.nl", "a.b+buurt@krimpenaandenijssel.nl"],
  ])("accepts %j as %s", (input, expected) => {
    expect(parseOk(emailField, input)).toBe(expected);
  });

  it.each([
    ["", "Vul een e-mailadres in."],
    ["sanne", "Dit e-mailadres klopt niet. Vul een adres in zoals naam@voorbeeld.nl."],
    ["sanne@", "Dit e-mailadres klopt niet. Vul een adres in zoals naam@voorbeeld.nl."],
    ["sanne@voorbeeld", "Dit e-mailadres klopt niet. Vul een adres in zoals naam@voorbeeld.nl."],
    [`${"a".repeat(250)}@x.nl`, "Dit e-mailadres is te lang. Gebruik hooguit 254 tekens."],
  ])("refuses %j", (input, message) => {
    expect(errorsOf(emailField, input)[""]).toEqual([message]);
  });
});

describe("phoneField", () => {
  const mobileOrLandline = phoneField("mobile_or_landline");
  const mobile = phoneField("mobile");

  it.each([
    ["06-12345678", "+31612345678"],
    ["06 1234 5678", "+31612345678"],
    ["+31 6 12345678", "+31612345678"],
    ["+31 (0)6 12345678", "+31612345678"],
    ["0031612345678", "+31612345678"],
    ["(010) 123 45 67", "+31101234567"],
    ["0180-123456", "+31180123456"],
    ["085 123 4567", "+31851234567"],
  ])("mobile or landline: accepts %j as %s", (input, expected) => {
    expect(parseOk(mobileOrLandline, input)).toBe(expected);
  });

  it.each([
    ["", "Vul een telefoonnummer in."],
    ["0612345", "klopt niet"],
    ["06-CALLME", "klopt niet"],
    ["+32 470 12 34 56", "Nederlands"],
    ["+49 1512 3456789", "Nederlands"],
    ["0800 1234", "Servicenummers"],
    ["0900-8844", "Servicenummers"],
    ["088 123 4567", "Servicenummers"],
    ["1".repeat(40), "klopt niet"],
  ])("mobile or landline: refuses %j (%s)", (input, fragment) => {
    expect(errorsOf(mobileOrLandline, input)[""]?.join(" ")).toContain(fragment);
  });

  it("mobile: accepts an 06 number", () => {
    expect(parseOk(mobile, "06 12 34 56 78")).toBe("+31612345678");
  });

  it.each([
    ["010 123 4567", "mobiel nummer"],
    ["097 012345678", "mobiel nummer"],
    ["", "mobiele nummer"],
  ])("mobile: refuses %j", (input, fragment) => {
    expect(errorsOf(mobile, input)[""]?.join(" ")).toContain(fragment);
  });
});

describe("birthDateField", () => {
  const field = birthDateField(TODAY, "Te jong.");

  it.each(["2007-06-15", "2007-06-14", "1900-01-01", " 1980-05-31 "])("accepts %j on %s", (input) => {
    expect(field.safeParse(input).success).toBe(true);
  });

  it.each([
    ["2007-06-16", "Te jong."],
    ["2025-06-15", "Te jong."],
    ["2025-06-16", "Deze geboortedatum ligt in de toekomst. Controleer de datum."],
    ["1899-12-31", "Deze geboortedatum ligt voor 1900. Controleer het jaar."],
    ["2007-02-29", "Deze datum bestaat niet. Vul de geboortedatum in met dag, maand en jaar."],
    ["15-06-2007", "Deze datum bestaat niet. Vul de geboortedatum in met dag, maand en jaar."],
    ["", "Vul een geboortedatum in."],
    ["2007-06-15T00:00:00Z", "Vul de geboortedatum in met dag, maand en jaar."],
  ])("refuses %j: %s", (input, message) => {
    expect(errorsOf(field, input)[""]).toEqual([message]);
  });

  it("turns 29 February into 1 March in a non-leap year", () => {
    expect(birthDateField("2018-02-28", "Te jong.").safeParse("2000-02-29").success).toBe(false);
    expect(birthDateField("2018-03-01", "Te jong.").safeParse("2000-02-29").success).toBe(true);
  });

  it("refuses a bad 'today' when the schema is made (programming error)", () => {
    expect(() => birthDateField("15-06-2025", "Te jong.")).toThrow(TypeError);
  });
});

describe("acceptedField", () => {
  const field = acceptedField("Vink aan.");

  it.each([true, "on"])("accepts %j as true", (input) => {
    expect(parseOk(field, input)).toBe(true);
  });

  it.each([false, undefined, "off", "true", 1, null])("refuses %j", (input) => {
    expect(errorsOf(field, input)[""]).toEqual(["Vink aan."]);
  });
});

describe("personNameField and areaCodeField", () => {
  it("cleans names and refuses names without letters", () => {
    expect(parseOk(personNameField, "  Sanne   de Vries ")).toBe("Sanne de Vries");
    expect(errorsOf(personNameField, "12345")[""]).toHaveLength(1);
    expect(errorsOf(personNameField, "S")[""]).toHaveLength(1);
    expect(errorsOf(personNameField, "S".repeat(101))[""]).toHaveLength(1);
  });

  it("accepts a CBS wijk code in any case and refuses other text", () => {
    expect(parseOk(areaCodeField, " wk054201 ")).toBe("WK054201");
    expect(errorsOf(areaCodeField, "")[""]).toEqual(["Kies een wijk."]);
    expect(errorsOf(areaCodeField, "Kortland")[""]).toEqual(["Kies een wijk uit de lijst."]);
  });
});
