import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { withTestDatabase } from "@/tests/db";
import { and, eq, sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db";
import { memberAddresses, municipalities } from "@/db/schema";
import { listPublicAreaBoundaries, getPublicAreaMap } from "./maps";
import { listPublicMunicipalities } from "./municipalities";
import {
  countPublicMunicipalities,
  coveragePercent,
  getPublicArea,
  getPublicMunicipality,
  listPublicAreas,
  listPublicAreasOfCountry,
  listPublicAreaSlugs,
  listPublicMunicipalityTotals,
  nationalFiguresForTests,
  PUBLIC_FIGURES_MAX_AGE_SECONDS,
} from "./areas";

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
    // Its bord rule and name leave the public pages' list; the privacy page still names it.
    expect((await listPublicMunicipalities()).map((m) => m.name)).toEqual(["Aastad", "Zedorp"]);
    expect((await listPublicMunicipalities({ includeDisabled: true })).map((m) => m.name)).toEqual(["Aastad", "Stopdorp", "Zedorp"]);

    // Enabled again: back.
    await db.update(municipalities).set({ disabledAt: null }).where(eq(municipalities.id, stopped.id));
    expect((await listPublicAreas()).map((a) => a.slug)).toContain("stopwijk");
    expect((await listPublicMunicipalities()).map((m) => m.name)).toContain("Stopdorp");
  });
});

/**
 * The count as it was before the municipality filter and the national cache: every address of an
 * active group, once per wijk, in its own wijk or else its group's. The filtered and cached
 * figures must give the same numbers.
 */
async function referenceCount(db: Executor): Promise<Map<string, number>> {
  const rows = await selectRows<{ area_id: string; n: number }>(
    db,
    sql`select coalesce(ma.area_id, g.area_id) as area_id, count(distinct (ma.postcode, ma.house_number, ma.addition))::int as n
        from member_addresses ma join groups g on g.id = ma.group_id and g.status = 'active'
        group by 1`,
  );
  return new Map(rows.map((r) => [r.area_id, Number(r.n)]));
}

async function referenceBySlug(db: Executor): Promise<Record<string, number>> {
  const counts = await referenceCount(db);
  const rows = await selectRows<{ id: string; slug: string }>(
    db,
    sql`select a.id, a.slug from areas a join municipalities m on m.id = a.municipality_id where m.disabled_at is null`,
  );
  return Object.fromEntries(rows.map((r) => [r.slug, counts.get(r.id) ?? 0]));
}

const bySlug = (list: Array<{ slug: string; participatingAddresses: number }>) => Object.fromEntries(list.map((a) => [a.slug, a.participatingAddresses]));

