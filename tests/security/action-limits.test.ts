/**
 * Rate limits on the signed-in actions that send e-mail or publish text (issue 18, point 5):
 * bursts over the limit are refused with a Dutch message that says how long to wait, and
 * nothing beyond the limit is stored or sent; a second account from the same IP address is
 * held by the IP limit; under the limits everything works; counters keyed by an e-mail
 * address hold an HMAC of it, never the address. The actions are called as Next.js calls
 * them, with the signed-in user and the client address mocked.
 */
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { aContact, aGroup, aMunicipality, anArea, aUser, addresses } from "@/db/seed/builders";
import { groupAdminInvitations, groupAdmins, groups, mailOutbox, rateLimits, type Area, type Municipality, type User } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { resetEnvForTests } from "@/lib/env";
import { ACTION_LIMITS, type ActionLimit } from "@/lib/server/action-limits";
import { emailRateLimitKey } from "@/lib/server/rate-limit";
import { actorOf } from "@/tests/actors";
import { withTestDatabase } from "@/tests/db";

let forwardedFor = "198.51.100.1";
let signedIn: Actor | null = null;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": forwardedFor }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  getCurrentUser: async () => signedIn,
}));

const resident = await import("@/app/(resident)/actions");
const staffActions = await import("@/app/beheer/actions");

const database = withTestDatabase();
const savedEnv = { ...process.env };
let municipality: Municipality;
let area: Area;

/** "Probeer het over 59 minuten opnieuw." and the like. */
const WAIT = /Probeer het over (een minuut|\d+ minuten|een uur|\d+ uur) opnieuw\.$/;

beforeAll(async () => {
  Object.assign(process.env, { LOG_LEVEL: "silent", TRUSTED_PROXY_HOPS: "0", AUTH_SECRET: "action-limits-test-secret-".padEnd(48, "x"), APP_URL: "http://localhost:3999" });
  resetEnvForTests();
  const { db } = database.current.handle;
  municipality = await aMunicipality(db);
  area = await anArea(db, municipality, { name: "Langeland", postcodes: ["2922"] });
  await aContact(db, municipality, "wijkagent", [area], { email: "wijkagent.limiet@test.example" });
  await aContact(db, municipality, "wethouder", [area], { email: "wethouder.limiet@test.example" });
});

beforeEach(async () => {
  await database.current.handle.db.delete(rateLimits);
  forwardedFor = "198.51.100.1";
});

afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

const as = (user: User) => {
  signedIn = actorOf(user);
};

async function mailsTo(address: string): Promise<number> {
  const { db } = database.current.handle;
  return Number((await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(eq(mailOutbox.toAddress, address)))[0].n);
}

async function anAdminWithGroup(): Promise<{ admin: User; groupId: string }> {
  const { db } = database.current.handle;
  const admin = await aUser(database.current.handle.db);
  const group = await aGroup(db, area, { admins: [admin] });
  return { admin, groupId: group.id };
}

type Result = { ok: boolean; code?: string; message?: string };

function refusedWith(results: Result[], message: RegExp): void {
  for (const result of results) {
    expect(result.ok).toBe(false);
    expect(result.code).toBe("rate_limited");
    expect(result.message).toMatch(message);
    expect(result.message).toMatch(WAIT);
  }
}

