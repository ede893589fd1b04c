import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addresses, aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { memberAddresses, type Area } from "@/db/schema";
import type { AddressPlacement } from "@/lib/data/internal/address-placement";
import { insertMemberAddresses } from "@/lib/data/internal/member-addresses";
import { addMemberAddress, addMemberAddressList, getAddressCounts, listMemberAddresses, removeMemberAddress } from "@/lib/data/resident/member-addresses";
import { addressKey } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
let area: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db, { bordThreshold: 50 });
  area = await anArea(db, municipality, { postcodes: ["2922"] });
  // A wijk of another municipality: its addresses are outside the group's municipality.
  await anArea(db, await aMunicipality(db), { postcodes: ["3011"] });
});

let firstGroupName = "";

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(`member addresses (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("without a register (empty demo register) adds addresses as niet gecontroleerd, marks one outside the municipality, counts neither", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    firstGroupName = group.name;
    expect(await addMemberAddress(actorOf(me), group.id, { postcode: "2922AB", houseNumber: 1, addition: "" })).toEqual({ inMunicipality: true, verification: "unchecked", alsoInGroups: [] });
    expect(await addMemberAddress(actorOf(me), group.id, { postcode: "3011AA", houseNumber: 5, addition: "" })).toEqual({ inMunicipality: false, verification: "unchecked", alsoInGroups: [] });
    expect(await getAddressCounts(actorOf(me), group.id))!.toEqual({ total: 2, counted: 0, countedElsewhere: 0, outside: 1, unchecked: 2, threshold: 50, missing: 50 });
    const again = await errorOf(addMemberAddress(actorOf(me), group.id, { postcode: "2922AB", houseNumber: 1, addition: "" }));
    expect(again.code).toBe("conflict");
    expect(again.fieldErrors?.postcode).toContain("staat al");
  });

  it("adds a pasted list: duplicates and known addresses once, nothing while a line is wrong", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], addresses: [{ postcode: "2922AB", houseNumber: 1 }] });
    const bad = await errorOf(addMemberAddressList(actorOf(me), group.id, "2922AB 2\n2922 AB 0\nHoofdstraat 1"));
    expect(bad.code).toBe("bad_request");
    expect(bad.fieldErrors?.text).toContain("Regel 2");
    expect(bad.fieldErrors?.text).toContain("Regel 3");
    expect((await getAddressCounts(actorOf(me), group.id))!.total).toBe(1);

    const result = await addMemberAddressList(actorOf(me), group.id, "postcode;huisnummer;toevoeging\n2922AB;1;\n2922ab;2;a\n2922 AB;2;A\n3011AA;1;");
    // 2922 AB 1 is in the group of the test above too: the admin is told that group's name. It
    // is unchecked there, so the builder's verified copy here counts (for this group).
    expect(result).toEqual({ added: 2, alreadyPresent: 1, outside: 1, unchecked: 3, alsoInGroups: [{ name: firstGroupName, addresses: 1 }] });
    // The builder's address is verified; the two new ones wait for the re-check.
    expect(await getAddressCounts(actorOf(me), group.id))!.toMatchObject({ total: 3, counted: 1, countedElsewhere: 0, outside: 1, unchecked: 2 });
  });

  it("stores each address with its placement in one go, and skips what the group has", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], addresses: [{ postcode: "2922AB", houseNumber: 1 }] });
    const verified = { postcode: "2922AC", houseNumber: 7, addition: "B" };
    const byTable = { postcode: "2922AD", houseNumber: 8, addition: "" };
    const outside = { postcode: "3011AA", houseNumber: 9, addition: "" };
    const known = { postcode: "2922AB", houseNumber: 1, addition: "" };
    const placements = new Map<string, AddressPlacement>([
      [addressKey(verified), { areaId: area.id, inMunicipality: true, verification: "verified", street: "Tiendweg", town: "Krimpen aan den IJssel", refusal: null }],
      [addressKey(byTable), { areaId: area.id, inMunicipality: true, verification: "unchecked", street: null, town: null, refusal: null }],
      [addressKey(outside), { areaId: null, inMunicipality: false, verification: "unchecked", street: null, town: null, refusal: null }],
    ]);
    const added = await db.transaction((tx) => insertMemberAddresses(tx, group, [verified, byTable, outside, known], placements, me.id));
    expect(added).toBe(3);
    const rows = await db
      .select({
        postcode: memberAddresses.postcode,
        houseNumber: memberAddresses.houseNumber,
        addition: memberAddresses.addition,
        street: memberAddresses.street,
        town: memberAddresses.town,
        areaId: memberAddresses.areaId,
        inMunicipality: memberAddresses.inMunicipality,
        verification: memberAddresses.verification,
        addedByUserId: memberAddresses.addedByUserId,
      })
      .from(memberAddresses)
      .where(eq(memberAddresses.groupId, group.id))
      .orderBy(memberAddresses.postcode);
    expect(rows).toEqual([
      expect.objectContaining({ postcode: "2922AB", houseNumber: 1 }),
      { ...verified, street: "Tiendweg", town: "Krimpen aan den IJssel", areaId: area.id, inMunicipality: true, verification: "verified", addedByUserId: me.id },
      { ...byTable, street: null, town: null, areaId: area.id, inMunicipality: true, verification: "unchecked", addedByUserId: me.id },
      { ...outside, street: null, town: null, areaId: null, inMunicipality: false, verification: "unchecked", addedByUserId: me.id },
    ]);
    expect(await db.transaction((tx) => insertMemberAddresses(tx, group, [], placements, me.id))).toBe(0);
  });

  it("refuses an empty list and a list with more than 10,000 lines", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    expect((await errorOf(addMemberAddressList(actorOf(me), group.id, "\n\n"))).code).toBe("bad_request");
    const huge = Array.from({ length: 10_001 }, (_, i) => `2922AB ${i + 1}`).join("\n");
    expect((await errorOf(addMemberAddressList(actorOf(me), group.id, huge))).fieldErrors?.text).toContain("10.000");
  });

  it("pages 10,000 addresses in SQL and counts them", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], addresses: addresses(10_000, "2926") });
    const page = (await listMemberAddresses(actorOf(me), group.id, { page: 3 }))!;
    expect(page).toMatchObject({ total: 10_000, counted: 10_000, page: 3, pageCount: 200, missing: 0 });
    expect(page.items).toHaveLength(50);
    const last = (await listMemberAddresses(actorOf(me), group.id, { page: 9999 }))!;
    expect(last.page).toBe(200);
  });

  it("removes an address of the group; someone else's group or address is not found", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const other = await aUser(db);
    const mine = await aGroup(db, area, { admins: [me], addresses: addresses(2) });
    const theirs = await aGroup(db, area, { admins: [other], addresses: addresses(2) });
    const [theirAddress] = await db.select().from(memberAddresses).where(eq(memberAddresses.groupId, theirs.id));
    const [myAddress] = await db.select().from(memberAddresses).where(eq(memberAddresses.groupId, mine.id));

    expect((await errorOf(removeMemberAddress(actorOf(me), mine.id, theirAddress.id))).code).toBe("not_found");
    expect((await errorOf(removeMemberAddress(actorOf(me), theirs.id, theirAddress.id))).code).toBe("not_found");
    expect(await listMemberAddresses(actorOf(me), theirs.id))!.toBeNull();
    expect((await errorOf(addMemberAddress(actorOf(me), theirs.id, { postcode: "2922AB", houseNumber: 9, addition: "" }))).code).toBe("not_found");
    expect((await errorOf(addMemberAddressList(actorOf(me), theirs.id, "2922AB 9"))).code).toBe("not_found");
    expect(await getAddressCounts(actorOf(me), "'; drop table groups; --"))!.toBeNull();

    await removeMemberAddress(actorOf(me), mine.id, myAddress.id);
    expect((await getAddressCounts(actorOf(me), mine.id))!.total).toBe(1);
    expect(await db.select().from(memberAddresses).where(eq(memberAddresses.groupId, theirs.id))).toHaveLength(2);
  });
});
