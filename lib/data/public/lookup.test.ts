import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { groups, memberAddresses } from "@/db/schema";
import { aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { getEnv } from "@/lib/env";
import { withTestDatabase } from "@/tests/db";
import { findAreaForPostcode } from "./postcode-areas";
import { findGroupsWithMembersInPostcode, LOOKUP_SQL, lookupAddress, lookupPostcode } from "./lookup";
import { getPublicGroup } from "./groups";

const database = withTestDatabase();

let areaId: string;
let otherAreaId: string;
let centrumArea: Parameters<typeof aGroup>[1];

beforeAll(async () => {
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db, { name: "Opzoekstad", code: "GM0999" });
  // 3011 is the wijk "Centrum", but the full postcode 3011ZZ belongs to "Haven".
  const centrum = await anArea(db, municipality, { name: "Centrum", slug: "centrum", postcodes: ["3011", "3012AB"] });
  const haven = await anArea(db, municipality, { name: "Haven", slug: "haven", postcodes: ["3011ZZ"] });
  areaId = centrum.id;
  centrumArea = centrum;
  otherAreaId = haven.id;
  const admin = await aUser(db);

  await aGroup(db, centrum, {
    name: "Marktbuurt",
    slug: "marktbuurt",
    admins: [admin],
    addresses: [
      { postcode: "3011AB", houseNumber: 12 },
      { postcode: "3011AB", houseNumber: 14, addition: "A" },
    ],
  });
  await aGroup(db, centrum, {
    name: "Kerkpad",
    slug: "kerkpad",
    admins: [admin],
    addresses: [{ postcode: "3011AC", houseNumber: 1 }],
  });
  await aGroup(db, centrum, {
    name: "Opgeheven Hofje",
    slug: "opgeheven-hofje",
    status: "dissolved",
    dissolvedAt: new Date("2026-01-01T00:00:00Z"),
    admins: [admin],
    addresses: [{ postcode: "3011AB", houseNumber: 12 }],
  });
  const kade = await aGroup(db, haven, {
    name: "Kadewacht",
    slug: "kadewacht",
    admins: [admin],
    addresses: [
      { postcode: "3011AB", houseNumber: 12 },
      { postcode: "3011ZZ", houseNumber: 3 },
    ],
  });
  await aBordRequest(db, kade, { status: "placed" });
});

describe("findAreaForPostcode", () => {
  it("finds the wijk of a postcode through its 4-digit area", async () => {
    expect(await findAreaForPostcode("3011AB")).toMatchObject({ id: areaId, name: "Centrum", slug: "centrum" });
  });

  it("lets a full postcode win over its 4-digit area", async () => {
    expect(await findAreaForPostcode("3011ZZ")).toMatchObject({ id: otherAreaId, name: "Haven" });
    expect(await findAreaForPostcode("3012AB")).toMatchObject({ id: areaId });
  });

  it("accepts other spellings and returns exactly the documented fields", async () => {
    const area = await findAreaForPostcode("3011 zz");
    expect(Object.keys(area ?? {}).sort()).toEqual(["code", "id", "municipalityId", "name", "slug"]);
  });

  it("answers null for an unknown or invalid postcode", async () => {
    expect(await findAreaForPostcode("9999AA")).toBeNull();
    expect(await findAreaForPostcode("3012AC")).toBeNull();
    expect(await findAreaForPostcode("0000AA")).toBeNull();
    expect(await findAreaForPostcode("'; drop table areas; --")).toBeNull();
  });
});

