/**
 * Consent on record (issue 21): the house rules' version is stored when a group is registered,
 * an invitation accepted and a join request sent; an admin without the current version on
 * record must accept it (once, also when clicked twenty times at once).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addresses, aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { auditLog, houseRulesAcceptances, mailOutbox, type Area } from "@/db/schema";
import { registerGroup } from "@/lib/data/resident/group-registration";
import { acceptCurrentHouseRules, getHouseRulesStatus } from "@/lib/data/resident/house-rules";
import { acceptInvitation, inviteCoAdmin } from "@/lib/data/resident/invitations";
import { submitJoinRequest } from "@/lib/data/public/join";
import { HOUSE_RULES_VERSION } from "@/lib/domain";
import { acceptHouseRulesSchema, acceptInvitationSchema, registerGroupSchema } from "@/lib/validation";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
const TODAY = "2026-11-25";
let area: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  area = await anArea(db, await aMunicipality(db), { postcodes: ["2922"] });
});

const acceptancesOf = async (userId: string) => {
  const { db } = database.current.handle;
  return db.select().from(houseRulesAcceptances).where(eq(houseRulesAcceptances.userId, userId));
};

describe(`house rules: consent on record (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("stores the version for the registering admin, with the group", async () => {
    const me = await aUser(database.current.handle.db, { name: null });
    const input = registerGroupSchema(TODAY).parse({
      name: "Buurtpreventie Huisregelstraat",
      areaCode: area.code,
      areaDescription: "",
      admin: { name: "Sanne de Vries", phone: "06 12345678", birthDate: "1984-03-14", address: { postcode: "2922 ab", houseNumber: "12", addition: "" } },
      coAdmins: [],
      addressList: addresses(3, "2922").map((a) => `${a.postcode} ${a.houseNumber}`).join("\n"),
      whatsappInviteLink: "",
      acceptHouseRules: true,
      residentsConfirmed: true,
    });
    const { groupId } = await registerGroup(actorOf(me), input);
    expect(await acceptancesOf(me.id)).toEqual([
      expect.objectContaining({ groupId, version: HOUSE_RULES_VERSION, context: "registration", joinRequestId: null }),
    ]);
    expect((await getHouseRulesStatus(actorOf(me))).mustAccept).toBe(false);
  });

  it("an invited co-admin must accept the rules; the acceptance is stored with the invitation's group", async () => {
    const { db } = database.current.handle;
    const owner = await aUser(db);
    const group = await aGroup(db, area, { admins: [owner] });
    await inviteCoAdmin(actorOf(owner), group.id, "mede.huisregels@test.example");
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "mede.huisregels@test.example"));
    const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const details = { name: "Mede Beheerder", phone: "0611111111", birthDate: "1970-01-01", address: { postcode: "2922AB", houseNumber: "77", addition: "" } };

    // The form's schema refuses without the checkbox, with a Dutch message at the field.
    for (const acceptHouseRules of [undefined, false, "nee", "<script>alert(1)</script>"]) {
      const refused = acceptInvitationSchema(TODAY).safeParse({ ...details, acceptHouseRules });
      expect(refused.success).toBe(false);
      expect(refused.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toContain("acceptHouseRules: Lees de huisregels en vink aan dat u zich eraan houdt.");
    }
    const parsed = acceptInvitationSchema(TODAY).parse({ ...details, acceptHouseRules: "on" });
    const invited = await aUser(db, { email: "mede.huisregels@test.example" });
    await acceptInvitation(actorOf(invited), token, parsed);
    expect(await acceptancesOf(invited.id)).toEqual([expect.objectContaining({ groupId: group.id, version: HOUSE_RULES_VERSION, context: "invitation" })]);
  });

  it("stores the version with a join request (no account), and not for a resent form", async () => {
    const { db } = database.current.handle;
    const group = await aGroup(db, area, { admins: [await aUser(db)] });
    const input = { groupSlug: group.slug, name: "Eline Bewoner", email: "eline.huisregels@test.example", phone: "0612345678", birthDate: "1980-04-05", address: { postcode: "2922AB", houseNumber: 5, addition: "" }, acceptHouseRules: true as const, honeypot: "" };
    await submitJoinRequest(input, { ip: "203.0.113.30", now: new Date() });
    await submitJoinRequest(input, { ip: "203.0.113.30", now: new Date() });
    const rows = await db.select().from(houseRulesAcceptances).where(eq(houseRulesAcceptances.groupId, group.id));
    expect(rows.filter((r) => r.context === "join_request")).toEqual([expect.objectContaining({ userId: null, version: HOUSE_RULES_VERSION })]);
    expect(rows.find((r) => r.context === "join_request")!.joinRequestId).toBeTruthy();
  });

  it("an admin without the current version on record must accept it; a resident without groups need not", async () => {
    const { db } = database.current.handle;
    const admin = await aUser(db);
    await aGroup(db, area, { admins: [admin], houseRulesAccepted: false });
    const before = await getHouseRulesStatus(actorOf(admin));
    expect(before).toEqual({ currentVersion: HOUSE_RULES_VERSION, accepted: null, mustAccept: true });

    const nobody = await aUser(db);
    expect((await getHouseRulesStatus(actorOf(nobody))).mustAccept).toBe(false);

    expect(acceptHouseRulesSchema.safeParse({}).success).toBe(false);
    expect(acceptHouseRulesSchema.safeParse({ acceptHouseRules: "'; drop table users;--" }).success).toBe(false);
    const now = new Date("2026-12-04T10:00:00Z");
    expect(await acceptCurrentHouseRules(actorOf(admin), now)).toEqual({ version: HOUSE_RULES_VERSION });
    expect(await getHouseRulesStatus(actorOf(admin))).toEqual({ currentVersion: HOUSE_RULES_VERSION, accepted: { version: HOUSE_RULES_VERSION, at: now }, mustAccept: false });
    // Accepting again changes nothing.
    await acceptCurrentHouseRules(actorOf(admin));
    expect(await acceptancesOf(admin.id)).toEqual([expect.objectContaining({ context: "new_version", groupId: null, version: HOUSE_RULES_VERSION })]);
    expect(await db.select().from(auditLog).where(eq(auditLog.actorUserId, admin.id))).toEqual([
      expect.objectContaining({ action: "house_rules.accept", subjectType: "user", subjectId: admin.id, details: { version: HOUSE_RULES_VERSION } }),
    ]);
  });

  it("the database refuses an acceptance without a subject, with two, or with version 0", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    const bad = [
      { version: 1, context: "new_version" as const },
      { userId: user.id, version: 0, context: "new_version" as const },
    ];
    for (const values of bad) {
      await expect(db.insert(houseRulesAcceptances).values(values)).rejects.toThrow();
    }
  });

  it("twenty clicks at once store one acceptance", async () => {
    const { db } = database.current.handle;
    const admin = await aUser(db);
    await aGroup(db, area, { admins: [admin], houseRulesAccepted: false });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => acceptCurrentHouseRules(actorOf(admin))));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await acceptancesOf(admin.id)).toHaveLength(1);
  });
});
