import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { aContact, addresses, aGroup, aMunicipality, anArea, aUser } from "@/db/seed/builders";
import {
  auditLog,
  groupAdminInvitations,
  groupAdmins,
  groups,
  joinRequests,
  mailOutbox,
  memberAddresses,
  bordRequests,
  users,
  type Area,
  type Municipality,
} from "@/db/schema";
import { dissolveGroup } from "@/lib/data/resident/group-dissolve";
import { getGroupForAdmin, listMyGroups, updateGroupDetails } from "@/lib/data/resident/my-groups";
import { listGroupAdmins, removeGroupAdmin } from "@/lib/data/resident/group-admins";
import { registerGroup } from "@/lib/data/resident/group-registration";
import { acceptInvitation, getInvitation, getInvitationPreview, inviteCoAdmin } from "@/lib/data/resident/invitations";
import { AppError } from "@/lib/errors";
import { groupDetailsSchema, registerGroupSchema, type RegisterGroupFormInput } from "@/lib/validation";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase();
const TODAY = "2026-11-25";
let municipality: Municipality;
let area: Area;
let otherArea: Area;

beforeAll(async () => {
  const { db } = database.current.handle;
  municipality = await aMunicipality(db, { bordThreshold: 50 });
  area = await anArea(db, municipality, { name: "Langeland", postcodes: ["2922"] });
  otherArea = await anArea(db, municipality, { name: "Kortland", postcodes: ["2923"] });
  await aContact(db, municipality, "wijkagent", [area], { name: "Rick Visser", email: "wijkagent.langeland@test.example" });
  await aContact(db, municipality, "wijkagent", [otherArea], { name: "Kees Mulder", email: "wijkagent.kortland@test.example" });
  await aContact(db, municipality, "wethouder", [area, otherArea], { name: "Wethouder De Graaf", email: "wethouder@test.example" });
});

function form(overrides: Partial<RegisterGroupFormInput> = {}): RegisterGroupFormInput {
  return {
    name: `Buurtpreventie Tiendweg ${Math.random().toString(36).slice(2, 8)}`,
    areaCode: area.code,
    areaDescription: "Tiendweg en zijstraten",
    admin: { name: "Sanne de Vries", phone: "06 12345678", birthDate: "1984-03-14", address: { postcode: "2922 ab", houseNumber: "12", addition: "" } },
    coAdmins: [],
    addressList: addresses(10, "2922").map((a) => `${a.postcode} ${a.houseNumber}`).join("\n"),
    whatsappInviteLink: "",
    acceptHouseRules: true,
    residentsConfirmed: true,
    ...overrides,
  };
}

const parse = (input: RegisterGroupFormInput) => registerGroupSchema(TODAY).parse(input);

async function expectAppError(promise: Promise<unknown>, code: string, field?: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe(code);
  if (field) expect(appError.fieldErrors?.[field]).toBeTruthy();
  return appError;
}

