import { describe, expect, it } from "vitest";

import { MAX_ADDRESS_LIST_LINES } from "@/lib/domain/address-list";

import {
  addressListSchema,
  addressLookupQuerySchema,
  addressSchema,
  adminDetailsSchema,
  joinRequestDecisionSchema,
  joinRequestSchema,
  mapPointSchema,
  memberAddressSchema,
  registerGroupSchema,
  signInSchema,
  bordRequestSchema,
  staffDecisionSchema,
  staffSettingsSchema,
  bordSettingsSchema,
} from "./index";
import { errorsOf, parseOk } from "./test-helpers";
import { areaPostcodesField, contactSchema, MAX_AREA_POSTCODES } from "./staff";

const TODAY = "2025-06-15";

const admin = {
  name: "Sanne de Vries",
  email: "Sanne@Voorbeeld.nl",
  phone: "06-12345678",
  birthDate: "1980-05-31",
  address: { postcode: "2922 ab", houseNumber: "12", addition: "a" },
};

describe("addressSchema", () => {
  it("normalises a form's strings", () => {
    expect(parseOk(addressSchema, { postcode: "2922 ab", houseNumber: "12", addition: " bis " })).toEqual({
      postcode: "2922AB",
      houseNumber: 12,
      addition: "BIS",
    });
  });

  it("makes the addition optional", () => {
    expect(parseOk(addressSchema, { postcode: "2922AB", houseNumber: 12 })).toEqual({ postcode: "2922AB", houseNumber: 12, addition: "" });
  });

  it("strips unknown keys", () => {
    expect(parseOk(addressSchema, { postcode: "2922AB", houseNumber: 12, isAdmin: true })).not.toHaveProperty("isAdmin");
  });

  it("reports each field at its own path", () => {
    expect(Object.keys(errorsOf(addressSchema, { postcode: "2922SS", houseNumber: "12abc", addition: "1234567" })).sort()).toEqual([
      "addition",
      "houseNumber",
      "postcode",
    ]);
  });
});

describe("memberAddressSchema and addressListSchema", () => {
  it("needs the admin's statement about the residents", () => {
    expect(parseOk(memberAddressSchema, { postcode: "2922AB", houseNumber: 12, residentsConfirmed: true })).toMatchObject({
      residentsConfirmed: true,
    });
    expect(errorsOf(memberAddressSchema, { postcode: "2922AB", houseNumber: 12, residentsConfirmed: false }).residentsConfirmed?.[0]).toContain(
      "18 jaar",
    );
  });

  it("accepts a pasted list and keeps its lines and tabs", () => {
    expect(parseOk(addressListSchema, { text: "postcode\thuisnummer\r\n2922AB\t12\r\n", residentsConfirmed: "on" })).toEqual({
      text: "postcode\thuisnummer\n2922AB\t12",
      residentsConfirmed: true,
    });
  });

  it("refuses an empty list, and a list of more than 10,000 addresses", () => {
    expect(errorsOf(addressListSchema, { text: " \n ", residentsConfirmed: true }).text).toEqual([
      "Plak een lijst met adressen, of kies een bestand.",
    ]);
    const tooMany = Array.from({ length: MAX_ADDRESS_LIST_LINES + 1 }, (_, i) => `2922AB ${i + 1}`).join("\n");
    expect(errorsOf(addressListSchema, { text: tooMany, residentsConfirmed: true }).text?.[0]).toContain("10.000");
    const header = `postcode;huisnummer\n${Array.from({ length: MAX_ADDRESS_LIST_LINES }, (_, i) => `2922AB;${i + 1}`).join("\n")}`;
    expect(addressListSchema.safeParse({ text: header, residentsConfirmed: true }).success).toBe(true);
  });
});

