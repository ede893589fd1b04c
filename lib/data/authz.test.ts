import sharp from "sharp";
/**
 * The data-layer half of the authorisation matrix (issue 10, item 1): every exported lib/data
 * function that takes the acting user, called by every wrong actor with the ids of someone
 * else's data. Each answers as if the data did not exist (not_found, null, or a list without
 * it), and afterwards the database holds exactly what it held before.
 *
 * The table must name every such function: a new one without a row fails the first test. The
 * functions are found by parsing lib/data (tests/security/permission-inventory.ts), and each
 * one's permission is read from its requirePermission call: every role the permission table
 * does not give it is refused (not_found), and with the rightful role taken out of the table
 * the rightful actor is refused too (issue 18 item 2: the table decides).
 * The HTTP half (pages, routes, server actions over real HTTP) is e2e/security-authz.spec.ts.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db";
import { aContact, addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { groupAdminInvitations, groupChecks, joinRequests, mailOutbox, staffInvitations, type Group, type Municipality } from "@/db/schema";
import { can, permissions, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { actorOf } from "@/tests/actors";
import { dataExports, PUBLIC_DATA } from "@/tests/security/permission-inventory";
import { dissolveGroup } from "@/lib/data/resident/group-dissolve";
import { getAdminPrefill, registerGroup } from "@/lib/data/resident/group-registration";
import { getGroupForAdmin, listMyGroups, updateGroupDetails } from "@/lib/data/resident/my-groups";
import { listGroupAdmins, removeGroupAdmin } from "@/lib/data/resident/group-admins";
import { getOwnDetails, updateOwnDetails } from "@/lib/data/resident/account";
import { acceptCurrentHouseRules, getHouseRulesStatus } from "@/lib/data/resident/house-rules";
import { acceptInvitation, cancelInvitation, getInvitation, inviteCoAdmin, listOpenInvitations } from "@/lib/data/resident/invitations";
import { decideJoinRequest, listHandledJoinRequests, listOpenJoinRequests } from "@/lib/data/resident/join-requests";
import { acceptStaffInvitation, getStaffInvitation } from "@/lib/data/resident/staff-invitations";
import { listDeadMail, retryDeadMail } from "@/lib/data/platform/mail";
import { erasePersonalData } from "@/lib/data/platform/privacy-erasure";
import { exportPersonalData } from "@/lib/data/platform/privacy-export";
import { previewErasure } from "@/lib/data/platform/privacy-preview";
import { addMemberAddress, addMemberAddressList, getAddressCounts, listMemberAddresses, removeMemberAddress } from "@/lib/data/resident/member-addresses";
import { getBordOverview, requestBord, withdrawBordRequest } from "@/lib/data/resident/bord-requests";
import { endAllSessions } from "@/lib/data/platform/users";
import { exportGroupsForWijkagent, getGroupForWijkagent, getWijkagentOverview } from "@/lib/data/wijkagent/groups";
import { deleteContact, importAreaBoundaries, listAreasForStaff, saveArea, saveContact } from "./staff/areas";
import { confirmGeoImport, listNeighbourhoodsForStaff, previewGeoImport } from "./staff/geo-import";
import { listAuditLog } from "./staff/audit-log";
import { parseAuditFilters } from "@/lib/validation/audit-filters";
import { dissolveGroup as staffDissolveGroup, exportGroupsForStaff, getGroupForStaff, listGroupsForStaff } from "./staff/groups";
import { parseGroupFilters } from "@/lib/validation/group-filters";
import { getStaffOverview } from "./staff/overview";
import { getStaffMap } from "@/lib/data/staff/map";
import { getWijkagentMap } from "@/lib/data/wijkagent/map";
import { getGapsAndOverlaps } from "./staff/gaps";
import { decideSharedAddresses } from "./staff/shared-addresses";
import { listMunicipalitiesForStaff, municipalityForChange, municipalityToChange, resolveStaffMunicipality } from "./staff/scope";
import { createMunicipality, getManagedMunicipality, listManagedMunicipalities, listMunicipalityPeople, setMunicipalityEnabled, updateMunicipality } from "@/lib/data/platform/municipalities";
import { getMunicipalitySettings, updateBordSettings, updateMunicipalitySettings } from "./staff/settings";
import { getBordPhoto, getBordPhotoInfo, saveBordPhoto } from "./staff/bord-photos";
import { decideBordRequest } from "@/lib/data/staff/bord-request-decision";
import { getBordRequestForStaff } from "@/lib/data/staff/bord-request-detail";
import { listBordRequestsForStaff } from "@/lib/data/staff/bord-request-list";
import { parseBordRequestFilters } from "@/lib/validation/bord-request-filters";
import { getBordForStaff, listBordsForStaff, recordBordMaintenance, recordBordRemoval, updateBordDetails, updateBordLocation } from "./staff/bords";
import { changeManagedRole, inviteUser, listOpenStaffInvitations, listUsersForStaff } from "./staff/users";
import { getYearlyCheckOverview, keepGroupAfterCheck, runYearlyCheckNow } from "./staff/yearly-check";

const database = withTestDatabase();

type Who = "anonymous" | "resident" | "otherAdmin" | "owner" | "staff" | "foreignStaff" | "wijkagent" | "otherWijkagent" | "platformAdmin";
const actors = {} as Record<Who, Actor | null>;

let home: Municipality;
let foreign: Municipality;
let target: Group;
let otherHomeGroup: Group;
let ids: {
  areaId: string;
  addressId: number;
  joinRequestId: string;
  invitationId: string;
  bordRequestId: string;
  bordId: string;
  contactId: string;
  deadMailId: number;
  coOwnerId: string;
  wijkagentUserId: string;
};
const INVITATION_TOKEN = "uitnodiging-voor-iemand-anders-0123456789";
const STAFF_INVITATION_TOKEN = "uitnodiging-voor-een-rol-van-iemand-anders-0123";
const ATTACKER = "indringer@aanval.example";
let homeAreaCode = "";
/** A boundary file that would overwrite the home municipality's wijk Noord. */
const boundaryFile = () =>
  JSON.stringify({
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { wijkcode: homeAreaCode, wijknaam: "Gekaapt" },
        geometry: { type: "Polygon", coordinates: [[[5, 52], [5.01, 52], [5.01, 52.01], [5, 52]]] },
      },
    ],
  });

