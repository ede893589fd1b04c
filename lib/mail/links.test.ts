/**
 * Every e-mail the application sends, built by the real code that builds it (lib/data and the
 * sign-in flow, on a test database), and every link in it: it points at this site (APP_URL)
 * and at a page that exists in app/, or at the group's WhatsApp invite. A link to a page that
 * does not exist (the bord-request mail once linked to /beheer/bordaanvragen/<id>) fails here.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aContact, addresses, aGroup, aMunicipality, anArea, aUser, inAddressRegister } from "@/db/seed/builders";
import { joinRequests, mailOutbox, type Area, type Municipality, type User } from "@/db/schema";
import { requestSignInLink } from "@/lib/auth/sign-in";
import { dissolveGroup } from "@/lib/data/resident/group-dissolve";
import { registerGroup } from "@/lib/data/resident/group-registration";
import { updateGroupDetails } from "@/lib/data/resident/my-groups";
import { inviteCoAdmin } from "@/lib/data/resident/invitations";
import { submitJoinRequest } from "@/lib/data/public/join";
import { decideJoinRequest } from "@/lib/data/resident/join-requests";
import { requestBord } from "@/lib/data/resident/bord-requests";
import { decideBordRequest } from "@/lib/data/staff/bord-request-decision";
import { inviteUser } from "@/lib/data/staff/users";
import { resetEnvForTests } from "@/lib/env";
import { routes } from "@/lib/routes";
import { runYearlyCheck } from "@/lib/data/internal/yearly-check";
import { groupDetailsSchema, registerGroupSchema, bordRequestSchema } from "@/lib/validation";
import { bordDecisionSchema } from "@/lib/validation/staff";
import { actorOf } from "@/tests/actors";
import { linksInMail, pathOfLink, routeFor } from "@/tests/app-routes";
import { onPostgres, withTestDatabase } from "@/tests/db";

const APP_URL = "https://buurtpreventie.gemeente.example";
const WHATSAPP = "https://chat.whatsapp.com/AbCdEf123456";
const savedEnv = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, { APP_URL, AUTH_SECRET: "test-secret-".padEnd(48, "x"), LOG_LEVEL: "silent" });
  resetEnvForTests();
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

const database = withTestDatabase();

/** Every kind of e-mail the application sends. */
const ALL_KINDS = [
  "sign_in_link",
  "user_invited",
  "group_registered",
  "group_registered_admin",
  "admin_invitation",
  "join_request_admin",
  "join_request_without_admin",
  "join_request_confirmation",
  "join_accepted",
  "join_declined",
  "bord_request_received",
  "bord_approved",
  "bord_rejected",
  "bord_placed",
  "group_dissolved",
  "yearly_check_ask",
  "yearly_check_reminder",
  "yearly_check_unconfirmed",
  "yearly_check_decision",
] as const;

/** The kinds that must carry a link (the others tell, and need no page). */
const WITH_LINK = new Set<string>([
  "sign_in_link",
  "user_invited",
  "group_registered",
  "group_registered_admin",
  "admin_invitation",
  "join_request_admin",
  "join_accepted",
  "bord_request_received",
  "bord_approved",
  "bord_rejected",
  "bord_placed",
  "yearly_check_ask",
  "yearly_check_reminder",
  "yearly_check_unconfirmed",
  "yearly_check_decision",
]);

let municipality: Municipality;
let area: Area;
let admin: User;
let staff: User;
let groupId = "";
let groupSlug = "";

beforeAll(async () => {
  const { db } = database.current.handle;
  municipality = await aMunicipality(db, { bordThreshold: 50, safetyEmail: "veiligheid@gemeente.example" });
  area = await anArea(db, municipality, { name: "Langeland", postcodes: ["2922"] });
  await aContact(db, municipality, "wijkagent", [area], { name: "Rick Visser", email: "wijkagent@gemeente.example" });
  await aContact(db, municipality, "wethouder", [area], { name: "Wethouder De Graaf", email: "wethouder@gemeente.example" });
  // The addresses the flows enter, in the address register (verified, so they count toward the bord).
  await inAddressRegister(db, municipality, [...addresses(120, "2922"), ...Array.from({ length: 200 }, (_, i) => ({ postcode: "2922AB", houseNumber: i + 1 }))]);
  admin = await aUser(db, { email: "sanne@bewoner.example" });
  staff = await aUser(db, { role: "staff", municipalityId: municipality.id, name: "Lotte Jansen", email: "lotte@gemeente.example" });
});

