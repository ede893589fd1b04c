/**
 * Inviting someone to a staff or wijkagent role (issue 18, point 3). Staff of one municipality
 * once turned a resident of another (the only admin of a group) into their wijkagent and then
 * read the stored name; inviting an address that had an account also told whether it was
 * staff, wijkagent or platform admin. Now: inviting changes and reads no account, every
 * address gets the same answer and the same e-mail, and the role comes only when the person,
 * signed in with that address, accepts — under rules that protect groups and other
 * municipalities. Co-admin invitations of a group answer the same for every address too.
 */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aContact, aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import { auditLog, contacts, groupAdmins, mailOutbox, staffInvitations, users, type Municipality, type User } from "@/db/schema";
import { inviteCoAdmin } from "@/lib/data/resident/invitations";
import { acceptStaffInvitation, getStaffInvitation } from "@/lib/data/resident/staff-invitations";
import { inviteUser, listOpenStaffInvitations, listUsersForStaff } from "@/lib/data/staff/users";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { acceptStaffInvitationSchema, inviteUserSchema } from "@/lib/validation/staff";
import { actorOf } from "@/tests/actors";
import { withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
const savedEnv = { ...process.env };

let krimpen: Municipality;
let capelle: Municipality;
let krimpenStaff: User;
let capelleStaff: User;
let platformAdmin: User;

beforeAll(async () => {
  Object.assign(process.env, { APP_URL: "http://localhost:3995", LOG_LEVEL: "silent" });
  resetEnvForTests();
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db, { name: "Krimpen aan den IJssel" });
  capelle = await aMunicipality(db, { name: "Capelle" });
  krimpenStaff = await aUser(db, { role: "staff", municipalityId: krimpen.id, email: "medewerker@krimpen.example" });
  capelleStaff = await aUser(db, { role: "staff", municipalityId: capelle.id, email: "medewerker@capelle.example" });
  platformAdmin = await aUser(db, { role: "platform_admin", email: "platform@beheer.example" });
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

const db = () => database.current.handle.db;

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function usersSnapshot() {
  return db().select().from(users).orderBy(asc(users.id));
}

async function lastMailTo(email: string) {
  const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(sql`${mailOutbox.id} desc`).limit(1);
  return mail;
}

function tokenIn(text: string): string {
  return /\/uitnodiging\/account\/([A-Za-z0-9_-]+)/.exec(text)![1];
}

/** Invites `email` as wijkagent of Capelle (by Capelle's staff) and returns the link's token. */
async function inviteToCapelle(email: string, name = "Nieuwe Wijkagent"): Promise<string> {
  expect(await inviteUser(actorOf(capelleStaff), inviteUserSchema.parse({ name, email, role: "wijkagent" }))).toEqual({ invited: true });
  return tokenIn((await lastMailTo(email)).text);
}

describe("inviting to a staff or wijkagent role", () => {
  it("gives every address the same answer and e-mail, and changes or reads no account", async () => {
    const resident = await aUser(db(), { email: "bewoner@krimpen.example", name: "Sanne de Vries", phone: "+31612345678" });
    const soleAdmin = await aUser(db(), { email: "enige.beheerder@krimpen.example", name: "Bram Jansen" });
    const area = await anArea(db(), krimpen);
    await aGroup(db(), area, { admins: [soleAdmin] });
    const wijkagent = await aUser(db(), { role: "wijkagent", municipalityId: krimpen.id, email: "agent@krimpen.example", name: "Rick Visser" });
    const addresses = {
      nobody: "nog.geen.account@voorbeeld.example",
      resident: resident.email,
      soleAdmin: soleAdmin.email,
      staff: krimpenStaff.email,
      wijkagent: wijkagent.email,
      platformAdmin: platformAdmin.email,
      self: capelleStaff.email,
    };
    const before = await usersSnapshot();
    const listedBefore = await listUsersForStaff(actorOf(capelleStaff));
    const shapes = new Set<string>();
    for (const email of Object.values(addresses)) {
      const answer = await inviteUser(actorOf(capelleStaff), inviteUserSchema.parse({ name: "Nieuwe Collega", email, role: "wijkagent" }));
      const mail = await lastMailTo(email);
      shapes.add(JSON.stringify({ answer, subject: mail.subject, text: mail.text.replace(/\/uitnodiging\/account\/[A-Za-z0-9_-]+/, "<link>"), kind: mail.kind }));
    }
    expect(shapes.size).toBe(1);
    expect([...shapes][0]).toContain("Nieuwe Collega");
    expect([...shapes][0]).not.toMatch(/Sanne|Bram|Rick|platform|medewerker van Krimpen/);
    // No account changed, none was made, and Capelle's list of accounts shows nobody new.
    expect(await usersSnapshot()).toEqual(before);
    expect(await listUsersForStaff(actorOf(capelleStaff))).toEqual(listedBefore);
    // Capelle's staff see their own open invitations (what they typed), Krimpen's staff none of them.
    const open = await listOpenStaffInvitations(actorOf(capelleStaff));
    expect(open.map((i) => i.email).sort()).toEqual(Object.values(addresses).sort());
    expect(new Set(open.map((i) => `${i.name} ${i.role}`))).toEqual(new Set(["Nieuwe Collega wijkagent"]));
    expect(await listOpenStaffInvitations(actorOf(krimpenStaff))).toEqual([]);
    // The audit entries say the same for every address (no "existing account" flag).
    const audits = await db().select({ details: auditLog.details, subjectType: auditLog.subjectType }).from(auditLog).where(eq(auditLog.action, "user.invite"));
    expect(new Set(audits.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  it("refuses another municipality's role for an account that already has one; nothing changes", async () => {
    const agent = await aUser(db(), { role: "wijkagent", municipalityId: krimpen.id, email: "agent2@krimpen.example", name: "Kees Mulder" });
    const token = await inviteToCapelle(agent.email);
    expect((await getStaffInvitation(actorOf(agent), token)).state).toBe("has_role");
    const refused = await errorOf(acceptStaffInvitation(actorOf(agent), { token, leaveGroups: true }));
    expect(refused.code).toBe("unprocessable");
    expect(refused.message).toMatch(/al een rol/);
    const [row] = await db().select().from(users).where(eq(users.id, agent.id));
    expect(row).toMatchObject({ role: "wijkagent", municipalityId: krimpen.id, name: "Kees Mulder" });
    // A platform admin is never demoted by an invitation either.
    const adminToken = await inviteToCapelle(platformAdmin.email);
    expect((await errorOf(acceptStaffInvitation(actorOf(platformAdmin), { token: adminToken, leaveGroups: true }))).code).toBe("unprocessable");
    expect((await db().select({ role: users.role }).from(users).where(eq(users.id, platformAdmin.id)))[0].role).toBe("platform_admin");
  });

  it("refuses the only admin of a group until the group has another admin; a co-admin steps down only after saying yes", async () => {
    const person = await aUser(db(), { email: "beheerder.wordt.agent@krimpen.example", name: "Anna Smit" });
    const other = await aUser(db());
    const area = await anArea(db(), krimpen);
    const group = await aGroup(db(), area, { name: "Buurtpreventie Smitstraat", admins: [person] });
    const token = await inviteToCapelle(person.email);

    const view = await getStaffInvitation(actorOf(person), token);
    expect(view).toMatchObject({ state: "open", soleAdminOf: ["Buurtpreventie Smitstraat"], groupsToLeave: [] });
    const sole = await errorOf(acceptStaffInvitation(actorOf(person), { token, leaveGroups: true }));
    expect(sole.code).toBe("unprocessable");
    expect(sole.message).toContain("enige beheerder van: Buurtpreventie Smitstraat");
    expect((await db().select({ role: users.role }).from(users).where(eq(users.id, person.id)))[0].role).toBe("resident");

    await db().insert(groupAdmins).values({ groupId: group.id, userId: other.id });
    const unconfirmed = await errorOf(acceptStaffInvitation(actorOf(person), { token, leaveGroups: false }));
    expect(unconfirmed.code).toBe("bad_request");
    expect(unconfirmed.fieldErrors?.leaveGroups).toMatch(/Vink aan/);

    expect(await acceptStaffInvitation(actorOf(person), { token, leaveGroups: true })).toEqual({ role: "wijkagent", municipalityName: "Capelle" });
    const [row] = await db().select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ role: "wijkagent", municipalityId: capelle.id, name: "Anna Smit" });
    const admins = await db().select({ userId: groupAdmins.userId }).from(groupAdmins).where(eq(groupAdmins.groupId, group.id));
    expect(admins).toEqual([{ userId: other.id }]);
    // Used once: the link does not work again.
    expect((await errorOf(acceptStaffInvitation(actorOf(person), { token, leaveGroups: true }))).code).toBe("unprocessable");
    expect((await getStaffInvitation(actorOf(person), token)).state).toBe("accepted");
  });

  it("works only for the invited address; a wijkagent contact of that municipality is linked on acceptance", async () => {
    const invited = await aUser(db(), { email: "nieuwe.agent@politie.example", name: null });
    const stranger = await aUser(db(), { email: "iemand.anders@voorbeeld.example" });
    const contact = await aContact(db(), capelle, "wijkagent", [], { email: invited.email });
    const token = await inviteToCapelle(invited.email, "Lisa de Boer");
    expect(await getStaffInvitation(actorOf(stranger), token)).toEqual({ state: "wrong_account" });
    expect((await errorOf(acceptStaffInvitation(actorOf(stranger), { token, leaveGroups: true }))).code).toBe("not_found");
    expect(await getStaffInvitation(actorOf(invited), "x".repeat(43))).toEqual({ state: "invalid" });
    expect((await errorOf(acceptStaffInvitation(actorOf(invited), { token: "x".repeat(43), leaveGroups: false }))).code).toBe("not_found");

    await acceptStaffInvitation(actorOf(invited), { token, leaveGroups: false });
    const [row] = await db().select().from(users).where(eq(users.id, invited.id));
    expect(row).toMatchObject({ role: "wijkagent", municipalityId: capelle.id, name: "Lisa de Boer" });
    const [linked] = await db().select({ userId: contacts.userId }).from(contacts).where(eq(contacts.id, contact.id));
    expect(linked.userId).toBe(invited.id);
    expect(await db().select().from(staffInvitations).where(sql`${staffInvitations.email} = ${invited.email} and ${staffInvitations.acceptedAt} is null`)).toEqual([]);
  });

  it("refuses an expired invitation", async () => {
    const late = await aUser(db(), { email: "te.laat@voorbeeld.example" });
    const token = await inviteToCapelle(late.email);
    const later = new Date(Date.now() + 15 * 24 * 60 * 60 * 1000);
    expect((await getStaffInvitation(actorOf(late), token, later)).state).toBe("expired");
    expect((await errorOf(acceptStaffInvitation(actorOf(late), { token, leaveGroups: false }, later))).code).toBe("unprocessable");
    expect((await db().select({ role: users.role }).from(users).where(eq(users.id, late.id)))[0].role).toBe("resident");
  });

  it("bad input: wrong formats, missing fields, too long, script and SQL text, another municipality's id", async () => {
    const bad = [
      {},
      { name: "Nieuw", email: "geen-adres", role: "staff" },
      { name: "", email: "a@b.example", role: "staff" },
      { name: "Nieuw", email: "a@b.example", role: "platform_admin" },
      { name: "x".repeat(500), email: "a@b.example", role: "staff" },
      { name: "Nieuw", email: `${"a".repeat(300)}@b.example`, role: "staff" },
      { name: "Nieuw", email: "a@b.example'; drop table users; --", role: "staff" },
      { name: "Nieuw", email: "<script>alert(1)</script>@b.example", role: "staff" },
      { name: "Nieuw", email: "a@b.example", role: "staff", municipalityId: "1; drop table users" },
    ];
    for (const input of bad) expect(inviteUserSchema.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(false);
    const count = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(staffInvitations))[0].n;
    const before = await count();
    const foreign = await errorOf(inviteUser(actorOf(krimpenStaff), inviteUserSchema.parse({ name: "Nieuw", email: "x@y.example", role: "staff", municipalityId: capelle.id })));
    expect(foreign.code).toBe("not_found");
    const resident = await errorOf(inviteUser(actorOf(await aUser(db())), inviteUserSchema.parse({ name: "Nieuw", email: "x@y.example", role: "staff" })));
    expect(resident.code).toBe("not_found");
    expect(await count()).toBe(before);
    for (const token of ["", "kort", "<script>alert(1)</script>".padEnd(30, "x"), "a'; drop table users; --".padEnd(30, "x"), "x".repeat(101)]) {
      expect(acceptStaffInvitationSchema.safeParse({ token, leaveGroups: true }).success, token).toBe(false);
    }
  });
});

describe("co-admin invitations of a group", () => {
  it("answer and mail the same for an address with any role, or none", async () => {
    const admin = await aUser(db(), { name: "Groeps Beheerder" });
    const area = await anArea(db(), krimpen);
    const group = await aGroup(db(), area, { admins: [admin] });
    const shapes = new Set<string>();
    for (const email of ["onbekend@voorbeeld.example", krimpenStaff.email, platformAdmin.email, capelleStaff.email]) {
      const answer = await inviteCoAdmin(actorOf(admin), group.id, email);
      const mail = await lastMailTo(email);
      shapes.add(JSON.stringify({ keys: Object.keys(answer), subject: mail.subject, text: mail.text.replace(/\/uitnodiging\/[A-Za-z0-9_-]+/, "<link>") }));
    }
    expect(shapes.size).toBe(1);
  });
});
