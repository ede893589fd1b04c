import { beforeAll, describe, expect, it } from "vitest";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { withTestDatabase } from "@/tests/db";
import { eq } from "drizzle-orm";
import { municipalities } from "@/db/schema";
import { listPublicAreaBoundaries, getPublicAreaMap } from "./maps";
import { coveragePercent, getPublicArea, listPublicAreas, listPublicAreaSlugs } from "./areas";

const database = withTestDatabase();

beforeAll(async () => {
  const { db } = database.current.handle;
  const first = await aMunicipality(db, { name: "Aastad", code: "GM0901" });
  const second = await aMunicipality(db, { name: "Zedorp", code: "GM0902" });
  const noord = await anArea(db, first, { name: "Noord", slug: "noord", totalAddresses: 200, postcodes: ["4001"] });
  const zuid = await anArea(db, first, { name: "Zuid", slug: "zuid", totalAddresses: null, postcodes: ["4002"] });
  await anArea(db, first, { name: "Leegwijk", slug: "leegwijk", totalAddresses: 0 });
  await anArea(db, second, { name: "Dorp", slug: "dorp", totalAddresses: 50 });
  const admin = await aUser(db);

  await aGroup(db, noord, {
    name: "Noord Oost",
    slug: "noord-oost",
    admins: [admin],
    addresses: [
      { postcode: "4001AA", houseNumber: 1 },
      { postcode: "4001AA", houseNumber: 2 },
      { postcode: "4001AA", houseNumber: 3 },
    ],
  });
  // One address also in Noord Oost (counts once for the wijk), one new one.
  await aGroup(db, noord, {
    name: "Noord West",
    slug: "noord-west",
    admins: [admin],
    addresses: [
      { postcode: "4001AA", houseNumber: 3 },
      { postcode: "4001AB", houseNumber: 9 },
    ],
  });
  await aGroup(db, noord, {
    name: "Noord Oud",
    slug: "noord-oud",
    status: "dissolved",
    dissolvedAt: new Date(),
    admins: [admin],
    addresses: [{ postcode: "4001AC", houseNumber: 1 }],
  });
  await aGroup(db, zuid, { name: "Zuidkant", slug: "zuidkant", admins: [admin], addresses: [{ postcode: "4002AA", houseNumber: 5 }] });
});

describe("coveragePercent", () => {
  it("is a percentage with one decimal, or null without a known total", () => {
    expect(coveragePercent(4, 200)).toBe(2);
    expect(coveragePercent(1, 3)).toBe(33.3);
    expect(coveragePercent(2, 3)).toBe(66.7);
    expect(coveragePercent(5, null)).toBeNull();
    expect(coveragePercent(5, 0)).toBeNull();
  });
});

describe("listPublicAreas", () => {
  it("lists every wijk by municipality and name with groups, distinct addresses and coverage", async () => {
    const list = await listPublicAreas();
    expect(list.map((a) => `${a.municipality.name}/${a.name}`)).toEqual(["Aastad/Leegwijk", "Aastad/Noord", "Aastad/Zuid", "Zedorp/Dorp"]);
    const noord = list.find((a) => a.slug === "noord");
    expect(noord).toMatchObject({ groupCount: 2, participatingAddresses: 4, totalAddresses: 200, coveragePercent: 2 });
    expect(list.find((a) => a.slug === "zuid")).toMatchObject({ groupCount: 1, participatingAddresses: 1, totalAddresses: null, coveragePercent: null });
    expect(list.find((a) => a.slug === "leegwijk")).toMatchObject({ groupCount: 0, participatingAddresses: 0, coveragePercent: null });
    expect(list.find((a) => a.slug === "dorp")).toMatchObject({ groupCount: 0, participatingAddresses: 0, coveragePercent: 0 });
  });
});

describe("getPublicArea", () => {
  it("gives one wijk with its active groups", async () => {
    const noord = await getPublicArea("noord");
    expect(noord?.groups.map((g) => [g.slug, g.addressCount])).toEqual([
      ["noord-oost", 3],
      ["noord-west", 2],
    ]);
    expect(noord?.participatingAddresses).toBe(4);
  });

  it("answers null for an unknown or malformed slug", async () => {
    expect(await getPublicArea("nergens")).toBeNull();
    expect(await getPublicArea("' or 1=1 --")).toBeNull();
  });
});

describe("a disabled municipality", () => {
  it("has no public wijken: not in the list, the API list, the sitemap or the maps, and its wijk page is gone", async () => {
    const { db } = database.current.handle;
    const stopped = await aMunicipality(db, { name: "Stopdorp", code: "GM0903" });
    const area = await anArea(db, stopped, { name: "Stopwijk", slug: "stopwijk", totalAddresses: 10, postcodes: ["4003"] });
    const admin = await aUser(db);
    await aGroup(db, area, { name: "Stopgroep", slug: "stopgroep", admins: [admin], addresses: [{ postcode: "4003AA", houseNumber: 1 }] });
    // Before: a municipality that takes part shows its wijk everywhere.
    expect((await listPublicAreas()).map((a) => a.slug)).toContain("stopwijk");
    expect(await getPublicArea("stopwijk")).not.toBeNull();

    await db.update(municipalities).set({ disabledAt: new Date() }).where(eq(municipalities.id, stopped.id));
    const list = await listPublicAreas();
    expect(list.map((a) => a.slug)).not.toContain("stopwijk");
    expect(list.map((a) => a.municipality.name)).not.toContain("Stopdorp");
    // The others stay.
    expect(list.map((a) => a.slug)).toEqual(expect.arrayContaining(["noord", "zuid", "dorp"]));
    expect(await getPublicArea("stopwijk")).toBeNull();
    expect(await listPublicAreaSlugs()).not.toContain("stopwijk");
    expect((await listPublicAreaBoundaries()).map((a) => a.slug)).not.toContain("stopwijk");
    expect(await listPublicAreaBoundaries("GM0903")).toEqual([]);
    expect(await getPublicAreaMap("stopwijk")).toBeNull();

    // Enabled again: back.
    await db.update(municipalities).set({ disabledAt: null }).where(eq(municipalities.id, stopped.id));
    expect((await listPublicAreas()).map((a) => a.slug)).toContain("stopwijk");
  });
});
