/**
 * Issue 19 on a database with the demo address register: the register itself (verify, street
 * look-up, suggestions), the refusal rules in the data functions, the threshold counting
 * verified addresses only, and the re-check job (also two workers at once).
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { memberAddresses, type Area, type Municipality } from "@/db/schema";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { seedDemoRegister } from "@/db/seed/demo-register";
import { createRegisterLookup } from "@/lib/data/internal/address-register";
import { recheckUncheckedAddresses } from "@/lib/data/internal/address-recheck";
import { getBordEligibility } from "@/lib/data/internal/eligibility";
import { placeAddresses } from "@/lib/data/internal/address-placement";
import { insertMemberAddresses } from "@/lib/data/internal/member-addresses";
import { addMemberAddress, addMemberAddressList, getAddressCounts } from "@/lib/data/resident/member-addresses";
import { submitJoinRequest } from "@/lib/data/public/join";
import { addressKey } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/tests/actors";
import { lookupKnowing, unreachableLookup } from "@/tests/address-lookups";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
let krimpen: Municipality;
let lansingh: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  await seedDemoRegister(db);
  krimpen = await aMunicipality(db, { code: "GM0542", name: "Krimpen aan den IJssel", bordThreshold: 50 });
  lansingh = await anArea(db, krimpen, { code: "WK054205", postcodes: ["2925"] });
  await anArea(db, krimpen, { code: "WK054202", postcodes: ["2922"] });
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function rowsOf(groupId: string) {
  const { db } = database.current.handle;
  return db
    .select({ postcode: memberAddresses.postcode, houseNumber: memberAddresses.houseNumber, verification: memberAddresses.verification, street: memberAddresses.street, inMunicipality: memberAddresses.inMunicipality })
    .from(memberAddresses)
    .where(eq(memberAddresses.groupId, groupId))
    .orderBy(memberAddresses.postcode, memberAddresses.houseNumber);
}

describe(`the demo address register (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  const register = createRegisterLookup();

  it("verifies a known address with street, town, municipality and wijk, in one query for a list", async () => {
    const [known, unknown, rotterdam, bad] = await register.verifyMany([
      { postcode: "2925 ab", houseNumber: 15, addition: "" },
      { postcode: "2925XY", houseNumber: 1, addition: "" },
      { postcode: "3011AA", houseNumber: 1, addition: "" },
      { postcode: "0000AA", houseNumber: 1, addition: "" },
    ]);
    expect(known).toMatchObject({ verified: true, postcode: "2925AB", street: "Lansinghlaan", municipalityCode: "GM0542", municipalityName: "Krimpen aan den IJssel", areaCode: "WK054205" });
    expect(unknown).toEqual({ verified: false, reason: "not_found" });
    expect(rotterdam).toMatchObject({ verified: true, municipalityCode: "GM0599", municipalityName: "Rotterdam" });
    expect(bad).toEqual({ verified: false, reason: "not_found" });
    expect(await register.verify({ postcode: "2922AB", houseNumber: 12, addition: "a" })).toMatchObject({ verified: true, addition: "A" });
    expect(await register.verify({ postcode: "2922AB", houseNumber: 12, addition: "C" })).toEqual({ verified: false, reason: "not_found" });
  });

  it("finds the postcode of a street and number within the municipality", async () => {
    expect(await register.findStreetAddress({ street: "lansinghlaan", houseNumber: 15, addition: "", municipalityCode: "GM0542" })).toEqual({
      kind: "found",
      address: { postcode: "2925AB", houseNumber: 15, addition: "" },
    });
    expect(await register.findStreetAddress({ street: "Lansinghlaan", houseNumber: 121, addition: "", municipalityCode: "GM0542" })).toEqual({ kind: "not_found" });
    expect(await register.findStreetAddress({ street: "Coolsingel", houseNumber: 1, addition: "", municipalityCode: "GM0542" })).toEqual({ kind: "not_found" });
    expect(await register.findStreetAddress({ street: "x'); drop table register_addresses;--", houseNumber: 1, addition: "" })).toEqual({ kind: "not_found" });
  });

  it("suggests addresses by street and number or by postcode, only in the given municipalities", async () => {
    const byStreet = await register.suggest("Lansinghlaan 1", { municipalityCodes: ["GM0542"], limit: 5 });
    expect(byStreet?.[0]).toMatchObject({ postcode: "2925AB", houseNumber: 1, label: "Lansinghlaan 1, 2925 AB Krimpen aan den IJssel" });
    expect(byStreet?.every((s) => s.street === "Lansinghlaan" && String(s.houseNumber).startsWith("1"))).toBe(true);
    expect(byStreet).toHaveLength(5);
    const byPostcode = await register.suggest("2925 ab 15", { municipalityCodes: ["GM0542"] });
    expect(byPostcode?.map((s) => s.houseNumber)).toEqual([15]);
    expect(await register.suggest("Coolsingel 1", { municipalityCodes: ["GM0542"] })).toEqual([]);
    expect((await register.suggest("Coolsingel 1"))?.[0]).toMatchObject({ town: "Rotterdam" });
    for (const text of ["", "a", "%", "_%_", "<script>alert(1)</script>", "'; drop table register_addresses;--"]) {
      expect(await register.suggest(text)).toEqual([]);
    }
  });
});

describe(`refusing addresses (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("refuses an address that does not exist and one in another municipality, naming it; stores nothing", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, lansingh, { admins: [me] });
    const missing = await errorOf(addMemberAddress(actorOf(me), group.id, { postcode: "2925XY", houseNumber: 1, addition: "" }));
    expect(missing.code).toBe("bad_request");
    expect(missing.fieldErrors?.postcode).toMatch(/staat niet in de landelijke adressenlijst/);
    const rotterdam = await errorOf(addMemberAddress(actorOf(me), group.id, { postcode: "3011AA", houseNumber: 1, addition: "" }));
    expect(rotterdam.fieldErrors?.postcode).toMatch(/^Dit adres ligt in de gemeente Rotterdam\./);
    expect(await rowsOf(group.id)).toEqual([]);
    expect(await addMemberAddress(actorOf(me), group.id, { postcode: "2925AB", houseNumber: 15, addition: "" })).toMatchObject({ inMunicipality: true, verification: "verified" });
    expect(await rowsOf(group.id)).toEqual([{ postcode: "2925AB", houseNumber: 15, verification: "verified", street: "Lansinghlaan", inMunicipality: true }]);
  });

  it("refuses 26 invented addresses in a pasted list by line, and resolves 'Lansinghlaan 15' to its postcode", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, lansingh, { admins: [me] });
    const invented = Array.from({ length: 26 }, (_, i) => `2925 XY ${i + 1}`);
    const error = await errorOf(addMemberAddressList(actorOf(me), group.id, ["2925AB 1", ...invented].join("\n")));
    expect(error.fieldErrors?.text).toMatch(/^Regel 2: dit adres staat niet in de landelijke adressenlijst\. Regel 3: .* Regel 4: .* En nog 23 adressen/);
    const street = await errorOf(addMemberAddressList(actorOf(me), group.id, "2925AB 1\nCoolsingel 1\n2925 AB 0"));
    expect(street.fieldErrors?.text).toMatch(/^Regel 2: deze straat met dit huisnummer staat niet in de landelijke adressenlijst van deze gemeente\. Vul de postcode in\. Regel 3: Het huisnummer/);
    const outside = await errorOf(addMemberAddressList(actorOf(me), group.id, "2925AB 1\n3011AA 2"));
    expect(outside.fieldErrors?.text).toMatch(/^Regel 2: Dit adres ligt in de gemeente Rotterdam\./);
    expect(await rowsOf(group.id)).toEqual([]);

    const result = await addMemberAddressList(actorOf(me), group.id, "Lansinghlaan 15\nlansinghlaan 16 \n2925 AB 15\nTiendweg 12 a");
    expect(result).toMatchObject({ added: 3, alreadyPresent: 0, outside: 0, unchecked: 0 });
    expect((await rowsOf(group.id)).map((r) => `${r.postcode} ${r.houseNumber} ${r.verification}`)).toEqual([
      "2922AB 12 verified",
      "2925AB 15 verified",
      "2925AB 16 verified",
    ]);
  });

  it("refuses a join request for an invented address and one in Rotterdam at the postcode field", async () => {
    const { db } = database.current.handle;
    await aGroup(db, lansingh, { slug: "lansingh-test", name: "Lansingh Test", admins: [await aUser(db)] });
    const base = { groupSlug: "lansingh-test", name: "Bram", email: "bram@bewoner.example", phone: "+31687654321", birthDate: "1990-02-03", acceptHouseRules: true as const };
    const invented = await errorOf(submitJoinRequest({ ...base, address: { postcode: "2925XY", houseNumber: 3, addition: "" } }, { ip: "198.51.100.7", now: new Date() }));
    expect(invented.fieldErrors?.["address.postcode"]).toMatch(/staat niet in de landelijke adressenlijst/);
    const rotterdam = await errorOf(submitJoinRequest({ ...base, address: { postcode: "3011AB", houseNumber: 3, addition: "" } }, { ip: "198.51.100.8", now: new Date() }));
    expect(rotterdam.fieldErrors?.["address.postcode"]).toMatch(/^Dit adres ligt in de gemeente Rotterdam\./);
  });
});

describe(`counting and the re-check (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  async function groupWithUnchecked(verifiedCount: number, uncheckedCount: number) {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, lansingh, {
      admins: [me],
      addresses: Array.from({ length: verifiedCount }, (_, i) => ({ postcode: "2925AC", houseNumber: i + 1 })),
    });
    const list = Array.from({ length: uncheckedCount }, (_, i) => ({ postcode: "2925AD", houseNumber: i + 1, addition: "" }));
    const placements = await placeAddresses(list, krimpen, { lookup: unreachableLookup });
    await db.transaction((tx) => insertMemberAddresses(tx, group, list, placements, me.id));
    return { me, group };
  }

  it("stores addresses as niet gecontroleerd when the register is unreachable, and does not count them", async () => {
    const { me, group } = await groupWithUnchecked(45, 10);
    expect(await getAddressCounts(actorOf(me), group.id))!.toMatchObject({ total: 55, counted: 45, unchecked: 10, missing: 5 });
    expect(await getBordEligibility(group.id)).toMatchObject({ counted: 45, eligible: false });
    const report = await recheckUncheckedAddresses({ now: new Date(Date.now() + 1000), lookup: createRegisterLookup() });
    expect(report).toMatchObject({ verified: 10, notFound: 0, stillUnchecked: 0 });
    expect(await getAddressCounts(actorOf(me), group.id))!.toMatchObject({ counted: 55, unchecked: 0, missing: 0 });
    expect(await getBordEligibility(group.id)).toMatchObject({ counted: 55, eligible: true });
    expect((await rowsOf(group.id)).find((r) => r.postcode === "2925AD")).toMatchObject({ street: expect.any(String), verification: "verified" });
  });

  it("marks a re-checked address not found or outside, and tries an unreachable one again later", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, lansingh, { admins: [me] });
    const list = [
      { postcode: "2925XY", houseNumber: 1, addition: "" },
      { postcode: "3011AA", houseNumber: 1, addition: "" },
      { postcode: "2925AE", houseNumber: 1, addition: "" },
    ];
    const placements = await placeAddresses(list, krimpen, { lookup: unreachableLookup });
    await db.transaction((tx) => insertMemberAddresses(tx, group, list, placements, me.id));
    const now = new Date(Date.now() + 1000);
    const stillDown = await recheckUncheckedAddresses({ now, lookup: unreachableLookup });
    expect(stillDown.stillUnchecked).toBeGreaterThanOrEqual(3);
    // Not due again right away.
    expect((await recheckUncheckedAddresses({ now, lookup: unreachableLookup })).claimed).toBe(0);
    const later = new Date(now.getTime() + 10 * 60 * 1000);
    await recheckUncheckedAddresses({ now: later, lookup: createRegisterLookup(), limit: 1000 });
    const rows = await rowsOf(group.id);
    expect(rows).toEqual([
      expect.objectContaining({ postcode: "2925AE", verification: "verified", inMunicipality: true }),
      expect.objectContaining({ postcode: "2925XY", verification: "not_found" }),
      expect.objectContaining({ postcode: "3011AA", verification: "verified", inMunicipality: false }),
    ]);
    expect(await getAddressCounts(actorOf(me), group.id))!.toMatchObject({ total: 3, counted: 1, outside: 1, unchecked: 1 });
  });

  it("two workers at once check every address exactly once", async () => {
    const { db } = database.current.handle;
    const { group } = await groupWithUnchecked(0, 60);
    const known = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => {
        const a = { postcode: "2925AD", houseNumber: i + 1, addition: "" };
        return [addressKey(a), { verified: true as const, ...a, street: "Akkerstraat", town: "Krimpen aan den IJssel", municipalityCode: "GM0542", areaCode: null, buurtCode: null }];
      }),
    );
    const first = lookupKnowing(known);
    const second = lookupKnowing(known);
    const now = new Date(Date.now() + 1000);
    const reports = await Promise.all([
      recheckUncheckedAddresses({ now, lookup: first, limit: 40 }),
      recheckUncheckedAddresses({ now, lookup: second, limit: 40 }),
      recheckUncheckedAddresses({ now, lookup: second, limit: 40 }),
    ]);
    const mine = (calls: Array<{ postcode: string }>) => calls.filter((c) => c.postcode === "2925AD").length;
    expect(mine(first.calls) + mine(second.calls)).toBeLessThanOrEqual(reports.reduce((n, r) => n + r.claimed, 0));
    const checked = [...first.calls, ...second.calls].filter((c) => c.postcode === "2925AD").map((c) => addressKey(c));
    expect(new Set(checked).size).toBe(checked.length);
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberAddresses)
      .where(and(eq(memberAddresses.groupId, group.id), eq(memberAddresses.verification, "unchecked")));
    // 60 due, 120 claimable by three workers of 40: all checked, none twice.
    expect(Number(left.n)).toBe(0);
    expect(checked).toHaveLength(60);
  });
});