async function everyMail() {
  const { db } = database.current.handle;
  return db.select().from(mailOutbox).orderBy(mailOutbox.id);
}

describe(`the links in every e-mail (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("runs every flow that sends mail", async () => {
    const { db } = database.current.handle;
    const me = actorOf(admin);

    await requestSignInLink({ email: "sanne@bewoner.example", returnTo: routes.myGroups.list, ip: "198.51.100.1" });
    await inviteUser(actorOf(staff), { name: "Nieuwe Collega", email: "collega@gemeente.example", role: "staff", municipalityId: municipality.id });

    const registered = await registerGroup(
      me,
      registerGroupSchema("2026-11-25").parse({
        name: "Buurtpreventie Tiendweg",
        areaCode: area.code,
        areaDescription: "Tiendweg en zijstraten",
        admin: { name: "Sanne de Vries", phone: "06 12345678", birthDate: "1984-03-14", address: { postcode: "2922 AB", houseNumber: "12", addition: "" } },
        coAdmins: [{ email: "buurman@bewoner.example" }],
        addressList: addresses(55, "2922").map((a) => `${a.postcode} ${a.houseNumber}`).join("\n"),
        whatsappInviteLink: "",
        acceptHouseRules: true,
        residentsConfirmed: true,
      }),
    );
    groupId = registered.groupId;
    groupSlug = registered.slug;
    await inviteCoAdmin(me, groupId, "buurvrouw@bewoner.example");
    await updateGroupDetails(
      me,
      groupId,
      groupDetailsSchema.parse({ name: "Buurtpreventie Tiendweg", areaCode: area.code, areaDescription: "Tiendweg", whatsappInviteLink: WHATSAPP, version: "1" }),
    );

    // Two join requests: one accepted (with the WhatsApp link), one declined; and one for a group without admins.
    const join = (email: string, houseNumber: number, slug = groupSlug) =>
      submitJoinRequest(
        { groupSlug: slug, name: "Bram Bewoner", email, phone: "+31687654321", birthDate: "1990-02-03", address: { postcode: "2922AB", houseNumber, addition: "" }, acceptHouseRules: true },
        { ip: `198.51.100.${houseNumber}`, now: new Date() },
      );
    await join("bram@bewoner.example", 101);
    await join("bea@bewoner.example", 102);
    const orphan = await aGroup(db, area, { name: "Zonder Beheerder", slug: "zonder-beheerder" });
    await join("bob@bewoner.example", 103, orphan.slug);
    const open = await db.select().from(joinRequests).where(eq(joinRequests.groupId, groupId)).orderBy(joinRequests.email);
    await decideJoinRequest(me, groupId, open.find((r) => r.email === "bram@bewoner.example")!.id, { decision: "accept", message: "Welkom!" });
    await decideJoinRequest(me, groupId, open.find((r) => r.email === "bea@bewoner.example")!.id, { decision: "decline", message: "U woont buiten ons gebied." });

    // A bord: requested, reviewed, approved and placed; a second group's request rejected.
    const bord = bordRequestSchema.parse({ bordCount: "1", street: "Tiendweg", nearHouseNumber: "4", description: "Bij de lantaarnpaal", note: "" });
    const request = await requestBord(me, groupId, bord);
    const decide = (input: Parameters<typeof bordDecisionSchema.parse>[0]) => decideBordRequest(actorOf(staff), bordDecisionSchema.parse(input));
    const reviewed = await decide({ action: "review", requestId: request.id, version: 1 });
    const approved = await decide({ action: "approve", requestId: request.id, version: reviewed.version, note: "In orde." });
    await decide({ action: "place", requestId: request.id, version: approved.version, placedOn: "2026-11-20", placedLocation: "Hoek Tiendweg / Raadhuisplein", placedCount: "1" });
    const other = await aGroup(db, area, { admins: [admin], addresses: addresses(140, "2922", "Raadhuisplein").slice(80) }); // not the registered group's addresses (an address counts for the group it joined first)
    const second = await requestBord(me, other.id, bord);
    const reviewedSecond = await decide({ action: "review", requestId: second.id, version: 1 });
    await decide({ action: "reject", requestId: second.id, version: reviewedSecond.version, note: "Er staat al een bord." });

    await dissolveGroup(me, other.id, other.name);

    // The yearly check, a year on: asked, reminded after 14 days, unconfirmed after 30, decision after 90.
    const yearOn = Date.now() + 400 * 24 * 60 * 60 * 1000;
    for (const days of [0, 14, 30, 90]) await runYearlyCheck({ now: new Date(yearOn + days * 24 * 60 * 60 * 1000) });

    const kinds = new Set((await everyMail()).map((m) => m.kind));
    expect([...kinds].sort()).toEqual([...ALL_KINDS].sort());
  });

  it.each(ALL_KINDS)("%s: every link leads to a page of this site that exists (or the group's WhatsApp invite)", async (kind) => {
    const mails = (await everyMail()).filter((m) => m.kind === kind);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      const links = linksInMail(mail);
      if (WITH_LINK.has(kind)) expect(links.length, `${kind} to ${mail.toAddress} has a link`).toBeGreaterThan(0);
      for (const link of links) {
        if (link === WHATSAPP) continue;
        const path = pathOfLink(link, APP_URL);
        expect(path, `${kind}: ${link} is on ${APP_URL}`).not.toBeNull();
        expect(routeFor(path!), `${kind}: ${link} leads to a page in app/`).toBeDefined();
      }
    }
  });

  it("links each reader to the page meant for them", async () => {
    const mails = await everyMail();
    const linkOf = (kind: string, to: string) => linksInMail(mails.find((m) => m.kind === kind && m.toAddress === to)!)[0];
    const bordRequest = mails.find((m) => m.kind === "bord_request_received")!;
    expect(bordRequest.toAddress).toBe("veiligheid@gemeente.example");
    expect(linksInMail(bordRequest)[0]).toMatch(new RegExp(`^${APP_URL}/beheer/borden/[0-9a-f-]{36}$`));
    expect(linkOf("join_request_admin", admin.email)).toBe(`${APP_URL}${routes.myGroups.joinRequests(groupId)}`);
    expect(linkOf("group_registered", "wijkagent@gemeente.example")).toBe(`${APP_URL}${routes.group(groupSlug)}`);
    expect(linkOf("group_registered_admin", admin.email)).toBe(`${APP_URL}${routes.myGroups.group(groupId)}`);
    expect(linkOf("bord_approved", admin.email)).toBe(`${APP_URL}${routes.myGroups.bord(groupId)}`);
    expect(linkOf("bord_approved", "wijkagent@gemeente.example")).toBe(`${APP_URL}${routes.wijkagent.group(groupId)}`);
    expect(linkOf("bord_approved", "wethouder@gemeente.example")).toBe(`${APP_URL}${routes.group(groupSlug)}`);
    expect(linkOf("bord_placed", admin.email)).toBe(`${APP_URL}${routes.myGroups.group(groupId)}`);
    expect(linkOf("join_accepted", "bram@bewoner.example")).toBe(WHATSAPP);
    expect(linkOf("admin_invitation", "buurvrouw@bewoner.example")).toMatch(new RegExp(`^${APP_URL}/uitnodiging/[A-Za-z0-9_-]+$`));
    expect(linkOf("user_invited", "collega@gemeente.example")).toMatch(new RegExp(`^${APP_URL}/uitnodiging/account/[A-Za-z0-9_-]+$`));
    const signIn = new URL(linkOf("sign_in_link", "sanne@bewoner.example"));
    expect(signIn.pathname).toBe(routes.signInConfirm);
    expect(signIn.searchParams.get("terug")).toBe(routes.myGroups.list);
    const ask = linksInMail(mails.find((m) => m.kind === "yearly_check_ask" && m.toAddress === admin.email)!);
    expect(ask[0]).toMatch(new RegExp(`^${APP_URL}/nog-actief/[A-Za-z0-9_-]{43}$`));
    expect(ask[1]).toBe(`${APP_URL}${routes.myGroups.group(groupId)}`);
    const firstLinks = (kind: string, to: string) => mails.filter((m) => m.kind === kind && m.toAddress === to).map((m) => linksInMail(m)[0]);
    expect(firstLinks("yearly_check_unconfirmed", "wijkagent@gemeente.example")).toContain(`${APP_URL}${routes.wijkagent.group(groupId)}`);
    expect(firstLinks("yearly_check_unconfirmed", "veiligheid@gemeente.example")).toContain(`${APP_URL}${routes.staff.group(groupId)}`);
    expect(linkOf("yearly_check_decision", "veiligheid@gemeente.example")).toBe(`${APP_URL}${routes.staff.yearlyCheck}`);
    // The rejected request's mail goes to the bord page of the other group.
    const { db } = database.current.handle;
    const [rejected] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.kind, "bord_rejected"), eq(mailOutbox.toAddress, admin.email)));
    expect(linksInMail(rejected)[0]).toMatch(new RegExp(`^${APP_URL}/mijn-groepen/[0-9a-f-]{36}/bord$`));
  });
});
