/**
 * The join form's server action, end to end below the browser: FormData as a browser posts it
 * (with or without JavaScript) → publicAction with joinRequestSchema(today) → submitJoinRequest
 * → the database. Only next/headers is replaced (there is no request outside Next).
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { joinRequests, mailOutbox, rateLimits } from "@/db/schema";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { calendarDateIn } from "@/lib/domain";
import { withTestDatabase } from "@/tests/db";
import type { JoinFormState } from "@/components/public/join-form-state";

let clientIp = "192.0.2.1";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": clientIp }),
}));

const { joinGroupAction } = await import("./actions");

const database = withTestDatabase();
let ipCounter = 0;

const VALID: Record<string, string> = {
  groupSlug: "havenbuurt",
  website: "",
  name: "Fenna Visser",
  email: "Fenna@Bewoner.example",
  phone: "06-12345678",
  "address.postcode": "3011 ab",
  "address.houseNumber": "12",
  "address.addition": "",
  birthDate: "1985-06-01",
  acceptHouseRules: "on",
};

function form(overrides: Record<string, string | undefined> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries({ ...VALID, ...overrides })) if (value !== undefined) data.append(key, value);
  return data;
}

async function submit(overrides: Record<string, string | undefined> = {}): Promise<JoinFormState> {
  ipCounter += 1;
  clientIp = `192.0.2.${ipCounter}`;
  return joinGroupAction({ status: "idle" }, form(overrides));
}

async function counts() {
  const { db } = database.current.handle;
  const [requests] = await db.select({ n: sql<number>`count(*)::int` }).from(joinRequests);
  const [mails] = await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox);
  return { requests: Number(requests.n), mails: Number(mails.n) };
}

function fieldErrors(state: JoinFormState): Record<string, string> {
  if (state.status !== "error") throw new Error(`expected an error, got ${state.status}`);
  return state.fieldErrors;
}

/** The date 18 years before today, plus `days`. */
function birthDateAround18(days: number): string {
  const today = calendarDateIn(new Date());
  const [y, m, d] = today.split("-").map(Number);
  const date = new Date(Date.UTC(y - 18, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db, { name: "Havenstad", code: "GM0921" });
  const area = await anArea(db, municipality, { name: "Haven", postcodes: ["3011"] });
  const admin = await aUser(db, { email: "havenbeheer@test.example", name: "Hans Haven" });
  await aGroup(db, area, { name: "Havenbuurt", slug: "havenbuurt", admins: [admin] });
});

beforeEach(async () => {
  const { db } = database.current.handle;
  await db.delete(joinRequests);
  await db.delete(mailOutbox);
  await db.delete(rateLimits);
});

