/**
 * Idempotency under races (issue 10, item 5): 20 identical submissions at the same moment of a
 * group registration, a join request and a bord request give one row and one set of e-mails
 * each, and every one of the 20 gets a clear answer (the first result again, or a Dutch
 * message), never an unexpected error.
 *
 * On PostgreSQL the 20 run on 20 connections of their own, so the database really sees them
 * at once; PGlite has one connection and runs them one after another (still 20 submissions).
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db";
import { aContact, addresses, aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import {
  auditLog,
  groupAdminInvitations,
  groups,
  joinRequests,
  mailOutbox,
  bordRequestEvents,
  bordRequests,
  type Area,
  type Municipality,
} from "@/db/schema";
import { registerGroup } from "@/lib/data/resident/group-registration";
import { JOIN_EMAIL_LIMIT, submitJoinRequest } from "@/lib/data/public/join";
import { requestBord } from "@/lib/data/resident/bord-requests";
import { AppError } from "@/lib/errors";
import { registerGroupSchema, bordRequestSchema } from "@/lib/validation";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
const TIMES = 20;
let wide: DatabaseHandle | undefined;
let municipality: Municipality;
let area: Area;

beforeAll(async () => {
  // Enough connections for all 20 at once (the shared test handle has 5).
  if (onPostgres) {
    const config = database.current.config;
    if (config.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    wide = openDatabase({ ...config, maxConnections: TIMES + 2 });
    setDatabase(wide);
  }
  const { db } = database.current.handle;
  municipality = await aMunicipality(db, { bordThreshold: 50, safetyEmail: "veiligheid@race.example" });
  area = await anArea(db, municipality, { name: "Racewijk", postcodes: ["2922"] });
  await aContact(db, municipality, "wijkagent", [area], { name: "Rick Visser", email: "wijkagent@race.example" });
  await aContact(db, municipality, "wethouder", [area], { name: "Wethouder Race", email: "wethouder@race.example" });
});

afterAll(async () => {
  if (wide) {
    setDatabase(database.current.handle);
    await wide.close();
  }
});

/** Addresses no other group of this file has: an address counts for the group it joined first. */
let addressesUsed = 100; // the registration test's list uses the first ones
function freshAddresses(count: number) {
  addressesUsed += count;
  return addresses(addressesUsed).slice(addressesUsed - count);
}

/** Runs `make()` TIMES times at once; every outcome is a value or an AppError (anything else fails the test). */
async function twentyAtOnce<T>(make: () => Promise<T>): Promise<{ values: T[]; errors: AppError[] }> {
  const settled = await Promise.allSettled(Array.from({ length: TIMES }, () => make()));
  const values: T[] = [];
  const errors: AppError[] = [];
  for (const outcome of settled) {
    if (outcome.status === "fulfilled") values.push(outcome.value);
    else if (outcome.reason instanceof AppError) errors.push(outcome.reason);
    else throw outcome.reason;
  }
  return { values, errors };
}

const keysContaining = async (part: string) =>
  (await database.current.handle.db.select({ key: mailOutbox.idempotencyKey, to: mailOutbox.toAddress }).from(mailOutbox)).filter((m) =>
    m.key.includes(part),
  );