describe("addressLookupQuerySchema", () => {
  it("turns Dutch query keys into an address", () => {
    expect(parseOk(addressLookupQuerySchema, { postcode: "2922ab", huisnummer: "12" })).toEqual({
      postcode: "2922AB",
      houseNumber: 12,
      addition: "",
    });
  });

  it("refuses a missing house number", () => {
    expect(errorsOf(addressLookupQuerySchema, { postcode: "2922AB" }).huisnummer).toHaveLength(1);
  });

  // What /zoeken shows at the field (the page shows each field's first message; the browser
  // test of the page, e2e/public.spec.ts, checks one case for the wiring).
  it.each([
    ["0000AA", "1", "postcode", "Deze postcode bestaat niet"],
    ["1234SA", "1", "postcode", "Deze postcode bestaat niet"],
    ["12345", "1", "postcode", "Deze postcode bestaat niet"],
    ["", "12", "postcode", "Vul een postcode in zoals 2922 AB."],
    ["<script>alert(1)</script>", "12", "postcode", "Deze postcode is te lang"],
    ["2922AB", "0", "huisnummer", "Een huisnummer is een getal van 1 tot en met 99999."],
    ["2922AB", "100000", "huisnummer", "Een huisnummer is een getal van 1 tot en met 99999."],
    ["2922AB", "12abc", "huisnummer", "Vul bij huisnummer alleen cijfers in"],
  ])("refuses postcode %j with house number %j: %s says %j", (postcode, huisnummer, field, message) => {
    const errors = errorsOf(addressLookupQuerySchema, { postcode, huisnummer });
    expect(errors[field]?.[0]).toContain(message);
  });
});

describe("adminDetailsSchema", () => {
  const schema = adminDetailsSchema(TODAY);

  it("cleans and normalises every field", () => {
    expect(parseOk(schema, { ...admin, name: " Sanne  de Vries\u0000 ", extra: "x" })).toEqual({
      name: "Sanne de Vries",
      email: "sanne@voorbeeld.nl",
      phone: "+31612345678",
      birthDate: "1980-05-31",
      address: { postcode: "2922AB", houseNumber: 12, addition: "A" },
    });
  });

  it("accepts a landline", () => {
    expect(parseOk(schema, { ...admin, phone: "0180 123456" }).phone).toBe("+31180123456");
  });

  it("refuses an admin under 18, with a message at the field", () => {
    expect(errorsOf(schema, { ...admin, birthDate: "2007-06-16" }).birthDate).toEqual(["Een groepsbeheerder moet 18 jaar of ouder zijn."]);
    expect(schema.safeParse({ ...admin, birthDate: "2007-06-15" }).success).toBe(true);
  });

  it("refuses a missing field with a Dutch message", () => {
    const errors = errorsOf(schema, {});
    expect(Object.keys(errors).sort()).toEqual(["address", "birthDate", "email", "name", "phone"]);
    expect(errors.email).toEqual(["Vul een e-mailadres in."]);
  });
});

