/**
 * Group names compared by their confusable skeleton (issue 18, point 5): a Cyrillic "О", a
 * fullwidth letter, another case or extra spaces do not make a new name, at registration and
 * at rename, and the database's unique index holds when registrations race.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { backfillGroupNameSkeletons } from "@/db/migrate";
import { aGroup, aMunicipality, anArea, aUser, addresses } from "@/db/seed/builders";
import { groupAdmins, groups, mailOutbox, type Area, type Municipality } from "@/db/schema";
import { registerGroup } from "@/lib/data/resident/group-registration";
import { updateGroupDetails } from "@/lib/data/resident/my-groups";
import { groupNameSkeleton } from "@/lib/domain/group-name";
import { AppError } from "@/lib/errors";
import { groupDetailsSchema, registerGroupSchema, type RegisterGroupFormInput } from "@/lib/validation";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
const TODAY = "2026-11-25";
let municipality: Municipality;
let area: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  municipality = await aMunicipality(db);
  area = await anArea(db, municipality, { name: "Langeland", postcodes: ["2922"] });
});

function form(name: string): RegisterGroupFormInput {
  return {
    name,
    areaCode: area.code,
    areaDescription: "Tiendweg en zijstraten",
    admin: { name: "Sanne de Vries", phone: "06 12345678", birthDate: "1984-03-14", address: { postcode: "2922 ab", houseNumber: "12", addition: "" } },
    coAdmins: [],
    addressList: addresses(3, "2922").map((a) => `${a.postcode} ${a.houseNumber}`).join("\n"),
    whatsappInviteLink: "",
    acceptHouseRules: true,
    residentsConfirmed: true,
  };
}
const parse = (name: string) => registerGroupSchema(TODAY).parse(form(name));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const LOOKS_TAKEN = /lijkt te veel op de naam van een andere groep in deze gemeente: "Buurtpreventie Oost"/;
const TWINS = [
  ["Cyrillic capital O", "Buurtpreventie \u041Eost", LOOKS_TAKEN],
  ["Cyrillic small o and e", "Buurtpr\u0435ventie O\u043Est", LOOKS_TAKEN],
  // Fullwidth letters, case and spaces: the very same name (NFKC).
  ["fullwidth letters", "\uFF22uurtpreventie \uFF2F\uFF4F\uFF53\uFF54", /al in gebruik bij een andere groep/],
  ["fullwidth letters, case and spaces", "  \uFF42uurtpreventie   OOST ", /al in gebruik bij een andere groep/],
  ["Greek capital Omicron and zero", "Buurtpreventie \u039F0st", LOOKS_TAKEN],
  ["other case and spaces", "  buurtpreventie   OOST ", /al in gebruik bij een andere groep/],
  // The form's schema already removes it: the very same name.
  ["a zero-width space", "Buurtpreven\u200Btie Oost", /al in gebruik bij een andere groep/],
] as const;

describe(`registering a group whose name looks like an existing one (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("stores the skeleton with the name", async () => {
    const { db } = database.current.handle;
    const result = await registerGroup(actorOf(await aUser(db)), parse("Buurtpreventie Oost"));
    const [row] = await db.select().from(groups).where(eq(groups.id, result.groupId));
    expect(row.nameSkeleton).toBe(groupNameSkeleton("Buurtpreventie Oost"));
  });

  for (const [what, twin, message] of TWINS) {
    it(`refuses a twin with ${what} at the name field, in Dutch, and stores and sends nothing`, async () => {
      const { db } = database.current.handle;
      const user = await aUser(db);
      const mailsBefore = (await db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
      const error = await refusal(registerGroup(actorOf(user), parse(twin)));
      expect(error.code).toBe("conflict");
      expect(error.fieldErrors?.name).toMatch(message);
      expect(await db.select().from(groupAdmins).where(eq(groupAdmins.userId, user.id))).toEqual([]);
      expect((await db.select({ id: mailOutbox.id }).from(mailOutbox)).length).toBe(mailsBefore);
    });
  }

  it("allows the name in another municipality, and again once the group is dissolved", async () => {
    const { db } = database.current.handle;
    const elsewhere = await anArea(db, await aMunicipality(db), { postcodes: ["3011"] });
    await aGroup(db, elsewhere, { name: "Buurtpreventie \u041Eost" });
    const dissolved = await aGroup(db, area, { name: "Oude Groep", status: "dissolved", dissolvedAt: new Date() });
    const result = await registerGroup(actorOf(await aUser(db)), parse("oude groep"));
    expect(result.groupId).not.toBe(dissolved.id);
  });

  it("lets two racing registrations of look-alike names land once: the database's unique index decides", async () => {
    const { db } = database.current.handle;
    const names = ["Wakers Molenwijk", "Wakers M\u043Elenwijk", "WAKERS MOLENWIJK", "Wakers rnolenwijk", "\uFF37akers Molenwijk", "Wakers  Molenwijk"];
    const users = await Promise.all(names.map(() => aUser(db)));
    const outcomes = await Promise.allSettled(names.map((name, i) => registerGroup(actorOf(users[i]), parse(name))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        expect(outcome.reason).toBeInstanceOf(AppError);
        expect((outcome.reason as AppError).code).toBe("conflict");
        expect((outcome.reason as AppError).fieldErrors?.name).toBeTruthy();
      }
    }
    const stored = await db.select().from(groups).where(eq(groups.nameSkeleton, groupNameSkeleton("Wakers Molenwijk")));
    expect(stored).toHaveLength(1);
  });

  it("has the database refuse a look-alike name even when the application does not check", async () => {
    const { db } = database.current.handle;
    await aGroup(db, area, { name: "Buurtwacht Zuid" });
    const error = await aGroup(db, area, { name: "Buurtwacht Zu\u0456d" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((error as { cause?: unknown })?.cause ?? error)).toMatch(/groups_municipality_name_skeleton_unique|duplicate key/);
  });
});

describe("renaming a group", () => {
  const details = (name: string, version: number) => groupDetailsSchema.parse({ name, areaCode: area.code, areaDescription: "", whatsappInviteLink: "", version });

  it("refuses a look-alike of another group's name, and keeps the old name", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    await aGroup(db, area, { name: "Buurtpreventie Kerkweg" });
    const mine = await aGroup(db, area, { name: "Mijn Groep", admins: [me] });
    const error = await refusal(updateGroupDetails(actorOf(me), mine.id, details("Buurtpreventie K\u0435rkweg", 1)));
    expect(error.code).toBe("conflict");
    expect(error.fieldErrors?.name).toContain("lijkt te veel op");
    const [row] = await db.select().from(groups).where(eq(groups.id, mine.id));
    expect(row).toMatchObject({ name: "Mijn Groep", nameSkeleton: groupNameSkeleton("Mijn Groep"), version: 1 });
  });

  it("allows another spelling of the group's own name and stores its skeleton", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const mine = await aGroup(db, area, { name: "Buurtpreventie Dorpsstraat", admins: [me] });
    expect(await updateGroupDetails(actorOf(me), mine.id, details("BUURTPREVENTIE DORPSSTRAAT", 1))).toEqual({ version: 2 });
    expect(await updateGroupDetails(actorOf(me), mine.id, details("Wakers Dorpsstraat", 2))).toEqual({ version: 3 });
    const [row] = await db.select().from(groups).where(eq(groups.id, mine.id));
    expect(row.nameSkeleton).toBe(groupNameSkeleton("Wakers Dorpsstraat"));
  });
});

describe("filling the skeleton of groups stored before the rule (after the migration)", () => {
  it("fills every empty skeleton; of two look-alike names, the newer stays empty and the start goes on", async () => {
    const { db } = database.current.handle;
    const other = await anArea(db, await aMunicipality(db), { postcodes: ["1011"] });
    const first = await aGroup(db, other, { name: "Oude Naam", createdAt: new Date("2025-01-01") });
    const twin = await aGroup(db, other, { name: "0ude Naam", nameSkeleton: "nog leeg", createdAt: new Date("2025-02-01") });
    const plain = await aGroup(db, other, { name: "Andere Naam", createdAt: new Date("2025-03-01") });
    const ids = [first.id, twin.id, plain.id];
    await db.update(groups).set({ nameSkeleton: null }).where(inArray(groups.id, ids));

    const result = await backfillGroupNameSkeletons(db);
    expect(result.twins).toBe(1);
    const rows = await db.select({ id: groups.id, nameSkeleton: groups.nameSkeleton }).from(groups).where(inArray(groups.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r.nameSkeleton]));
    expect(byId.get(first.id)).toBe(groupNameSkeleton("Oude Naam"));
    expect(byId.get(plain.id)).toBe(groupNameSkeleton("Andere Naam"));
    expect(byId.get(twin.id)).toBeNull();
    // Only the twin is left, and a second run changes nothing.
    expect(await db.select({ id: groups.id }).from(groups).where(isNull(groups.nameSkeleton))).toEqual([{ id: twin.id }]);
    expect(await backfillGroupNameSkeletons(db)).toEqual({ filled: 0, twins: 1 });
  });

  it("left no group of the seeded or built data without a skeleton", async () => {
    const { db } = database.current.handle;
    const empty = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(groups)
      .where(and(isNull(groups.nameSkeleton), sql`${groups.name} not in ('0ude Naam')`));
    expect(empty[0].n).toBe(0);
  });
});
