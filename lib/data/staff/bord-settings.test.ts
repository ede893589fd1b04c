import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addresses, aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { areas, auditLog, municipalities, bordRequests, type Area, type Municipality } from "@/db/schema";
import { getBordEligibility } from "@/lib/data/internal/eligibility";
import { bordThresholdSql } from "@/lib/data/internal/bord-settings";
import { getBordOverview, requestBord } from "@/lib/data/resident/bord-requests";
import { bordThresholdFor } from "@/lib/domain/eligibility";
import { AppError } from "@/lib/errors";
import { bordSettingsSchema, bordRequestSchema } from "@/lib/validation";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { getMunicipalitySettings, updateBordSettings } from "./settings";

const database = withTestDatabase();
let krimpen: Municipality;
let other: Municipality;
let wijk: Area;
let unknownWijk: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db, { bordThreshold: 50 });
  other = await aMunicipality(db);
  wijk = await anArea(db, krimpen, { postcodes: ["2922"], totalAddresses: 400 });
  unknownWijk = await anArea(db, krimpen, { postcodes: ["2923"], totalAddresses: null });
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const settings = (input: Record<string, unknown>) => bordSettingsSchema.parse(input);

describe(`municipality bord settings (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("saves borden per group, contribution and condition, audited, and only for the own municipality", async () => {
    const { db } = database.current.handle;
    const staff = actorOf(await aUser(db, { role: "staff", municipalityId: krimpen.id }));
    const otherStaff = actorOf(await aUser(db, { role: "staff", municipalityId: other.id }));
    const resident = actorOf(await aUser(db));

    await updateBordSettings(staff, settings({ bordsPerGroup: "2", contribution: "12,50", condition: "household_share", householdPercent: "10" }), krimpen.id);
    expect(await getMunicipalitySettings(staff, krimpen.id)).toMatchObject({ bordsPerGroup: 2, contributionCents: 1250, condition: "household_share", householdPercent: 10 });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "settings.bord_update"), eq(auditLog.subjectId, krimpen.id)));
    expect(audit.details).toMatchObject({ before: { bordsPerGroup: 4, contributionCents: 0, condition: "addresses" }, after: { bordsPerGroup: 2, contributionCents: 1250 } });

    // Back to the fixed number: the percentage is kept for a later switch.
    await updateBordSettings(staff, settings({ bordsPerGroup: "1", contribution: "0", condition: "addresses", householdPercent: "" }), krimpen.id);
    expect(await getMunicipalitySettings(staff, krimpen.id)).toMatchObject({ bordsPerGroup: 1, contributionCents: 0, condition: "addresses", householdPercent: 10 });

    // Someone else's municipality, a resident, nobody: refused, nothing changed.
    expect((await errorOf(updateBordSettings(otherStaff, settings({ bordsPerGroup: "3", contribution: "5", condition: "addresses" }), krimpen.id))).code).toBe("not_found");
    expect((await errorOf(updateBordSettings(resident, settings({ bordsPerGroup: "3", contribution: "5", condition: "addresses" }), krimpen.id))).code).toMatch(/forbidden|not_found|unauthorized/);
    expect((await errorOf(updateBordSettings(null, settings({ bordsPerGroup: "3", contribution: "5", condition: "addresses" }), krimpen.id))).code).toMatch(/unauthorized|not_found/);
    expect(await getMunicipalitySettings(staff, krimpen.id)).toMatchObject({ bordsPerGroup: 1, contributionCents: 0 });
  });

  it("refuses what the rules forbid in the database too", async () => {
    const { db } = database.current.handle;
    const bad = [
      { bordsPerGroup: 5 },
      { bordsPerGroup: 0 },
      { bordContributionCents: -1 },
      { bordHouseholdPercent: 101 },
      { bordCondition: "household_share" as const, bordHouseholdPercent: null },
    ];
    for (const set of bad) {
      const error = await db.update(municipalities).set(set).where(eq(municipalities.id, other.id)).then(() => null, (e: unknown) => e);
      expect(error, JSON.stringify(set)).not.toBeNull();
    }
  });

  it("the threshold in SQL equals the domain rule, and eligibility, the bord page and a request use it", async () => {
    const { db } = database.current.handle;
    const cases = [
      { condition: "addresses" as const, percent: null, total: 400 },
      { condition: "household_share" as const, percent: 10, total: 400 },
      { condition: "household_share" as const, percent: 3, total: 101 },
      { condition: "household_share" as const, percent: 7, total: null },
      { condition: "household_share" as const, percent: 100, total: 0 },
    ];
    const m = await aMunicipality(db, { bordThreshold: 50 });
    for (const c of cases) {
      const area = await anArea(db, m, { postcodes: [], totalAddresses: c.total });
      await db.update(municipalities).set({ bordCondition: c.condition, bordHouseholdPercent: c.percent }).where(eq(municipalities.id, m.id));
      const [row] = await db.select({ t: bordThresholdSql() }).from(areas).innerJoin(municipalities, eq(municipalities.id, areas.municipalityId)).where(eq(areas.id, area.id));
      expect(row.t, JSON.stringify(c)).toBe(bordThresholdFor({ condition: c.condition, fixedThreshold: 50, householdPercent: c.percent, areaHouseholds: c.total }));
    }

    // Krimpen: 10% of the wijk's 400 addresses = 40; a wijk without a total keeps the fixed 50.
    const staff = actorOf(await aUser(db, { role: "staff", municipalityId: krimpen.id }));
    await updateBordSettings(staff, settings({ bordsPerGroup: "2", contribution: "25", condition: "household_share", householdPercent: "10" }), krimpen.id);
    const me = await aUser(db);
    const group = await aGroup(db, wijk, { admins: [me], addresses: addresses(42, "6101") });
    const elsewhere = await aGroup(db, unknownWijk, { admins: [me], addresses: addresses(42, "6102") });
    expect(await getBordEligibility(group.id)).toMatchObject({ counted: 42, threshold: 40, eligible: true });
    expect(await getBordEligibility(elsewhere.id)).toMatchObject({ counted: 42, threshold: 50, eligible: false, missing: 8 });
    const overview = (await getBordOverview(actorOf(me), group.id))!;
    expect(overview.settings).toEqual({ bordsPerGroup: 2, contributionCents: 2500, condition: "household_share", householdPercent: 10, usesShare: true });
    expect((await getBordOverview(actorOf(me), elsewhere.id))!.settings.usesShare).toBe(false);

    // More borden than the municipality allows: refused at the field, nothing stored.
    const three = bordRequestSchema.parse({ bordCount: "3", street: "Tiendweg", nearHouseNumber: "", description: "", note: "" });
    const error = await errorOf(requestBord(actorOf(me), group.id, three));
    expect(error.code).toBe("bad_request");
    expect(error.fieldErrors?.bordCount).toContain("hooguit 2 borden");
    expect(await db.select().from(bordRequests).where(eq(bordRequests.groupId, group.id))).toHaveLength(0);
    const two = bordRequestSchema.parse({ bordCount: "2", street: "Tiendweg", nearHouseNumber: "", description: "", note: "" });
    await expect(requestBord(actorOf(me), group.id, two)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("keeps every one of dozens of simultaneous saves whole: one audit entry each, the final row one of them", async () => {
    const { db } = database.current.handle;
    const m = await aMunicipality(db);
    const staff = actorOf(await aUser(db, { role: "staff", municipalityId: m.id }));
    const inputs = Array.from({ length: 30 }, (_, i) =>
      settings({ bordsPerGroup: String((i % 4) + 1), contribution: String(i), condition: i % 2 ? "household_share" : "addresses", householdPercent: String((i % 100) + 1) }),
    );
    const results = await Promise.allSettled(inputs.map((input) => updateBordSettings(staff, input, m.id)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, "settings.bord_update"), eq(auditLog.subjectId, m.id)));
    expect(entries).toHaveLength(30);
    const final = (await getMunicipalitySettings(staff, m.id))!;
    const match = inputs.find((i) => i.contribution === final.contributionCents);
    expect(match).toBeDefined();
    expect(final).toMatchObject({ bordsPerGroup: match!.bordsPerGroup, condition: match!.condition });
    // Each save saw the one before it: the "before" values chain without gaps.
    const befores = entries.map((e) => (e.details as { before: { contributionCents: number } }).before.contributionCents);
    const afters = entries.map((e) => (e.details as { after: { contributionCents: number } }).after.contributionCents);
    expect(new Set(afters).size).toBe(30);
    expect(befores.filter((b) => b !== 0).every((b) => afters.includes(b))).toBe(true);
    expect(befores.filter((b) => b === 0).length).toBeLessThanOrEqual(2);
  });
});
