/**
 * Wijk outlines (issue 20 item 1): importing a CBS wijk- en buurtkaart file (only the actor's own
 * wijken change, a bad file stores nothing), and what the maps read: public outlines and placed
 * bords only, staff their municipality, a wijkagent their own wijken. Concurrent imports on
 * PostgreSQL all land, and the stored outline is one of them whole.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db";
import { aContact, aGroup, aMunicipality, anArea, aBordRequest, aUser, addresses } from "@/db/seed/builders";
import { areas, auditLog, type Area, type Municipality, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { getPublicAreaMap, listPublicAreaBoundaries } from "./maps";
import { getStaffMap } from "@/lib/data/staff/map";
import { getWijkagentMap } from "@/lib/data/wijkagent/map";
import { importAreaBoundaries } from "@/lib/data/staff/areas";

const database = withTestDatabase();
let pool: DatabaseHandle | undefined;
let home: Municipality;
let other: Municipality;
let north: Area;
let south: Area;
let elsewhere: Area;
let staff: User;
let otherStaff: User;
let agent: User;

const db = () => (pool ?? database.current.handle).db;

const squareAt = (lng: number, lat: number, size = 0.01) => ({
  type: "Polygon",
  coordinates: [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]],
});
const file = (features: Array<{ code: string; geometry: unknown; name?: string }>) =>
  JSON.stringify({
    type: "FeatureCollection",
    features: features.map((f) => ({ type: "Feature", properties: { wijkcode: f.code, wijknaam: f.name ?? "Wijk" }, geometry: f.geometry })),
  });

beforeAll(async () => {
  if (onPostgres) {
    const config = database.current.config;
    if (config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    pool = openDatabase({ kind: "postgres", url: config.url });
    setDatabase(pool);
  }
  const { db } = database.current.handle;
  home = await aMunicipality(db, { name: "Kaartstad" });
  other = await aMunicipality(db, { name: "Elders" });
  north = await anArea(db, home, { name: "Noord", postcodes: ["9801"], boundary: squareAt(4.6, 51.92) as never });
  south = await anArea(db, home, { name: "Zuid", postcodes: ["9802"] });
  elsewhere = await anArea(db, other, { name: "Daar", postcodes: ["9803"], boundary: squareAt(5.1, 52.1) as never });
  staff = await aUser(db, { role: "staff", municipalityId: home.id });
  otherStaff = await aUser(db, { role: "staff", municipalityId: other.id });
  agent = await aUser(db, { role: "wijkagent", municipalityId: home.id });
  await aContact(db, home, "wijkagent", [south], { userId: agent.id, email: agent.email });
  const northAdmin = await aUser(db);
  const southAdmin = await aUser(db);
  const northGroup = await aGroup(db, north, { name: "Kaartgroep Noord", admins: [northAdmin], addresses: addresses(3, "9801") });
  const southGroup = await aGroup(db, south, { name: "Kaartgroep Zuid", admins: [southAdmin], addresses: addresses(3, "9802") });
  await aBordRequest(db, northGroup, { status: "placed", requestedBy: northAdmin, street: "Noordweg", latitude: 51.925, longitude: 4.605 });
  await aBordRequest(db, southGroup, { status: "submitted", requestedBy: southAdmin, street: "Zuidweg", latitude: 51.915, longitude: 4.605 });
});

afterAll(async () => {
  if (pool) {
    setDatabase(database.current.handle);
    await pool.close();
  }
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function boundaryOf(area: Area) {
  const [row] = await db().select({ boundary: areas.boundary }).from(areas).where(eq(areas.id, area.id));
  return row.boundary;
}

describe("importing wijk outlines", () => {
  it("stores the simplified outline of the actor's own wijken, reports the rest, and audits it", async () => {
    const dense: number[][] = [];
    for (let i = 0; i <= 100; i++) dense.push([4.62 + i * 0.0001, 51.91]);
    dense.push([4.63, 51.92], [4.62, 51.92], [4.62, 51.91]);
    const result = await importAreaBoundaries(
      actorOf(staff),
      home.id,
      file([
        { code: south.code, geometry: { type: "Polygon", coordinates: [dense] } },
        { code: "WK999999", geometry: squareAt(4.7, 51.9) },
        { code: elsewhere.code, geometry: squareAt(4.7, 51.9) },
      ]),
    );
    expect(result).toEqual({ updated: [south.code], unknown: ["WK999999", elsewhere.code].sort(), missing: [north.code] });
    const stored = (await boundaryOf(south))!;
    expect(stored.type).toBe("Polygon");
    expect((stored.coordinates as number[][][])[0].length).toBeLessThanOrEqual(6);
    // The other municipality's wijk is untouched.
    expect(await boundaryOf(elsewhere)).toEqual(squareAt(5.1, 52.1));
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, "area.boundaries_import"));
    expect(audit.length).toBeGreaterThan(0);
  });

  it.each([
    ["not JSON", "<script>alert(1)</script>"],
    ["SQL text", "'; drop table areas; --"],
    ["a wijk code that is script", file([{ code: "<script>", geometry: squareAt(4.6, 51.9) }])],
    ["a point instead of an outline", file([{ code: "WK000001", geometry: { type: "Point", coordinates: [4.6, 51.9] } }])],
    ["an outline in France", file([{ code: "WK000001", geometry: squareAt(2.3, 48.8) }])],
    ["too long", " ".repeat(900_001)],
  ])("refuses %s with a Dutch message at the file field and stores nothing", async (_, text) => {
    const before = await boundaryOf(north);
    const error = await refusal(importAreaBoundaries(actorOf(staff), home.id, text));
    expect(error.code).toBe("bad_request");
    expect(error.fieldErrors?.file).toMatch(/[a-z]/);
    expect(await boundaryOf(north)).toEqual(before);
  });

  it("refuses a file with only another municipality's wijken, and changes none of them", async () => {
    const error = await refusal(importAreaBoundaries(actorOf(staff), home.id, file([{ code: elsewhere.code, geometry: squareAt(4.6, 51.9) }])));
    expect(error.message).toContain("hoort bij een wijk van uw gemeente");
    expect(await boundaryOf(elsewhere)).toEqual(squareAt(5.1, 52.1));
  });

  it("does not let staff import into another municipality (not found)", async () => {
    const error = await refusal(importAreaBoundaries(actorOf(otherStaff), home.id, file([{ code: north.code, geometry: squareAt(4.6, 51.9) }])));
    expect(error.code).toBe("not_found");
  });

  it("lets 24 simultaneous imports all finish; the stored outline is one of them, whole", async () => {
    const files = Array.from({ length: 24 }, (_, i) => file([{ code: north.code, geometry: squareAt(4.6 + i * 0.001, 51.92) }]));
    const results = await Promise.allSettled(files.map((f) => importAreaBoundaries(actorOf(staff), home.id, f)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const stored = (await boundaryOf(north))!;
    expect(stored.type).toBe("Polygon");
    const ring = (stored.coordinates as number[][][])[0];
    // Whole: the five corners of one square, not a mix of two imports.
    expect(ring).toHaveLength(5);
    const left = ring[0][0];
    const i = Math.round((left - 4.6) / 0.001);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(i).toBeLessThan(24);
    const expected = squareAt(4.6 + i * 0.001, 51.92).coordinates[0];
    for (const [k, [lng, lat]] of ring.entries()) {
      expect(lng).toBeCloseTo(expected[k][0], 6);
      expect(lat).toBeCloseTo(expected[k][1], 6);
    }
    await importAreaBoundaries(actorOf(staff), home.id, file([{ code: north.code, geometry: squareAt(4.6, 51.92) }]));
  });
});

describe("what the maps read", () => {
  it("public: every wijk's outline (null where none), a wijk's placed bords only", async () => {
    await importAreaBoundaries(actorOf(staff), home.id, file([{ code: north.code, geometry: squareAt(4.6, 51.92) }]));
    const outlines = await listPublicAreaBoundaries(home.code);
    expect(outlines.map((o) => o.name)).toEqual(["Noord", "Zuid"]);
    expect(outlines[0].boundary?.type).toBe("Polygon");
    const northMap = await getPublicAreaMap(north.slug);
    expect(northMap?.bords).toEqual([
      { areaId: north.id, groupName: "Kaartgroep Noord", street: "Noordweg", status: "placed", latitude: 51.925, longitude: 4.605 },
    ]);
    // An open request's preferred spot is not public.
    expect((await getPublicAreaMap(south.slug))?.bords).toEqual([]);
    expect(await getPublicAreaMap("bestaat-niet")).toBeNull();
    expect(await getPublicAreaMap("<script>")).toBeNull();
  });

  it("staff: their municipality's wijken and bords, open ones too; never another municipality's", async () => {
    const map = await getStaffMap(actorOf(staff), home.id);
    expect(map.areas.map((a) => a.name)).toEqual(["Noord", "Zuid"]);
    expect(map.bords.map((b) => [b.street, b.status])).toEqual([["Noordweg", "placed"], ["Zuidweg", "open"]]);
    const foreign = await getStaffMap(actorOf(otherStaff), home.id);
    expect(foreign.areas.map((a) => a.name)).toEqual(["Daar"]);
    expect(foreign.bords).toEqual([]);
  });

  it("wijkagent: only their own wijken and the bords there", async () => {
    const map = await getWijkagentMap(actorOf(agent));
    expect(map.areas.map((a) => a.name)).toEqual(["Zuid"]);
    expect(map.bords.map((b) => b.street)).toEqual(["Zuidweg"]);
  });
});
