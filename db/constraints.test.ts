import { beforeAll, describe, expect, it } from "vitest";
import { groups, memberAddresses, municipalities, bordRequests, users, type Area, type Group } from "@/db/schema";
import { aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
let area: Area;
let group: Group;

beforeAll(async () => {
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db);
  area = await anArea(db, municipality, { postcodes: ["2922"] });
  group = await aGroup(db, area, { name: "Buurtpreventie Tiendweg" });
});

/** The database refuses the row: the insert rejects with a constraint violation. */
async function expectRefused(insert: Promise<unknown>, constraint: string) {
  await expect(insert).rejects.toSatisfy((error: unknown) => {
    const text = `${String(error)} ${String((error as { cause?: unknown }).cause ?? "")}`;
    return text.includes(constraint);
  });
}

describe("database constraints", () => {
  const address = (postcode: string, houseNumber = 1, addition = "") => ({
    groupId: group.id,
    postcode,
    houseNumber,
    addition,
  });

  it.each(["0123AB", "1234SA", "1234SD", "1234SS", "1234 AB", "1234ab", "12345", ""])(
    "refuses the postcode %j",
    async (postcode) => {
      const { db } = database.current.handle;
      await expectRefused(db.insert(memberAddresses).values(address(postcode)), "member_addresses_postcode_format");
    },
  );

  it.each([0, -1, 100000])("refuses house number %d", async (houseNumber) => {
    const { db } = database.current.handle;
    await expectRefused(
      db.insert(memberAddresses).values(address("2922AB", houseNumber)),
      "member_addresses_house_number_range",
    );
  });

  it("refuses an addition that is not normalised", async () => {
    const { db } = database.current.handle;
    await expectRefused(db.insert(memberAddresses).values(address("2922AB", 5, "a")), "member_addresses_addition_format");
    await expectRefused(
      db.insert(memberAddresses).values(address("2922AB", 5, "TOOLONG")),
      "member_addresses_addition_format",
    );
  });

  it("refuses the same address twice in one group", async () => {
    const { db } = database.current.handle;
    await db.insert(memberAddresses).values(address("2922AB", 7, "A"));
    await expectRefused(
      db.insert(memberAddresses).values(address("2922AB", 7, "A")),
      "member_addresses_group_address_unique",
    );
  });

  it("refuses a group name that differs only in case within one municipality", async () => {
    const { db } = database.current.handle;
    await expectRefused(aGroup(db, area, { name: "BUURTPREVENTIE tiendweg" }), "groups_municipality_name_unique");
  });

  it("allows the same group name in another municipality", async () => {
    const { db } = database.current.handle;
    const other = await aMunicipality(db);
    const otherArea = await anArea(db, other);
    const twin = await aGroup(db, otherArea, { name: "Buurtpreventie Tiendweg" });
    expect(twin.name).toBe("Buurtpreventie Tiendweg");
  });

  it("refuses an e-mail address that exists in another case", async () => {
    const { db } = database.current.handle;
    await aUser(db, { email: "sanne@test.example" });
    await expectRefused(db.insert(users).values({ email: "SANNE@test.example" }), "users_email_lower");
  });

  it("refuses staff without a municipality", async () => {
    const { db } = database.current.handle;
    await expectRefused(db.insert(users).values({ email: "staff-without@test.example", role: "staff" }), "users_role_municipality");
  });

  it("refuses a rejection without a reason and a second open bord request", async () => {
    const { db } = database.current.handle;
    await expectRefused(
      db.insert(bordRequests).values({ groupId: group.id, street: "Tiendweg", status: "rejected" }),
      "bord_requests_rejection_reason",
    );
    await aBordRequest(db, group);
    await expectRefused(aBordRequest(db, group), "bord_requests_one_open_per_group");
  });

  it("refuses 5 bords and a map point outside the Netherlands", async () => {
    const { db } = database.current.handle;
    await expectRefused(
      db.insert(bordRequests).values({ groupId: group.id, street: "Tiendweg", bordCount: 5, status: "withdrawn" }),
      "bord_requests_bord_count_range",
    );
    await expectRefused(
      db.insert(bordRequests).values({ groupId: group.id, street: "Tiendweg", latitude: 48.85, longitude: 2.35, status: "withdrawn" }),
      "bord_requests_point",
    );
  });

  it("refuses a bad CBS code and a threshold of 0", async () => {
    const { db } = database.current.handle;
    await expectRefused(
      db.insert(municipalities).values({ code: "0542", name: "X", slug: "x", safetyEmail: "a@b.example" }),
      "municipalities_code_format",
    );
    await expectRefused(
      db.insert(municipalities).values({ code: "GM0001", name: "X", slug: "x", safetyEmail: "a@b.example", bordThreshold: 0 }),
      "municipalities_bord_threshold_range",
    );
  });

  it("keeps a group from being deleted while it has a wijk (restrict) but cascades its addresses", async () => {
    const { db } = database.current.handle;
    const doomed = await aGroup(db, area, { addresses: [{ postcode: "2922AC", houseNumber: 1 }] });
    const { eq } = await import("drizzle-orm");
    await db.delete(groups).where(eq(groups.id, doomed.id));
    const left = await db.select().from(memberAddresses).where(eq(memberAddresses.groupId, doomed.id));
    expect(left).toEqual([]);
  });
});