beforeAll(async () => {
  const { db } = database.current.handle;
  home = await aMunicipality(db, { name: "Thuisstad" });
  foreign = await aMunicipality(db, { name: "Buitenstad" });
  const areaA = await anArea(db, home, { name: "Noord", postcodes: ["9901"], boundary: { type: "Polygon", coordinates: [[[4.6, 51.9], [4.61, 51.9], [4.61, 51.91], [4.6, 51.9]]] } });
  homeAreaCode = areaA.code;
  const areaB = await anArea(db, home, { name: "Zuid", postcodes: ["9902"] });
  const areaF = await anArea(db, foreign, { name: "Elders", postcodes: ["9903"] });
  const owner = await aUser(db, { name: "Eigenaar Geheim", phone: "+31611111111" });
  const coOwner = await aUser(db);
  const otherAdmin = await aUser(db);
  const wijkagent = await aUser(db, { role: "wijkagent", municipalityId: home.id });
  const otherWijkagent = await aUser(db, { role: "wijkagent", municipalityId: home.id });
  actors.anonymous = null;
  actors.resident = actorOf(await aUser(db));
  actors.otherAdmin = actorOf(otherAdmin);
  actors.owner = actorOf(owner);
  actors.staff = actorOf(await aUser(db, { role: "staff", municipalityId: home.id }));
  actors.foreignStaff = actorOf(await aUser(db, { role: "staff", municipalityId: foreign.id }));
  actors.wijkagent = actorOf(wijkagent);
  actors.otherWijkagent = actorOf(otherWijkagent);
  actors.platformAdmin = actorOf(await aUser(db, { role: "platform_admin" }));
  const contact = await aContact(db, home, "wijkagent", [areaA], { userId: wijkagent.id, email: wijkagent.email });
  await aContact(db, home, "wijkagent", [areaB], { userId: otherWijkagent.id, email: otherWijkagent.email });

  target = await aGroup(db, areaA, { name: "Doelgroep Noord", admins: [owner, coOwner], addresses: addresses(55, "9901") });
  otherHomeGroup = await aGroup(db, areaB, { name: "Andere Groep Zuid", admins: [otherAdmin], addresses: addresses(5, "9902") });
  await aGroup(db, areaF, { name: "Groep Elders", admins: [otherAdmin], addresses: addresses(5, "9903") });
  const [address] = await selectRows<{ id: number }>(db, sql`select id from member_addresses where group_id = ${target.id} limit 1`);
  const bordRequest = await aBordRequest(db, target, { status: "submitted", requestedBy: owner, latitude: 51.905, longitude: 4.605 });
  const placedRequest = await aBordRequest(db, target, { status: "placed", requestedBy: owner });
  const [bord] = await selectRows<{ id: string }>(db, sql`select id from bords where bord_request_id = ${placedRequest.id}`);
  const [join] = await db
    .insert(joinRequests)
    .values({ groupId: target.id, name: "Aanvrager", email: "aanvrager@bewoner.example", phone: "+31622222222", birthDate: "1980-01-01", postcode: "9901AB", houseNumber: 99, addition: "" })
    .returning();
  const [invitation] = await db
    .insert(groupAdminInvitations)
    .values({
      groupId: target.id,
      email: "uitgenodigd@bewoner.example",
      tokenHash: createHash("sha256").update(INVITATION_TOKEN).digest("hex"),
      invitedByUserId: owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  await db.insert(staffInvitations).values({
    municipalityId: home.id,
    email: "uitgenodigd.medewerker@thuisstad.example",
    name: "Uitgenodigde Medewerker",
    role: "staff",
    tokenHash: createHash("sha256").update(STAFF_INVITATION_TOKEN).digest("hex"),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const [dead] = await db
    .insert(mailOutbox)
    .values({ idempotencyKey: "authz-dead", kind: "test", toAddress: "iemand@bewoner.example", subject: "Dood", text: "x", status: "dead" })
    .returning();
  await db.insert(groupChecks).values({ groupId: target.id, municipalityId: home.id, dueAt: new Date(), startedAt: new Date(), stage: "unconfirmed", stageAt: new Date() });
  ids = {
    areaId: areaA.id,
    addressId: Number(address.id),
    joinRequestId: join.id,
    invitationId: invitation.id,
    bordRequestId: bordRequest.id,
    bordId: bord.id,
    contactId: contact.id,
    deadMailId: dead.id,
    coOwnerId: coOwner.id,
    wijkagentUserId: wijkagent.id,
  };
});

/** A digest of every table that holds the data (the audit log is checked separately). */
async function digest(): Promise<Record<string, string>> {
  const { db } = database.current.handle;
  const tables = [
    "municipalities", "areas", "area_postcodes", "users", "sessions", "contacts", "contact_areas", "groups", "group_admins",
    "group_admin_invitations", "member_addresses", "join_requests", "bord_requests", "bord_request_events", "bords", "bord_reports", "bord_events", "mail_outbox",
    "group_checks", "group_check_tokens", "job_runs", "shared_address_decisions",
  ];
  const out: Record<string, string> = {};
  for (const table of tables) {
    // Table names are constants of this test, never input.
    const [row] = await selectRows<{ n: number; h: string | null }>(db, sql.raw(`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${table} t`));
    out[table] = `${row.n}:${row.h}`;
  }
  return out;
}

type Outcome =
  /** Throws AppError with this code. */
  | { throws: "not_found" | "unauthorized" }
  /** Resolves to null. */
  | { resolves: "null" }
  /** Resolves to something that must not mention the target (its ids or names). */
  | { resolves: "without_target" };

interface Row {
  fn: string;
  /** Who may (not called here: their access is tested in the function's own test file). */
  rightful: Who[];
  call: (actor: Actor | null) => Promise<unknown>;
  /** The answer for wrong actors whose role has the permission (per actor where it differs); roles without it: not_found. */
  wrong: Outcome | ((who: Who) => Outcome);
  /** The permission this call needs, where the function checks more than one (endAllSessions). */
  permission?: Permission;
}

const ALL: Who[] = ["anonymous", "resident", "otherAdmin", "owner", "staff", "foreignStaff", "wijkagent", "otherWijkagent", "platformAdmin"];
const notFound: Outcome = { throws: "not_found" };
/** A read of something that is not theirs: null (docs/architecture.md). */
const nothing: Outcome = { resolves: "null" };
/** A real 2×2 PNG for the bord photo commands. */
const tinyPng = () => sharp({ create: { width: 2, height: 2, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png().toBuffer();
const without: Outcome = { resolves: "without_target" };
/** Functions typed for a signed-in actor are never called with null: their callers sign in first. */
const signedIn = (fn: (actor: Actor) => Promise<unknown>) => (actor: Actor | null) => (actor ? fn(actor) : Promise.reject(new AppError("unauthorized")));
const staffOnly = (who: Who): Outcome => (who === "foreignStaff" ? without : notFound);

const ROWS: Row[] = [
  // Group admins
  { fn: "listMyGroups", rightful: ["owner"], call: signedIn((a) => listMyGroups(a)), wrong: without },
  { fn: "getGroupForAdmin", rightful: ["owner"], call: signedIn((a) => getGroupForAdmin(a, target.id)), wrong: nothing },
  { fn: "updateGroupDetails", rightful: ["owner"], call: signedIn((a) => updateGroupDetails(a, target.id, { name: "Gekaapt", areaCode: "WK000001", areaDescription: "", whatsappInviteLink: null, wabpRegistered: false, version: 1 })), wrong: notFound },
  { fn: "listGroupAdmins", rightful: ["owner"], call: signedIn((a) => listGroupAdmins(a, target.id)), wrong: nothing },
  { fn: "removeGroupAdmin", rightful: ["owner"], call: signedIn((a) => removeGroupAdmin(a, target.id, ids.coOwnerId)), wrong: notFound },
  { fn: "dissolveGroup", rightful: ["owner"], call: signedIn((a) => dissolveGroup(a, target.id, "Doelgroep Noord")), wrong: notFound },
  { fn: "inviteCoAdmin", rightful: ["owner"], call: signedIn((a) => inviteCoAdmin(a, target.id, ATTACKER)), wrong: notFound },
  { fn: "cancelInvitation", rightful: ["owner"], call: signedIn((a) => cancelInvitation(a, target.id, ids.invitationId)), wrong: notFound },
  { fn: "listOpenInvitations", rightful: ["owner"], call: signedIn((a) => listOpenInvitations(a, target.id)), wrong: without },
  { fn: "listOpenJoinRequests", rightful: ["owner"], call: signedIn((a) => listOpenJoinRequests(a, target.id)), wrong: (who) => (who === "anonymous" ? { throws: "unauthorized" } : nothing) },
  { fn: "decideJoinRequest", rightful: ["owner"], call: signedIn((a) => decideJoinRequest(a, target.id, ids.joinRequestId, { decision: "accept", message: "" })), wrong: notFound },
  { fn: "getAddressCounts", rightful: ["owner"], call: signedIn((a) => getAddressCounts(a, target.id)), wrong: nothing },
  { fn: "listMemberAddresses", rightful: ["owner"], call: signedIn((a) => listMemberAddresses(a, target.id)), wrong: nothing },
  { fn: "addMemberAddress", rightful: ["owner"], call: signedIn((a) => addMemberAddress(a, target.id, { postcode: "9901ZZ", houseNumber: 7, addition: "" })), wrong: notFound },
  { fn: "addMemberAddressList", rightful: ["owner"], call: signedIn((a) => addMemberAddressList(a, target.id, "9901 ZZ 8")), wrong: notFound },
  { fn: "removeMemberAddress", rightful: ["owner"], call: signedIn((a) => removeMemberAddress(a, target.id, ids.addressId)), wrong: notFound },
  { fn: "getBordOverview", rightful: ["owner"], call: signedIn((a) => getBordOverview(a, target.id)), wrong: nothing },
  { fn: "requestBord", rightful: ["owner"], call: signedIn((a) => requestBord(a, target.id, { bordCount: 1, street: "Kaapstraat", nearHouseNumber: null, description: "", point: null, note: "" })), wrong: notFound },
  { fn: "withdrawBordRequest", rightful: ["owner"], call: signedIn((a) => withdrawBordRequest(a, target.id, ids.bordRequestId)), wrong: notFound },
  // Registering: residents only; the call carries no one else's ids (so residents are rightful).
  { fn: "getAdminPrefill", rightful: ["resident", "otherAdmin", "owner"], call: signedIn((a) => getAdminPrefill(a)), wrong: notFound },
  {
    fn: "registerGroup",
    rightful: ["resident", "otherAdmin", "owner"],
    call: signedIn((a) =>
      registerGroup(a, {
        name: "Groep van een medewerker",
        areaCode: "WK000000",
        areaDescription: "",
        whatsappInviteLink: null,
        admin: { name: "Kaper", phone: "+31633333333", birthDate: "1980-01-01", address: { postcode: "9901AB", houseNumber: 97, addition: "" } },
        coAdmins: [],
        addressList: "",
        acceptHouseRules: true,
        residentsConfirmed: true,
      } as unknown as Parameters<typeof registerGroup>[1]),
    ),
    wrong: notFound,
  },
  { fn: "listHandledJoinRequests", rightful: ["owner"], call: signedIn((a) => listHandledJoinRequests(a, target.id)), wrong: (who) => (who === "anonymous" ? { throws: "unauthorized" } : nothing) },
  // One's own details
  { fn: "getOwnDetails", rightful: ["resident", "otherAdmin", "owner"], call: signedIn((a) => getOwnDetails(a)), wrong: notFound },
  { fn: "updateOwnDetails", rightful: ["resident", "otherAdmin", "owner"], call: signedIn((a) => updateOwnDetails(a, { name: "Kaper", phone: "+31633333333", address: { postcode: "9901AB", houseNumber: 96, addition: "" } })), wrong: notFound },
  // Consent: one's own acceptance of the house rules
  { fn: "getHouseRulesStatus", rightful: ["resident", "otherAdmin", "owner"], call: signedIn((a) => getHouseRulesStatus(a)), wrong: notFound },
  { fn: "acceptCurrentHouseRules", rightful: ["resident", "otherAdmin", "owner"], call: signedIn((a) => acceptCurrentHouseRules(a)), wrong: notFound },
  // Invitations: only the invited address
  {
    fn: "getInvitation",
    rightful: [],
    // Anyone else is told it is for another address (with the group's public name, nothing more).
    call: signedIn(async (a) => {
      const view = await getInvitation(a, INVITATION_TOKEN);
      if (view.state !== "wrong_account" || Object.keys(view).sort().join() !== "groupName,state") throw new Error(`unexpected ${JSON.stringify(view)}`);
      return { state: view.state };
    }),
    wrong: without,
  },
  { fn: "acceptInvitation", rightful: [], call: signedIn((a) => acceptInvitation(a, INVITATION_TOKEN, { name: "Kaper", phone: "+31633333333", birthDate: "1980-01-01", address: { postcode: "9901AB", houseNumber: 98, addition: "" } })), wrong: notFound },
  // Invitations to a staff or wijkagent role: only the invited address
  {
    fn: "getStaffInvitation",
    rightful: [],
    // Anyone else learns nothing about it, not even the municipality.
    call: signedIn(async (a) => {
      const view = await getStaffInvitation(a, STAFF_INVITATION_TOKEN);
      if (JSON.stringify(view) !== JSON.stringify({ state: "wrong_account" })) throw new Error(`unexpected ${JSON.stringify(view)}`);
      return view;
    }),
    wrong: without,
  },
  { fn: "acceptStaffInvitation", rightful: [], call: signedIn((a) => acceptStaffInvitation(a, { token: STAFF_INVITATION_TOKEN, leaveGroups: true })), wrong: notFound },
  // Wijkagent
  { fn: "getWijkagentOverview", rightful: ["wijkagent"], call: (a) => getWijkagentOverview(a), wrong: (who) => (who === "otherWijkagent" ? without : notFound) },
  { fn: "getGroupForWijkagent", rightful: ["wijkagent"], call: (a) => getGroupForWijkagent(a, target.id), wrong: (who) => (who === "otherWijkagent" ? { resolves: "null" } : notFound) },
  { fn: "getWijkagentMap", rightful: ["wijkagent"], call: (a) => getWijkagentMap(a), wrong: (who) => (who === "otherWijkagent" ? without : notFound) },
  { fn: "exportGroupsForWijkagent", rightful: ["wijkagent"], call: (a) => exportGroupsForWijkagent(a), wrong: (who) => (who === "otherWijkagent" ? without : notFound) },
  // Staff of the municipality (platform admins too)
  { fn: "listAreasForStaff", rightful: ["staff", "platformAdmin"], call: (a) => listAreasForStaff(a, home.id), wrong: staffOnly },
  { fn: "saveArea", rightful: ["staff", "platformAdmin"], call: (a) => saveArea(a, { areaId: ids.areaId, name: "Gekaapt", code: "WK990199", postcodes: ["9901"], totalAddresses: null }, home.id), wrong: notFound },
  { fn: "saveContact", rightful: ["staff", "platformAdmin"], call: (a) => saveContact(a, { contactId: ids.contactId, kind: "wijkagent", name: "Gekaapt", email: ATTACKER, phone: null, areaIds: [ids.areaId] }, home.id), wrong: notFound },
  { fn: "deleteContact", rightful: ["staff", "platformAdmin"], call: (a) => deleteContact(a, ids.contactId, home.id), wrong: notFound },
  { fn: "listAuditLog", rightful: ["staff", "platformAdmin"], call: (a) => listAuditLog(a, parseAuditFilters({})), wrong: staffOnly },
  { fn: "listGroupsForStaff", rightful: ["staff", "platformAdmin"], call: (a) => listGroupsForStaff(a, parseGroupFilters({ gemeente: home.id })), wrong: staffOnly },
  { fn: "exportGroupsForStaff", rightful: ["staff", "platformAdmin"], call: (a) => exportGroupsForStaff(a, parseGroupFilters({ gemeente: home.id })), wrong: staffOnly },
  { fn: "getGroupForStaff", rightful: ["staff", "platformAdmin"], call: (a) => getGroupForStaff(a, target.id), wrong: (who) => (who === "foreignStaff" ? { resolves: "null" } : notFound) },
  { fn: "staff/dissolveGroup", rightful: ["staff", "platformAdmin"], call: (a) => staffDissolveGroup(a, { groupId: target.id, version: 1, reason: "Van buitenaf opgeheven.", confirm: true }), wrong: notFound },
  { fn: "getStaffOverview", rightful: ["staff", "platformAdmin"], call: (a) => getStaffOverview(a, home.id), wrong: staffOnly },
  { fn: "getGapsAndOverlaps", rightful: ["staff", "platformAdmin"], call: (a) => getGapsAndOverlaps(a, home.id), wrong: staffOnly },
  { fn: "decideSharedAddresses", rightful: ["staff", "platformAdmin"], call: signedIn((a) => decideSharedAddresses(a, { groupId: otherHomeGroup.id, otherGroupId: target.id, countFor: "group", address: null })), wrong: notFound },
  { fn: "getStaffMap", rightful: ["staff", "platformAdmin"], call: (a) => getStaffMap(a, home.id), wrong: staffOnly },
  { fn: "importAreaBoundaries", rightful: ["staff", "platformAdmin"], call: (a) => importAreaBoundaries(a, home.id, boundaryFile()), wrong: notFound },
  { fn: "previewGeoImport", rightful: ["staff", "platformAdmin"], call: (a) => previewGeoImport(a, { kind: "aantallen", municipalityId: home.id, bytes: new TextEncoder().encode("wijkcode;woningen\nWK000001;1\n") }), wrong: notFound },
  { fn: "confirmGeoImport", rightful: ["staff", "platformAdmin"], call: (a) => confirmGeoImport(a, { kind: "aantallen", municipalityId: home.id, bytes: new TextEncoder().encode("wijkcode;woningen\nWK000001;1\n"), token: "a".repeat(64) }), wrong: notFound },
  { fn: "listNeighbourhoodsForStaff", rightful: ["staff", "platformAdmin"], call: (a) => listNeighbourhoodsForStaff(a, home.id), wrong: notFound },
  { fn: "listMunicipalitiesForStaff", rightful: ["staff", "platformAdmin"], call: (a) => listMunicipalitiesForStaff(a), wrong: staffOnly },
  { fn: "resolveStaffMunicipality", rightful: ["staff", "platformAdmin"], call: (a) => resolveStaffMunicipality(a, home.id), wrong: staffOnly },
  { fn: "municipalityForChange", rightful: ["staff", "platformAdmin"], call: (a) => municipalityForChange(a, home.id), wrong: (who) => (who === "foreignStaff" ? { resolves: "null" } : notFound) },
  { fn: "municipalityToChange", rightful: ["staff", "platformAdmin"], call: (a) => municipalityToChange(a, home.id), wrong: notFound },
  { fn: "getMunicipalitySettings", rightful: ["staff", "platformAdmin"], call: (a) => getMunicipalitySettings(a, home.id), wrong: staffOnly },
  { fn: "updateMunicipalitySettings", rightful: ["staff", "platformAdmin"], call: (a) => updateMunicipalitySettings(a, { bordThreshold: 1, safetyEmail: ATTACKER }, home.id), wrong: notFound },
  { fn: "updateBordSettings", rightful: ["staff", "platformAdmin"], call: (a) => updateBordSettings(a, { bordsPerGroup: 1, contribution: 99_900, condition: "addresses", householdPercent: null }, home.id), wrong: notFound },
  { fn: "saveBordPhoto", rightful: ["staff", "platformAdmin"], call: async (a) => saveBordPhoto(a, ids.bordId, await tinyPng()), wrong: notFound },
  { fn: "getBordPhotoInfo", rightful: ["staff", "platformAdmin"], call: (a) => getBordPhotoInfo(a, ids.bordId), wrong: (who) => (who === "foreignStaff" ? { resolves: "null" } : notFound) },
  { fn: "getBordPhoto", rightful: ["staff", "platformAdmin"], call: (a) => getBordPhoto(a, ids.bordId), wrong: (who) => (who === "foreignStaff" ? { resolves: "null" } : notFound) },
  { fn: "listBordRequestsForStaff", rightful: ["staff", "platformAdmin"], call: (a) => listBordRequestsForStaff(a, parseBordRequestFilters({ gemeente: home.id })), wrong: staffOnly },
  { fn: "getBordRequestForStaff", rightful: ["staff", "platformAdmin"], call: (a) => getBordRequestForStaff(a, ids.bordRequestId), wrong: (who) => (who === "foreignStaff" ? { resolves: "null" } : notFound) },
  { fn: "listBordsForStaff", rightful: ["staff", "platformAdmin"], call: (a) => listBordsForStaff(a), wrong: staffOnly },
  { fn: "getBordForStaff", rightful: ["staff", "platformAdmin"], call: (a) => getBordForStaff(a, ids.bordId), wrong: (who) => (who === "foreignStaff" ? { resolves: "null" } : notFound) },
  { fn: "recordBordMaintenance", rightful: ["staff", "platformAdmin"], call: (a) => recordBordMaintenance(a, { bordId: ids.bordId, version: 1, kind: "repaired", occurredOn: "2026-12-01", note: "" }), wrong: notFound },
  { fn: "recordBordRemoval", rightful: ["staff", "platformAdmin"], call: (a) => recordBordRemoval(a, { bordId: ids.bordId, version: 1, occurredOn: "2026-12-01", note: "" }), wrong: notFound },
  { fn: "updateBordDetails", rightful: ["staff", "platformAdmin"], call: (a) => updateBordDetails(a, { bordId: ids.bordId, version: 1, owner: "Gekaapt", cost: 1, paidBy: "" }), wrong: notFound },
  { fn: "updateBordLocation", rightful: ["staff", "platformAdmin"], call: (a) => updateBordLocation(a, { bordId: ids.bordId, version: 1, location: "Gekaapte plek", point: null }), wrong: notFound },
  { fn: "decideBordRequest", rightful: ["staff", "platformAdmin"], call: (a) => decideBordRequest(a, { requestId: ids.bordRequestId, version: 1, action: "review", note: "", expectedStatus: "submitted", placedCount: null }), wrong: notFound },
  // The yearly check: the target group has an open check (seeded above); wrong actors neither see nor close it, nor start a run for the target's municipality.
  { fn: "getYearlyCheckOverview", rightful: ["staff", "platformAdmin"], call: (a) => getYearlyCheckOverview(a, home.id), wrong: staffOnly },
  { fn: "runYearlyCheckNow", rightful: ["staff", "platformAdmin"], call: (a) => runYearlyCheckNow(a, home.id), wrong: notFound },
  { fn: "keepGroupAfterCheck", rightful: ["staff", "platformAdmin"], call: (a) => keepGroupAfterCheck(a, target.id), wrong: notFound },
  { fn: "listUsersForStaff", rightful: ["staff", "platformAdmin"], call: (a) => listUsersForStaff(a), wrong: staffOnly },
  { fn: "listOpenStaffInvitations", rightful: ["staff", "platformAdmin"], call: (a) => listOpenStaffInvitations(a), wrong: staffOnly },
  { fn: "inviteUser", rightful: ["staff", "platformAdmin"], call: (a) => inviteUser(a, { name: "Indringer", email: ATTACKER, role: "staff", municipalityId: home.id }), wrong: notFound },
  { fn: "changeManagedRole", rightful: ["staff", "platformAdmin"], call: (a) => changeManagedRole(a, { userId: ids.wijkagentUserId, role: "none" }), wrong: notFound },
  // Platform admins only
  { fn: "listDeadMail", rightful: ["platformAdmin"], call: (a) => listDeadMail(a), wrong: notFound },
  { fn: "retryDeadMail", rightful: ["platformAdmin"], call: (a) => retryDeadMail(a, ids.deadMailId), wrong: notFound },
  { fn: "exportPersonalData", rightful: ["platformAdmin"], call: (a) => exportPersonalData(a, actors.owner!.email), wrong: notFound },
  { fn: "previewErasure", rightful: ["platformAdmin"], call: (a) => previewErasure(a, actors.owner!.email), wrong: notFound },
  { fn: "erasePersonalData", rightful: ["platformAdmin"], call: (a) => erasePersonalData(a, { email: actors.owner!.email, dissolveSoleAdminGroups: true }), wrong: notFound },
  { fn: "listManagedMunicipalities", rightful: ["platformAdmin"], call: (a) => listManagedMunicipalities(a), wrong: notFound },
  { fn: "getManagedMunicipality", rightful: ["platformAdmin"], call: (a) => getManagedMunicipality(a, home.id), wrong: notFound },
  { fn: "listMunicipalityPeople", rightful: ["platformAdmin"], call: (a) => listMunicipalityPeople(a, home.id), wrong: notFound },
  { fn: "createMunicipality", rightful: ["platformAdmin"], call: (a) => createMunicipality(a, { code: "GM9990", name: "Kaapstad", bordThreshold: 1, safetyEmail: ATTACKER }), wrong: notFound },
  {
    fn: "updateMunicipality",
    rightful: ["platformAdmin"],
    call: (a) => updateMunicipality(a, foreign.id, { code: foreign.code, name: foreign.name, bordThreshold: foreign.bordThreshold, safetyEmail: foreign.safetyEmail }),
    wrong: notFound,
  },
  { fn: "setMunicipalityEnabled", rightful: ["platformAdmin"], call: (a) => setMunicipalityEnabled(a, { municipalityId: foreign.id, enabled: true }), wrong: notFound },
  { fn: "endAllSessions", permission: "users.manage_any", rightful: ["platformAdmin"], call: (a) => endAllSessions(a, ids.coOwnerId), wrong: (who) => (who === "anonymous" ? { throws: "unauthorized" } : notFound) },
];

/** The lib/data commands: exported functions that take the acting user and check a permission (found by parsing lib/data). */
let parsed: ReturnType<typeof dataExports> | undefined;
function commands() {
  parsed ??= dataExports();
  return parsed.filter((d) => d.kind === "function" && !d.internal && d.takesActor && !(`${d.file}#${d.name}` in PUBLIC_DATA));
}

/** A row's name for a command ("staff/dissolveGroup" for the staff one of the two dissolveGroups). */
const rowName = (d: { file: string; name: string }) => (d.file.startsWith("lib/data/staff/") && d.name === "dissolveGroup" ? "staff/dissolveGroup" : d.name);

/** The permission a row's call needs, read from the code (requirePermission in the function). */
function permissionOf(row: Row): Permission {
  if (row.permission) return row.permission;
  const found = commands().find((d) => rowName(d) === row.fn);
  if (!found || found.permissions.length !== 1) throw new Error(`${row.fn}: checks ${found?.permissions.join(", ") || "no permission"}; name the one this call needs`);
  return found.permissions[0];
}

/** What `who` must get from `row`: refused (not_found) when the table does not give their role the permission; else the row's answer. */
function expectedOutcome(row: Row, who: Who): Outcome {
  const actor = actors[who];
  if (actor && !can(actor, permissionOf(row))) return notFound;
  return typeof row.wrong === "function" ? row.wrong(who) : row.wrong;
}

function mentionsTarget(value: unknown): boolean {
  const text = JSON.stringify(value) ?? "";
  return [target.id, "Doelgroep Noord", "Eigenaar Geheim", "+31611111111", ids.bordRequestId, ids.contactId, "aanvrager@bewoner.example", "uitgenodigd@bewoner.example", "Noord"].some((s) =>
    text.includes(s),
  );
}

describe(`lib/data refuses someone else's data (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("has a row for every lib/data command (found by parsing lib/data's exports)", () => {
    const names = commands().map(rowName);
    expect(names).toEqual(expect.arrayContaining(["registerGroup", "staff/dissolveGroup", "endAllSessions", "listDeadMail"]));
    const covered = new Set(ROWS.map((r) => r.fn));
    const missing = names.filter((name) => !covered.has(name));
    expect(missing, "lib/data commands without a row in lib/data/authz.test.ts").toEqual([]);
    const stale = [...covered].filter((name) => !names.includes(name));
    expect(stale, "rows for functions that do not exist (any more)").toEqual([]);
    for (const row of ROWS) expect(() => permissionOf(row), row.fn).not.toThrow();
  });

  it("answers every wrong actor as if the data did not exist, and nothing changes", async () => {
    const { db } = database.current.handle;
    const before = await digest();
    const [{ auditBefore }] = await selectRows<{ auditBefore: number }>(db, sql`select count(*)::int as "auditBefore" from audit_log where subject_id in (${target.id}, ${ids.bordRequestId}, ${ids.contactId}, ${ids.wijkagentUserId}, ${ids.coOwnerId})`);
    let cases = 0;
    for (const row of ROWS) {
      for (const who of ALL.filter((w) => !row.rightful.includes(w))) {
        const expected = expectedOutcome(row, who);
        const what = `${row.fn} as ${who}`;
        const settled = await row.call(actors[who]).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        cases += 1;
        // Not signed in: any refusal will do (functions typed for a signed-in actor never see null).
        if (who === "anonymous" && !settled.ok && settled.error instanceof AppError && ["unauthorized", "not_found"].includes(settled.error.code)) continue;
        if ("throws" in expected) {
          expect(settled.ok, `${what} should be refused`).toBe(false);
          if (!settled.ok) {
            expect(settled.error, what).toBeInstanceOf(AppError);
            expect((settled.error as AppError).code, what).toBe(expected.throws);
          }
        } else {
          expect(settled.ok, `${what} should answer (${settled.ok ? "" : String((settled as { error: unknown }).error)})`).toBe(true);
          if (settled.ok && expected.resolves === "null") expect(settled.value, what).toBeNull();
          if (settled.ok) expect(mentionsTarget(settled.value), `${what} mentions the target: ${JSON.stringify(settled.value)?.slice(0, 300)}`).toBe(false);
        }
      }
    }
    expect(cases).toBeGreaterThan(300);
    expect(await digest()).toEqual(before);
    const [{ auditAfter }] = await selectRows<{ auditAfter: number }>(db, sql`select count(*)::int as "auditAfter" from audit_log where subject_id in (${target.id}, ${ids.bordRequestId}, ${ids.contactId}, ${ids.wijkagentUserId}, ${ids.coOwnerId})`);
    expect(auditAfter, "no audit entry about the target from a refused call").toBe(auditBefore);
  });

  it("refuses the rightful role too once the permission table no longer gives it the permission (the table decides)", async () => {
    const table = permissions as unknown as Record<Permission, readonly string[]>;
    const before = await digest();
    let cases = 0;
    for (const row of ROWS) {
      const who = row.rightful[0];
      if (!who) continue;
      const actor = actors[who]!;
      const permission = permissionOf(row);
      const original = table[permission];
      table[permission] = original.filter((role) => role !== actor.role);
      try {
        const error = await row.call(actor).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${row.fn} as ${who} without ${permission} in the table`).toBeInstanceOf(AppError);
        expect((error as AppError).code, row.fn).toBe("not_found");
        cases += 1;
      } finally {
        table[permission] = original;
      }
    }
    expect(cases).toBeGreaterThan(40);
    expect(await digest()).toEqual(before);
  });

  it("lets the rightful roles do the same (so the refusals above can fail)", async () => {
    const staff = actors.staff!;
    const owner = actors.owner!;
    expect((await getGroupForAdmin(owner, target.id))?.name).toBe("Doelgroep Noord");
    expect((await listGroupsForStaff(staff, parseGroupFilters({}))).items.map((g) => g.name)).toContain("Doelgroep Noord");
    expect(await getGroupForWijkagent(actors.wijkagent, target.id)).not.toBeNull();
    expect(await getBordRequestForStaff(actors.platformAdmin, ids.bordRequestId)).not.toBeNull();
    await updateMunicipalitySettings(staff, { bordThreshold: 40, safetyEmail: "team@thuisstad.example" }, home.id);
    expect(await getMunicipalitySettings(staff, home.id)).toMatchObject({ bordThreshold: 40, safetyEmail: "team@thuisstad.example" });
    await removeMemberAddress(owner, target.id, ids.addressId);
    expect((await getAddressCounts(owner, target.id))!.total).toBe(54);
  });

  it("a change naming another municipality is refused; it does not land on the actor's own (or the first) municipality", async () => {
    const staff = actors.staff!;
    const before = await getMunicipalitySettings(staff, home.id);
    for (const [who, municipalityId] of [
      ["staff", foreign.id],
      ["platformAdmin", "00000000-0000-4000-8000-000000000000"],
    ] as const) {
      const error = await updateMunicipalitySettings(actors[who], { bordThreshold: 2, safetyEmail: ATTACKER }, municipalityId).then(() => null, (e: unknown) => e);
      expect((error as AppError).code, who).toBe("not_found");
      const area = await saveArea(actors[who], { name: "Nieuwe Wijk", code: "WK990177", postcodes: ["9907"], totalAddresses: null }, municipalityId).then(() => null, (e: unknown) => e);
      expect((area as AppError).code, who).toBe("not_found");
    }
    const invite = await inviteUser(staff, { name: "Nieuw", email: "nieuw@thuisstad.example", role: "staff", municipalityId: foreign.id }).then(() => null, (e: unknown) => e);
    expect((invite as AppError).code).toBe("not_found");
    expect(await getMunicipalitySettings(staff, home.id)).toEqual(before);
    expect(await getMunicipalitySettings(actors.foreignStaff, foreign.id)).toMatchObject({ safetyEmail: foreign.safetyEmail });
  });
});
