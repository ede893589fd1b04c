/**
 * Municipalities kept by platform admins (/beheer/gemeenten): add, edit, disable and enable,
 * with bad input refused by the shared schema and the database, and what a disabled
 * municipality means elsewhere: the look-up and the group page say it no longer takes part,
 * no new groups or join requests, and its staff act as residents.
 */
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { auditLog, municipalities, sessions, type Area, type Municipality, type User } from "@/db/schema";
import { actorForSessionToken } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";
import { isAppError } from "@/lib/errors";
import { municipalitySchema } from "@/lib/validation/municipality";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { registerGroup } from "@/lib/data/resident/group-registration";
import { submitJoinRequest } from "@/lib/data/public/join";
import { lookupPostcode } from "@/lib/data/public/lookup";
import { endedMunicipalityOfGroup, getPublicGroup } from "@/lib/data/public/groups";
import {
  createMunicipality,
  getManagedMunicipality,
  listManagedMunicipalities,
  listMunicipalityPeople,
  setMunicipalityEnabled,
  updateMunicipality,
} from "./municipalities";
import { inviteUser } from "@/lib/data/staff/users";

const database = withTestDatabase();
const db = () => database.current.handle.db;

let admin: Actor;
let staffUser: User;
let home: Municipality;
let area: Area;

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

const valid = { code: "GM0501", name: "Brielle", bordThreshold: "40", safetyEmail: "veiligheid@brielle.example" };
const parse = (input: Record<string, unknown>) => municipalitySchema.parse(input);

beforeAll(async () => {
  admin = actorOf(await aUser(db(), { email: "platform@beheer.example", role: "platform_admin" }));
  home = await aMunicipality(db(), { name: "Thuisdorp", code: "GM0777" });
  area = await anArea(db(), home, { name: "Centrum", postcodes: ["5511"] });
  staffUser = await aUser(db(), { email: "team@thuisdorp.example", role: "staff", municipalityId: home.id });
  const groupAdmin = await aUser(db(), { email: "beheerder@thuisdorp.example" });
  await aGroup(db(), area, { name: "Centrumwacht", slug: "centrumwacht", admins: [groupAdmin], addresses: [{ postcode: "5511AB", houseNumber: 1 }] });
});