describe("registerGroupSchema", () => {
  const schema = registerGroupSchema(TODAY);
  const you = { name: admin.name, phone: admin.phone, birthDate: admin.birthDate, address: admin.address };
  const registration = {
    name: " WhatsApp BP  Kortland-Noord ",
    areaCode: "WK054203",
    areaDescription: "De straten rond het Raadhuisplein.\r\nTot aan de dijk.",
    admin: you,
    acceptHouseRules: true,
    residentsConfirmed: true,
  };

  it("accepts a registration by one admin, without co-admins or addresses yet", () => {
    expect(parseOk(schema, registration)).toEqual({
      name: "WhatsApp BP Kortland-Noord",
      areaCode: "WK054203",
      areaDescription: "De straten rond het Raadhuisplein.\nTot aan de dijk.",
      admin: expect.objectContaining({ phone: "+31612345678", address: { postcode: "2922AB", houseNumber: 12, addition: "A" } }),
      coAdmins: [],
      addressList: "",
      whatsappInviteLink: null,
      acceptHouseRules: true,
      residentsConfirmed: true,
    });
  });

  it("takes the admin's e-mail address from the session, not from the form", () => {
    expect(parseOk(schema, { ...registration, admin }).admin).not.toHaveProperty("email");
  });

  it("makes the area description optional", () => {
    const withoutDescription: Partial<typeof registration> = { ...registration };
    delete withoutDescription.areaDescription;
    expect(parseOk(schema, withoutDescription).areaDescription).toBe("");
  });

  it("needs the house rules accepted and the statement about the residents", () => {
    expect(errorsOf(schema, { ...registration, acceptHouseRules: false }).acceptHouseRules).toEqual([
      "Lees de huisregels en vink aan dat u zich eraan houdt.",
    ]);
    expect(errorsOf(schema, { ...registration, residentsConfirmed: false }).residentsConfirmed).toHaveLength(1);
  });

  it("invites at most nine co-admins, so a group has at most ten admins", () => {
    const coAdmins = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `beheerder${i}@voorbeeld.nl` }));
    expect(parseOk(schema, { ...registration, coAdmins: coAdmins(9) }).coAdmins).toHaveLength(9);
    expect(errorsOf(schema, { ...registration, coAdmins: coAdmins(10) }).coAdmins).toEqual(["U kunt hooguit 9 medebeheerders uitnodigen."]);
  });

  it("refuses two co-admins with one e-mail address, at the second one", () => {
    const errors = errorsOf(schema, { ...registration, coAdmins: [{ email: "b@voorbeeld.nl" }, { email: " B@VOORBEELD.nl" }] });
    expect(Object.keys(errors)).toEqual(["coAdmins.1.email"]);
  });

  it("shows an under-age admin at the date of birth", () => {
    const errors = errorsOf(schema, { ...registration, admin: { ...you, birthDate: "2010-01-01" } });
    expect(Object.keys(errors)).toEqual(["admin.birthDate"]);
  });

  it.each([
    ["", "Vul een naam voor de groep in."],
    ["BP", "Een groepsnaam heeft minstens 3 tekens, bijvoorbeeld WhatsApp BP Kortland-Noord."],
    ["1234", "Een groepsnaam bevat letters, bijvoorbeeld WhatsApp BP Kortland-Noord."],
    ["x".repeat(81), "Deze naam is te lang. Gebruik hooguit 80 tekens."],
  ])("refuses the group name %j", (name, message) => {
    expect(errorsOf(schema, { ...registration, name }).name).toEqual([message]);
  });

  it("refuses a description over 1000 characters", () => {
    expect(errorsOf(schema, { ...registration, areaDescription: "x".repeat(1001) }).areaDescription).toHaveLength(1);
  });

  it.each([
    ["https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv"],
    ["https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv?mode=ems_copy_t", "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv?mode=ems_copy_t"],
    ["", null],
    [null, null],
  ])("accepts the invite link %j", (link, expected) => {
    expect(parseOk(schema, { ...registration, whatsappInviteLink: link }).whatsappInviteLink).toBe(expected);
  });

  it.each(["http://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", "https://evil.example/chat.whatsapp.com/AbCdEfGhIj", "javascript:alert(1)"])(
    "refuses the invite link %j",
    (link) => {
      expect(errorsOf(schema, { ...registration, whatsappInviteLink: link }).whatsappInviteLink).toHaveLength(1);
    },
  );
});

describe("joinRequestSchema", () => {
  const schema = joinRequestSchema(TODAY);
  const request = { ...admin, acceptHouseRules: "on" };

  it("accepts a resident with a mobile number", () => {
    expect(parseOk(schema, request)).toMatchObject({ phone: "+31612345678", acceptHouseRules: true, address: { postcode: "2922AB" } });
  });

  it("needs a mobile number (WhatsApp)", () => {
    expect(errorsOf(schema, { ...request, phone: "010 1234567" }).phone).toEqual(["Vul een mobiel nummer in dat met 06 begint."]);
  });

  it("refuses a resident under 18 and one born in the future", () => {
    expect(errorsOf(schema, { ...request, birthDate: "2010-01-01" }).birthDate).toEqual(["U moet 18 jaar of ouder zijn om mee te doen."]);
    expect(errorsOf(schema, { ...request, birthDate: "2030-01-01" }).birthDate?.[0]).toContain("toekomst");
  });

  it("needs the house rules accepted", () => {
    expect(errorsOf(schema, { ...request, acceptHouseRules: undefined }).acceptHouseRules).toHaveLength(1);
  });
});