describe("co-admin invitations", () => {
  it("30 at once to one address: 3 invitations e-mailed, the rest refused in Dutch with the wait", async () => {
    const { admin, groupId } = await anAdminWithGroup();
    as(admin);
    const target = "doelwit@voorbeeld-limiet.nl";
    const results = await Promise.all(Array.from({ length: 30 }, () => resident.inviteCoAdminAction({ groupId, email: target })));
    expect(results.filter((r) => r.ok)).toHaveLength(ACTION_LIMITS.inviteCoAdmin.perAddress.points);
    const refused = results.filter((r) => !r.ok);
    refusedWith(refused, /uitnodigingen/);
    expect(refused.some((r) => !r.ok && r.message.startsWith("Dit e-mailadres heeft vandaag al een paar uitnodigingen gekregen."))).toBe(true);
    expect(await mailsTo(target)).toBe(3);
  });

  it("12 to different addresses: 10 an hour per account, each e-mailed once; the 11th and 12th stored and sent nothing", async () => {
    const { admin, groupId } = await anAdminWithGroup();
    as(admin);
    const results = [];
    for (let i = 0; i < 12; i += 1) results.push(await resident.inviteCoAdminAction({ groupId, email: `buur${i}@voorbeeld-limiet.nl` }));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    refusedWith(results.slice(10), /^U heeft in korte tijd veel uitnodigingen verstuurd\./);
    const { db } = database.current.handle;
    expect(await db.select().from(groupAdminInvitations).where(eq(groupAdminInvitations.groupId, groupId))).toHaveLength(10);
    expect(await mailsTo("buur9@voorbeeld-limiet.nl")).toBe(1);
    expect(await mailsTo("buur10@voorbeeld-limiet.nl")).toBe(0);
  });

  it("a fourth account from the same IP address is held by the IP limit (30 an hour); from another address it works", async () => {
    const perAccount = ACTION_LIMITS.inviteCoAdmin.perAccount.points;
    const accounts = Math.ceil(ACTION_LIMITS.inviteCoAdmin.perIp.points / perAccount);
    for (let a = 0; a < accounts; a += 1) {
      const { admin, groupId } = await anAdminWithGroup();
      as(admin);
      for (let i = 0; i < perAccount; i += 1) {
        const result = await resident.inviteCoAdminAction({ groupId, email: `ip${a}-${i}@voorbeeld-limiet.nl` });
        expect(result.ok).toBe(true);
      }
    }
    const { admin, groupId } = await anAdminWithGroup();
    as(admin);
    const refused = await resident.inviteCoAdminAction({ groupId, email: "nog-een@voorbeeld-limiet.nl" });
    refusedWith([refused], /^Vanaf deze internetverbinding zijn in korte tijd veel uitnodigingen verstuurd\./);
    expect(await mailsTo("nog-een@voorbeeld-limiet.nl")).toBe(0);
    forwardedFor = "203.0.113.50";
    expect((await resident.inviteCoAdminAction({ groupId, email: "nog-een@voorbeeld-limiet.nl" })).ok).toBe(true);
  });

  it("with ACTION_LIMIT_FACTOR=2 (test suites only) an account may send twice as many", async () => {
    process.env.ACTION_LIMIT_FACTOR = "2";
    resetEnvForTests();
    try {
      const { admin, groupId } = await anAdminWithGroup();
      as(admin);
      const limit = 2 * ACTION_LIMITS.inviteCoAdmin.perAccount.points;
      for (let i = 0; i < limit; i += 1) expect((await resident.inviteCoAdminAction({ groupId, email: `dubbel${i}@voorbeeld-limiet.nl` })).ok).toBe(true);
      refusedWith([await resident.inviteCoAdminAction({ groupId, email: "een-te-veel@voorbeeld-limiet.nl" })], /^U heeft in korte tijd veel uitnodigingen verstuurd\./);
    } finally {
      delete process.env.ACTION_LIMIT_FACTOR;
      resetEnvForTests();
    }
  });

  it("keeps no e-mail address in the rate_limits table: the key holds an HMAC of the address", async () => {
    const { admin, groupId } = await anAdminWithGroup();
    as(admin);
    expect((await resident.inviteCoAdminAction({ groupId, email: "Geheim.Adres@Voorbeeld-Limiet.nl" })).ok).toBe(true);
    const { db } = database.current.handle;
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.some((k) => /@|geheim|voorbeeld/i.test(k))).toBe(false);
    expect(keys).toContain(`invite_address:${emailRateLimitKey("geheim.adres@voorbeeld-limiet.nl")}`);
    expect(keys.find((k) => k.startsWith("invite_address:"))).toMatch(/^invite_address:email:[0-9a-f]{40}$/);
    // The same address in another case or with spaces counts as the same address.
    expect(emailRateLimitKey(" GEHEIM.adres@voorbeeld-limiet.nl ")).toBe(emailRateLimitKey("geheim.adres@voorbeeld-limiet.nl"));
    expect(emailRateLimitKey("ander@voorbeeld-limiet.nl")).not.toBe(emailRateLimitKey("geheim.adres@voorbeeld-limiet.nl"));
  });
});

function registration(name: string, coAdmins: string[] = []) {
  return {
    name,
    areaCode: area.code,
    areaDescription: "Tiendweg en zijstraten",
    admin: { name: "Sanne de Vries", phone: "06 12345678", birthDate: "1984-03-14", address: { postcode: "2922 ab", houseNumber: "12", addition: "" } },
    coAdmins: coAdmins.map((email) => ({ email })),
    addressList: addresses(3, "2922").map((a) => `${a.postcode} ${a.houseNumber}`).join("\n"),
    whatsappInviteLink: "",
    acceptHouseRules: true,
    residentsConfirmed: true,
  };
}