describe(`${TIMES} identical submissions at once (${onPostgres ? `PostgreSQL, ${TIMES} connections` : "PGlite"})`, () => {
  it("group registration: one group, one admin link, one invitation, one set of e-mails; all 20 get that group", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    const input = registerGroupSchema("2026-11-25").parse({
      name: "  Buurtpreventie   Racebaan ",
      areaCode: area.code,
      areaDescription: "De Racebaan en zijstraten",
      admin: { name: "Sanne de Vries", phone: "06 12345678", birthDate: "1984-03-14", address: { postcode: "2922 ab", houseNumber: "12", addition: "" } },
      coAdmins: [{ email: "mede.beheerder@race.example" }],
      addressList: addresses(10, "2922").map((a) => `${a.postcode} ${a.houseNumber}`).join("\n"),
      whatsappInviteLink: "",
      acceptHouseRules: true,
      residentsConfirmed: true,
    });

    const { values, errors } = await twentyAtOnce(() => registerGroup(actorOf(user), input));

    expect(errors).toEqual([]);
    const rows = await db.select().from(groups).where(sql`lower(${groups.name}) = 'buurtpreventie racebaan'`);
    expect(rows).toHaveLength(1);
    expect(new Set(values.map((v) => v.groupId))).toEqual(new Set([rows[0].id]));
    expect(values.filter((v) => !v.repeated)).toHaveLength(1);
    expect(values.every((v) => v.addressCount === 11 && v.invited === 1)).toBe(true);
    expect(await db.select().from(groupAdminInvitations).where(eq(groupAdminInvitations.groupId, rows[0].id))).toHaveLength(1);
    // The wijkagent, the wethouder and the registrant once each, and the co-admin's invitation once.
    const notices = await keysContaining(rows[0].id);
    expect(notices.map((m) => m.to).sort()).toEqual([user.email, "wethouder@race.example", "wijkagent@race.example"].sort());
    const invitations = (await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "mede.beheerder@race.example")));
    expect(invitations).toHaveLength(1);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "group.register"), eq(auditLog.subjectId, rows[0].id)));
    expect(audit).toHaveLength(1);
  });

  it("a different person registering the same name at the same time gets the Dutch 'name taken' message, not a second group", async () => {
    const { db } = database.current.handle;
    const people = await Promise.all(Array.from({ length: TIMES }, () => aUser(db)));
    const input = registerGroupSchema("2026-11-25").parse({
      name: "Waakzaam Racedorp",
      areaCode: area.code,
      areaDescription: "",
      admin: { name: "Piet Jansen", phone: "06 87654321", birthDate: "1970-01-01", address: { postcode: "2922AC", houseNumber: "3", addition: "" } },
      coAdmins: [],
      addressList: "",
      whatsappInviteLink: "",
      acceptHouseRules: true,
      residentsConfirmed: true,
    });
    let next = 0;
    const { values, errors } = await twentyAtOnce(() => registerGroup(actorOf(people[next++]), input));

    expect(values).toHaveLength(1);
    expect(errors).toHaveLength(TIMES - 1);
    for (const error of errors) {
      expect(error.code).toBe("conflict");
      expect(error.fieldErrors?.name).toContain("al in gebruik");
    }
    expect(await db.select().from(groups).where(eq(groups.name, "Waakzaam Racedorp"))).toHaveLength(1);
  });

  it("join request: one request, one e-mail per admin and one confirmation; the rest the same receipt or the Dutch limit message", async () => {
    const { db } = database.current.handle;
    const [first, second] = [await aUser(db, { email: "een@race.example" }), await aUser(db, { email: "twee@race.example" })];
    const group = await aGroup(db, area, { name: "Racegroep Aanmelden", slug: "racegroep-aanmelden", admins: [first, second] });
    const submission = {
      groupSlug: "racegroep-aanmelden",
      name: "Bram Bewoner",
      email: "bram@bewoner.example",
      phone: "+31687654321",
      birthDate: "1990-02-03",
      address: { postcode: "2922AB", houseNumber: 7, addition: "A" },
      acceptHouseRules: true as const,
      honeypot: "",
    };
    // Each from its own internet connection, so only the per-e-mail limit can refuse.
    let ip = 0;
    const { values, errors } = await twentyAtOnce(() => submitJoinRequest(submission, { ip: `198.51.100.${++ip}`, now: new Date() }));

    expect(values.length).toBeGreaterThanOrEqual(1);
    expect(values.length).toBeLessThanOrEqual(JOIN_EMAIL_LIMIT.points);
    for (const value of values) expect(value).toEqual({ groupName: "Racegroep Aanmelden" });
    for (const error of errors) expect({ code: error.code, message: error.message }).toEqual({ code: "rate_limited", message: JOIN_EMAIL_LIMIT.message });
    const rows = await db.select().from(joinRequests).where(eq(joinRequests.groupId, group.id));
    expect(rows).toHaveLength(1);
    const mails = await keysContaining(`join-request:${rows[0].id}:`);
    expect(mails.map((m) => m.to).sort()).toEqual(["bram@bewoner.example", "een@race.example", "twee@race.example"]);
    expect(await keysContaining("join-request:")).toHaveLength(3);
  });

  it("bord request: one request, one history entry, one e-mail to the safety mailbox; all 20 get that request", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], addresses: freshAddresses(55) });
    const input = bordRequestSchema.parse({ bordCount: "2", street: "Racebaan", nearHouseNumber: "4", description: "Bij de lantaarnpaal", note: "" });

    const { values, errors } = await twentyAtOnce(() => requestBord(actorOf(me), group.id, input));

    expect(errors).toEqual([]);
    const rows = await db.select().from(bordRequests).where(eq(bordRequests.groupId, group.id));
    expect(rows).toHaveLength(1);
    expect(new Set(values.map((v) => v.id))).toEqual(new Set([rows[0].id]));
    expect(await db.select().from(bordRequestEvents).where(eq(bordRequestEvents.bordRequestId, rows[0].id))).toHaveLength(1);
    const mails = await keysContaining(`bord-request-received:${rows[0].id}`);
    expect(mails.map((m) => m.to)).toEqual(["veiligheid@race.example"]);
  });

  it("bord request: a different request (another admin, other details) while one is open gets the Dutch 'already open' message", async () => {
    const { db } = database.current.handle;
    const [me, other] = [await aUser(db), await aUser(db)];
    const group = await aGroup(db, area, { admins: [me, other], addresses: freshAddresses(55) });
    const input = bordRequestSchema.parse({ bordCount: "1", street: "Racebaan", nearHouseNumber: "", description: "Op de hoek", note: "" });
    const first = await requestBord(actorOf(me), group.id, input);
    const mailsBefore = (await keysContaining("bord-request-received:")).length;

    const { values, errors } = await twentyAtOnce(() => requestBord(actorOf(other), group.id, { ...input, bordCount: 3 }));

    expect(values).toEqual([]);
    for (const error of errors) expect(error).toMatchObject({ code: "conflict", message: expect.stringContaining("al een bordaanvraag") });
    const rows = await db.select().from(bordRequests).where(eq(bordRequests.groupId, group.id));
    expect(rows.map((r) => r.id)).toEqual([first.id]);
    expect(await keysContaining("bord-request-received:")).toHaveLength(mailsBefore);
  });
});
