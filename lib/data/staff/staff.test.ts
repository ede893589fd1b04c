import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { aContact, addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { areaPostcodes, auditLog, contacts, groups, mailOutbox, municipalities, bordRequests, users, type Area, type Municipality, type User } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { exportGroupsForWijkagent, getGroupForWijkagent, getWijkagentOverview } from "@/lib/data/wijkagent/groups";
import { AppError } from "@/lib/errors";
import { staffSettingsSchema } from "@/lib/validation";
import { areaSchema, changeUserRoleSchema, contactSchema, dissolveGroupSchema, inviteUserSchema } from "@/lib/validation/staff";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { listAreasForStaff, saveArea, saveContact, deleteContact } from "./areas";
import { listAuditLog } from "./audit-log";
import { parseAuditFilters } from "@/lib/validation/audit-filters";
import { dissolveGroup, exportGroupsForStaff, getGroupForStaff, listGroupsForStaff } from "./groups";
import { parseGroupFilters } from "@/lib/validation/group-filters";
import { getStaffOverview } from "./overview";
import { getMunicipalitySettings, updateMunicipalitySettings } from "./settings";
import { changeManagedRole, inviteUser, listUsersForStaff } from "./users";
import { acceptStaffInvitation } from "@/lib/data/resident/staff-invitations";

const database = withTestDatabase();
let krimpen: Municipality;
let other: Municipality;
let langeland: Area;
let kortland: Area;
let elders: Area;
let admin: User;
let staff: Actor;
let otherStaff: Actor;
let wijkagent: Actor;

const actorOf = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, municipalityId: u.municipalityId });

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  const { db } = database.current.handle;
  krimpen = await aMunicipality(db);
  other = await aMunicipality(db);
  langeland = await anArea(db, krimpen, { name: "Langeland", postcodes: ["2922"], totalAddresses: 200 });
  kortland = await anArea(db, krimpen, { name: "Kortland", postcodes: ["2923"], totalAddresses: 100 });
  elders = await anArea(db, other, { name: "Elders", postcodes: ["3011"] });
  staff = actorOf(await aUser(db, { role: "staff", municipalityId: krimpen.id }));
  otherStaff = actorOf(await aUser(db, { role: "staff", municipalityId: other.id }));
  const agent = await aUser(db, { role: "wijkagent", municipalityId: krimpen.id });
  wijkagent = actorOf(agent);
  await aContact(db, krimpen, "wijkagent", [langeland], { userId: agent.id, email: agent.email });
  admin = await aUser(db, { name: "Sanne de Vries", phone: "+31612345678" });
});

