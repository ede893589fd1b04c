import { beforeAll, describe, expect, it } from "vitest";
import { aMunicipality, anArea } from "@/db/seed/builders";
import type { Area, Municipality } from "@/db/schema";
import { lookupKnowing, notConfiguredLookup, unreachableLookup } from "@/tests/address-lookups";
import { addressKey } from "@/lib/domain";
import { placeAddresses } from "@/lib/data/internal/address-placement";
import { areasForPostcodes, findAreaForPostcode } from "@/lib/data/public/postcode-areas";
import { withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
let krimpen: Municipality;
let langeland: Area;
let kortland: Area;
let rotterdamArea: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db, { code: "GM0542", name: "Krimpen", slug: "krimpen" });
  const rotterdam = await aMunicipality(db, { code: "GM0599", name: "Rotterdam", slug: "rotterdam" });
  langeland = await anArea(db, krimpen, { code: "WK054202", postcodes: ["2922"] });
  kortland = await anArea(db, krimpen, { code: "WK054203", postcodes: ["2922XX", "2923"] });
  rotterdamArea = await anArea(db, rotterdam, { code: "WK059901", postcodes: ["3011"] });
});

function serviceKnowing(known: Parameters<typeof lookupKnowing>[0]) {
  return lookupKnowing(known);
}

const notConfigured = notConfiguredLookup;

describe("which wijk an address belongs to", () => {
  it("prefers a full postcode over its 4-digit area in the postcode table", async () => {
    const map = await areasForPostcodes(["2922AB", "2922XX", "2923AA", "9999ZZ"]);
    expect(map.get("2922AB")?.id).toBe(langeland.id);
    expect(map.get("2922XX")?.id).toBe(kortland.id);
    expect(map.get("2923AA")?.id).toBe(kortland.id);
    expect(map.has("9999ZZ")).toBe(false);
  });

  it("gives the same wijk for one postcode as for a list, and the lowest CBS code when two wijken list it", async () => {
    const { db } = database.current.handle;
    await anArea(db, krimpen, { code: "WK054299", postcodes: ["2926"] }); // inserted first, listed second
    const earlier = await anArea(db, krimpen, { code: "WK054209", postcodes: ["2926"] });
    expect((await areasForPostcodes(["2926AB"])).get("2926AB")?.id).toBe(earlier.id);
    expect((await findAreaForPostcode("2926 ab"))?.id).toBe(earlier.id);
    for (const postcode of ["2922AB", "2922XX", "2923AA", "9999ZZ"]) {
      expect((await findAreaForPostcode(postcode))?.id).toBe((await areasForPostcodes([postcode])).get(postcode)?.id);
    }
  });

  it("without an address service, places by postcode table and marks the address unverified", async () => {
    const list = [
      { postcode: "2922AB", houseNumber: 1, addition: "" },
      { postcode: "3011AA", houseNumber: 5, addition: "" },
      { postcode: "9999ZZ", houseNumber: 5, addition: "" },
    ];
    const placed = await placeAddresses(list, krimpen, { lookup: notConfigured });
    expect(placed.get(addressKey(list[0]))).toEqual({ areaId: langeland.id, inMunicipality: true, verification: "unchecked", street: null, town: null, refusal: null });
    expect(placed.get(addressKey(list[1]))).toMatchObject({ areaId: null, inMunicipality: false });
    expect(placed.get(addressKey(list[2]))).toMatchObject({ areaId: null, inMunicipality: false });
  });

  it("lets the wijk code of the address service win and fills in street and town", async () => {
    const address = { postcode: "2922AB", houseNumber: 12, addition: "" };
    const lookup = serviceKnowing({
      [addressKey(address)]: {
        verified: true,
        ...address,
        street: "Tiendweg",
        town: "Krimpen aan den IJssel",
        municipalityCode: "GM0542",
        areaCode: "WK054203",
        buurtCode: null,
      },
    });
    const placed = await placeAddresses([address], krimpen, { lookup });
    expect(placed.get(addressKey(address))).toEqual({
      areaId: kortland.id,
      inMunicipality: true,
      verification: "verified",
      street: "Tiendweg",
      town: "Krimpen aan den IJssel",
      refusal: null,
    });
  });

  it("refuses a verified address in another municipality, naming it", async () => {
    const address = { postcode: "3011AA", houseNumber: 1, addition: "" };
    const lookup = serviceKnowing({
      [addressKey(address)]: {
        verified: true,
        ...address,
        street: "Coolsingel",
        town: "Rotterdam",
        municipalityCode: "GM0599",
        municipalityName: "Rotterdam",
        areaCode: rotterdamArea.code,
        buurtCode: null,
      },
    });
    const placed = await placeAddresses([address], krimpen, { lookup });
    expect(placed.get(addressKey(address))).toMatchObject({ areaId: null, inMunicipality: false, verification: "verified" });
    expect(placed.get(addressKey(address))?.refusal).toEqual({
      reason: "other_municipality",
      message: expect.stringContaining("Dit adres ligt in de gemeente Rotterdam."),
    });
  });

  it("refuses an address the register does not know, and keeps an unreachable one as unchecked", async () => {
    const address = { postcode: "2922AB", houseNumber: 99, addition: "" };
    const placed = await placeAddresses([address], krimpen, { lookup: lookupKnowing({}) });
    expect(placed.get(addressKey(address))?.refusal?.reason).toBe("not_found");
    const later = await placeAddresses([address], krimpen, { lookup: unreachableLookup });
    expect(later.get(addressKey(address))).toMatchObject({ verification: "unchecked", inMunicipality: true, refusal: null });
  });
});