describe("one municipality, all of them, and the national figures agree", () => {
  let clock = Date.now();

  beforeAll(async () => {
    nationalFiguresForTests.setClock(() => clock);
    nationalFiguresForTests.invalidate();
    const { db } = database.current.handle;
    const rand = await aMunicipality(db, { name: "Randstad", code: "GM0905" });
    const west = await anArea(db, rand, { name: "Randwest", slug: "randwest", totalAddresses: 100 });
    const oost = await anArea(db, rand, { name: "Randoost", slug: "randoost", totalAddresses: 100 });
    const admin = await aUser(db);
    const first = await aGroup(db, west, {
      name: "Rand Een",
      admins: [admin],
      addresses: [
        { postcode: "4005AA", houseNumber: 1 },
        { postcode: "4005AA", houseNumber: 2 },
        { postcode: "4005AA", houseNumber: 3 },
        { postcode: "4005AB", houseNumber: 1, addition: "A" },
        { postcode: "4006AA", houseNumber: 8 },
      ],
    });
    // The same address in a second group of the wijk, once with and once without a wijk of its own: it counts once.
    const second = await aGroup(db, west, { name: "Rand Twee", admins: [admin], addresses: [{ postcode: "4005AA", houseNumber: 1 }, { postcode: "4005AA", houseNumber: 2 }] });
    await db.update(memberAddresses).set({ areaId: null }).where(and(eq(memberAddresses.groupId, second.id), eq(memberAddresses.houseNumber, 2)));
    // An address without a wijk of its own counts for its group's wijk.
    await db.update(memberAddresses).set({ areaId: null }).where(and(eq(memberAddresses.groupId, first.id), eq(memberAddresses.houseNumber, 3)));
    // An address that lies in the other wijk counts there, and one in another municipality's wijk counts there.
    await db.update(memberAddresses).set({ areaId: oost.id }).where(and(eq(memberAddresses.groupId, first.id), eq(memberAddresses.addition, "A")));
    const [dorp] = await selectRows<{ id: string }>(db, sql`select id from areas where slug = 'dorp'`);
    await db.update(memberAddresses).set({ areaId: dorp.id }).where(and(eq(memberAddresses.groupId, first.id), eq(memberAddresses.postcode, "4006AA")));
  });

  afterAll(() => {
    nationalFiguresForTests.setClock(Date.now);
    nationalFiguresForTests.invalidate();
  });

  it("gives the reference count per wijk, for each municipality alone, for all together, and as national figures", async () => {
    const { db } = database.current.handle;
    const reference = await referenceBySlug(db);
    expect(reference).toMatchObject({ randwest: 3, randoost: 1 });
    const all = await listPublicAreas();
    expect(bySlug(all)).toEqual(reference);
    expect(await listPublicAreasOfCountry()).toEqual(all);
    const codes = [...new Set(all.map((a) => a.municipality.code))];
    const pieces = (await Promise.all(codes.map((code) => listPublicAreas({ municipalityCode: code })))).flat();
    expect(pieces).toEqual(expect.arrayContaining(all));
    expect(pieces).toHaveLength(all.length);
    for (const area of all) expect((await getPublicArea(area.slug))?.participatingAddresses).toBe(area.participatingAddresses);
    expect((await listPublicAreas({ municipalityCode: "GM0905" })).map((a) => [a.slug, a.participatingAddresses, a.groupCount])).toEqual([
      ["randoost", 1, 0],
      ["randwest", 3, 2],
    ]);
  });

  it("sums each municipality's wijken in the index, by name", async () => {
    const all = await listPublicAreas();
    const totals = await listPublicMunicipalityTotals();
    expect(totals.map((t) => t.name)).toEqual([...new Set(all.map((a) => a.municipality.name))]);
    for (const t of totals) {
      const own = all.filter((a) => a.municipality.code === t.code);
      expect(t).toEqual({
        code: t.code,
        name: own[0].municipality.name,
        slug: own[0].municipality.slug,
        areaCount: own.length,
        groupCount: own.reduce((sum, a) => sum + a.groupCount, 0),
        participatingAddresses: own.reduce((sum, a) => sum + a.participatingAddresses, 0),
      });
    }
    expect(await countPublicMunicipalities()).toBe(totals.length);
  });

  it("finds a municipality by slug only when it takes part; anything else is null", async () => {
    expect(await getPublicMunicipality("randstad")).toEqual({ code: "GM0905", name: "Randstad", slug: "randstad" });
    for (const bad of ["bestaat-niet", "RANDSTAD", "<script>", "' or 1=1 --", "x".repeat(5000), "", ["randstad"], undefined]) {
      expect(await getPublicMunicipality(bad)).toBeNull();
    }
    for (const bad of ["gm0905", "GM090", "' or 1=1 --"]) expect(await listPublicAreas({ municipalityCode: bad })).toEqual([]);
  });

  it(`shows a new address at once for its municipality, and in the national figures after ${PUBLIC_FIGURES_MAX_AGE_SECONDS} seconds`, async () => {
    const { db } = database.current.handle;
    const national = async () => (await listPublicAreasOfCountry()).find((a) => a.slug === "randoost")!.participatingAddresses;
    const index = async () => (await listPublicMunicipalityTotals()).find((t) => t.code === "GM0905")!.participatingAddresses;
    const before = await national();
    const indexBefore = await index();
    const [group] = await selectRows<{ id: string; area_id: string }>(db, sql`select id, area_id from groups where name = 'Rand Een'`);
    const [oost] = await selectRows<{ id: string }>(db, sql`select id from areas where slug = 'randoost'`);
    await db.insert(memberAddresses).values({ groupId: group.id, postcode: "4007AA", houseNumber: 1, areaId: oost.id });

    // At once (this process wrote it): the municipality's own view and the wijk's page.
    expect((await listPublicAreas({ municipalityCode: "GM0905" })).find((a) => a.slug === "randoost")!.participatingAddresses).toBe(before + 1);
    expect((await getPublicArea("randoost"))!.participatingAddresses).toBe(before + 1);
    // National figures: the same within the minute.
    clock += (PUBLIC_FIGURES_MAX_AGE_SECONDS - 1) * 1000;
    expect(await national()).toBe(before);
    expect(await index()).toBe(indexBefore);
    // After it: the first request still gets the old figures and starts the count; then the new ones.
    clock += 2000;
    expect(await national()).toBe(before);
    await nationalFiguresForTests.whenIdle();
    expect(await national()).toBe(before + 1);
    expect(await index()).toBe(indexBefore + 1);
    expect(bySlug(await listPublicAreasOfCountry())).toEqual(await referenceBySlug(db));

    // Figures older than five minutes are never served: that request waits for the count.
    await db.insert(memberAddresses).values({ groupId: group.id, postcode: "4007AA", houseNumber: 2, areaId: oost.id });
    clock += 5 * 60 * 1000 + 1;
    expect(await national()).toBe(before + 2);
  });

  it("hides a disabled municipality at once, also from the national figures it has counted", async () => {
    const { db } = database.current.handle;
    expect((await listPublicMunicipalityTotals()).map((t) => t.code)).toContain("GM0905");
    const rand = eq(municipalities.code, "GM0905");
    await db.update(municipalities).set({ disabledAt: new Date() }).where(rand);
    try {
      expect((await listPublicMunicipalityTotals()).map((t) => t.code)).not.toContain("GM0905");
      expect((await listPublicAreasOfCountry()).map((a) => a.slug)).not.toContain("randwest");
      expect(await listPublicAreas({ municipalityCode: "GM0905" })).toEqual([]);
      expect(await getPublicMunicipality("randstad")).toBeNull();
    } finally {
      await db.update(municipalities).set({ disabledAt: null }).where(rand);
    }
    expect((await listPublicMunicipalityTotals()).map((t) => t.code)).toContain("GM0905");
  });
});