describe(`staff groups (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("lists with filters, shows the detail with contact details and audits the view, exports and dissolves", async () => {
    const { db } = database.current.handle;
    const big = await aGroup(db, langeland, { name: "Grote Groep", admins: [admin], addresses: addresses(60) });
    await aBordRequest(db, big, { status: "submitted" });
    const small = await aGroup(db, kortland, { name: "Kleine Groep", admins: [admin], addresses: addresses(5, "2923") });
    await aGroup(db, elders, { name: "Groep Elders", admins: [admin], addresses: addresses(70, "3011") });

    const all = await listGroupsForStaff(staff, parseGroupFilters({}));
    expect(all.items.map((g) => g.name)).toEqual(["Grote Groep", "Kleine Groep"]);
    expect(all.items[0]).toMatchObject({ addressCount: 60, adminCount: 1, bordStatus: "submitted", areaName: "Langeland" });
    expect((await listGroupsForStaff(staff, parseGroupFilters({ vanaf: "50" }))).items.map((g) => g.id)).toEqual([big.id]);
    expect((await listGroupsForStaff(staff, parseGroupFilters({ bord: "geen" }))).items.map((g) => g.id)).toEqual([small.id]);
    expect((await listGroupsForStaff(staff, parseGroupFilters({ wijk: kortland.id }))).items.map((g) => g.id)).toEqual([small.id]);
    const nonsense = await listGroupsForStaff(staff, parseGroupFilters({ vanaf: "-1", bord: "x", status: "<script>", wijk: "'; drop table groups; --", na: "zzz" }));
    expect(nonsense.total).toBe(2);

    expect(await getGroupForStaff(otherStaff, big.id)).toBeNull();
    const detail = await getGroupForStaff(staff, big.id);
    expect(detail?.admins).toEqual([expect.objectContaining({ name: "Sanne de Vries", phone: "+31612345678", email: admin.email })]);
    expect(detail?.addresses).toHaveLength(60);
    const views = await db.select().from(auditLog).where(eq(auditLog.subjectId, big.id));
    expect(views.map((v) => v.action).sort()).toEqual(["group.view_addresses", "group.view_admins"]);

    const exported = await exportGroupsForStaff(staff, parseGroupFilters({}));
    expect(exported.map((g) => g.name)).toEqual(["Grote Groep", "Kleine Groep"]);
    expect(exported[0].admins[0].email).toBe(admin.email);
    const exports = await db.select().from(auditLog).where(eq(auditLog.action, "group.export"));
    expect(exports).toHaveLength(1);

    const input = dissolveGroupSchema.parse({ groupId: big.id, version: "1", reason: "Op verzoek van de beheerder.", confirm: "on" });
    expect((await appError(dissolveGroup(otherStaff, input))).code).toBe("not_found");
    await dissolveGroup(staff, input);
    expect((await appError(dissolveGroup(staff, input))).code).toBe("conflict");
    const [row] = await db.select().from(groups).where(eq(groups.id, big.id));
    expect(row.status).toBe("dissolved");
    const [request] = await db.select().from(bordRequests).where(eq(bordRequests.groupId, big.id));
    expect(request.status).toBe("withdrawn");
    expect(dissolveGroupSchema.safeParse({ groupId: big.id, version: 2, reason: "", confirm: "on" }).success).toBe(false);
    const unconfirmed = dissolveGroupSchema.safeParse({ groupId: big.id, version: 2, reason: "Op verzoek van de beheerder.", confirm: false });
    expect(unconfirmed.error?.issues[0]).toMatchObject({ path: ["confirm"], message: "Vink aan dat u de groep wilt opheffen." });
  });

  it("gives the overview figures of the own municipality", async () => {
    const overview = await getStaffOverview(staff, krimpen.id);
    expect(overview.coverage.map((c) => c.name)).toEqual(["Kortland", "Langeland"]);
    expect(overview.coverage[0]).toMatchObject({ groups: 1, participatingAddresses: 5, totalAddresses: 100, percentage: 5 });
    expect(overview.singleAdminCount).toBeGreaterThanOrEqual(1);
    expect(overview.groupsThisYear).toBeGreaterThanOrEqual(1);
    await expect(getStaffOverview(wijkagent, krimpen.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("wijken, contacts and settings", () => {
  it("edits a wijk, refuses bad postcodes and another municipality's wijk", async () => {
    const { db } = database.current.handle;
    const bad = areaSchema.safeParse({ name: "X", code: "WK12", postcodes: "2921, <script>", totalAddresses: "abc" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["code", "name", "postcodes", "totalAddresses"]);

    const input = areaSchema.parse({ areaId: langeland.id, name: "Langeland", code: langeland.code, postcodes: "2922\n2921 ab, 2922", totalAddresses: "2800" });
    await saveArea(staff, input);
    const pcs = await db.select().from(areaPostcodes).where(eq(areaPostcodes.areaId, langeland.id));
    expect(pcs.map((p) => p.postcode).sort()).toEqual(["2921AB", "2922"]);
    expect((await appError(saveArea(otherStaff, input))).code).toBe("not_found");
    const clash = areaSchema.parse({ areaId: langeland.id, name: "Langeland", code: kortland.code, postcodes: "2922", totalAddresses: "" });
    expect((await appError(saveArea(staff, clash))).fieldErrors?.code).toMatch(/CBS-code/);
  });

  it("adds a wijkagent contact linked to the account with that e-mail and deletes it", async () => {
    const { db } = database.current.handle;
    const agent = await aUser(db, { role: "wijkagent", municipalityId: krimpen.id, email: "nieuwe.agent@test.example" });
    const input = contactSchema.parse({ kind: "wijkagent", name: "Nieuwe Agent", email: "Nieuwe.Agent@test.example", phone: "", areaIds: [kortland.id] });
    const { id } = await saveContact(staff, input);
    const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
    expect(row.userId).toBe(agent.id);
    const foreign = contactSchema.parse({ kind: "wethouder", name: "Wim Wethouder", email: "w@test.example", areaIds: [elders.id] });
    expect((await appError(saveContact(staff, foreign))).code).toBe("bad_request");
    const listed = await listAreasForStaff(staff);
    expect(listed.areas.find((a) => a.id === kortland.id)?.groups).toBe(1);
    expect(listed.contacts.some((c) => c.id === id && c.hasAccount)).toBe(true);
    expect((await appError(deleteContact(otherStaff, id))).code).toBe("not_found");
    await deleteContact(staff, id);
    expect(contactSchema.safeParse({ kind: "wijkagent", name: "A", email: "geen-email", areaIds: [] }).success).toBe(false);
  });

  it("changes the threshold and safety mailbox of the own municipality only", async () => {
    const { db } = database.current.handle;
    await updateMunicipalitySettings(staff, staffSettingsSchema.parse({ bordThreshold: "40", safetyEmail: "Veilig@Krimpen.example" }));
    const [row] = await db.select().from(municipalities).where(eq(municipalities.id, krimpen.id));
    expect(row).toMatchObject({ bordThreshold: 40, safetyEmail: "veilig@krimpen.example" });
    expect((await getMunicipalitySettings(otherStaff))?.municipalityId).toBe(other.id);
    expect(staffSettingsSchema.safeParse({ bordThreshold: "0", safetyEmail: "x" }).success).toBe(false);
  });
});

describe("accounts", () => {
  it("invites a wijkagent into the own municipality with an e-mail, changes and removes the role", async () => {
    const { db } = database.current.handle;
    expect(await inviteUser(staff, inviteUserSchema.parse({ name: "Rick Visser", email: "Rick@Politie.example", role: "wijkagent" }))).toEqual({ invited: true });
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "rick@politie.example"));
    expect(mails).toHaveLength(1);
    // The account is made when Rick signs in, and gets the role when he accepts.
    const rick = await aUser(db, { email: "rick@politie.example", name: null });
    const token = /\/uitnodiging\/account\/([A-Za-z0-9_-]+)/.exec(mails[0].text)![1];
    await acceptStaffInvitation(actorOf(rick), { token, leaveGroups: false });
    const id = rick.id;
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ role: "wijkagent", municipalityId: krimpen.id, email: "rick@politie.example", name: "Rick Visser" });

    expect((await listUsersForStaff(staff)).some((u) => u.id === id)).toBe(true);
    expect((await listUsersForStaff(otherStaff)).some((u) => u.id === id)).toBe(false);
    expect((await appError(changeManagedRole(otherStaff, changeUserRoleSchema.parse({ userId: id, role: "staff" })))).code).toBe("not_found");
    await changeManagedRole(staff, changeUserRoleSchema.parse({ userId: id, role: "staff" }));
    await changeManagedRole(staff, changeUserRoleSchema.parse({ userId: id, role: "none" }));
    const [after] = await db.select().from(users).where(eq(users.id, id));
    expect(after).toMatchObject({ role: "resident", municipalityId: null });
    expect((await appError(changeManagedRole(staff, changeUserRoleSchema.parse({ userId: staff.id, role: "wijkagent" })))).code).toBe("unprocessable");
    expect((await appError(inviteUser(wijkagent, inviteUserSchema.parse({ name: "Iemand Anders", email: "x@test.example", role: "staff" })))).code).toBe("not_found");
  });

  it("lets staff manage only staff and wijkagent accounts: a platform admin's or resident's role stays as it is", async () => {
    const { db } = database.current.handle;
    const admin = await aUser(db, { role: "platform_admin" });
    const resident = await aUser(db);
    for (const target of [admin, resident]) {
      const error = await appError(changeManagedRole(staff, changeUserRoleSchema.parse({ userId: target.id, role: "staff" })));
      expect(error.code).toBe("not_found");
      const [row] = await db.select().from(users).where(eq(users.id, target.id));
      expect(row.role).toBe(target.role);
    }
    expect((await listUsersForStaff(staff)).some((u) => u.id === admin.id)).toBe(false);
  });

  it("shows only the own municipality's audit entries, filtered", async () => {
    const own = await listAuditLog(staff, parseAuditFilters({ actie: "user." }));
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.action.startsWith("user."))).toBe(true);
    const theirs = await listAuditLog(otherStaff, parseAuditFilters({ actie: "user." }));
    expect(theirs.items).toEqual([]);
    await expect(listAuditLog(staff, parseAuditFilters({ actie: "'; drop", van: "gisteren", na: "!!" }))).resolves.toBeTruthy();

    // Pages of 50, newest first, without gaps or doubles.
    const { db } = database.current.handle;
    await db.insert(auditLog).values(
      Array.from({ length: 60 }, (_, i) => ({ actorUserId: staff.id, action: "test.page", subjectType: "test", subjectId: String(i), municipalityId: krimpen.id })),
    );
    const first = await listAuditLog(staff, parseAuditFilters({ actie: "test.page" }));
    expect(first.items).toHaveLength(50);
    const second = await listAuditLog(staff, parseAuditFilters({ actie: "test.page", na: first.nextCursor! }));
    expect(second.items).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.subjectId)).size).toBe(60);
  });
});

describe("the audit log as sentences", () => {
  it("names staff and the group, names a resident only while they are an admin in the municipality, and reports bad filters", async () => {
    const { db } = database.current.handle;
    const jansen = await aUser(db, { role: "staff", municipalityId: krimpen.id, name: "Marieke Jansen" });
    const beheerder = await aUser(db, { name: "Henk Visser" });
    const stranger = await aUser(db, { name: "Geheime Bewoner", email: `geheim-${crypto.randomUUID()}@example.nl` });
    const group = await aGroup(db, langeland, { name: "Buurtpreventie Langeland-Noord", admins: [beheerder] });
    const elsewhere = await aGroup(db, elders, { admins: [stranger] });
    const request = await aBordRequest(db, group);
    await db.insert(auditLog).values([
      { actorUserId: jansen.id, action: "sign_request.approve", subjectType: "sign_request", subjectId: String(request.id), municipalityId: krimpen.id, details: { groupId: group.id } },
      { actorUserId: beheerder.id, action: "group.update", subjectType: "group", subjectId: group.id, municipalityId: krimpen.id, details: {} },
      // A resident who is an admin elsewhere only: not named in Krimpen's log.
      { actorUserId: stranger.id, action: "sign_report.submit", subjectType: "sign", subjectId: crypto.randomUUID(), municipalityId: krimpen.id, details: { groupId: group.id, kind: "missing" } },
      { actorUserId: null, action: "join_request.submit", subjectType: "join_request", subjectId: crypto.randomUUID(), municipalityId: krimpen.id, details: { groupId: group.id } },
      { actorUserId: jansen.id, action: "area.update", subjectType: "area", subjectId: langeland.id, municipalityId: krimpen.id, details: {} },
      { actorUserId: jansen.id, action: "sign_request.approve", subjectType: "sign_request", subjectId: "1", municipalityId: other.id, details: { groupId: elsewhere.id } },
    ]);
    const list = await listAuditLog(staff, parseAuditFilters({ rol: "medewerker", door: "Jansen" }));
    const sentences = list.items.map((i) => i.sentence);
    expect(sentences).toContain("Medewerker M. Jansen keurde de bordaanvraag van Buurtpreventie Langeland-Noord goed.");
    expect(sentences).toContain("Medewerker M. Jansen wijzigde de wijk Langeland.");
    expect(list.items.every((i) => i.actorRole === "staff")).toBe(true);

    const residents = await listAuditLog(staff, parseAuditFilters({ rol: "bewoner" }));
    const texts = residents.items.map((i) => i.sentence);
    expect(texts).toContain("Bewoner H. Visser wijzigde de gegevens van Buurtpreventie Langeland-Noord.");
    expect(texts).toContain("Een bewoner meldde dat het bord van Buurtpreventie Langeland-Noord weg is.");
    expect(JSON.stringify(residents.items)).not.toContain("Geheime");
    expect(JSON.stringify(residents.items)).not.toContain(stranger.email);
    // A resident is not found by name (their names are no search key), only by e-mail address.
    expect((await listAuditLog(staff, parseAuditFilters({ door: "Geheime" }))).items).toEqual([]);

    const system = await listAuditLog(staff, parseAuditFilters({ rol: "systeem", actie: "join_request." }));
    expect(system.items.map((i) => i.sentence)).toContain("Een bewoner meldde zich aan bij Buurtpreventie Langeland-Noord.");

    // The other municipality's entry is not shown to Krimpen's staff.
    const all = await listAuditLog(staff, parseAuditFilters({ actie: "sign_request." }));
    expect(all.items.some((i) => i.groupName === elsewhere.name)).toBe(false);

    const bad = parseAuditFilters({ actie: "<script>", rol: "koning", van: "gisteren", tot: "2026-13-45", door: "x".repeat(300) });
    expect(bad.problems).toHaveLength(5);
    expect(bad).toMatchObject({ action: undefined, role: undefined, from: undefined, to: undefined });
    await expect(listAuditLog(staff, bad)).resolves.toBeTruthy();
    const reversed = parseAuditFilters({ van: "2026-12-31", tot: "2026-01-01" });
    expect(reversed.problems).toEqual([expect.stringContaining("ligt na")]);
    expect(reversed.from).toBeUndefined();
    expect(parseAuditFilters({ actie: "group.", rol: "wijkagent", van: "2026-01-01", tot: "2026-12-31" }).problems).toEqual([]);
    await expect(listAuditLog(staff, parseAuditFilters({ actie: "'; drop table audit_log; --", door: "%_\\" }))).resolves.toBeTruthy();
  });
});

describe("the wijkagent view", () => {
  it("shows the groups of the officer's wijken with admins' names and phones, and nothing elsewhere; audited", async () => {
    const { db } = database.current.handle;
    const mine = await aGroup(db, langeland, { name: "Agentgroep", admins: [admin], addresses: addresses(3).map((a) => ({ ...a, verified: true })) });
    const notMine = await aGroup(db, kortland, { name: "Niet van mij", admins: [admin] });
    const overview = await getWijkagentOverview(wijkagent);
    expect(overview.areas.map((a) => a.name)).toEqual(["Langeland"]);
    const names = overview.groups.map((g) => g.name);
    expect(names).toContain("Agentgroep");
    expect(names).not.toContain("Niet van mij");
    const group = overview.groups.find((g) => g.id === mine.id)!;
    expect(group.admins).toEqual([{ name: "Sanne de Vries", phone: "+31612345678" }]);
    expect(group.streets).toEqual([{ label: "Teststraat", verified: true, addresses: 3 }]);
    expect(await getGroupForWijkagent(wijkagent, notMine.id)).toBeNull();
    expect(await getGroupForWijkagent(wijkagent, "nonsense")).toBeNull();
    expect((await getGroupForWijkagent(wijkagent, mine.id))?.id).toBe(mine.id);
    expect((await exportGroupsForWijkagent(wijkagent)).map((g) => g.id)).toContain(mine.id);
    const audits = await db.select().from(auditLog).where(eq(auditLog.actorUserId, wijkagent.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["wijkagent.view_admins", "wijkagent.export"]));
    await expect(getWijkagentOverview(staff)).rejects.toMatchObject({ code: "not_found" });
  });
});