describe("joinRequestDecisionSchema", () => {
  it("accepts accept and decline", () => {
    expect(parseOk(joinRequestDecisionSchema, { decision: "accept" })).toEqual({ decision: "accept", message: "" });
    expect(parseOk(joinRequestDecisionSchema, { decision: "decline", message: " Sorry " })).toEqual({ decision: "decline", message: "Sorry" });
  });

  it("refuses other decisions", () => {
    expect(errorsOf(joinRequestDecisionSchema, { decision: "maybe" }).decision).toEqual(["Kies of u de aanmelding accepteert of afwijst."]);
  });
});

describe("bordRequestSchema", () => {
  const request = { bordCount: "2", street: " Raadhuisplein ", nearHouseNumber: "3", description: "Bij de ingang van het park." };

  it("accepts a request without a map point", () => {
    expect(parseOk(bordRequestSchema, request)).toEqual({
      bordCount: 2,
      street: "Raadhuisplein",
      nearHouseNumber: 3,
      description: "Bij de ingang van het park.",
      point: null,
      note: "",
    });
  });

  it("accepts a point in the Netherlands (numbers or strings)", () => {
    expect(parseOk(bordRequestSchema, { ...request, point: { lat: 51.9167, lng: 4.5833 } }).point).toEqual({ lat: 51.9167, lng: 4.5833 });
    expect(parseOk(bordRequestSchema, { ...request, point: { lat: "51.9167", lng: "4.5833" } }).point).toEqual({ lat: 51.9167, lng: 4.5833 });
  });

  it.each([
    [{ lat: 48.8566, lng: 2.3522 }, "Nederland"],
    [{ lat: 4.5833, lng: 51.9167 }, "Nederland"],
    [{ lat: "abc", lng: 4.5 }, "kaart"],
    [{ lat: 51.9 }, "kaart"],
  ])("refuses the point %j", (point, fragment) => {
    const errors = errorsOf(bordRequestSchema, { ...request, point });
    expect(Object.entries(errors).filter(([path]) => path.startsWith("point")).flatMap(([, messages]) => messages).join(" ")).toContain(fragment);
  });

  it("makes the house number and description optional", () => {
    expect(parseOk(bordRequestSchema, { bordCount: 1, street: "Raadhuisplein", nearHouseNumber: "" })).toMatchObject({
      nearHouseNumber: null,
      description: "",
    });
  });

  it.each([
    ["0", "U kunt 1 tot en met 4 borden aanvragen."],
    ["5", "U kunt 1 tot en met 4 borden aanvragen."],
    ["2.5", "Vul het aantal borden in als getal, van 1 tot en met 4."],
    ["", "Vul in hoeveel borden u wilt, van 1 tot en met 4."],
  ])("refuses %j bords", (bordCount, message) => {
    expect(errorsOf(bordRequestSchema, { ...request, bordCount }).bordCount).toEqual([message]);
  });

  it("needs a street", () => {
    expect(errorsOf(bordRequestSchema, { ...request, street: "  " }).street).toEqual(["Vul de straat in waar het bord moet komen."]);
  });

  it("exports the point schema on its own", () => {
    expect(mapPointSchema.safeParse({ lat: 53.45, lng: 5.7 }).success).toBe(true);
  });

  it("accepts Dutch decimal commas in typed coordinates, and refuses thousands separators and text", () => {
    expect(mapPointSchema.parse({ lat: "51,9167", lng: " 4,5936 " })).toEqual({ lat: 51.9167, lng: 4.5936 });
    expect(mapPointSchema.parse({ lat: "51.9167", lng: "4.5936" })).toEqual({ lat: 51.9167, lng: 4.5936 });
    for (const bad of ["51,91,67", "1.051,9", "51;9", "<script>", "51,9' or 1=1"]) {
      expect(mapPointSchema.safeParse({ lat: bad, lng: "4,59" }).success, bad).toBe(false);
    }
  });
});

