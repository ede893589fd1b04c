/**
 * Issue 18 item 2 through the real server actions: signedInAction(permission, …) reads the
 * signed-in user, asks the permission table, and only then parses the input and calls lib/data.
 * Group registration and management are for residents: staff, wijkagenten and platform admins
 * are refused (not_found) and nothing is stored; staff actions refuse residents. A role taken
 * out of the table is refused at once (the table decides). Registering never overwrites the
 * account's identity. Only next/headers, next/cache and the session lookup are replaced (there
 * is no request outside Next).
 */
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { selectRows } from "@/db";
import { aContact, addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { groupAdminInvitations, groups, mailOutbox, memberAddresses, bordRequests, users, type Area, type Group, type User } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { permissions, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import type { RegisterGroupFormInput } from "@/lib/validation";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

let current: Actor | null = null;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.10" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => current }));

const resident = await import("./actions");
const staffActions = await import("@/app/beheer/actions");
const privacyActions = await import("@/app/beheer/privacy/actions");

const database = withTestDatabase();

let area: Area;
let target: Group;
let owner: User;
let ids: { addressId: number; invitationId: string; bordRequestId: string; coOwnerId: string };
const who = {} as Record<"anonymous" | "resident" | "owner" | "staff" | "wijkagent" | "platformAdmin", Actor | null>;
const NOT_RESIDENTS = ["staff", "wijkagent", "platformAdmin"] as const;

beforeAll(async () => {
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db, { name: "Actiestad" });
  area = await anArea(db, municipality, { name: "Actiewijk", postcodes: ["9911"] });
  await aContact(db, municipality, "wijkagent", [area], { name: "Agent Actie", email: "agent.actie@test.example" });
  owner = await aUser(db, { name: "Eigenaar Actie", phone: "+31611110000" });
  const coOwner = await aUser(db);
  target = await aGroup(db, area, { name: "Actiegroep Noord", admins: [owner, coOwner], addresses: addresses(55, "9911") });
  const [address] = await selectRows<{ id: number }>(db, sql`select id from member_addresses where group_id = ${target.id} limit 1`);
  const bordRequest = await aBordRequest(db, target, { status: "submitted", requestedBy: owner });
  const [invitation] = await db
    .insert(groupAdminInvitations)
    .values({ groupId: target.id, email: "uitgenodigd.actie@test.example", tokenHash: createHash("sha256").update("token-actie-0123456789").digest("hex"), invitedByUserId: owner.id, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  ids = { addressId: Number(address.id), invitationId: invitation.id, bordRequestId: bordRequest.id, coOwnerId: coOwner.id };
  who.anonymous = null;
  who.resident = actorOf(await aUser(db, { name: null }));
  who.owner = actorOf(owner);
  who.staff = actorOf(await aUser(db, { role: "staff", municipalityId: municipality.id }));
  who.wijkagent = actorOf(await aUser(db, { role: "wijkagent", municipalityId: municipality.id }));
  who.platformAdmin = actorOf(await aUser(db, { role: "platform_admin" }));
});

function registration(overrides: Partial<RegisterGroupFormInput> = {}): RegisterGroupFormInput {
  return {
    name: `Buurtpreventie Actiestraat ${Math.random().toString(36).slice(2, 8)}`,
    areaCode: area.code,
    areaDescription: "Actiestraat en zijstraten",
    admin: { name: "Sanne de Vries", phone: "06 12345678", birthDate: "1984-03-14", address: { postcode: "9911 ab", houseNumber: "12", addition: "" } },
    coAdmins: [],
    addressList: "",
    whatsappInviteLink: "",
    acceptHouseRules: true,
    residentsConfirmed: true,
    ...overrides,
  };
}

/** A digest of the tables these actions write. */
async function digest(): Promise<string> {
  const { db } = database.current.handle;
  const out: string[] = [];
  for (const table of ["users", "groups", "group_admins", "group_admin_invitations", "member_addresses", "join_requests", "bord_requests", "areas", "contacts", "municipalities", "mail_outbox"]) {
    // Table names are constants of this test, never input.
    const [row] = await selectRows<{ n: number; h: string | null }>(db, sql.raw(`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${table} t`));
    out.push(`${table}:${row.n}:${row.h}`);
  }
  return out.join("\n");
}

async function as<T>(actor: Actor | null, run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  current = actor;
  try {
    return await run();
  } finally {
    current = null;
  }
}

/** Every resident action with an input aimed at the owner's group. */
const residentCalls: Array<[string, () => Promise<ActionResult<unknown>>]> = [
  ["registerGroupAction", () => resident.registerGroupAction(registration())],
  ["updateGroupDetailsAction", () => resident.updateGroupDetailsAction({ groupId: target.id, name: "Gekaapte Groep", areaCode: area.code, areaDescription: "", whatsappInviteLink: "", version: 1 })],
  ["inviteCoAdminAction", () => resident.inviteCoAdminAction({ groupId: target.id, email: "indringer@aanval.example" })],
  ["cancelInvitationAction", () => resident.cancelInvitationAction({ groupId: target.id, invitationId: ids.invitationId })],
  ["removeGroupAdminAction", () => resident.removeGroupAdminAction({ groupId: target.id, userId: ids.coOwnerId })],
  ["addMemberAddressAction", () => resident.addMemberAddressAction({ groupId: target.id, postcode: "9911ZZ", houseNumber: "7", addition: "", residentsConfirmed: true })],
  ["addMemberAddressListAction", () => resident.addMemberAddressListAction({ groupId: target.id, text: "9911 ZZ 8", residentsConfirmed: true })],
  ["removeMemberAddressAction", () => resident.removeMemberAddressAction({ groupId: target.id, addressId: ids.addressId })],
  ["decideJoinRequestAction", () => resident.decideJoinRequestAction({ groupId: target.id, requestId: "00000000-0000-4000-8000-000000000000", decision: "decline", message: "" })],
  ["requestBordAction", () => resident.requestBordAction({ groupId: target.id, bordCount: 1, street: "Kaapstraat", description: "", note: "" })],
  ["withdrawBordRequestAction", () => resident.withdrawBordRequestAction({ groupId: target.id, requestId: ids.bordRequestId })],
  ["dissolveGroupAction", () => resident.dissolveGroupAction({ groupId: target.id, confirmName: "Actiegroep Noord" })],
  ["acceptInvitationAction", () => resident.acceptInvitationAction({ token: "token-actie-0123456789", name: "Kaper", phone: "0612345678", birthDate: "1980-01-01", address: { postcode: "9911AB", houseNumber: "98", addition: "" } })],
];

describe(`server actions ask the permission table (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("refuses staff, wijkagenten and platform admins every group registration and group-admin action (not_found), and stores nothing", async () => {
    const before = await digest();
    for (const role of NOT_RESIDENTS) {
      for (const [name, call] of residentCalls) {
        expect(await as(who[role], call), `${name} as ${role}`).toMatchObject({ ok: false, code: "not_found" });
      }
    }
    for (const [name, call] of residentCalls) expect(await as(null, call), `${name} anonymous`).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await digest()).toEqual(before);
  });

  it("refuses residents (even a group's own admin) every staff and platform action (not_found), and stores nothing", async () => {
    const before = await digest();
    const calls: Array<[string, () => Promise<ActionResult<unknown>>]> = [
      ["decideBordRequestAction", () => staffActions.decideBordRequestAction({ requestId: ids.bordRequestId, version: 1, action: "review", note: "", expectedStatus: "submitted" })],
      ["dissolveGroupAction (staff)", () => staffActions.dissolveGroupAction({ groupId: target.id, version: 1, reason: "Van buitenaf opgeheven.", confirm: true })],
      ["saveAreaAction", () => staffActions.saveAreaAction({ areaId: area.id, name: "Gekaapt", code: "WK991199", postcodes: "9911", totalAddresses: "" })],
      ["updateSettingsAction", () => staffActions.updateSettingsAction({ bordThreshold: "1", safetyEmail: "indringer@aanval.example" })],
      ["inviteUserAction", () => staffActions.inviteUserAction({ name: "Indringer", email: "indringer@aanval.example", role: "staff" })],
      ["erasePersonalDataAction", () => privacyActions.erasePersonalDataAction({ email: owner.email, confirm: true })],
    ];
    for (const actor of [who.resident, who.owner, who.wijkagent]) {
      for (const [name, call] of calls) expect(await as(actor, call), `${name} as ${actor?.role}`).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await digest()).toEqual(before);
  });

  it("refuses a role as soon as the table no longer gives it the permission (the table decides)", async () => {
    const table = permissions as unknown as Record<Permission, readonly string[]>;
    const before = await digest();
    const cases: Array<[Permission, Actor | null, () => Promise<ActionResult<unknown>>]> = [
      ["group.register", who.resident, () => resident.registerGroupAction(registration())],
      ["group.manage", who.owner, () => resident.updateGroupDetailsAction({ groupId: target.id, name: "Nieuwe Naam Noord", areaCode: area.code, areaDescription: "", whatsappInviteLink: "", version: 1 })],
      ["bord.decide", who.staff, () => staffActions.decideBordRequestAction({ requestId: ids.bordRequestId, version: 1, action: "review", note: "", expectedStatus: "submitted" })],
    ];
    for (const [permission, role, call] of cases) {
      const original = table[permission];
      table[permission] = original.filter((r) => r !== role!.role);
      try {
        expect(await as(role, call), `${permission} without ${role!.role}`).toMatchObject({ ok: false, code: "not_found" });
      } finally {
        table[permission] = original;
      }
    }
    expect(await digest()).toEqual(before);
  });

  it("refuses bad registration input with Dutch messages at the fields, and stores nothing", async () => {
    const { db } = database.current.handle;
    const before = await digest();
    const cases: Array<[string, unknown, string]> = [
      ["postcode", registration({ admin: { ...registration().admin, address: { postcode: "0000 SA", houseNumber: "12", addition: "" } } }), "admin.address.postcode"],
      ["too long name", registration({ name: "x".repeat(500) }), "name"],
      // (A group name with script text in it is stored as text and escaped on output: tests/security/xss-render.test.ts.)
      ["script as phone", registration({ admin: { ...registration().admin, phone: "<script>alert(1)</script>" } }), "admin.phone"],
      ["missing admin", { ...registration(), admin: undefined }, "admin"],
      ["missing address", registration({ admin: { ...registration().admin, address: undefined as never } }), "admin.address"],
      ["SQL as area", registration({ areaCode: "'; drop table groups; --" }), "areaCode"],
      ["under 18", registration({ admin: { ...registration().admin, birthDate: "2020-01-01" } }), "admin.birthDate"],
    ];
    for (const [what, input, field] of cases) {
      const result = await as(who.resident, () => resident.registerGroupAction(input));
      expect(result.ok, what).toBe(false);
      if (!result.ok) {
        expect(["bad_request"], what).toContain(result.code);
        const message = Object.entries(result.fieldErrors ?? {}).find(([key]) => key.startsWith(field))?.[1] ?? result.message;
        expect(message, what).toMatch(/[a-z]/);
        expect(message, what).not.toMatch(/undefined|Error|invalid/i);
      }
    }
    // Someone else's group id in a management action: not found, nothing changes.
    expect(await as(who.resident, () => resident.updateGroupDetailsAction({ groupId: target.id, name: "Gekaapte Groep", areaCode: area.code, areaDescription: "", whatsappInviteLink: "", version: 1 }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await digest()).toEqual(before);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(groups).where(eq(groups.areaId, area.id));
    expect(Number(n)).toBe(1);
  });
});

describe("registering never overwrites the account's identity", () => {
  it("fills an empty account from the first registration; a second one with other details changes nothing on the account", async () => {
    const { db } = database.current.handle;
    const person = await aUser(db, { name: null });
    const actor = actorOf(person);
    const first = await as(actor, () => resident.registerGroupAction(registration()));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const [afterFirst] = await db.select().from(users).where(eq(users.id, person.id));
    expect(afterFirst).toMatchObject({ name: "Sanne de Vries", phone: "+31612345678", birthDate: "1984-03-14", postcode: "9911AB", houseNumber: 12, addition: "" });

    const second = await as(actor, () =>
      resident.registerGroupAction(
        registration({ admin: { name: "Iemand Anders", phone: "06 87654321", birthDate: "1970-01-01", address: { postcode: "9911 XY", houseNumber: "99", addition: "b" } } }),
      ),
    );
    expect(second.ok, JSON.stringify(second)).toBe(true);
    const [afterSecond] = await db.select().from(users).where(eq(users.id, person.id));
    expect(afterSecond).toEqual(afterFirst);
    // The second group is registered with the account's details: its address is the admin's member address, its name and phone go to the wijkagent.
    const groupId = second.ok ? second.data.groupId : "";
    const own = await db.select().from(memberAddresses).where(and(eq(memberAddresses.groupId, groupId), eq(memberAddresses.postcode, "9911AB"), eq(memberAddresses.houseNumber, 12)));
    expect(own).toHaveLength(1);
    expect(await db.select().from(memberAddresses).where(and(eq(memberAddresses.groupId, groupId), eq(memberAddresses.postcode, "9911XY")))).toHaveLength(0);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, sql`${`group-registered:${groupId}:`} || (select id from contacts where email = 'agent.actie@test.example')`));
    expect(mail.text).toContain("Sanne de Vries");
    expect(mail.text).not.toContain("Iemand Anders");
  });

  it("keeps an account's existing details when its owner accepts a co-admin invitation with other details", async () => {
    const { db } = database.current.handle;
    const person = await aUser(db, { name: "Bestaande Naam", phone: "+31600000001", birthDate: "1975-05-05", postcode: "9911CD", houseNumber: 5, addition: "" });
    const [before] = await db.select().from(users).where(eq(users.id, person.id));
    const token = "token-voor-bestaand-account-0123456789";
    await db.insert(groupAdminInvitations).values({ groupId: target.id, email: person.email, tokenHash: createHash("sha256").update(token).digest("hex"), invitedByUserId: owner.id, expiresAt: new Date(Date.now() + 86_400_000) });
    const accepted = await as(actorOf(person), () =>
      resident.acceptInvitationAction({ token, name: "Andere Naam", phone: "0687654321", birthDate: "1990-09-09", address: { postcode: "9911EF", houseNumber: "77", addition: "" }, acceptHouseRules: true }),
    );
    expect(accepted.ok, JSON.stringify(accepted)).toBe(true);
    const [after] = await db.select().from(users).where(eq(users.id, person.id));
    expect(after).toEqual(before);
    expect(await db.select().from(memberAddresses).where(and(eq(memberAddresses.groupId, target.id), eq(memberAddresses.postcode, "9911CD"), eq(memberAddresses.houseNumber, 5)))).toHaveLength(1);
    expect(await db.select().from(memberAddresses).where(and(eq(memberAddresses.groupId, target.id), eq(memberAddresses.postcode, "9911EF")))).toHaveLength(0);
  });
});

describe(`the bord request form without JavaScript (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ bordCount: "1", street: "Kaartstraat", nearHouseNumber: "", description: "", note: "", lat: "", lng: "", ...fields })) data.set(k, v);
    return data;
  };
  const requestsOf = async (groupId: string) => {
    const { db } = database.current.handle;
    return db.select().from(bordRequests).where(eq(bordRequests.groupId, groupId));
  };

  it("answers bad points at the field, keeps what was typed, and stores nothing; someone else's group does not exist", async () => {
    const { db } = database.current.handle;
    const admin = await aUser(db);
    const group = await aGroup(db, area, { name: "Kaartgroep Fout", admins: [admin], addresses: addresses(55, "9919") });
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ lat: "51,9" }, "lng", /beide coördinaten/],
      [{ lat: "abc", lng: "4,6" }, "lat", /beide coördinaten/],
      [{ lat: "48,8566", lng: "2,3522" }, "lat", /niet in Nederland/],
      [{ lat: "<script>alert(1)</script>", lng: "4,6" }, "lat", /coördinaten/],
      [{ lat: "51,9'; drop table bord_requests; --", lng: "4,6" }, "lat", /coördinaten/],
      [{ street: "" }, "street", /straat/],
    ];
    for (const [fields, field, message] of cases) {
      const state = await as(actorOf(admin), async () => ({ ok: true as const, data: await resident.requestBordFormAction({ status: "idle" }, form({ groupId: group.id, ...fields })) }));
      const answer = state.ok ? state.data : null;
      expect(answer?.status, JSON.stringify(fields)).toBe("error");
      if (answer?.status !== "error") continue;
      expect(answer.fieldErrors[field], JSON.stringify(fields)).toMatch(message);
      expect(answer.values.street).toBe(fields.street ?? "Kaartstraat");
    }
    expect(await requestsOf(group.id)).toEqual([]);
    const foreign = await as(actorOf(admin), async () => ({ ok: true as const, data: await resident.requestBordFormAction({ status: "idle" }, form({ groupId: target.id, lat: "51,9", lng: "4,6" })) }));
    expect(foreign.ok && foreign.data).toMatchObject({ status: "error", code: "not_found" });
  });

  it("stores the request with the point typed with Dutch decimal commas", async () => {
    const { db } = database.current.handle;
    const admin = await aUser(db);
    const group = await aGroup(db, area, { name: "Kaartgroep Goed", admins: [admin], addresses: addresses(55, "9918") });
    const state = await as(actorOf(admin), async () => ({ ok: true as const, data: await resident.requestBordFormAction({ status: "idle" }, form({ groupId: group.id, lat: "51,916700", lng: "4,593600" })) }));
    expect(state.ok && state.data, JSON.stringify(state)).toMatchObject({ status: "sent" });
    expect(await requestsOf(group.id)).toMatchObject([{ street: "Kaartstraat", latitude: 51.9167, longitude: 4.5936 }]);
  });
});
