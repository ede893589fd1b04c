/**
 * A postcode belongs to one municipality (issue 18, point 3): staff of one municipality cannot
 * put a postcode of another municipality's wijk (the same one, or a 4-digit area and a full
 * postcode inside it) into one of their wijken — not by the form (a clear Dutch message naming
 * the municipality, nothing stored) and not past it (the database refuses too). Concurrent
 * claims of one postcode by two municipalities: exactly one lands (on PostgreSQL).
 */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db";
import { aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { areaPostcodes, areas, type Area, type Municipality, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { areaSchema, MAX_AREA_POSTCODES, type AreaInput } from "@/lib/validation/staff";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { saveArea } from "./areas";
import { postcodeClaimError } from "../internal/postcode-claims";

const database = withTestDatabase();
let pool: DatabaseHandle | undefined;
let krimpen: Municipality;
let ouderkerk: Municipality;
let krimpenStaff: User;
let ouderkerkStaff: User;
let langeland: Area;
let codes = 0;

const db = () => (pool ?? database.current.handle).db;

beforeAll(async () => {
  if (onPostgres) {
    const config = database.current.config;
    if (config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    pool = openDatabase({ kind: "postgres", url: config.url });
    setDatabase(pool);
  }
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db, { name: "Krimpen aan den IJssel" });
  ouderkerk = await aMunicipality(db, { name: "Ouderkerk" });
  krimpenStaff = await aUser(db, { role: "staff", municipalityId: krimpen.id });
  ouderkerkStaff = await aUser(db, { role: "staff", municipalityId: ouderkerk.id });
  langeland = await anArea(db, krimpen, { name: "Langeland", postcodes: ["2922", "2925AB"] });
});

afterAll(async () => {
  if (pool) {
    setDatabase(database.current.handle);
    await pool.close();
  }
});

function area(postcodes: string, overrides: Partial<Record<string, string>> = {}): AreaInput {
  codes += 1;
  return areaSchema.parse({ name: `Wijk ${codes}`, code: `WK${String(700000 + codes)}`, postcodes, totalAddresses: "", ...overrides });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function postcodesOf(municipalityId: string): Promise<string[]> {
  const rows = await db()
    .select({ postcode: areaPostcodes.postcode })
    .from(areaPostcodes)
    .innerJoin(areas, eq(areas.id, areaPostcodes.areaId))
    .where(eq(areas.municipalityId, municipalityId));
  return rows.map((r) => r.postcode).sort();
}

describe("claiming another municipality's postcodes", () => {
  it("refuses the same postcode, a full postcode inside its 4-digit area and a 4-digit area over its full postcode; nothing is stored", async () => {
    const before = await db().select({ id: areas.id }).from(areas).where(eq(areas.municipalityId, ouderkerk.id));
    for (const [typed, named] of [
      ["2922", "Postcode 2922 hoort al bij een wijk van de gemeente Krimpen aan den IJssel."],
      ["3011, 2922 xy", "Postcode 2922 XY overlapt met 2922, en die hoort al bij een wijk van de gemeente Krimpen aan den IJssel."],
      ["2925", "Postcode 2925 overlapt met 2925 AB, en die hoort al bij een wijk van de gemeente Krimpen aan den IJssel."],
      ["2925 AB", "Postcode 2925 AB hoort al bij een wijk van de gemeente Krimpen aan den IJssel."],
    ]) {
      const error = await refusal(saveArea(actorOf(ouderkerkStaff), area(typed)));
      expect(error.code).toBe("conflict");
      expect(error.fieldErrors?.postcodes).toContain(named);
      expect(error.message).toContain("Een postcode hoort bij één gemeente.");
    }
    expect(await db().select({ id: areas.id }).from(areas).where(eq(areas.municipalityId, ouderkerk.id))).toEqual(before);
    expect(await postcodesOf(ouderkerk.id)).toEqual([]);
    expect(await postcodesOf(krimpen.id)).toEqual(["2922", "2925AB"]);
  });

  it("refuses a change of an existing wijk to another municipality's postcode and keeps its own postcodes", async () => {
    const { id } = await saveArea(actorOf(ouderkerkStaff), area("3011"));
    const error = await refusal(saveArea(actorOf(ouderkerkStaff), area("3011 2922", { areaId: id })));
    expect(error.code).toBe("conflict");
    expect(error.fieldErrors?.postcodes).toContain("Krimpen aan den IJssel");
    expect(await postcodesOf(ouderkerk.id)).toEqual(["3011"]);
  });

  it("allows another full postcode of a shared 4-digit area, and one postcode in two wijken of the same municipality", async () => {
    await saveArea(actorOf(ouderkerkStaff), area("2925 AC"));
    await saveArea(actorOf(krimpenStaff), area("2922 2926"));
    expect(await postcodesOf(ouderkerk.id)).toContain("2925AC");
    expect((await postcodesOf(krimpen.id)).filter((p) => p === "2922")).toHaveLength(2);
  });

  it("refuses bad input at the field: script, SQL and too many postcodes never reach the database", () => {
    for (const postcodes of ["<script>alert(1)</script>", "2922'; drop table area_postcodes; --", "", Array.from({ length: MAX_AREA_POSTCODES + 1 }, (_, i) => String(1000 + i)).join(" ")]) {
      const parsed = areaSchema.safeParse({ name: "Wijk", code: "WK700999", postcodes, totalAddresses: "" });
      expect(parsed.success).toBe(false);
    }
  });

  it("the database refuses a claim that skips the check, under a name the app turns into the same clear answer", async () => {
    const foreign = await anArea(db(), ouderkerk, { name: "Leeg" });
    const error = await db()
      .insert(areaPostcodes)
      .values({ areaId: foreign.id, postcode: "2922ZZ" })
      .then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    const mapped = postcodeClaimError(error);
    expect(mapped?.code).toBe("conflict");
    expect(mapped?.fieldErrors?.postcodes).toMatch(/andere gemeente/);
    expect(await db().select().from(areaPostcodes).where(eq(areaPostcodes.areaId, foreign.id))).toEqual([]);
    // The same postcode in a wijk of the same municipality is still fine.
    await db().insert(areaPostcodes).values({ areaId: langeland.id, postcode: "2922ZZ" });
    await db().delete(areaPostcodes).where(sql`${areaPostcodes.areaId} = ${langeland.id} and ${areaPostcodes.postcode} = '2922ZZ'`);
  });

  it("the database check runs per statement (migration 0014): one clashing row refuses a whole multi-row insert, and an update into a clash is refused", async () => {
    const foreign = await anArea(db(), ouderkerk, { name: "Leeg twee" });
    const rowsOf = async () => (await db().select({ p: areaPostcodes.postcode }).from(areaPostcodes).where(eq(areaPostcodes.areaId, foreign.id))).map((r) => r.p);
    const insert = await db()
      .insert(areaPostcodes)
      .values([
        { areaId: foreign.id, postcode: "9990AA" },
        { areaId: foreign.id, postcode: "2925" },
      ])
      .then(() => null, (e: unknown) => e);
    expect(postcodeClaimError(insert)?.code).toBe("conflict");
    expect(await rowsOf()).toEqual([]);
    await db().insert(areaPostcodes).values({ areaId: foreign.id, postcode: "9990AA" });
    const update = await db()
      .update(areaPostcodes)
      .set({ postcode: "2922AB" })
      .where(eq(areaPostcodes.areaId, foreign.id))
      .then(() => null, (e: unknown) => e);
    expect(postcodeClaimError(update)?.code).toBe("conflict");
    expect(await rowsOf()).toEqual(["9990AA"]);
  });
});

if (onPostgres) {
  describe("concurrent claims on PostgreSQL", () => {
    it("two municipalities claiming the same new postcodes at once: for each postcode exactly one lands, the other gets the clear refusal", async () => {
      const postcodes = Array.from({ length: 15 }, (_, i) => String(5000 + i));
      const tasks = postcodes.flatMap((p) => [
        saveArea(actorOf(krimpenStaff), area(p)).then(() => "ok" as const, (e: unknown) => e),
        saveArea(actorOf(ouderkerkStaff), area(p)).then(() => "ok" as const, (e: unknown) => e),
      ]);
      const outcomes = await Promise.all(tasks);
      const unexpected = outcomes.filter((o) => o !== "ok" && !(o instanceof AppError)).map(String);
      expect(unexpected).toEqual([]);
      for (let i = 0; i < postcodes.length; i++) {
        const pair = outcomes.slice(i * 2, i * 2 + 2);
        expect(pair.filter((o) => o === "ok"), `postcode ${postcodes[i]}`).toHaveLength(1);
        const lost = pair.find((o) => o !== "ok") as AppError;
        expect(lost.code).toBe("conflict");
        expect(lost.fieldErrors?.postcodes).toMatch(/hoort al bij een wijk van de gemeente (Krimpen aan den IJssel|Ouderkerk)/);
      }
      const held = await db()
        .select({ postcode: areaPostcodes.postcode, municipalityId: areas.municipalityId })
        .from(areaPostcodes)
        .innerJoin(areas, eq(areas.id, areaPostcodes.areaId))
        .where(inArray(areaPostcodes.postcode, postcodes));
      const owners = new Map<string, Set<string>>();
      for (const h of held) owners.set(h.postcode, (owners.get(h.postcode) ?? new Set()).add(h.municipalityId));
      expect([...owners.values()].map((s) => s.size)).toEqual(postcodes.map(() => 1));
    });
  });
}
