/**
 * Staff's override of the first-joined rule (issue 20): an address two groups share counts for
 * the group staff choose; stored with who and when, audited; every count (the bord threshold,
 * the admin's overview, the staff lists) honours it. Someone else's ids, an address the two
 * do not share and another municipality's group are refused with nothing stored. On
 * PostgreSQL: dozens of decisions at once leave one decision per address and one audit row each.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db";
import { addAddresses, addresses, aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { auditLog, groups, sharedAddressDecisions, type Area, type Group, type Municipality, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { sharedAddressDecisionSchema, type SharedAddressDecisionFormInput } from "@/lib/validation/staff";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { countCountedAddresses } from "../internal/eligibility";
import { getGroupForAdmin, listMyGroups } from "@/lib/data/resident/my-groups";
import { getGapsAndOverlaps } from "./gaps";
import { getGroupForStaff, listGroupsForStaff } from "./groups";
import { parseGroupFilters } from "@/lib/validation/group-filters";
import { decideSharedAddresses, NOT_SHARED_MESSAGE } from "./shared-addresses";

const database = withTestDatabase();
let pool: DatabaseHandle | undefined;
let home: Municipality;
let elsewhere: Municipality;
let staff: User;
let otherStaff: User;
let resident: User;
let adminOfSecond: User;
let area: Area;
let otherArea: Area;
let first: Group;
let second: Group;
let foreign: Group;
let postcodes = 0;

const db = () => (pool ?? database.current.handle).db;

beforeAll(async () => {
  if (onPostgres) {
    const config = database.current.config;
    if (config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    pool = openDatabase({ kind: "postgres", url: config.url });
    setDatabase(pool);
  }
  const { db } = database.current.handle;
  home = await aMunicipality(db, { name: "Deelstad", bordThreshold: 50 });
  elsewhere = await aMunicipality(db, { name: "Verweg" });
  staff = await aUser(db, { role: "staff", municipalityId: home.id });
  otherStaff = await aUser(db, { role: "staff", municipalityId: elsewhere.id });
  resident = await aUser(db, { role: "resident" });
  adminOfSecond = await aUser(db, { role: "resident" });
  area = await anArea(db, home, { name: "Midden", postcodes: ["6100", "6101", "6102", "6103", "6104"] });
  otherArea = await anArea(db, elsewhere, { name: "Ginder", postcodes: ["6190"] });
  // The first group lists 40 addresses; the second joins later with 30 of them and 25 of its own.
  first = await aGroup(db, area, { name: "Eerste Deelgroep", addresses: addresses(40, "6100") });
  second = await aGroup(db, area, { name: "Tweede Deelgroep", admins: [adminOfSecond], addresses: addresses(25, "6101") });
  await addAddresses(db, second, addresses(30, "6100"));
  foreign = await aGroup(db, otherArea, { name: "Verre Groep", addresses: addresses(30, "6100") });
});

afterAll(async () => {
  if (pool) {
    setDatabase(database.current.handle);
    await pool.close();
  }
});

function decision(input: SharedAddressDecisionFormInput) {
  return sharedAddressDecisionSchema.parse(input);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function decisionsNaming(...ids: string[]) {
  return db().select().from(sharedAddressDecisions).where(inArray(sharedAddressDecisions.groupId, ids));
}

describe(`staff deciding which group a shared address counts for (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("by default a shared address counts for the group it joined first; after staff's decision for the other group", async () => {
    expect(await countCountedAddresses(first.id)).toBe(40);
    expect(await countCountedAddresses(second.id)).toBe(25);

    const outcome = await decideSharedAddresses(actorOf(staff), decision({ groupId: second.id, otherGroupId: first.id, countFor: "group" }));
    expect(outcome).toEqual({ municipalityId: home.id, addresses: 30 });
    expect(await countCountedAddresses(first.id)).toBe(10);
    expect(await countCountedAddresses(second.id)).toBe(55);

    // Stored with who and when, audited without the addresses themselves.
    const stored = await decisionsNaming(second.id);
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((d) => d.decidedByUserId))).toEqual(new Set([staff.id]));
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "shared_address.count_for_group"), eq(auditLog.subjectId, second.id)));
    expect(audit).toMatchObject({ actorUserId: staff.id, municipalityId: home.id, details: { otherGroupId: first.id, addresses: 30, oneAddress: false } });
    expect(JSON.stringify(audit.details)).not.toMatch(/6100/);

    // The overlap list says what was decided.
    const midden = (await getGapsAndOverlaps(actorOf(staff), home.id)).find((a) => a.areaId === area.id)!;
    const pair = midden.overlaps.find((o) => [o.groupA.id, o.groupB.id].includes(second.id))!;
    expect(pair.sharedAddresses).toBe(30);
    expect(pair.groupA.id === second.id ? pair.decidedForA : pair.decidedForB).toBe(30);
  });

  it("the admin's count equals what staff see, in every place", async () => {
    const counted = await countCountedAddresses(second.id);
    expect((await getGroupForAdmin(actorOf(adminOfSecond), second.id))?.counted).toBe(counted);
    expect((await listMyGroups(actorOf(adminOfSecond))).find((g) => g.id === second.id)?.counted).toBe(counted);
    expect((await getGroupForStaff(actorOf(staff), second.id))?.addressCount).toBe(counted);
    const list = await listGroupsForStaff(actorOf(staff), parseGroupFilters({}));
    expect(list.items.find((g) => g.id === second.id)?.addressCount).toBe(counted);
    expect(list.items.find((g) => g.id === first.id)?.addressCount).toBe(await countCountedAddresses(first.id));
  });

  it("one address back to the first-joined rule, then all of them", async () => {
    await decideSharedAddresses(
      actorOf(staff),
      decision({ groupId: first.id, otherGroupId: second.id, countFor: "first_joined", postcode: "6100 ab", houseNumber: "1" }),
    );
    expect(await countCountedAddresses(first.id)).toBe(11);
    expect(await countCountedAddresses(second.id)).toBe(54);
    await decideSharedAddresses(actorOf(staff), decision({ groupId: first.id, otherGroupId: second.id, countFor: "first_joined" }));
    expect(await decisionsNaming(first.id, second.id)).toEqual([]);
    expect(await countCountedAddresses(first.id)).toBe(40);
    expect(await countCountedAddresses(second.id)).toBe(25);
  });

  it("a decision for a group that is dissolved or no longer lists the address falls back to the first-joined rule", async () => {
    const { db } = database.current.handle;
    const third = await aGroup(db, area, { name: "Derde Deelgroep", addresses: addresses(5, "6102") });
    await addAddresses(db, third, addresses(5, "6100"));
    await decideSharedAddresses(actorOf(staff), decision({ groupId: third.id, otherGroupId: first.id, countFor: "group" }));
    expect(await countCountedAddresses(third.id)).toBe(10);
    expect(await countCountedAddresses(first.id)).toBe(35);
    await db.update(groups).set({ status: "dissolved", dissolvedAt: new Date() }).where(eq(groups.id, third.id));
    expect(await countCountedAddresses(first.id)).toBe(40);
  });

  describe("bad input: refused, nothing stored", () => {
    it("refuses someone else's ids and another municipality's group as not found", async () => {
      const before = await db().select().from(sharedAddressDecisions);
      const cases: Array<[User, SharedAddressDecisionFormInput]> = [
        [otherStaff, { groupId: second.id, otherGroupId: first.id, countFor: "group" }],
        [staff, { groupId: foreign.id, otherGroupId: first.id, countFor: "group" }],
        [staff, { groupId: first.id, otherGroupId: foreign.id, countFor: "group" }],
        [staff, { groupId: "00000000-0000-4000-8000-000000000000", otherGroupId: first.id, countFor: "group" }],
      ];
      for (const [user, input] of cases) {
        expect((await refusal(decideSharedAddresses(actorOf(user), decision(input)))).code).toBe("not_found");
      }
      // A resident or a wijkagent may not decide at all.
      expect((await refusal(decideSharedAddresses(actorOf(resident), decision({ groupId: second.id, otherGroupId: first.id, countFor: "group" })))).code).toBe("not_found");
      expect(await db().select().from(sharedAddressDecisions)).toEqual(before);
    });

    it("refuses an address the two groups do not share, at the field", async () => {
      const error = await refusal(
        decideSharedAddresses(actorOf(staff), decision({ groupId: second.id, otherGroupId: first.id, countFor: "group", postcode: "6101AB", houseNumber: "1" })),
      );
      expect(error.code).toBe("bad_request");
      expect(error.fieldErrors?.postcode).toBe(NOT_SHARED_MESSAGE);
      expect(await decisionsNaming(second.id)).toEqual([]);
    });

    it("the schema refuses wrong formats, the same group twice, unknown choices and script text", () => {
      const base = { groupId: second.id, otherGroupId: first.id, countFor: "group" };
      const bad: Array<Record<string, unknown>> = [
        {},
        { ...base, groupId: "1; drop table groups" },
        { ...base, otherGroupId: "<script>alert(1)</script>" },
        { ...base, otherGroupId: second.id },
        { ...base, countFor: "beide" },
        { ...base, postcode: "0123 AB", houseNumber: "1" },
        { ...base, postcode: "6100AB", houseNumber: "abc" },
        { ...base, postcode: "6100AB", houseNumber: "1", addition: "x".repeat(30) },
        { ...base, houseNumber: "1" },
      ];
      for (const input of bad) expect(sharedAddressDecisionSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    });
  });
});

if (onPostgres) {
  describe("concurrent decisions on PostgreSQL", () => {
    it("40 decisions at once, alternating between the two groups: one decision per address, one audit row per call, counts add up", async () => {
      postcodes += 1;
      const { db } = database.current.handle;
      const a = await aGroup(db, area, { name: "Gelijktijdig A", addresses: addresses(60, "6103") });
      const b = await aGroup(db, area, { name: "Gelijktijdig B", addresses: addresses(20, "6104") });
      await addAddresses(db, b, addresses(60, "6103"));
      const calls = Array.from({ length: 40 }, (_, i) =>
        decideSharedAddresses(
          actorOf(staff),
          decision(i % 2 === 0 ? { groupId: a.id, otherGroupId: b.id, countFor: "group" } : { groupId: b.id, otherGroupId: a.id, countFor: "group" }),
        ).then(() => "ok", (e: unknown) => e),
      );
      const outcomes = await Promise.all(calls);
      expect(outcomes.filter((o) => o !== "ok").map(String)).toEqual([]);
      const stored = await decisionsNaming(a.id, b.id);
      expect(stored).toHaveLength(60);
      // Every address went the same way: the last decision decided them all (the group rows serialise the calls).
      expect(new Set(stored.map((d) => d.groupId)).size).toBe(1);
      const audits = await db
        .select()
        .from(auditLog)
        .where(and(inArray(auditLog.subjectId, [a.id, b.id]), eq(auditLog.action, "shared_address.count_for_group")));
      expect(audits).toHaveLength(40);
      const [countA, countB] = [await countCountedAddresses(a.id), await countCountedAddresses(b.id)];
      expect(countA + countB).toBe(80);
      expect(stored[0].groupId === a.id ? countA : countB).toBe(stored[0].groupId === a.id ? 60 : 80);
      void postcodes;
    });
  });
}