describe("staffDecisionSchema", () => {
  it.each(["review", "approve", "place"])("accepts %s without a note", (action) => {
    expect(parseOk(staffDecisionSchema, { action })).toEqual({ action, note: "" });
  });

  it("accepts a rejection with a reason", () => {
    expect(parseOk(staffDecisionSchema, { action: "reject", note: "Er staat al een bord in deze straat." })).toMatchObject({
      action: "reject",
    });
  });

  it("needs a reason on rejection, at the note field", () => {
    expect(errorsOf(staffDecisionSchema, { action: "reject" }).note?.[0]).toContain("Schrijf op waarom");
    expect(errorsOf(staffDecisionSchema, { action: "reject", note: " \n " }).note?.[0]).toContain("Schrijf op waarom");
    expect(errorsOf(staffDecisionSchema, { action: "reject", note: "Nee." }).note?.[0]).toContain("minstens 10 tekens");
  });

  it("refuses withdraw (that is the group admin's) and unknown actions", () => {
    expect(errorsOf(staffDecisionSchema, { action: "withdraw" }).action).toHaveLength(1);
    expect(errorsOf(staffDecisionSchema, { action: "delete" }).action).toHaveLength(1);
  });

  it("passes an expected status through, and refuses an unknown one", () => {
    expect(parseOk(staffDecisionSchema, { action: "approve", expectedStatus: "in_review" }).expectedStatus).toBe("in_review");
    expect(errorsOf(staffDecisionSchema, { action: "approve", expectedStatus: "gone" }).expectedStatus).toHaveLength(1);
  });
});

describe("staffSettingsSchema", () => {
  it("accepts a threshold and a mailbox", () => {
    expect(parseOk(staffSettingsSchema, { bordThreshold: "50", safetyEmail: "Veiligheid@KrimpenAanDenIJssel.nl" })).toEqual({
      bordThreshold: 50,
      safetyEmail: "veiligheid@krimpenaandenijssel.nl",
    });
  });

  it.each([
    ["1", true],
    ["1000", true],
    ["0", false],
    ["1001", false],
    ["50.5", false],
    ["", false],
  ])("threshold %j valid: %s", (bordThreshold, valid) => {
    expect(staffSettingsSchema.safeParse({ bordThreshold, safetyEmail: "veiligheid@krimpenaandenijssel.nl" }).success).toBe(valid);
  });

  it("refuses a bad mailbox", () => {
    expect(errorsOf(staffSettingsSchema, { bordThreshold: 50, safetyEmail: "veiligheid" }).safetyEmail).toHaveLength(1);
  });
});

