/**
 * Gaps and overlaps per wijk (issue 20): postcodes of a wijk where no active group has an
 * address, and pairs of active groups that list the same addresses, with the count. Staff of
 * the municipality only; dissolved groups do not count.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addAddresses, aGroup, aMunicipality, anArea, aUser, addresses } from "@/db/seed/builders";
import { groups, type Area, type Group, type Municipality, type User } from "@/db/schema";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { getGapsAndOverlaps } from "./gaps";

const database = withTestDatabase();
let home: Municipality;
let staff: User;
let otherStaff: User;
let west: Area;
let east: Area;
let first: Group;
let second: Group;
let dissolved: Group;

beforeAll(async () => {
  const { db } = database.current.handle;
  home = await aMunicipality(db, { name: "Gatenstad" });
  const other = await aMunicipality(db, { name: "Andersstad" });
  west = await anArea(db, home, { name: "West", postcodes: ["9701", "9703"] });
  east = await anArea(db, home, { name: "Oost", postcodes: ["9702AB", "9702AC", "9702AD"] });
  await anArea(db, other, { name: "Daarzo", postcodes: ["9709"] });
  staff = await aUser(db, { role: "staff", municipalityId: home.id });
  otherStaff = await aUser(db, { role: "staff", municipalityId: other.id });
  first = await aGroup(db, west, { name: "Eerste Groep", addresses: addresses(20, "9701") });
  second = await aGroup(db, west, { name: "Tweede Groep", addresses: addresses(5, "9701") });
  await addAddresses(db, second, [{ postcode: "9702AB", houseNumber: 1 }]);
  // A dissolved group covers 9702AC and shares addresses, but no longer counts.
  dissolved = await aGroup(db, east, { name: "Opgeheven Groep", addresses: [{ postcode: "9702AC", houseNumber: 1 }, ...addresses(3, "9701")] });
  await db.update(groups).set({ status: "dissolved", dissolvedAt: new Date() }).where(eq(groups.id, dissolved.id));
});

describe(`gaps and overlaps (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("lists per wijk the postcodes without a group and the pairs of groups sharing addresses", async () => {
    const result = await getGapsAndOverlaps(actorOf(staff), home.id);
    expect(result.map((a) => a.name)).toEqual(["Oost", "West"]);
    const westGaps = result.find((a) => a.areaId === west.id)!;
    expect(westGaps.uncoveredPostcodes).toEqual(["9703"]);
    expect(westGaps.overlaps).toEqual([
      { groupA: expect.objectContaining({ name: expect.any(String) }), groupB: expect.objectContaining({ name: expect.any(String) }), sharedAddresses: 5, decidedForA: 0, decidedForB: 0 },
    ]);
    expect([westGaps.overlaps[0].groupA.name, westGaps.overlaps[0].groupB.name].sort()).toEqual(["Eerste Groep", "Tweede Groep"]);
    const eastGaps = result.find((a) => a.areaId === east.id)!;
    expect(eastGaps.uncoveredPostcodes).toEqual(["9702AC", "9702AD"]);
    expect(eastGaps.overlaps).toEqual([]);
    expect(JSON.stringify(result)).not.toMatch(/houseNumber|"9701AB"/);
  });

  it("shows staff of another municipality their own wijken only", async () => {
    const result = await getGapsAndOverlaps(actorOf(otherStaff), home.id);
    expect(result.map((a) => a.name)).toEqual(["Daarzo"]);
    expect(result[0].uncoveredPostcodes).toEqual(["9709"]);
  });

  it("counts a pair once however many addresses they share, over 2,000 shared addresses", async () => {
    const { db } = database.current.handle;
    const a = await aGroup(db, east, { name: "Grote Groep A", addresses: addresses(2_000, "9702") });
    const b = await aGroup(db, east, { name: "Grote Groep B", addresses: addresses(2_000, "9702") });
    const east2 = (await getGapsAndOverlaps(actorOf(staff), home.id)).find((x) => x.areaId === east.id)!;
    const pair = east2.overlaps.find((o) => [o.groupA.id, o.groupB.id].sort().join() === [a.id, b.id].sort().join());
    expect(pair?.sharedAddresses).toBe(2_000);
    expect(east2.overlaps.filter((o) => o.groupA.id === dissolved.id || o.groupB.id === dissolved.id)).toEqual([]);
    void first;
  });
});