describe("joinGroupAction", () => {
  it("accepts a valid form, stores the normalised request and queues the e-mails", async () => {
    expect(await submit()).toEqual({ status: "sent", groupName: "Havenbuurt" });
    const { db } = database.current.handle;
    const [stored] = await db.select().from(joinRequests);
    expect(stored).toMatchObject({ email: "fenna@bewoner.example", phone: "+31612345678", postcode: "3011AB", houseNumber: 12, addition: "" });
    expect(await counts()).toEqual({ requests: 1, mails: 2 });
  });

  it("refuses someone under 18, at the date of birth field, and stores nothing", async () => {
    const state = await submit({ birthDate: birthDateAround18(1) });
    expect(fieldErrors(state).birthDate).toBe("U moet 18 jaar of ouder zijn om mee te doen.");
    expect(await counts()).toEqual({ requests: 0, mails: 0 });
  });

  it("accepts someone who turns 18 today", async () => {
    expect((await submit({ birthDate: birthDateAround18(0) })).status).toBe("sent");
  });

  const badPostcodes = ["0000AA", "1234SA", "12345", "", "x".repeat(1000), "3011AB'; drop table join_requests; --", "<script>alert(1)</script>"];
  for (const postcode of badPostcodes) {
    it(`refuses postcode ${JSON.stringify(postcode.slice(0, 25))} at the postcode field`, async () => {
      const state = await submit({ "address.postcode": postcode });
      expect(fieldErrors(state)["address.postcode"]).toMatch(/postcode/i);
      expect(await counts()).toEqual({ requests: 0, mails: 0 });
    });
  }

  for (const houseNumber of ["0", "-1", "100000", "12abc", ""]) {
    it(`refuses house number ${JSON.stringify(houseNumber)} at the house number field`, async () => {
      const state = await submit({ "address.houseNumber": houseNumber });
      expect(fieldErrors(state)["address.houseNumber"]).toMatch(/huisnummer/i);
      expect(await counts()).toEqual({ requests: 0, mails: 0 });
    });
  }

  it("refuses missing fields, each with its own message, and keeps what was typed", async () => {
    const state = await submit({ name: undefined, email: "", phone: "0800-1234", acceptHouseRules: undefined });
    const errors = fieldErrors(state);
    expect(Object.keys(errors).sort()).toEqual(["acceptHouseRules", "email", "name", "phone"]);
    expect(errors.acceptHouseRules).toBe("Lees de huisregels en vink aan dat u zich eraan houdt.");
    if (state.status !== "error") throw new Error("unreachable");
    expect(state.values).toMatchObject({ phone: "0800-1234", address: { postcode: "3011 ab", houseNumber: "12" }, birthDate: "1985-06-01" });
    expect(state.values.acceptHouseRules).toBe(false);
    expect(await counts()).toEqual({ requests: 0, mails: 0 });
  });

  it("refuses too long values with a clear message", async () => {
    const errors = fieldErrors(
      await submit({ name: "Jan ".repeat(60), email: `${"a".repeat(250)}@example.nl`, "address.addition": "abcdefghijk", phone: "0".repeat(50) }),
    );
    expect(errors.name).toMatch(/te lang/);
    expect(errors.email).toMatch(/te lang/);
    expect(errors["address.addition"]).toBeDefined();
    expect(errors.phone).toBeDefined();
    expect(await counts()).toEqual({ requests: 0, mails: 0 });
  });

  it("refuses a foreign phone number and a landline: the group needs a Dutch mobile", async () => {
    expect(fieldErrors(await submit({ phone: "+32 470 12 34 56" })).phone).toMatch(/Nederlands|06/);
    expect(fieldErrors(await submit({ phone: "010 1234567" })).phone).toBe("Vul een mobiel nummer in dat met 06 begint.");
  });

  it("stores a name with script and SQL text as plain text when it is otherwise valid", async () => {
    const name = `<script>alert("x")</script> O'Brien; DROP TABLE groups;--`;
    expect((await submit({ name })).status).toBe("sent");
    const { db } = database.current.handle;
    const [stored] = await db.select({ name: joinRequests.name }).from(joinRequests);
    expect(stored.name).toBe(name);
  });

  it("answers a filled honeypot with success and stores nothing", async () => {
    expect(await submit({ website: "http://spam.example" })).toEqual({ status: "sent", groupName: "Havenbuurt" });
    expect(await counts()).toEqual({ requests: 0, mails: 0 });
  });

  it("answers a resent form with success without a second request or e-mail", async () => {
    await submit();
    expect(await submit()).toEqual({ status: "sent", groupName: "Havenbuurt" });
    expect(await counts()).toEqual({ requests: 1, mails: 2 });
  });

  it("answers an unknown group with a Dutch message and stores nothing", async () => {
    for (const groupSlug of ["bestaat-niet", "", "../../etc/passwd", "x".repeat(500)]) {
      const state = await submit({ groupSlug });
      expect(state.status).toBe("error");
      if (state.status === "error") expect(state.message).toMatch(/groep bestaat niet/);
    }
    expect(await counts()).toEqual({ requests: 0, mails: 0 });
  });

  it("answers the sixth request from one IP address within the hour in Dutch", async () => {
    const from = async (i: number) => {
      clientIp = "203.0.113.77";
      return joinGroupAction({ status: "idle" }, form({ email: `buur${i}@bewoner.example` }));
    };
    for (let i = 0; i < 5; i++) expect((await from(i)).status).toBe("sent");
    const state = await from(5);
    expect(state.status).toBe("error");
    if (state.status === "error") expect(state.message).toMatch(/Probeer het over een uur opnieuw/);
    expect((await counts()).requests).toBe(5);
  });
});