describe(`registering a group (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("creates the group, the admin link and details, the addresses (own address included), invitations, audit and mails in one go", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db, { name: null });
    const input = parse(form({ name: "Buurtpreventie Tiendweg", coAdmins: [{ email: "Buurman@Test.example" }] }));
    const result = await registerGroup(actorOf(user), input);
    expect(result).toMatchObject({ slug: "buurtpreventie-tiendweg", addressCount: 11, invited: 1, needsMoreAdmins: false, repeated: false });

    const [group] = await db.select().from(groups).where(eq(groups.id, result.groupId));
    expect(group).toMatchObject({ name: "Buurtpreventie Tiendweg", areaId: area.id, municipalityId: municipality.id, description: "Tiendweg en zijstraten" });
    const [stored] = await db.select().from(users).where(eq(users.id, user.id));
    expect(stored).toMatchObject({ name: "Sanne de Vries", phone: "+31612345678", birthDate: "1984-03-14", postcode: "2922AB", houseNumber: 12 });
    expect(await db.select().from(groupAdmins).where(eq(groupAdmins.groupId, group.id))).toHaveLength(1);
    const own = await db
      .select()
      .from(memberAddresses)
      .where(and(eq(memberAddresses.groupId, group.id), eq(memberAddresses.postcode, "2922AB"), eq(memberAddresses.houseNumber, 12)));
    expect(own).toHaveLength(1);
    const [invitation] = await db.select().from(groupAdminInvitations).where(eq(groupAdminInvitations.groupId, group.id));
    expect(invitation.email).toBe("buurman@test.example");
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const mails = await db.select().from(mailOutbox);
    const toGroup = mails.filter((m) => m.idempotencyKey.includes(group.id) || m.kind === "admin_invitation");
    expect(toGroup.map((m) => m.toAddress).sort()).toEqual(["buurman@test.example", user.email, "wethouder@test.example", "wijkagent.langeland@test.example"].sort());
    // The registrant's own confirmation, with the link to the group's page.
    const ownMail = toGroup.find((m) => m.kind === "group_registered_admin")!;
    expect(ownMail).toMatchObject({ toAddress: user.email, subject: "Uw groep is aangemeld: Buurtpreventie Tiendweg" });
    expect(ownMail.text).toContain(`/mijn-groepen/${group.id}`);
    expect(ownMail.text).toContain("U hebt er nu 11.");
    const agentMail = toGroup.find((m) => m.toAddress === "wijkagent.langeland@test.example")!;
    expect(agentMail.text).toContain("Buurtpreventie Tiendweg");
    expect(agentMail.text).toContain("Langeland");
    expect(agentMail.text).toContain("Sanne de Vries");
    expect(agentMail.text).toContain(user.email);
    expect(agentMail.text).toContain("06 12345678");
    const inviteMail = toGroup.find((m) => m.toAddress === "buurman@test.example")!;
    expect(inviteMail.text).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{40,}/);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "group.register"), eq(auditLog.subjectId, group.id)));
    expect(audit).toHaveLength(1);
  });

  it("warns (but allows) a group with one admin", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    const result = await registerGroup(actorOf(user), parse(form()));
    expect(result.needsMoreAdmins).toBe(true);
  });

  it("a double submit creates one group and one set of e-mails", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    const input = parse(form({ name: "Dubbel Geklikt" }));
    const [a, b] = await Promise.all([registerGroup(actorOf(user), input), registerGroup(actorOf(user), input)]);
    expect(a.groupId).toBe(b.groupId);
    const rows = await db.select().from(groups).where(eq(groups.name, "Dubbel Geklikt"));
    expect(rows).toHaveLength(1);
    const mails = (await db.select().from(mailOutbox)).filter((m) => m.idempotencyKey.includes(rows[0].id));
    expect(mails).toHaveLength(3);
  });

  it("refuses a name another group in the municipality has, whatever the case, at the name field", async () => {
    const { db } = database.current.handle;
    await aGroup(db, area, { name: "De Bezette Naam", admins: [await aUser(db)] });
    const user = await aUser(db);
    const error = await expectAppError(registerGroup(actorOf(user), parse(form({ name: "de bezette NAAM" }))), "conflict", "name");
    expect(error.fieldErrors?.name).toContain("al in gebruik");
    expect(await db.select().from(groupAdmins).where(eq(groupAdmins.userId, user.id))).toHaveLength(0);
  });

  it("refuses a list with a bad line and stores nothing", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    const error = await expectAppError(
      registerGroup(actorOf(user), parse(form({ name: "Foute Regel", addressList: "2922AB 1\n0123 AB 4\n1234 SA 5\n2922AB 0" }))),
      "bad_request",
      "addressList",
    );
    expect(error.message).toContain("Regel 2");
    expect(error.message).toContain("Regel 4");
    expect(await db.select().from(groups).where(eq(groups.name, "Foute Regel"))).toHaveLength(0);
  });

  it("refuses an unknown wijk and the admin's own e-mail as co-admin", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    await expectAppError(registerGroup(actorOf(user), parse(form({ areaCode: "WK999999" }))), "bad_request", "areaCode");
    await expectAppError(
      registerGroup(actorOf(user), parse(form({ coAdmins: [{ email: user.email.toUpperCase() }] }))),
      "bad_request",
      "coAdmins.0.email",
    );
  });

  it("the schema refuses an admin under 18, bad postcodes, house number 0, a huge name and a huge paste", () => {
    const schema = registerGroupSchema(TODAY);
    const fields = (input: RegisterGroupFormInput) => {
      const r = schema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(fields(form({ admin: { ...form().admin, birthDate: "2008-11-26" } }))).toContain("admin.birthDate");
    expect(fields(form({ admin: { ...form().admin, address: { postcode: "0123 AB", houseNumber: "1" } } }))).toContain("admin.address.postcode");
    expect(fields(form({ admin: { ...form().admin, address: { postcode: "1234 SA", houseNumber: "1" } } }))).toContain("admin.address.postcode");
    expect(fields(form({ admin: { ...form().admin, address: { postcode: "2922AB", houseNumber: "0" } } }))).toContain("admin.address.houseNumber");
    expect(fields(form({ name: "x".repeat(10_000) }))).toContain("name");
    expect(fields(form({ addressList: "2922AB 1\n".repeat(100_000) }))).toContain("addressList");
  });

  it("stores script text as text", async () => {
    const { db } = database.current.handle;
    const user = await aUser(db);
    const result = await registerGroup(
      actorOf(user),
      parse(form({ name: "<script>alert(1)</script> Groep", areaDescription: "<img src=x onerror=alert(1)>" })),
    );
    const [group] = await db.select().from(groups).where(eq(groups.id, result.groupId));
    expect(group.name).toBe("<script>alert(1)</script> Groep");
    expect(group.slug).toBe("script-alert-1-script-groep");
  });
});

describe("an admin's groups", () => {
  it("lists only the actor's groups and hides someone else's group (null)", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const other = await aUser(db);
    const mine = await aGroup(db, area, { admins: [me], addresses: addresses(5) });
    const theirs = await aGroup(db, area, { admins: [other] });
    const list = await listMyGroups(actorOf(me));
    expect(list.map((g) => g.id)).toEqual([mine.id]);
    expect(list[0]).toMatchObject({ counted: 5, adminCount: 1, threshold: 50 });
    expect(await getGroupForAdmin(actorOf(me), theirs.id)).toBeNull();
    expect(await getGroupForAdmin(actorOf(me), "not-a-uuid")).toBeNull();
    expect((await getGroupForAdmin(actorOf(me), mine.id))?.name).toBe(mine.name);
  });

  it("edits the details with a version check: the second of two editors is told", async () => {
    const { db } = database.current.handle;
    const a = await aUser(db);
    const b = await aUser(db);
    const group = await aGroup(db, area, { admins: [a, b] });
    const details = (name: string) =>
      groupDetailsSchema.parse({ name, areaCode: otherArea.code, areaDescription: "Nieuw", whatsappInviteLink: "https://chat.whatsapp.com/AbCdEfGhIjKlMn", version: 1 });
    expect(await updateGroupDetails(actorOf(a), group.id, details("Eerste Wijziging"))).toEqual({ version: 2 });
    const error = await expectAppError(updateGroupDetails(actorOf(b), group.id, details("Tweede Wijziging")), "conflict");
    expect(error.message).toContain("Iemand anders heeft dit net gewijzigd");
    const [row] = await db.select().from(groups).where(eq(groups.id, group.id));
    expect(row).toMatchObject({ name: "Eerste Wijziging", areaId: otherArea.id, whatsappInviteUrl: "https://chat.whatsapp.com/AbCdEfGhIjKlMn" });
  });

  it("refuses to edit someone else's group (not found) and a wijk of another municipality", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const other = await aUser(db);
    const theirs = await aGroup(db, area, { admins: [other] });
    const mine = await aGroup(db, area, { admins: [me] });
    const foreign = await anArea(db, await aMunicipality(db));
    const details = groupDetailsSchema.parse({ name: "Overgenomen", areaCode: area.code, version: 1 });
    await expectAppError(updateGroupDetails(actorOf(me), theirs.id, details), "not_found");
    await expectAppError(updateGroupDetails(actorOf(me), mine.id, { ...details, areaCode: foreign.code }), "bad_request", "areaCode");
  });
});

describe("admins of a group", () => {
  it("invites a co-admin who accepts with the invited e-mail only", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    await inviteCoAdmin(actorOf(me), group.id, "Nieuwe.Beheerder@test.example");
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "nieuwe.beheerder@test.example"));
    const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];

    // Whoever holds the link sees a hint of the invited address, never the address itself.
    const preview = await getInvitationPreview(token);
    expect(preview).toMatchObject({ groupName: group.name, emailHint: "n…@test.example" });
    expect(JSON.stringify(preview)).not.toContain("nieuwe.beheerder");

    const stranger = await aUser(db);
    expect((await getInvitation(actorOf(stranger), token)).state).toBe("wrong_account");
    const details = { name: "Nieuwe Beheerder", phone: "+31611111111", birthDate: "1970-01-01", address: { postcode: "2922AB", houseNumber: 99, addition: "" } };
    await expectAppError(acceptInvitation(actorOf(stranger), token, details), "not_found");

    const invited = await aUser(db, { email: "nieuwe.beheerder@test.example" });
    expect((await getInvitation(actorOf(invited), token)).state).toBe("open");
    expect(await acceptInvitation(actorOf(invited), token, details)).toEqual({ groupId: group.id });
    expect((await listGroupAdmins(actorOf(me), group.id))!.map((a) => a.userId).sort()).toEqual([me.id, invited.id].sort());
    expect((await getInvitation(actorOf(invited), token)).state).toBe("accepted");
    expect((await getInvitation(actorOf(invited), "x".repeat(43))).state).toBe("invalid");
  });

  it("refuses an expired invitation and inviting someone who is admin already", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me] });
    await expectAppError(inviteCoAdmin(actorOf(me), group.id, me.email), "conflict", "email");
    const long = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    await inviteCoAdmin(actorOf(me), group.id, "laat@test.example", long);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "laat@test.example"));
    const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const late = await aUser(db, { email: "laat@test.example" });
    expect((await getInvitation(actorOf(late), token)).state).toBe("expired");
    const details = { name: "Laat", phone: "+31611111111", birthDate: "1970-01-01", address: { postcode: "2922AB", houseNumber: 98, addition: "" } };
    await expectAppError(acceptInvitation(actorOf(late), token, details), "unprocessable");
  });

  it("removes an admin and lets one step down, but never leaves the group without an admin", async () => {
    const { db } = database.current.handle;
    const a = await aUser(db);
    const b = await aUser(db);
    const group = await aGroup(db, area, { admins: [a, b] });
    expect(await removeGroupAdmin(actorOf(a), group.id, b.id)).toEqual({ self: false });
    await expectAppError(removeGroupAdmin(actorOf(a), group.id, a.id), "unprocessable");
    await expectAppError(removeGroupAdmin(actorOf(b), group.id, a.id), "not_found");
    await expectAppError(inviteCoAdmin(actorOf(b), group.id, "x@test.example"), "not_found");

    const c = await aUser(db);
    const d = await aUser(db);
    const pair = await aGroup(db, area, { admins: [c, d] });
    // Both step down at the same moment: one succeeds, the other is refused.
    const results = await Promise.allSettled([removeGroupAdmin(actorOf(c), pair.id, c.id), removeGroupAdmin(actorOf(d), pair.id, d.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.select().from(groupAdmins).where(eq(groupAdmins.groupId, pair.id))).toHaveLength(1);
  });
});

describe("dissolving a group", () => {
  it("deletes addresses, join requests, invitations and admin links, keeps an anonymous record and tells the wijkagent", async () => {
    const { db } = database.current.handle;
    const me = await aUser(db);
    const group = await aGroup(db, area, { admins: [me], addresses: addresses(60), whatsappInviteUrl: "https://chat.whatsapp.com/AbCdEfGhIjKlMn" });
    await db.insert(joinRequests).values({ groupId: group.id, name: "Jan", email: "jan@test.example", postcode: "2922AB", houseNumber: 1 });
    await inviteCoAdmin(actorOf(me), group.id, "later@test.example");
    await db.insert(bordRequests).values({ groupId: group.id, street: "Tiendweg", requestedByUserId: me.id });

    await expectAppError(dissolveGroup(actorOf(me), group.id, "verkeerde naam"), "bad_request", "confirmName");
    const other = await aUser(db);
    await expectAppError(dissolveGroup(actorOf(other), group.id, group.name), "not_found");

    await dissolveGroup(actorOf(me), group.id, `  ${group.name.toUpperCase()} `);
    const [row] = await db.select().from(groups).where(eq(groups.id, group.id));
    expect(row).toMatchObject({ status: "dissolved", description: "", whatsappInviteUrl: null, name: group.name });
    expect(row.dissolvedAt).not.toBeNull();
    for (const table of [memberAddresses, joinRequests, groupAdminInvitations, groupAdmins] as const) {
      expect(await db.select().from(table).where(eq(table.groupId, group.id))).toHaveLength(0);
    }
    const [bord] = await db.select().from(bordRequests).where(eq(bordRequests.groupId, group.id));
    expect(bord).toMatchObject({ status: "withdrawn", requestedByUserId: null });
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.kind, "group_dissolved"));
    expect(mails.map((m) => m.toAddress)).toEqual(["wijkagent.langeland@test.example"]);
    expect(await listMyGroups(actorOf(me))).toEqual([]);
  });
});