describe("bordSettingsSchema (issue 21)", () => {
  const ok = { bordsPerGroup: "2", contribution: "12,50", condition: "household_share", householdPercent: "10" };
  it("accepts borden per group, a contribution in euros and a condition", () => {
    expect(parseOk(bordSettingsSchema, ok)).toEqual({ bordsPerGroup: 2, contribution: 1250, condition: "household_share", householdPercent: 10 });
    expect(parseOk(bordSettingsSchema, { ...ok, contribution: "€ 25", condition: "addresses", householdPercent: "" })).toEqual({
      bordsPerGroup: 2,
      contribution: 2500,
      condition: "addresses",
      householdPercent: null,
    });
    expect(parseOk(bordSettingsSchema, { ...ok, contribution: "0" }).contribution).toBe(0);
    expect(parseOk(bordSettingsSchema, { ...ok, contribution: "7.5" }).contribution).toBe(750);
  });

  it.each([
    ["bordsPerGroup", "0"],
    ["bordsPerGroup", "5"],
    ["bordsPerGroup", "twee"],
    ["bordsPerGroup", ""],
    ["contribution", "-5"],
    ["contribution", "1000,01"],
    ["contribution", "12,505"],
    ["contribution", "1.000,00"],
    ["contribution", "<script>alert(1)</script>"],
    ["contribution", "'; drop table municipalities; --"],
    ["contribution", ""],
    ["contribution", "9".repeat(5000)],
    ["condition", "altijd"],
    ["condition", ""],
    ["householdPercent", "0"],
    ["householdPercent", "101"],
    ["householdPercent", "10%"],
    ["householdPercent", ""],
  ])("refuses %s = %j with a Dutch message at the field", (field, value) => {
    const errors = errorsOf(bordSettingsSchema, { ...ok, [field]: value });
    expect(errors[field]?.[0]).toMatch(/[a-z]/);
    expect(errors[field]?.[0]).not.toMatch(/Invalid|expected/);
  });

  it("needs the percentage only with the household condition", () => {
    expect(bordSettingsSchema.safeParse({ ...ok, condition: "addresses", householdPercent: undefined }).success).toBe(true);
    expect(errorsOf(bordSettingsSchema, { ...ok, householdPercent: undefined }).householdPercent?.[0]).toContain("percentage");
    expect(bordSettingsSchema.safeParse({}).success).toBe(false);
  });
});

describe("signInSchema", () => {
  it("accepts and lower-cases an e-mail address", () => {
    expect(parseOk(signInSchema, { email: " Beheerder@Voorbeeld.NL", callbackUrl: "https://evil.example" })).toEqual({
      email: "beheerder@voorbeeld.nl",
    });
  });

  it("refuses a bad e-mail address", () => {
    expect(errorsOf(signInSchema, { email: "beheerder" }).email).toEqual(["Dit e-mailadres klopt niet. Vul een adres in zoals naam@voorbeeld.nl."]);
  });
});

describe("contactSchema phone (optional)", () => {
  const base = { kind: "wijkagent", name: "Nieuwe Agent", email: "agent@test.example", areaIds: ["6f1d2a4e-8b9c-4d3e-9f0a-1b2c3d4e5f60"] };

  it("gives null when empty or missing, E.164 when filled in", () => {
    expect(contactSchema.parse({ ...base, phone: "" }).phone).toBeNull();
    expect(contactSchema.parse({ ...base, phone: "  " }).phone).toBeNull();
    expect(contactSchema.parse(base).phone).toBeNull();
    expect(contactSchema.parse({ ...base, phone: "010 1234567" }).phone).toBe("+31101234567");
  });

  it("refuses other text with the Dutch message of the phone field (not zod's English union message)", () => {
    const result = contactSchema.safeParse({ ...base, phone: "<img src=x onerror=alert(1)>" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["phone", "Dit telefoonnummer klopt niet. Vul een nummer in zoals 06 12345678 of 010 1234567."],
    ]);
  });
});

describe("areaPostcodesField (the wijk form)", () => {
  // Full postcodes as the form shows them after an import: "2921 AA, 2921 AB, …".
  const postcodes = (n: number) =>
    Array.from({ length: n }, (_, i) => `${2000 + Math.floor(i / 676)} ${String.fromCharCode(65 + Math.floor((i % 676) / 26))}${String.fromCharCode(65 + (i % 26))}`)
      .filter((p) => !/ (SA|SD|SS)$/.test(p));
  it(`saves a wijk with ${MAX_AREA_POSTCODES} full postcodes, as an imported postcode table gives`, () => {
    let list = postcodes(MAX_AREA_POSTCODES + 200).slice(0, MAX_AREA_POSTCODES);
    const parsed = areaPostcodesField.safeParse(list.join(", "));
    expect(parsed.success && parsed.data.length).toBe(MAX_AREA_POSTCODES);
    list = postcodes(MAX_AREA_POSTCODES + 200).slice(0, MAX_AREA_POSTCODES + 1);
    const refused = areaPostcodesField.safeParse(list.join(", "));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe(`Dit zijn te veel postcodes. Gebruik hooguit ${MAX_AREA_POSTCODES}.`);
  });
});