describe("findGroupsWithMembersInPostcode", () => {
  it("finds every active group with a member address in the postcode, sorted by name", async () => {
    const found = await findGroupsWithMembersInPostcode("3011AB");
    expect(found.map((g) => g.slug)).toEqual(["kadewacht", "marktbuurt"]);
  });

  it("matches the whole 6-character postcode, not its four digits", async () => {
    expect((await findGroupsWithMembersInPostcode("3011AC")).map((g) => g.slug)).toEqual(["kerkpad"]);
    expect(await findGroupsWithMembersInPostcode("3011AD")).toEqual([]);
  });

  it("leaves out dissolved groups", async () => {
    const found = await findGroupsWithMembersInPostcode("3011AB");
    expect(found.map((g) => g.slug)).not.toContain("opgeheven-hofje");
  });

  it("describes a group with public facts only", async () => {
    const [kade] = await findGroupsWithMembersInPostcode("3011ZZ");
    expect(kade).toEqual({
      slug: "kadewacht",
      name: "Kadewacht",
      url: `${getEnv().appUrl}/groepen/kadewacht`,
      description: "De straten rond het testplein.",
      area: { code: expect.stringMatching(/^WK\d{6}$/), name: "Haven", slug: "haven", url: `${getEnv().appUrl}/wijken/haven` },
      municipality: { code: "GM0999", name: "Opzoekstad", slug: "opzoekstad" },
      addressCount: 2,
      signStatus: "placed",
      registeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });
});

describe("the look-up answers per postcode, never per house (issue 18, point 4)", () => {
  it("gives byte-identical answers for a member's house, its neighbours, other additions and the admin's home", async () => {
    // 3011AB 12 and 14 A take part; 13, 14 (without A), 12 A and 99999 do not.
    const houses = [
      { houseNumber: 12, addition: "" },
      { houseNumber: 13, addition: "" },
      { houseNumber: 14, addition: "A" },
      { houseNumber: 14, addition: "" },
      { houseNumber: 12, addition: "A" },
      { houseNumber: 99999, addition: "BIS" },
    ];
    const answers = await Promise.all(houses.map((house) => lookupAddress({ postcode: "3011AB", ...house })));
    const [first, ...rest] = answers.map((answer) => JSON.stringify(answer));
    for (const other of rest) expect(other).toBe(first);
    expect(answers[0].groups.map((g) => g.slug)).toEqual(["kadewacht", "marktbuurt"]);
  });

  it("does not tell where an admin lives: the admin's home and the house next door get one answer", async () => {
    const { db } = database.current.handle;
    const admin = await aUser(db, { postcode: "3011AE", houseNumber: 5 });
    await aGroup(db, centrumArea, {
      name: "Beheerdershof",
      slug: "beheerdershof",
      admins: [admin],
      addresses: [{ postcode: "3011AE", houseNumber: 5 }],
    });
    const home = await lookupAddress({ postcode: "3011AE", houseNumber: 5, addition: "" });
    const neighbour = await lookupAddress({ postcode: "3011AE", houseNumber: 7, addition: "" });
    expect(JSON.stringify(neighbour)).toBe(JSON.stringify(home));
    expect(home.groups.map((g) => g.slug)).toEqual(["beheerdershof"]);
    await db.update(groups).set({ status: "dissolved", dissolvedAt: sql`now()` }).where(eq(groups.slug, "beheerdershof"));
  });

  it("names the postcode, not the house, in the answer", async () => {
    const result = await lookupAddress({ postcode: "3011AB", houseNumber: 12, addition: "A" });
    expect(Object.keys(result).sort()).toEqual(["area", "groups", "nearbyGroups", "notTakingPart", "postcode"]);
    expect(result.postcode).toBe("3011AB");
    expect(JSON.stringify(result)).not.toMatch(/houseNumber|addition/);
  });

  it("the statement itself takes only the postcode and its four digits", () => {
    const parameters = new Set(LOOKUP_SQL.match(/\$\d+/g));
    expect([...parameters].sort()).toEqual(["$1", "$2"]);
    expect(LOOKUP_SQL).not.toMatch(/house_number|addition/);
  });
});

describe("the registration date", () => {
  it("is the calendar date in the Netherlands, in the look-up and on the group page alike", async () => {
    const { db } = database.current.handle;
    // 22:30 UTC on 1 July is 00:30 on 2 July in summer time; 23:30 UTC on 1 January is 00:30 on 2 January.
    for (const [instant, expected] of [
      ["2025-07-01T22:30:00Z", "2025-07-02"],
      ["2025-01-01T23:30:00Z", "2025-01-02"],
      ["2025-01-01T22:59:00Z", "2025-01-01"],
    ] as const) {
      await db.update(groups).set({ createdAt: new Date(instant) }).where(eq(groups.slug, "kerkpad"));
      const result = await lookupAddress({ postcode: "3011AC", houseNumber: 1, addition: "" });
      expect(result.groups.find((g) => g.slug === "kerkpad")?.registeredOn).toBe(expected);
      expect((await getPublicGroup("kerkpad"))?.registeredOn).toBe(expected);
    }
  });
});

describe("lookupAddress", () => {
  it("gives the groups with members in the postcode, then the other active groups of the postcode's wijk", async () => {
    const result = await lookupAddress({ postcode: "3011AB", houseNumber: 12, addition: "" });
    expect(result.postcode).toBe("3011AB");
    expect(result.area?.name).toBe("Centrum");
    expect(result.groups.map((g) => g.slug)).toEqual(["kadewacht", "marktbuurt"]);
    expect(result.nearbyGroups.map((g) => g.slug)).toEqual(["kerkpad"]);
  });

  it("offers the groups of the wijk when no address of the postcode takes part", async () => {
    const result = await lookupAddress({ postcode: "3011AD", houseNumber: 99, addition: "" });
    expect(result.groups).toEqual([]);
    expect(result.nearbyGroups.map((g) => g.slug)).toEqual(["kerkpad", "marktbuurt"]);
  });

  it("describes each group exactly as its own public page does", async () => {
    const result = await lookupAddress({ postcode: "3011AB", houseNumber: 12, addition: "" });
    for (const group of [...result.groups, ...result.nearbyGroups]) expect(group).toEqual(await getPublicGroup(group.slug));
    const haven = await lookupAddress({ postcode: "3011ZZ", houseNumber: 3, addition: "" });
    expect(haven.area?.name).toBe("Haven");
    expect(haven.groups).toEqual([await getPublicGroup("kadewacht")]);
    expect(haven.groups[0]).toMatchObject({ signStatus: "placed", addressCount: 2 });
  });

  it("places a postcode in the same wijk as findAreaForPostcode (one rule), also when two wijken list it", async () => {
    const { db } = database.current.handle;
    const elsewhere = await aMunicipality(db, { name: "Gelijkstad", code: "GM0998" });
    // Listed out of order on purpose: the lowest CBS code wins, not the first row.
    await anArea(db, elsewhere, { name: "Tweede", slug: "tweede", code: "WK099802", postcodes: ["3020"] });
    await anArea(db, elsewhere, { name: "Eerste", slug: "eerste", code: "WK099801", postcodes: ["3020"] });
    for (const postcode of ["3011AB", "3011ZZ", "3012AB", "3012AC", "3020AA", "9999AA"]) {
      const looked = await lookupAddress({ postcode, houseNumber: 1, addition: "" });
      const placed = await findAreaForPostcode(postcode);
      expect(looked.area?.slug ?? null, postcode).toBe(placed?.slug ?? null);
    }
    expect((await findAreaForPostcode("3020AA"))?.name).toBe("Eerste");
  });

  it("has no wijk and no groups for a postcode the municipality does not know", async () => {
    expect(await lookupAddress({ postcode: "9999ZZ", houseNumber: 1, addition: "" })).toMatchObject({
      area: null,
      groups: [],
      nearbyGroups: [],
    });
  });
});

describe("getPublicGroup", () => {
  it("returns an active group and nothing for a dissolved, unknown or malformed slug", async () => {
    expect((await getPublicGroup("marktbuurt"))?.name).toBe("Marktbuurt");
    expect(await getPublicGroup("opgeheven-hofje")).toBeNull();
    expect(await getPublicGroup("bestaat-niet")).toBeNull();
    expect(await getPublicGroup("<script>alert(1)</script>")).toBeNull();
    expect(await getPublicGroup("x".repeat(1000))).toBeNull();
  });

  it("stops showing a group as soon as it is dissolved", async () => {
    const { db } = database.current.handle;
    await db
      .update(groups)
      .set({ status: "dissolved", dissolvedAt: sql`now()` })
      .where(eq(groups.slug, "kerkpad"));
    expect(await getPublicGroup("kerkpad")).toBeNull();
    const result = await lookupAddress({ postcode: "3011AC", houseNumber: 1, addition: "" });
    expect(result.groups).toEqual([]);
    expect(result.nearbyGroups.map((g) => g.slug)).toEqual(["marktbuurt"]);
  });
});

describe("the look-up's short cache per postcode (issue 23)", () => {
  async function markt() {
    const { db } = database.current.handle;
    const [group] = await db.select().from(groups).where(eq(groups.slug, "marktbuurt"));
    return group;
  }

  it("answers a repeated look-up of a postcode from the cache while nothing was written", async () => {
    const first = await lookupPostcode("3012AB");
    expect(await lookupPostcode("3012AB")).toBe(first);
    // Two houses of one postcode share the one answer.
    expect(await lookupAddress({ postcode: "3012AB", houseNumber: 7, addition: "" })).toBe(first);
  });

  it("shows a new member address right after it was written, in the same process", async () => {
    const { db } = database.current.handle;
    const before = await lookupPostcode("3011AE");
    expect(before.groups).toEqual([]);
    expect(await lookupPostcode("3011AE")).toBe(before);
    const group = await markt();
    await db.insert(memberAddresses).values({ groupId: group.id, postcode: "3011AE", houseNumber: 5, addition: "", inMunicipality: true });
    const after = await lookupPostcode("3011AE");
    expect(after.groups.map((g) => g.slug)).toEqual(["marktbuurt"]);
  });

  it("shows a change made in a transaction right after its commit, also to a look-up that ran while it was open", async () => {
    const { db } = database.current.handle;
    const group = await markt();
    const seen = await lookupPostcode("3011AF");
    expect(seen.groups).toEqual([]);
    let during: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.insert(memberAddresses).values({ groupId: group.id, postcode: "3011AF", houseNumber: 9, addition: "", inMunicipality: true });
      // A look-up started while the transaction is open may read the old state (on PGlite it
      // does; on PostgreSQL it may run after the commit); either way it must not be kept.
      during = lookupPostcode("3011AF");
    });
    await during;
    const after = await lookupPostcode("3011AF");
    expect(after.groups.map((g) => g.slug)).toEqual(["marktbuurt"]);
  });

  it("shows a renamed group and a removed address at once", async () => {
    const { db } = database.current.handle;
    await lookupPostcode("3011AE");
    await db.update(groups).set({ name: "Marktbuurt-Oost" }).where(eq(groups.slug, "marktbuurt"));
    expect((await lookupPostcode("3011AE")).groups.map((g) => g.name)).toEqual(["Marktbuurt-Oost"]);
    await db.delete(memberAddresses).where(eq(memberAddresses.postcode, "3011AE"));
    expect((await lookupPostcode("3011AE")).groups).toEqual([]);
    await db.update(groups).set({ name: "Marktbuurt" }).where(eq(groups.slug, "marktbuurt"));
  });
});
