/**
 * The retention rules of docs/data-inventory.md, with a moving clock (each rule takes `now`):
 * sign-in tokens, sessions and rate-limit counters past expiry, dissolved groups' personal
 * data, and the audit log after AUDIT_RETENTION_DAYS. Handled join requests: join-requests.test.ts.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import {
  auditLog,
  groupAdminInvitations,
  groupAdmins,
  groups,
  joinRequests,
  memberAddresses,
  rateLimits,
  sessions,
  bordRequestEvents,
  bordRequests,
  users,
  verificationTokens,
  type Area,
  type Municipality,
} from "@/db/schema";
import { dissolveGroup } from "@/lib/data/resident/group-dissolve";
import { inviteCoAdmin } from "@/lib/data/resident/invitations";
import {
  anonymiseAuditLog,
  purgeDissolvedGroups,
  purgeExpiredRateLimits,
  purgeExpiredSessions,
  purgeExpiredSignInTokens,
} from "@/lib/data/internal/retention";
import { dissolveGroup as dissolveGroupAsStaff } from "@/lib/data/staff/groups";
import { parseEnv, resetEnvForTests } from "@/lib/env";
import { createRetentionJob } from "@/lib/server/retention-job";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
let municipality: Municipality;
let area: Area;
const savedEnv = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, { APP_URL: "http://localhost:3997", AUTH_SECRET: "retention-secret-".padEnd(48, "r"), LOG_LEVEL: "silent" });
  resetEnvForTests();
  const { db } = database.current.handle;
  municipality = await aMunicipality(db);
  area = await anArea(db, municipality, { postcodes: ["2922"] });
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

describe(`retention (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("removes sign-in tokens once expired, and only those", async () => {
    const { db } = database.current.handle;
    const t0 = new Date("2026-05-01T10:00:00Z");
    await db.insert(verificationTokens).values([
      { identifier: "vroeg@test.example", token: "a".repeat(64), expires: new Date(t0.getTime() + 15 * MINUTE) },
      { identifier: "laat@test.example", token: "b".repeat(64), expires: new Date(t0.getTime() + 45 * MINUTE) },
    ]);
    expect(await purgeExpiredSignInTokens(new Date(t0.getTime() + 14 * MINUTE))).toBe(0);
    expect(await purgeExpiredSignInTokens(new Date(t0.getTime() + 16 * MINUTE))).toBe(1);
    expect((await db.select().from(verificationTokens)).map((t) => t.identifier)).toEqual(["laat@test.example"]);
    expect(await purgeExpiredSignInTokens(new Date(t0.getTime() + 46 * MINUTE))).toBe(1);
    expect(await db.select().from(verificationTokens)).toHaveLength(0);
  });

  it("removes expired sessions and keeps live ones", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    const t0 = new Date("2026-05-01T10:00:00Z");
    await db.insert(sessions).values([
      { sessionToken: "s-old", userId: user.id, expires: new Date(t0.getTime() + 7 * DAY) },
      { sessionToken: "s-new", userId: user.id, expires: new Date(t0.getTime() + 9 * DAY) },
    ]);
    expect(await purgeExpiredSessions(new Date(t0.getTime() + 6 * DAY))).toBe(0);
    expect(await purgeExpiredSessions(new Date(t0.getTime() + 8 * DAY))).toBe(1);
    const left = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.sessionToken)).toEqual(["s-new"]);
  });

  it("removes rate-limit counters (their keys hold e-mail and IP addresses) once the window has passed", async () => {
    const { db } = database.current.handle;
    const t0 = new Date("2026-05-01T10:00:00Z");
    await db.insert(rateLimits).values([
      { key: "join_email:g:teller@test.example", points: 2, expire: new Date(t0.getTime() + DAY) },
      { key: "sign_in_ip:ip:192.0.2.1", points: 1, expire: new Date(t0.getTime() + 2 * DAY) },
    ]);
    expect(await purgeExpiredRateLimits(new Date(t0.getTime() + DAY - 1))).toBe(0);
    expect(await purgeExpiredRateLimits(new Date(t0.getTime() + DAY + 1))).toBe(1);
    expect((await db.select().from(rateLimits)).map((r) => r.key)).toEqual(["sign_in_ip:ip:192.0.2.1"]);
  });

  it("dissolving (by the admin) removes the group's personal data, keeps the record, and frees the name", async () => {
    const { db } = database.current.handle;
    const only = await aUser(db, { name: "Alleen Beheerder", phone: "+31611111111", birthDate: "1970-01-01", postcode: "2922AB", houseNumber: 7 });
    const busy = await aUser(db, { name: "Drukke Beheerder", phone: "+31622222222", birthDate: "1971-01-01", postcode: "2922AC", houseNumber: 8 });
    const group = await aGroup(db, area, { name: "Buurtpreventie Opheffen", admins: [only, busy], addresses: addresses(12), description: "Straten rond het plein", whatsappInviteUrl: "https://chat.whatsapp.com/AbCdEfGhIjKlMn" });
    await aGroup(db, area, { admins: [busy] }); // busy stays admin of another active group
    await db.insert(joinRequests).values({ groupId: group.id, name: "Jan", email: "jan.opheffen@test.example", postcode: "2922AB", houseNumber: 1 });
    await inviteCoAdmin(actorOf(only), group.id, "later.opheffen@test.example");
    const bord = await aBordRequest(db, group, { status: "placed", requestedBy: only });

    await dissolveGroup(actorOf(only), group.id, group.name, new Date("2026-06-01T12:00:00Z"));

    const [row] = await db.select().from(groups).where(eq(groups.id, group.id));
    expect(row).toMatchObject({ status: "dissolved", name: "Buurtpreventie Opheffen", description: "", whatsappInviteUrl: null });
    for (const table of [memberAddresses, joinRequests, groupAdminInvitations, groupAdmins] as const) {
      expect(await db.select().from(table).where(eq(table.groupId, group.id))).toHaveLength(0);
    }
    const [bordAfter] = await db.select().from(bordRequests).where(eq(bordRequests.id, bord.id));
    expect(bordAfter).toMatchObject({ status: "placed", requestedByUserId: null });
    const events = await db.select().from(bordRequestEvents).where(eq(bordRequestEvents.bordRequestId, bord.id));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.actorUserId !== only.id)).toBe(true);

    // The sole admin's own details go (no active group left); the busy admin's stay.
    const [onlyAfter] = await db.select().from(users).where(eq(users.id, only.id));
    expect(onlyAfter).toMatchObject({ email: only.email, name: null, phone: null, birthDate: null, postcode: null, houseNumber: null, addition: "" });
    const [busyAfter] = await db.select().from(users).where(eq(users.id, busy.id));
    expect(busyAfter).toMatchObject({ name: "Drukke Beheerder", phone: "+31622222222", postcode: "2922AC" });

    // A new group may take the name of a dissolved one; two active groups still may not share it.
    const again = await aGroup(db, area, { name: "BUURTPREVENTIE opheffen", admins: [busy] });
    expect(again.status).toBe("active");
    const duplicate = await aGroup(db, area, { name: "Buurtpreventie Opheffen" }).then(() => null, (e: unknown) => e);
    expect(duplicate, "a second active group with the same name").not.toBeNull();
  });

  it("dissolving by staff removes the group's personal data too", async () => {
    const { db } = database.current.handle;
    const staff = await aUser(db, { role: "staff", municipalityId: municipality.id });
    const admin = await aUser(db, { phone: "+31633333333" });
    const group = await aGroup(db, area, { admins: [admin], addresses: addresses(5), description: "Rond de school" });
    await db.insert(joinRequests).values({ groupId: group.id, name: "Piet", email: "piet.staff@test.example", postcode: "2922AB", houseNumber: 3 });
    await dissolveGroupAsStaff(actorOf(staff), { groupId: group.id, version: group.version, reason: "Op verzoek van de beheerder.", confirm: true });
    const [row] = await db.select().from(groups).where(eq(groups.id, group.id));
    expect(row).toMatchObject({ status: "dissolved", description: "" });
    for (const table of [memberAddresses, joinRequests, groupAdmins] as const) {
      expect(await db.select().from(table).where(eq(table.groupId, group.id))).toHaveLength(0);
    }
    const [adminAfter] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(adminAfter.phone).toBeNull();
  });

  it("the schedule sweeps a dissolved group that still holds personal data", async () => {
    const { db } = database.current.handle;
    const admin = await aUser(db);
    const group = await aGroup(db, area, {
      admins: [admin],
      addresses: addresses(3),
      status: "dissolved",
      dissolvedAt: new Date("2025-01-01T00:00:00Z"),
      whatsappInviteUrl: "https://chat.whatsapp.com/ZyXwVuTsRqPoNm",
    });
    const active = await aGroup(db, area, { admins: [admin], addresses: addresses(3) });
    expect(await purgeDissolvedGroups()).toBe(1);
    expect(await db.select().from(memberAddresses).where(eq(memberAddresses.groupId, group.id))).toHaveLength(0);
    expect(await db.select().from(groupAdmins).where(eq(groupAdmins.groupId, group.id))).toHaveLength(0);
    expect((await db.select().from(groups).where(eq(groups.id, group.id)))[0].whatsappInviteUrl).toBeNull();
    // Active groups are left alone, and a second sweep finds nothing.
    expect(await db.select().from(memberAddresses).where(eq(memberAddresses.groupId, active.id))).toHaveLength(3);
    expect(await purgeDissolvedGroups()).toBe(0);
  });

  it("anonymises audit entries older than the retention period: the actor and personal values go, the event stays", async () => {
    const { db } = database.current.handle;
    const actor = await aUser(db, { role: "staff", municipalityId: municipality.id });
    const subject = await aUser(db);
    // Entries other tests wrote are from today: with the real clock they stay out of this.
    const now = new Date();
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    const inserted = await db
      .insert(auditLog)
      .values([
        { actorUserId: actor.id, action: "group.dissolve", subjectType: "group", subjectId: "g-1", municipalityId: municipality.id, details: { withdrawnSignRequests: 1, reason: "Op verzoek van Jan Jansen, 06-12345678", via: "staff" }, createdAt: at(400) },
        { actorUserId: actor.id, action: "user.disable", subjectType: "user", subjectId: subject.id, details: { endedSessions: 2, userId: subject.id, filters: { q: "jansen" } }, createdAt: at(366) },
        { actorUserId: actor.id, action: "group.view_admins", subjectType: "group", subjectId: "g-2", details: { admins: 2 }, createdAt: at(364) },
        { actorUserId: actor.id, action: "group.view_admins", subjectType: "group", subjectId: "g-3", details: { admins: 1 }, createdAt: at(40) },
      ])
      .returning({ id: auditLog.id });
    const ids = inserted.map((r) => r.id);
    const rows = async () => {
      const list = await db.select().from(auditLog).where(inArray(auditLog.id, ids));
      return ids.map((id) => list.find((r) => r.id === id)!);
    };

    expect(await anonymiseAuditLog(now, 365)).toBe(2);
    const [old, aboutUser, recent, newest] = await rows();
    expect(old).toMatchObject({ actorUserId: null, action: "group.dissolve", subjectId: "g-1", municipalityId: municipality.id });
    expect(old.details).toEqual({ withdrawnSignRequests: 1, via: "staff", anonymised: true });
    expect(aboutUser).toMatchObject({ actorUserId: null, subjectType: "user", subjectId: null });
    expect(aboutUser.details).toEqual({ endedSessions: 2, anonymised: true });
    expect(recent).toMatchObject({ actorUserId: actor.id, details: { admins: 2 } });
    expect(newest.actorUserId).toBe(actor.id);

    // Running again changes nothing; a day later the next entry has passed the year.
    expect(await anonymiseAuditLog(now, 365)).toBe(0);
    expect(await anonymiseAuditLog(new Date(now.getTime() + 2 * DAY), 365)).toBe(1);
    // The period is a setting: with 30 days the newest goes as well.
    expect(await anonymiseAuditLog(now, 30)).toBe(1);
    expect((await rows()).every((r) => r.actorUserId === null)).toBe(true);
  });

  it("AUDIT_RETENTION_DAYS defaults to 365 and refuses nonsense", () => {
    expect(parseEnv({}).AUDIT_RETENTION_DAYS).toBe(365);
    expect(parseEnv({ AUDIT_RETENTION_DAYS: "730" }).AUDIT_RETENTION_DAYS).toBe(730);
    expect(() => parseEnv({ AUDIT_RETENTION_DAYS: "7" })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => parseEnv({ AUDIT_RETENTION_DAYS: "een jaar" })).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it("the server's schedule runs every rule with its clock and the configured audit period", async () => {
    const { db } = database.current.handle;
    process.env.AUDIT_RETENTION_DAYS = "100";
    resetEnvForTests();
    try {
      const user = await aUser(db);
      let clock = new Date("2028-01-01T00:00:00Z");
      await db.insert(verificationTokens).values({ identifier: "schema@test.example", token: "c".repeat(64), expires: new Date(clock.getTime() + 15 * MINUTE) });
      await db.insert(sessions).values({ sessionToken: "s-schedule", userId: user.id, expires: new Date(clock.getTime() + DAY) });
      const [entry] = await db
        .insert(auditLog)
        .values({ actorUserId: user.id, action: "auth.sign_in", subjectType: "user", subjectId: user.id, createdAt: clock })
        .returning({ id: auditLog.id });

      const job = createRetentionJob({ firstRunMs: 3_600_000, intervalMs: 3_600_000, now: () => clock });
      try {
        await job.tick();
        expect(await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "schema@test.example"))).toHaveLength(1);
        clock = new Date(clock.getTime() + 2 * DAY);
        expect(await job.tick()).toBeGreaterThanOrEqual(2);
        expect(await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "schema@test.example"))).toHaveLength(0);
        expect(await db.select().from(sessions).where(eq(sessions.sessionToken, "s-schedule"))).toHaveLength(0);
        expect((await db.select().from(auditLog).where(eq(auditLog.id, entry.id)))[0].actorUserId).toBe(user.id);
        clock = new Date(clock.getTime() + 100 * DAY);
        await job.tick();
        expect((await db.select().from(auditLog).where(eq(auditLog.id, entry.id)))[0]).toMatchObject({ actorUserId: null, subjectId: null });
      } finally {
        job.stop();
      }
    } finally {
      delete process.env.AUDIT_RETENTION_DAYS;
      resetEnvForTests();
    }
  });
});