describe("registering groups", () => {
  it("12 at once by one account: 5 groups and their e-mails to wijkagent and wethouder, 7 refused and nothing stored for them", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    as(user);
    const mailsBefore = await mailsTo("wijkagent.limiet@test.example");
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => resident.registerGroupAction(registration(`Burst Groep ${i} Tiendweg`))));
    const limit = ACTION_LIMITS.registerGroup.perAccount.points;
    expect(results.filter((r) => r.ok)).toHaveLength(limit);
    refusedWith(results.filter((r) => !r.ok), /^U heeft vandaag al veel groepen aangemeld\./);
    expect(await db.select().from(groupAdmins).where(eq(groupAdmins.userId, user.id))).toHaveLength(limit);
    expect((await mailsTo("wijkagent.limiet@test.example")) - mailsBefore).toBe(limit);
  });

  it("a second and third account from one IP address: 10 a day from it, then refused", async () => {
    const { db } = database.current.handle;
    const perAccount = ACTION_LIMITS.registerGroup.perAccount.points;
    for (let a = 0; a < ACTION_LIMITS.registerGroup.perIp.points / perAccount; a += 1) {
      as(await aUser(db));
      for (let i = 0; i < perAccount; i += 1) expect((await resident.registerGroupAction(registration(`IP Groep ${a}-${i}`))).ok).toBe(true);
    }
    const third = await aUser(db);
    as(third);
    const refused = await resident.registerGroupAction(registration("IP Groep Te Veel"));
    refusedWith([refused], /^Vanaf deze internetverbinding zijn vandaag al veel groepen aangemeld\./);
    expect(await db.select().from(groups).where(eq(groups.name, "IP Groep Te Veel"))).toEqual([]);
  });

  it("co-admins invited while registering count for their address like any invitation", async () => {
    const { db } = database.current.handle;
    const target = "medebeheerder@voorbeeld-limiet.nl";
    for (let i = 0; i < 3; i += 1) {
      as(await aUser(db));
      expect((await resident.registerGroupAction(registration(`Mede Groep ${i}`, [target]))).ok).toBe(true);
    }
    as(await aUser(db));
    const refused = await resident.registerGroupAction(registration("Mede Groep 3", [target]));
    refusedWith([refused], /^Dit e-mailadres heeft vandaag al een paar uitnodigingen gekregen\./);
    expect(await mailsTo(target)).toBe(3);
  });

  it("a Cyrillic twin of an existing name is refused at the name field", async () => {
    const { db } = database.current.handle;
    as(await aUser(db));
    expect((await resident.registerGroupAction(registration("Buurtpreventie Oost"))).ok).toBe(true);
    as(await aUser(db));
    const twin = await resident.registerGroupAction(registration("Buurtpreventie \u041Eost"));
    expect(twin).toMatchObject({ ok: false, code: "conflict", fieldErrors: { name: expect.stringContaining("lijkt te veel op") } });
  });
});

/**
 * Each other action that e-mails or publishes, with its account's counter used up: refused
 * with the rule's message before anything is stored or sent.
 */
describe("every other action that sends e-mail or publishes text is limited", () => {
  const fill = async (rule: ActionLimit["perAccount"], userId: string) => {
    await database.current.handle.db
      .insert(rateLimits)
      .values({ key: `${rule.name}:user:${userId}`, points: rule.points, expire: new Date(Date.now() + rule.durationSeconds * 1000) });
  };

  const cases: Array<{ what: string; limit: ActionLimit; role: User["role"]; call: (groupId: string) => Promise<Result> }> = [
    {
      what: "changing a group's details",
      limit: ACTION_LIMITS.updateGroup,
      role: "resident",
      call: (groupId) => resident.updateGroupDetailsAction({ groupId, name: "Nieuwe Naam", areaCode: area.code, areaDescription: "", whatsappInviteLink: "", version: 1 }),
    },
    { what: "deciding a join request", limit: ACTION_LIMITS.decideJoinRequest, role: "resident", call: (groupId) => resident.decideJoinRequestAction({ groupId, requestId: "x", decision: "accept", message: "" }) },
    {
      what: "requesting a bord",
      limit: ACTION_LIMITS.requestBord,
      role: "resident",
      call: (groupId) => resident.requestBordAction({ groupId, bordCount: 1, street: "Tiendweg", description: "", note: "" }),
    },
    { what: "dissolving a group", limit: ACTION_LIMITS.dissolveGroup, role: "resident", call: (groupId) => resident.dissolveGroupAction({ groupId, confirmName: "Wat dan ook" }) },
    {
      what: "staff inviting a user",
      limit: ACTION_LIMITS.inviteUser,
      role: "staff",
      call: () => staffActions.inviteUserAction({ name: "Nieuwe Collega", email: "collega@voorbeeld-limiet.nl", role: "staff" }),
    },
    {
      what: "staff deciding a bord request",
      limit: ACTION_LIMITS.decideBord,
      role: "staff",
      call: () => staffActions.decideBordRequestAction({ action: "review", note: "", requestId: "00000000-0000-4000-8000-000000000000", version: 1 }),
    },
  ];

  for (const { what, limit, role, call } of cases) {
    it(what, async () => {
      const { db } = database.current.handle;
      const user = await aUser(db, { role, municipalityId: role === "staff" ? municipality.id : null });
      const group = await aGroup(db, area, { name: `Groep Voor ${what}`, admins: [user] });
      as(user);
      await fill(limit.perAccount, user.id);
      const mailsBefore = Number((await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox))[0].n);
      const result = await call(group.id);
      const before = limit.perAccount.message.split("{wacht}")[0];
      refusedWith([result], new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
      expect(Number((await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox))[0].n)).toBe(mailsBefore);
      const [row] = await db.select().from(groups).where(and(eq(groups.id, group.id), like(groups.name, "Groep Voor %")));
      expect(row).toMatchObject({ status: "active", version: 1 });
    });
  }
});