describe("the municipality form's schema", () => {
  it("normalises a good entry", () => {
    expect(parse({ ...valid, code: " gm 0501 ", name: "  Brielle ", safetyEmail: "Veiligheid@Brielle.example" })).toEqual({
      code: "GM0501",
      name: "Brielle",
      bordThreshold: 40,
      safetyEmail: "veiligheid@brielle.example",
    });
  });

  it.each([
    ["code", "", "Vul de CBS-code van de gemeente in, zoals GM0542."],
    ["code", "0542", "Een CBS-code is GM met vier cijfers, zoals GM0542."],
    ["code", "GM05421", "Een CBS-code is GM met vier cijfers, zoals GM0542."],
    ["code", "WK054201", "Een CBS-code is GM met vier cijfers, zoals GM0542."],
    ["code", "GM'; drop table municipalities; --", "Een CBS-code is GM met vier cijfers, zoals GM0542."],
    ["name", "", "Vul de naam van de gemeente in."],
    ["name", "x".repeat(81), "Dit is te lang. Gebruik hooguit 80 tekens."],
    ["bordThreshold", "0", "Vul een getal in van 1 tot en met 1000."],
    ["bordThreshold", "veel", "Vul een heel getal in, bijvoorbeeld 50."],
    ["safetyEmail", "<script>alert(1)</script>", "Dit e-mailadres klopt niet. Vul een adres in zoals naam@voorbeeld.nl."],
  ])("refuses %s = %j with a Dutch message", (field, value, message) => {
    const result = municipalitySchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it("refuses missing fields", () => {
    const result = municipalitySchema.safeParse({});
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["bordThreshold", "code", "name", "safetyEmail"]);
  });
});

describe("adding and editing a municipality", () => {
  it("adds one, lists it, and edits it; the slug stays until the name changes", async () => {
    const { id } = await createMunicipality(admin, parse(valid));
    const added = await getManagedMunicipality(admin, id);
    expect(added).toMatchObject({ code: "GM0501", name: "Brielle", slug: "brielle", bordThreshold: 40, disabled: false, areas: 0, staff: 0 });
    expect((await listManagedMunicipalities(admin)).map((m) => m.name)).toContain("Brielle");

    await updateMunicipality(admin, id, parse({ ...valid, bordThreshold: "25" }));
    expect(await getManagedMunicipality(admin, id)).toMatchObject({ slug: "brielle", bordThreshold: 25 });
    await updateMunicipality(admin, id, parse({ ...valid, name: "Voorne aan Zee", code: "GM1992" }));
    expect(await getManagedMunicipality(admin, id)).toMatchObject({ slug: "voorne-aan-zee", code: "GM1992", name: "Voorne aan Zee" });
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(["municipality.create", "municipality.update", "municipality.update"]);
  });

  it("refuses a CBS code that another municipality has, at the field, storing nothing", async () => {
    const before = await db().select().from(municipalities);
    const error = await rejection(createMunicipality(admin, parse({ ...valid, code: "GM0777", name: "Dubbel" })));
    expect(error.code).toBe("conflict");
    expect(error.fieldErrors).toEqual({ code: "Er is al een gemeente met deze CBS-code." });
    expect(await db().select().from(municipalities)).toEqual(before);
    const other = await createMunicipality(admin, parse({ ...valid, code: "GM0502", name: "Tweede" }));
    const edit = await rejection(updateMunicipality(admin, other.id, parse({ ...valid, code: "GM0777", name: "Tweede" })));
    expect(edit.fieldErrors).toEqual({ code: "Er is al een gemeente met deze CBS-code." });
  });

  it("gives a second municipality with the same name a slug of its own", async () => {
    const { id } = await createMunicipality(admin, parse({ ...valid, code: "GM0503", name: "Thuisdorp" }));
    expect((await getManagedMunicipality(admin, id))!.slug).toBe("thuisdorp-gm0503");
  });

  it("answers unknown and malformed ids as not found", async () => {
    expect(await getManagedMunicipality(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getManagedMunicipality(admin, "'; drop table municipalities; --")).toBeNull();
    expect((await rejection(updateMunicipality(admin, "00000000-0000-4000-8000-000000000000", parse(valid)))).code).toBe("not_found");
    expect((await rejection(setMunicipalityEnabled(admin, { municipalityId: "00000000-0000-4000-8000-000000000000", enabled: false }))).code).toBe("not_found");
  });

  it("lists the staff of a municipality and those invited", async () => {
    await inviteUser(admin, { name: "Nieuwe Collega", email: "nieuw@thuisdorp.example", role: "wijkagent", municipalityId: home.id });
    const people = await listMunicipalityPeople(admin, home.id);
    expect(people.map((p) => [p.email, p.role, p.invited])).toEqual([
      ["team@thuisdorp.example", "staff", false],
      ["nieuw@thuisdorp.example", "wijkagent", true],
    ]);
  });
});

describe("a disabled municipality", () => {
  it("says so in the look-up and on its groups' pages, takes no new groups or join requests, and its staff act as residents", async () => {
    const token = randomBytes(16).toString("hex");
    await db().insert(sessions).values({ sessionToken: token, userId: staffUser.id, expires: new Date(Date.now() + 3_600_000) });
    expect((await actorForSessionToken(token))?.role).toBe("staff");

    expect(await setMunicipalityEnabled(admin, { municipalityId: home.id, enabled: false })).toEqual({ changed: true });
    expect(await setMunicipalityEnabled(admin, { municipalityId: home.id, enabled: false })).toEqual({ changed: false });
    expect(await getManagedMunicipality(admin, home.id)).toMatchObject({ disabled: true });

    expect(await lookupPostcode("5511AB")).toEqual({ postcode: "5511AB", area: null, groups: [], nearbyGroups: [], notTakingPart: { municipalityName: "Thuisdorp" } });
    expect(await getPublicGroup("centrumwacht")).toBeNull();
    expect(await endedMunicipalityOfGroup("centrumwacht")).toBe("Thuisdorp");
    expect(await actorForSessionToken(token)).toMatchObject({ id: staffUser.id, role: "resident", municipalityId: null });

    const resident = actorOf(await aUser(db(), { email: "bewoner@thuisdorp.example" }));
    const registration = await rejection(
      registerGroup(resident, {
        name: "Nieuwe Wacht",
        areaCode: area.code,
        areaDescription: "",
        whatsappInviteLink: null,
        admin: { name: "Bea Bewoner", phone: "+31612345678", birthDate: "1980-01-01", address: { postcode: "5511AB", houseNumber: 3, addition: "" } },
        coAdmins: [],
        addressList: "",
        acceptHouseRules: true,
        residentsConfirmed: true,
      } as unknown as Parameters<typeof registerGroup>[1]),
    );
    expect(registration.fieldErrors?.areaCode).toBe("De gemeente Thuisdorp doet niet meer mee. U kunt hier geen groep meer aanmelden.");
    const join = await rejection(
      submitJoinRequest(
        {
          groupSlug: "centrumwacht",
          name: "Bram Bewoner",
          email: "bram@bewoner.example",
          phone: "+31687654321",
          birthDate: "1990-02-03",
          address: { postcode: "5511AB", houseNumber: 7, addition: "" },
          acceptHouseRules: true,
        },
        { ip: "198.51.100.7", now: new Date() },
      ),
    );
    expect(join.message).toBe("De gemeente Thuisdorp doet niet meer mee. U kunt zich hier niet meer aanmelden.");

    // Enabled again: everything is back, nothing was deleted.
    expect(await setMunicipalityEnabled(admin, { municipalityId: home.id, enabled: true })).toEqual({ changed: true });
    expect((await lookupPostcode("5511AB")).groups.map((g) => g.slug)).toEqual(["centrumwacht"]);
    expect((await actorForSessionToken(token))?.role).toBe("staff");
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, home.id));
    expect(actions.map((a) => a.action).filter((a) => a.startsWith("municipality."))).toEqual(["municipality.disable", "municipality.enable"]);
  });
});

describe("at the same moment", () => {
  it("thirty adds with one CBS code make one municipality; the rest get the field message", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => createMunicipality(admin, parse({ ...valid, code: "GM0600", name: `Tegelijk ${i}` }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict", fieldErrors: { code: "Er is al een gemeente met deze CBS-code." } });
    }
    const [{ n }] = (await db().select({ n: sql<number>`count(*)::int` }).from(municipalities).where(eq(municipalities.code, "GM0600"))) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("thirty disables at once: one changes it, one audit entry", async () => {
    const target = await aMunicipality(db(), { name: "Gelijktijdig", code: "GM0601" });
    const results = await Promise.all(Array.from({ length: 30 }, () => setMunicipalityEnabled(admin, { municipalityId: target.id, enabled: false })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const entries = await db().select().from(auditLog).where(eq(auditLog.subjectId, target.id));
    expect(entries).toHaveLength(1);
    if (onPostgres) expect(entries[0]!.action).toBe("municipality.disable");
  });
});
