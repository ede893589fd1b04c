import { beforeAll, describe, expect, it } from "vitest";
import { addAddresses, addresses, aGroup, aMunicipality, anArea } from "@/db/seed/builders";
import { eq } from "drizzle-orm";
import { groups, type Area } from "@/db/schema";
import { countCountedAddresses, getBordEligibility } from "@/lib/data/internal/eligibility";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
let area: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db, { bordThreshold: 50 });
  area = await anArea(db, municipality, { postcodes: ["2922"] });
});

describe(`counting a group's addresses for the bord (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("counts each address once and leaves out addresses outside the municipality", async () => {
    const { db } = database.current.handle;
    const group = await aGroup(db, area, { addresses: addresses(48) });
    // Two spellings of one address are stored once (normalised, unique per group).
    await addAddresses(db, group, [{ postcode: "2922AB", houseNumber: 1 }]);
    await addAddresses(db, group, [
      { postcode: "3011AA", houseNumber: 1, inMunicipality: false },
      { postcode: "3011AA", houseNumber: 2, inMunicipality: false },
    ]);
    expect(await countCountedAddresses(group.id)).toBe(48);
    expect(await getBordEligibility(group.id)).toEqual({ counted: 48, threshold: 50, eligible: false, missing: 2 });

    await addAddresses(db, group, [
      { postcode: "2922ZZ", houseNumber: 1 },
      { postcode: "2922ZZ", houseNumber: 1, addition: "A" },
    ]);
    expect(await getBordEligibility(group.id)).toEqual({ counted: 50, threshold: 50, eligible: true, missing: 0 });
  });

  it("counts 10,000 addresses", async () => {
    const { db } = database.current.handle;
    const group = await aGroup(db, area, { addresses: addresses(10_000, "2923") });
    expect(await countCountedAddresses(group.id)).toBe(10_000);
  });

  it("counts an address that two groups list for the group it joined first only", async () => {
    const { db } = database.current.handle;
    const first = await aGroup(db, area, { addresses: addresses(30, "2925") });
    const second = await aGroup(db, area, { addresses: addresses(10, "2925") });
    await addAddresses(db, second, [{ postcode: "2926AB", houseNumber: 1 }]);
    expect(await countCountedAddresses(first.id)).toBe(30);
    expect(await countCountedAddresses(second.id)).toBe(1);
    // Once the first group is dissolved, its addresses count for the other group again.
    await db.update(groups).set({ status: "dissolved", dissolvedAt: new Date() }).where(eq(groups.id, first.id));
    expect(await countCountedAddresses(second.id)).toBe(11);
  });

  it("an address that another group lists without it counting there (not verified, outside, dissolved) counts here; a neighbour's address in the same postcode does not matter", async () => {
    const { db } = database.current.handle;
    const earlier = await aGroup(db, area, {
      addresses: [
        ...Array.from({ length: 10 }, (_, i) => ({ postcode: "2927AB", houseNumber: 11 + i })),
        { postcode: "2927AB", houseNumber: 5, verification: "unchecked" as const },
        { postcode: "2927AB", houseNumber: 6, inMunicipality: false },
      ],
    });
    const dissolved = await aGroup(db, area, { addresses: [{ postcode: "2927AB", houseNumber: 7 }] });
    await db.update(groups).set({ status: "dissolved", dissolvedAt: new Date() }).where(eq(groups.id, dissolved.id));
    const later = await aGroup(db, area, { addresses: Array.from({ length: 10 }, (_, i) => ({ postcode: "2927AB", houseNumber: 1 + i })) });
    expect(await countCountedAddresses(later.id)).toBe(10);
    expect(await countCountedAddresses(earlier.id)).toBe(10);
    // The first listing wins, not the older group: 2927AB 1 added to the earlier group now stays here.
    await addAddresses(db, earlier, [{ postcode: "2927AB", houseNumber: 1 }]);
    expect(await countCountedAddresses(later.id)).toBe(10);
    expect(await countCountedAddresses(earlier.id)).toBe(10);
  });

  it("answers null for a group that does not exist", async () => {
    expect(await getBordEligibility("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
