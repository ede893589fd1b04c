/**
 * The authorisation matrix: every page, route handler and server action of the application, who
 * may use it, and how the e2e spec (e2e/security-authz.spec.ts) tries it as everyone else on the
 * data of the fictional municipality of authz-fixture.ts.
 *
 * tests/security/inventory.test.ts compares this table with the file system (every page.tsx and
 * route.ts under app/, every export of every "use server" file): a new page, route or action
 * that is not in the table fails that test with its name. The e2e spec also maps the server
 * action ids of the build (.next/server/server-reference-manifest.json) onto the table.
 *
 * Pure data: no Playwright or server imports (the unit test imports it too).
 */
import type { Permission } from "@/lib/auth/permissions";
import { AUTHZ_PEOPLE, AUTHZ_PHOTO_MARK, AUTHZ_TARGET, VOORBEELDSTAD, type AuthzFixture, type AuthzPersonKey } from "./authz-fixture";

export type AuthzActor = "anonymous" | AuthzPersonKey;

/** Every actor the matrix tries, in this order. */
export const AUTHZ_ACTORS: AuthzActor[] = [
  "anonymous",
  "resident",
  "otherAdmin",
  "owner",
  "coOwner",
  "invitee",
  "staff",
  "foreignStaff",
  "wijkagent",
  "otherWijkagent",
  "platformAdmin",
];

/** Who a page, route or action is for. */
export type Access =
  /** Anyone, signed in or not; must never show personal data. */
  | "public"
  /** Any signed-in person, about themselves only (no one else's ids in it). */
  | "self"
  /** The admins of the group in the URL or input. */
  | "group_admin"
  /** Staff of the municipality the data belongs to, and platform admins. */
  | "staff"
  /** The wijkagent of the group's wijk. */
  | "wijkagent"
  /** Platform admins only. */
  | "platform_admin"
  /** The person (e-mail address) an invitation is for. */
  | "invitee"
  /** Demo mode only (the demo mailbox); not served with DATABASE_URL or SMTP_URL. */
  | "demo"
  /** Auth.js's own endpoints. */
  | "auth";

export interface ProbeSpec {
  /** Who looks (the rightful role). */
  as: AuthzActor;
  url: string;
  /** Must be in the body (the data is still there). */
  contains?: string[];
  /** Must not be in the body (the change did not happen). */
  lacks?: string[];
}

export interface PageEntry {
  /** The file, relative to the repository root. */
  file: string;
  kind: "page" | "route";
  access: Access;
  /** What it is, in a few words (for the report and the failure messages). */
  what: string;
  /** The URL the matrix requests: always about Voorbeeldstad's data. */
  url: (f: AuthzFixture) => string;
  /** Who gets the data (200 and `shows`). */
  rightful: AuthzActor[];
  /** What the rightful actors must see (proves the URL reaches the data, so the test can fail). */
  shows: (f: AuthzFixture) => string[];
  /**
   * What everyone else gets: "not_found" (404; anonymous: a redirect to /inloggen where the page
   * asks to sign in), or "own_view" (a page of their own, 200, without any of the protected data).
   * Per actor where it differs.
   */
  others: "not_found" | "own_view" | Partial<Record<AuthzActor, "not_found" | "own_view" | "sign_in">>;
  /** Extra strings (besides AUTHZ_SECRETS) the others must not see. */
  alsoProtected?: (f: AuthzFixture) => string[];
  /**
   * Secrets that anyone holding the URL may see because the URL itself is the secret that was
   * e-mailed to that person (an invitation link: who invited, and the invited address to sign in with).
   */
  linkHolderSees?: (f: AuthzFixture) => string[];
  /** The HTTP methods a route handler exports (default ["GET"]); the inventory test checks it. */
  methods?: string[];
  /** A POST-only route: the matrix posts this form (from our own origin) instead of a GET. */
  postForm?: (f: AuthzFixture) => Record<string, string>;
}

export type ActionEncoding =
  /** `action(input)` with a plain object: the body is JSON text. */
  | "json"
  /** `action(formData)`: multipart. */
  | "form"
  /** `useActionState`: `action(previousState, formData)`. */
  | "state_form"
  /** `action()` without arguments. */
  | "none";

export interface ActionEntry {
  /** "use server" file, relative to the repository root. */
  file: string;
  /** The exported function. */
  name: string;
  /**
   * The permission its wrapper checks (lib/auth/permissions.ts), or "public" (publicAction).
   * tests/security/permissions.test.ts checks it against the code.
   */
  permission: Permission | "public";
  access: Access;
  what: string;
  encoding: ActionEncoding;
  /** Who may run it on the target (Voorbeeldstad) data. */
  rightful: AuthzActor[];
  /** An input aimed at someone else's data (the target). Omitted for public/self actions. */
  input?: (f: AuthzFixture) => Record<string, unknown>;
  /**
   * What the refusal looks like for a signed-in wrong actor: the action's result code (default
   * "not_found"); anonymous gets "unauthorized".
   */
  refusal?: Partial<Record<AuthzActor, string>>;
  /** Checks, as the rightful role, that nothing changed after every refused call. */
  unchanged?: (f: AuthzFixture) => ProbeSpec[];
  /** Why a public or self action needs no "someone else's ids" case, or how else it is covered. */
  note?: string;
}

/**
 * The public API answers GET and the CORS preflight (OPTIONS, a safe method); its routes also
 * export POST, PUT, PATCH and DELETE, which only answer 405 in JSON (`methodNotAllowed`). From
 * another site those get proxy.ts's 403 first, as every route does (security-authz.spec).
 */
const CORS_GET = ["GET", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
const GROUP = (f: AuthzFixture) => `/mijn-groepen/${f.groupId}`;
const ATTACKER = "indringer@aanval.example";
const { owner, coOwner, staff, wijkagent } = AUTHZ_PEOPLE;
const STAFF_ROLES: AuthzActor[] = ["staff", "platformAdmin"];
const GROUP_ADMINS: AuthzActor[] = ["owner", "coOwner"];
/** Signed-in residents: the only role that registers and runs groups (group.register, group.manage). */
const RESIDENTS: AuthzActor[] = ["resident", "otherAdmin", "owner", "coOwner", "invitee"];
/** The group is still active with all its addresses (the public API answers for active groups only). */
const publicGroupApi = (): ProbeSpec => ({
  as: "anonymous",
  url: `/api/v1/groepen/${AUTHZ_TARGET.groupSlug}`,
  contains: [`"addressCount":${AUTHZ_TARGET.addressCount}`, AUTHZ_TARGET.groupName],
});
/** No e-mail reached `address` (the demo mailbox lists delivered mail per address). */
export const NO_MAIL_YET = "Er zijn (nog) geen e-mails";
const noMailTo = (address: string): ProbeSpec => ({
  as: "anonymous",
  url: `/dev/mailbox?aan=${encodeURIComponent(address)}`,
  contains: [NO_MAIL_YET],
});

// ---------------------------------------------------------------------------------------------
// Pages and route handlers

export const PAGE_MATRIX: PageEntry[] = [
  // Public pages: anyone; the target's public page must not leak personal data.
  { file: "app/(public)/page.tsx", kind: "page", access: "public", what: "home, address look-up", url: () => "/", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  { file: "app/(public)/zoeken/page.tsx", kind: "page", access: "public", what: "groups covering an address", url: () => `/zoeken?postcode=${AUTHZ_TARGET.postcodeArea}AB&huisnummer=1`, rightful: AUTHZ_ACTORS, shows: () => [AUTHZ_TARGET.groupName], others: "own_view" },
  { file: "app/(public)/groepen/[slug]/page.tsx", kind: "page", access: "public", what: "a group's public page with the join form", url: () => `/groepen/${AUTHZ_TARGET.groupSlug}`, rightful: AUTHZ_ACTORS, shows: () => [AUTHZ_TARGET.groupName, String(AUTHZ_TARGET.addressCount)], others: "own_view" },
  { file: "app/(public)/wijken/page.tsx", kind: "page", access: "public", what: "wijken with coverage", url: () => "/wijken", rightful: AUTHZ_ACTORS, shows: () => ["Noorderhaven"], others: "own_view" },
  { file: "app/(public)/wijken/[slug]/page.tsx", kind: "page", access: "public", what: "one wijk with its groups", url: () => "/wijken/noorderhaven", rightful: AUTHZ_ACTORS, shows: () => [AUTHZ_TARGET.groupName], others: "own_view" },
  { file: "app/(public)/informatie/page.tsx", kind: "page", access: "public", what: "how it works", url: () => "/informatie", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  { file: "app/(public)/privacy/page.tsx", kind: "page", access: "public", what: "privacy statement", url: () => "/privacy", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  { file: "app/(public)/toegankelijkheid/page.tsx", kind: "page", access: "public", what: "accessibility statement", url: () => "/toegankelijkheid", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  { file: "app/(public)/inloggen/page.tsx", kind: "page", access: "public", what: "sign-in form", url: () => "/inloggen", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  { file: "app/(public)/inloggen/bevestigen/page.tsx", kind: "page", access: "public", what: "confirm a sign-in link (button that posts to Auth.js)", url: () => "/inloggen/bevestigen", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  { file: "app/(public)/nog-actief/[token]/page.tsx", kind: "page", access: "public", what: "the yearly check's one-click link (a button that posts; the token is the authority)", url: () => `/nog-actief/${"Z".repeat(43)}`, rightful: AUTHZ_ACTORS, shows: () => ["Deze link werkt niet"], others: "own_view" },
  { file: "app/(public)/uitloggen/page.tsx", kind: "page", access: "public", what: "sign-out page", url: () => "/uitloggen", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  {
    file: "app/(public)/inloggen/verder/route.ts",
    kind: "route",
    access: "self",
    what: "after sign-in: redirect to the return path or one's start page",
    url: () => "/inloggen/verder",
    // A redirect for everyone: to one's own start page, or to /inloggen.
    rightful: [],
    shows: () => [],
    others: "own_view",
  },

  // Resident pages
  {
    file: "app/(resident)/groep-starten/page.tsx",
    kind: "page",
    access: "self",
    what: "register a group (form prefilled with one's own details); residents only (group.register)",
    url: () => "/groep-starten",
    rightful: RESIDENTS,
    shows: () => [],
    others: { anonymous: "sign_in", staff: "not_found", foreignStaff: "not_found", wijkagent: "not_found", otherWijkagent: "not_found", platformAdmin: "not_found" },
  },
  {
    file: "app/(resident)/mijn-groepen/page.tsx",
    kind: "page",
    access: "self",
    what: "the groups one administers",
    url: () => "/mijn-groepen",
    rightful: GROUP_ADMINS,
    shows: () => [AUTHZ_TARGET.groupName],
    // Residents only (group.manage): other roles get 404.
    others: { anonymous: "sign_in", resident: "own_view", otherAdmin: "own_view", invitee: "own_view", staff: "not_found", foreignStaff: "not_found", wijkagent: "not_found", otherWijkagent: "not_found", platformAdmin: "not_found" },
    alsoProtected: () => [AUTHZ_TARGET.groupName],
  },
  {
    file: "app/(resident)/mijn-groepen/huisregels/page.tsx",
    kind: "page",
    access: "self",
    what: "the house rules and one's own acceptance of them (a new version is accepted here)",
    url: () => "/mijn-groepen/huisregels",
    rightful: RESIDENTS,
    shows: () => ["De huisregels"],
    others: { anonymous: "sign_in", staff: "not_found", foreignStaff: "not_found", wijkagent: "not_found", otherWijkagent: "not_found", platformAdmin: "not_found" },
  },
  {
    file: "app/(resident)/mijn-groepen/gegevens/page.tsx",
    kind: "page",
    access: "self",
    what: "one's own name, phone and address (and the e-mail one signs in with)",
    url: () => "/mijn-groepen/gegevens",
    rightful: RESIDENTS,
    shows: () => ["Mijn gegevens"],
    others: { anonymous: "sign_in", staff: "not_found", foreignStaff: "not_found", wijkagent: "not_found", otherWijkagent: "not_found", platformAdmin: "not_found" },
  },
  { file: "app/(resident)/mijn-groepen/[id]/page.tsx", kind: "page", access: "group_admin", what: "group details and WhatsApp link", url: GROUP, rightful: GROUP_ADMINS, shows: () => [AUTHZ_TARGET.groupName, AUTHZ_TARGET.whatsappInviteUrl], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/(resident)/mijn-groepen/[id]/beheerders/page.tsx", kind: "page", access: "group_admin", what: "admins and open invitations", url: (f) => `${GROUP(f)}/beheerders`, rightful: GROUP_ADMINS, shows: () => [coOwner.email, AUTHZ_TARGET.invitationEmail], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/(resident)/mijn-groepen/[id]/adressen/page.tsx", kind: "page", access: "group_admin", what: "member addresses", url: (f) => `${GROUP(f)}/adressen`, rightful: GROUP_ADMINS, shows: () => [AUTHZ_TARGET.street], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/(resident)/mijn-groepen/[id]/aanmeldingen/page.tsx", kind: "page", access: "group_admin", what: "open join requests with contact details", url: (f) => `${GROUP(f)}/aanmeldingen`, rightful: GROUP_ADMINS, shows: () => [AUTHZ_TARGET.joinRequest.email], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/(resident)/mijn-groepen/[id]/bord/page.tsx", kind: "page", access: "group_admin", what: "bord request and its status", url: (f) => `${GROUP(f)}/bord`, rightful: GROUP_ADMINS, shows: () => [AUTHZ_TARGET.groupName, "ingediend"], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/(resident)/mijn-groepen/[id]/flyer/page.tsx", kind: "page", access: "group_admin", what: "printable flyer", url: (f) => `${GROUP(f)}/flyer`, rightful: GROUP_ADMINS, shows: () => [AUTHZ_TARGET.groupName], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/(resident)/mijn-groepen/[id]/opheffen/page.tsx", kind: "page", access: "group_admin", what: "dissolve the group", url: (f) => `${GROUP(f)}/opheffen`, rightful: GROUP_ADMINS, shows: () => [AUTHZ_TARGET.groupName], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  {
    file: "app/(resident)/uitnodiging/account/[token]/page.tsx",
    kind: "page",
    access: "invitee",
    what: "accept an invitation to a staff or wijkagent role (only for the invited e-mail address)",
    // A well-formed token that no invitation has: every signed-in actor sees "bestaat niet", nothing else.
    url: () => `/uitnodiging/account/${"Z".repeat(43)}`,
    rightful: [],
    shows: () => [],
    others: { anonymous: "sign_in", resident: "own_view", otherAdmin: "own_view", invitee: "own_view", owner: "own_view", coOwner: "own_view", staff: "own_view", foreignStaff: "own_view", wijkagent: "own_view", otherWijkagent: "own_view", platformAdmin: "own_view" },
    alsoProtected: () => ["Neem de uitnodiging aan"],
  },
  {
    file: "app/(resident)/uitnodiging/[token]/page.tsx",
    kind: "page",
    access: "invitee",
    what: "accept a co-admin invitation (only for the invited e-mail address)",
    url: (f) => `/uitnodiging/${f.invitationToken}`,
    rightful: ["invitee"],
    shows: () => [`Word beheerder van ${AUTHZ_TARGET.groupName}`],
    // Anyone else signed in is told the invitation is for another address (the group's name is public).
    // Not signed in: whoever holds the link (it went to the invited mailbox) sees what the
    // invitation is and a sign-in form with the invited address; accepting needs that account.
    // Residents only (group.manage): other roles get 404.
    others: { anonymous: "own_view", resident: "own_view", otherAdmin: "own_view", owner: "own_view", coOwner: "own_view", staff: "not_found", foreignStaff: "not_found", wijkagent: "not_found", otherWijkagent: "not_found", platformAdmin: "not_found" },
    alsoProtected: () => ["Word beheerder van"],
    linkHolderSees: () => [AUTHZ_TARGET.invitationEmail, "Geertruida Noorderhaven"],
  },

  // Staff (/beheer): staff of Voorbeeldstad and platform admins; Krimpen's staff see Krimpen only.
  { file: "app/beheer/page.tsx", kind: "page", access: "staff", what: "overview of a municipality", url: (f) => `/beheer?gemeente=${f.municipalityId}`, rightful: STAFF_ROLES, shows: () => [VOORBEELDSTAD.name], others: { foreignStaff: "own_view" }, alsoProtected: () => [VOORBEELDSTAD.name] },
  { file: "app/beheer/groepen/page.tsx", kind: "page", access: "staff", what: "all groups of the municipality", url: (f) => `/beheer/groepen?gemeente=${f.municipalityId}`, rightful: STAFF_ROLES, shows: () => [AUTHZ_TARGET.groupName], others: { foreignStaff: "own_view" }, alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/beheer/groepen/[id]/page.tsx", kind: "page", access: "staff", what: "one group with its admins' contact details", url: (f) => `/beheer/groepen/${f.groupId}`, rightful: STAFF_ROLES, shows: () => [owner.email, owner.name], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/beheer/groepen/export/route.ts", kind: "route", access: "staff", what: "CSV of groups with admins' contact details", url: (f) => `/beheer/groepen/export?gemeente=${f.municipalityId}`, rightful: STAFF_ROLES, shows: () => [owner.email], others: { foreignStaff: "own_view", anonymous: "not_found" }, alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/beheer/borden/page.tsx", kind: "page", access: "staff", what: "bord requests of the municipality", url: (f) => `/beheer/borden?gemeente=${f.municipalityId}`, rightful: STAFF_ROLES, shows: () => [AUTHZ_TARGET.groupName], others: { foreignStaff: "own_view" }, alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/beheer/borden/[id]/page.tsx", kind: "page", access: "staff", what: "one bord request with its history", url: (f) => `/beheer/borden/${f.bordRequestId}`, rightful: STAFF_ROLES, shows: () => [AUTHZ_TARGET.groupName], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/beheer/wijken/page.tsx", kind: "page", access: "staff", what: "wijken and contacts", url: (f) => `/beheer/wijken?gemeente=${f.municipalityId}`, rightful: STAFF_ROLES, shows: () => [wijkagent.email, AUTHZ_TARGET.wethouder.email], others: { foreignStaff: "own_view" } },
  { file: "app/beheer/wijken/import/page.tsx", kind: "page", access: "staff", what: "import wijken, postcodes and address totals from a file", url: (f) => `/beheer/wijken/import?gemeente=${f.municipalityId}`, rightful: STAFF_ROLES, shows: () => ["inlezen voor Voorbeeldstad"], others: { foreignStaff: "own_view" }, alsoProtected: () => ["inlezen voor Voorbeeldstad"] },
  { file: "app/beheer/wijken/import/bestand/route.ts", kind: "route", access: "staff", methods: ["POST"], what: "preview (or confirm) of a geography file: what would change in the municipality's wijken", url: () => "/beheer/wijken/import/bestand", postForm: (f) => ({ soort: "aantallen", gemeente: f.municipalityId, stap: "voorbeeld", bestand: "wijkcode;woningen\nWK990101;4321\n" }), rightful: STAFF_ROLES, shows: () => ["Noorderhaven (WK990101)"], others: "not_found", alsoProtected: () => ["Noorderhaven (WK990101)"] },
  { file: "app/beheer/gebruikers/page.tsx", kind: "page", access: "staff", what: "staff and wijkagent accounts", url: () => "/beheer/gebruikers", rightful: STAFF_ROLES, shows: () => [staff.email, wijkagent.email], others: { foreignStaff: "own_view" } },
  { file: "app/beheer/instellingen/page.tsx", kind: "page", access: "staff", what: "bord threshold and safety mailbox", url: (f) => `/beheer/instellingen?gemeente=${f.municipalityId}`, rightful: STAFF_ROLES, shows: () => [VOORBEELDSTAD.safetyEmail], others: { foreignStaff: "own_view" }, alsoProtected: () => [VOORBEELDSTAD.safetyEmail] },
  { file: "app/beheer/geplaatste-borden/page.tsx", kind: "page", access: "staff", what: "placed borden: removal tasks, open reports, the rest", url: () => "/beheer/geplaatste-borden", rightful: STAFF_ROLES, shows: () => [AUTHZ_TARGET.groupName], others: { foreignStaff: "own_view" }, alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/beheer/geplaatste-borden/[id]/foto/route.ts", kind: "route", access: "staff", methods: ["GET", "POST"], what: "the photo of one placed bord (GET shows it; POST, the upload form, stores a new one)", url: (f) => `/beheer/geplaatste-borden/${f.bordId}/foto`, rightful: STAFF_ROLES, shows: () => [AUTHZ_PHOTO_MARK], others: "not_found", alsoProtected: () => [AUTHZ_PHOTO_MARK] },
  { file: "app/beheer/geplaatste-borden/[id]/page.tsx", kind: "page", access: "staff", what: "one placed bord: details, open reports, maintenance, history", url: (f) => `/beheer/geplaatste-borden/${f.bordId}`, rightful: STAFF_ROLES, shows: () => [AUTHZ_TARGET.groupName], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/beheer/jaarcontrole/page.tsx", kind: "page", access: "staff", what: "the yearly check: last run, groups per stage, 'Nu uitvoeren'", url: (f) => `/beheer/jaarcontrole?gemeente=${f.municipalityId}`, rightful: STAFF_ROLES, shows: () => ["Jaarcontrole van Voorbeeldstad", AUTHZ_TARGET.groupName], others: { foreignStaff: "own_view" }, alsoProtected: () => ["Jaarcontrole van Voorbeeldstad"] },
  { file: "app/beheer/audit/page.tsx", kind: "page", access: "staff", what: "audit log of the municipality", url: () => "/beheer/audit", rightful: STAFF_ROLES, shows: () => [staff.email], others: { foreignStaff: "own_view" } },
  { file: "app/beheer/privacy/page.tsx", kind: "page", access: "platform_admin", what: "export or erase everything about one e-mail address", url: () => "/beheer/privacy", rightful: ["platformAdmin"], shows: () => ["Gegevens van een persoon", "Exporteren"], others: "not_found" },
  { file: "app/beheer/privacy/export/route.ts", kind: "route", access: "platform_admin", methods: ["GET", "POST"], what: "JSON export of everything about one e-mail address (POST; GET is 404 for everyone)", url: () => "/beheer/privacy/export", postForm: () => ({ email: owner.email }), rightful: ["platformAdmin"], shows: () => [owner.email, AUTHZ_TARGET.groupName], others: "not_found", alsoProtected: () => [owner.email] },
  { file: "app/beheer/gemeenten/page.tsx", kind: "page", access: "platform_admin", what: "the municipalities, and adding one", url: () => "/beheer/gemeenten", rightful: ["platformAdmin"], shows: () => [VOORBEELDSTAD.name, VOORBEELDSTAD.code], others: "not_found" },
  { file: "app/beheer/gemeenten/[id]/page.tsx", kind: "page", access: "platform_admin", what: "one municipality: its details, staff, disabling", url: (f) => `/beheer/gemeenten/${f.municipalityId}`, rightful: ["platformAdmin"], shows: () => [VOORBEELDSTAD.safetyEmail, staff.email], others: "not_found", alsoProtected: () => [staff.email] },
  { file: "app/beheer/e-mail/page.tsx", kind: "page", access: "platform_admin", what: "undelivered e-mail", url: () => "/beheer/e-mail", rightful: ["platformAdmin"], shows: () => [AUTHZ_TARGET.deadMailSubject], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.deadMailSubject] },

  // Wijkagent
  { file: "app/wijkagent/page.tsx", kind: "page", access: "wijkagent", what: "groups in one's wijken with admins' contact details", url: () => "/wijkagent", rightful: ["wijkagent"], shows: () => [AUTHZ_TARGET.groupName, owner.name], others: { otherWijkagent: "own_view" }, alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/wijkagent/groepen/[id]/page.tsx", kind: "page", access: "wijkagent", what: "one group in one's wijk", url: (f) => `/wijkagent/groepen/${f.groupId}`, rightful: ["wijkagent"], shows: () => [AUTHZ_TARGET.groupName, owner.name], others: "not_found", alsoProtected: () => [AUTHZ_TARGET.groupName] },
  { file: "app/wijkagent/export/route.ts", kind: "route", access: "wijkagent", what: "CSV of the groups in one's wijken", url: () => "/wijkagent/export", rightful: ["wijkagent"], shows: () => [AUTHZ_TARGET.groupName, owner.name], others: { otherWijkagent: "own_view", anonymous: "not_found" }, alsoProtected: () => [AUTHZ_TARGET.groupName] },

  // Public JSON API
  { file: "app/api/v1/groepen/route.ts", kind: "route", access: "public", methods: CORS_GET, what: "groups covering an address (JSON)", url: () => `/api/v1/groepen?postcode=${AUTHZ_TARGET.postcodeArea}AB&huisnummer=1`, rightful: AUTHZ_ACTORS, shows: () => [AUTHZ_TARGET.groupName], others: "own_view" },
  { file: "app/api/v1/groepen/[slug]/route.ts", kind: "route", access: "public", methods: CORS_GET, what: "one group (JSON)", url: () => `/api/v1/groepen/${AUTHZ_TARGET.groupSlug}`, rightful: AUTHZ_ACTORS, shows: () => [AUTHZ_TARGET.groupName], others: "own_view" },
  { file: "app/api/v1/wijken/route.ts", kind: "route", access: "public", methods: CORS_GET, what: "wijken (JSON)", url: () => "/api/v1/wijken", rightful: AUTHZ_ACTORS, shows: () => ["Noorderhaven"], others: "own_view" },
  { file: "app/api/v1/wijken/[slug]/route.ts", kind: "route", access: "public", methods: CORS_GET, what: "one wijk (JSON)", url: () => "/api/v1/wijken/noorderhaven", rightful: AUTHZ_ACTORS, shows: () => [AUTHZ_TARGET.groupName], others: "own_view" },
  { file: "app/api/v1/wijkgrenzen/route.ts", kind: "route", access: "public", methods: CORS_GET, what: "wijk boundaries with coverage (GeoJSON)", url: () => "/api/v1/wijkgrenzen", rightful: AUTHZ_ACTORS, shows: () => ["Noorderhaven"], others: "own_view" },
  { file: "app/api/v1/route.ts", kind: "route", access: "public", methods: CORS_GET, what: "the API's index: links to the OpenAPI document and the endpoints (JSON)", url: () => "/api/v1", rightful: AUTHZ_ACTORS, shows: () => ["openapi.json"], others: "own_view" },
  { file: "app/api/v1/openapi.json/route.ts", kind: "route", access: "public", methods: CORS_GET, what: "OpenAPI document", url: () => "/api/v1/openapi.json", rightful: AUTHZ_ACTORS, shows: () => ["openapi"], others: "own_view" },
  { file: "app/api/v1/[...path]/route.ts", kind: "route", access: "public", methods: CORS_GET, what: "unknown API paths: JSON 404", url: (f) => `/api/v1/groepen/${f.groupId}/beheerders`, rightful: [], shows: () => [], others: "not_found" },
  { file: "app/api/adressen/suggesties/route.ts", kind: "route", access: "public", what: "address suggestions from the address register (JSON; no personal data)", url: () => "/api/adressen/suggesties?q=Lansinghlaan%201", rightful: AUTHZ_ACTORS, shows: () => ['"suggestions"'], others: "own_view" },
  { file: "app/api/health/route.ts", kind: "route", access: "public", what: "readiness (database reachable)", url: () => "/api/health", rightful: AUTHZ_ACTORS, shows: () => ['"status":"ok"'], others: "own_view" },
  { file: "app/api/health/live/route.ts", kind: "route", access: "public", what: "liveness", url: () => "/api/health/live", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    kind: "route",
    access: "auth",
    // GET: the e-mail link and OIDC callbacks, CSRF token, providers, and /session (one's own
    // session only). POST: sign-out and sign-in callbacks; "send a link" is closed (404), it
    // goes through /inloggen with its rate limits. POSTs from other sites: 403 (forgery matrix).
    what: "Auth.js: sign-in callbacks, CSRF, providers, one's own session",
    url: () => "/api/auth/session",
    methods: ["GET", "POST"],
    rightful: AUTHZ_ACTORS,
    shows: () => [],
    others: "own_view",
  },

  // Demo mailbox: open to everyone in demo mode (that is how the demo signs in); 404 when the
  // application runs with DATABASE_URL or SMTP_URL (lib/env.ts mailboxEnabled).
  { file: "app/dev/mailbox/page.tsx", kind: "page", access: "demo", what: "demo mailbox (demo mode only)", url: () => "/dev/mailbox", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
  { file: "app/dev/mailbox/[id]/page.tsx", kind: "page", access: "demo", what: "one e-mail in the demo mailbox (demo mode only)", url: () => "/dev/mailbox/1", rightful: AUTHZ_ACTORS, shows: () => [], others: "own_view" },
];

// ---------------------------------------------------------------------------------------------
// Server actions

const RESIDENT_ACTIONS = "app/(resident)/actions.ts";
const STAFF_ACTIONS = "app/beheer/actions.ts";

const ownerProbe = (path: string, contains: string[], lacks: string[] = []) => (f: AuthzFixture): ProbeSpec => ({
  as: "owner",
  url: `${GROUP(f)}${path}`,
  contains,
  lacks,
});
const staffProbe = (url: (f: AuthzFixture) => string, contains: string[], lacks: string[] = []) => (f: AuthzFixture): ProbeSpec => ({
  as: "staff",
  url: url(f),
  contains,
  lacks,
});

export const ACTION_MATRIX: ActionEntry[] = [
  // Public
  {
    file: "app/(public)/nog-actief/[token]/actions.ts",
    name: "confirmGroupActiveAction",
    permission: "public",
    access: "public",
    what: "confirm that a group is still active (the yearly check's one-click link)",
    encoding: "form",
    rightful: AUTHZ_ACTORS,
    note: "Public by design: the 43-character token from the e-mail is the authority, for one admin and one check (lib/data/public/yearly-check.test.ts: someone else's, expired, reused, malformed).",
  },
  {
    file: "app/(public)/groepen/[slug]/actions.ts",
    name: "joinGroupAction",
    permission: "public",
    access: "public",
    what: "ask to join a group (the join form)",
    encoding: "state_form",
    rightful: AUTHZ_ACTORS,
    note: "Public by design; takes a group slug, reveals nothing about the group's admins. Forgery, fuzzing and bursts: security-forgery.spec.ts, tests/security/fuzz.test.ts, burst.test.ts.",
  },
  {
    file: "app/(public)/groepen/[slug]/actions.ts",
    name: "reportBordAction",
    permission: "public",
    access: "public",
    what: "report a damaged or missing bord (to the municipality's safety mailbox)",
    encoding: "state_form",
    rightful: AUTHZ_ACTORS,
    note: "Public by design: takes the id of a standing bord of an active group, stores a report and mails team Veiligheid; 5 per IP per hour and a honeypot (lib/data/staff/bords.test.ts).",
  },
  {
    file: "app/(public)/inloggen/actions.ts",
    name: "requestSignInLinkAction",
    permission: "public",
    access: "public",
    what: "ask for a sign-in link",
    encoding: "state_form",
    rightful: AUTHZ_ACTORS,
    note: "Public by design; the same answer for every address; rate limited per address and IP (lib/auth/sign-in.test.ts).",
  },
  {
    file: "app/(public)/inloggen/actions.ts",
    name: "signInWithOidcAction",
    permission: "public",
    access: "public",
    what: "sign in with the municipality's OpenID Connect provider",
    encoding: "form",
    rightful: AUTHZ_ACTORS,
    note: "Public by design; without OIDC settings it redirects to /inloggen?error=OAuthSignin.",
  },
  {
    file: "app/(public)/uitloggen/actions.ts",
    name: "signOutAction",
    permission: "public",
    access: "self",
    what: "end this session",
    encoding: "none",
    rightful: AUTHZ_ACTORS,
    note: "Takes no input: ends only the caller's own session (spec: another person's session keeps working).",
  },
  {
    file: "app/(public)/uitloggen/actions.ts",
    name: "signOutEverywhereAction",
    permission: "session.end_own",
    access: "self",
    what: "end all sessions of the signed-in user",
    encoding: "none",
    rightful: AUTHZ_ACTORS,
    note: "Takes no input: ends only the caller's own sessions (spec: another person's session keeps working).",
  },

  // Resident (group admin)
  {
    file: RESIDENT_ACTIONS,
    name: "registerGroupAction",
    permission: "group.register",
    access: "self",
    what: "register a new group (the caller becomes its admin); residents only",
    encoding: "json",
    rightful: RESIDENTS,
    note: "Creates a group owned by the caller; no one else's ids in the input. Anonymous: unauthorized; staff, wijkagent, platform admin: not_found (app/(resident)/actions.test.ts).",
  },
  {
    file: RESIDENT_ACTIONS,
    name: "updateOwnDetailsAction",
    permission: "group.manage",
    access: "self",
    what: "change one's own name, phone and address",
    encoding: "json",
    rightful: RESIDENTS,
    note: "Changes the caller's own account only; no ids in the input. Staff, wijkagent, platform admin: not_found (lib/data/authz.test.ts).",
  },
  {
    file: RESIDENT_ACTIONS,
    name: "acceptHouseRulesAction",
    permission: "group.manage",
    access: "self",
    what: "accept the current version of the house rules (stored for the caller)",
    encoding: "json",
    rightful: RESIDENTS,
    note: "Stores an acceptance for the caller only; no ids in the input. Staff, wijkagent, platform admin: not_found (lib/data/authz.test.ts).",
  },
  {
    file: RESIDENT_ACTIONS,
    name: "updateGroupDetailsAction",
    permission: "group.manage",
    access: "group_admin",
    what: "change name, wijk, description, WhatsApp link",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, name: "Gekaapte Groep", areaCode: "WK990101", areaDescription: "", whatsappInviteLink: "https://chat.whatsapp.com/GEKAAPTgekaapt1234", version: 1 }),
    unchanged: (f) => [ownerProbe("", [AUTHZ_TARGET.groupName, AUTHZ_TARGET.whatsappInviteUrl], ["Gekaapte Groep", "GEKAAPT"])(f)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "inviteCoAdminAction",
    permission: "group.manage",
    access: "group_admin",
    what: "invite a co-admin by e-mail",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, email: ATTACKER }),
    unchanged: (f) => [ownerProbe("/beheerders", [coOwner.email], [ATTACKER])(f), noMailTo(ATTACKER)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "cancelInvitationAction",
    permission: "group.manage",
    access: "group_admin",
    what: "withdraw an open invitation",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, invitationId: f.invitationId }),
    unchanged: (f) => [ownerProbe("/beheerders", [AUTHZ_TARGET.invitationEmail])(f)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "removeGroupAdminAction",
    permission: "group.manage",
    access: "group_admin",
    what: "remove an admin from the group",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, userId: f.users.coOwner }),
    unchanged: (f) => [ownerProbe("/beheerders", [coOwner.email])(f)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "addMemberAddressAction",
    permission: "group.manage",
    access: "group_admin",
    what: "add one member address",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, postcode: "9901ZZ", houseNumber: 777, addition: "", residentsConfirmed: true }),
    unchanged: (f) => [publicGroupApi(), ownerProbe("/adressen", [AUTHZ_TARGET.street], ["9901 ZZ", "9901ZZ"])(f)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "addMemberAddressListAction",
    permission: "group.manage",
    access: "group_admin",
    what: "add a pasted list of member addresses",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, text: "9901 ZY 1\n9901 ZY 2", residentsConfirmed: true }),
    unchanged: (f) => [publicGroupApi(), ownerProbe("/adressen", [AUTHZ_TARGET.street], ["9901 ZY", "9901ZY"])(f)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "removeMemberAddressAction",
    permission: "group.manage",
    access: "group_admin",
    what: "remove a member address",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, addressId: f.addressId }),
    unchanged: () => [publicGroupApi()],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "decideJoinRequestAction",
    permission: "group.manage",
    access: "group_admin",
    what: "accept or decline a join request",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, requestId: f.joinRequestId, decision: "accept", message: "" }),
    unchanged: (f) => [publicGroupApi(), ownerProbe("/aanmeldingen", [AUTHZ_TARGET.joinRequest.email])(f), noMailTo(AUTHZ_TARGET.joinRequest.email)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "requestBordAction",
    permission: "bord.request",
    access: "group_admin",
    what: "request a bord",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, bordCount: 4, street: "Kaapstraat", nearHouseNumber: "", description: "", point: null, note: "" }),
    // The group has an open request already: even its own admins would get a conflict.
    unchanged: (f) => [ownerProbe("/bord", [AUTHZ_TARGET.street], ["Kaapstraat"])(f), noMailTo(VOORBEELDSTAD.safetyEmail)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "requestBordFormAction",
    permission: "bord.request",
    access: "group_admin",
    what: "request a bord (the form, with the map point as two fields)",
    encoding: "state_form",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, bordCount: "4", street: "Kaapstraat", nearHouseNumber: "", description: "", note: "", lat: "", lng: "" }),
    // The group has an open request already: even its own admins would get a conflict.
    unchanged: (f) => [ownerProbe("/bord", [AUTHZ_TARGET.street], ["Kaapstraat"])(f), noMailTo(VOORBEELDSTAD.safetyEmail)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "withdrawBordRequestAction",
    permission: "bord.request",
    access: "group_admin",
    what: "withdraw the bord request",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, requestId: f.bordRequestId }),
    unchanged: (f) => [staffProbe((x) => `/beheer/borden/${x.bordRequestId}`, ["ingediend"], ["ingetrokken"])(f)],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "dissolveGroupAction",
    permission: "group.manage",
    access: "group_admin",
    what: "dissolve the group (admin)",
    encoding: "json",
    rightful: GROUP_ADMINS,
    input: (f) => ({ groupId: f.groupId, confirmName: AUTHZ_TARGET.groupName }),
    unchanged: () => [publicGroupApi()],
  },
  {
    file: RESIDENT_ACTIONS,
    name: "acceptInvitationAction",
    permission: "group.manage",
    access: "invitee",
    what: "accept a co-admin invitation (becomes admin)",
    encoding: "json",
    rightful: ["invitee"],
    input: (f) => ({
      token: f.invitationToken,
      name: "Kaper van Uitnodigingen",
      phone: "0612345678",
      birthDate: "1980-01-01",
      address: { postcode: "9901AD", houseNumber: 5, addition: "" },
      acceptHouseRules: true,
    }),
    unchanged: (f) => [ownerProbe("/beheerders", [AUTHZ_TARGET.invitationEmail], ["Kaper van Uitnodigingen"])(f), publicGroupApi()],
  },

  {
    file: RESIDENT_ACTIONS,
    name: "acceptStaffInvitationAction",
    permission: "account.accept_role_invitation",
    access: "invitee",
    what: "accept an invitation to a staff or wijkagent role (the account gets the role)",
    encoding: "json",
    rightful: [],
    input: () => ({ token: "Z".repeat(43), leaveGroups: true }),
    // Nobody got a role: the platform admin's account list still shows the staff member and not the resident.
    unchanged: () => [{ as: "platformAdmin", url: "/beheer/gebruikers", contains: [staff.email], lacks: [AUTHZ_PEOPLE.resident.email] }],
    note: "Only the account with the invited address can accept (lib/data/resident/staff-invitations.test.ts); a token no invitation has is not_found for everyone.",
  },

  // Staff
  {
    file: STAFF_ACTIONS,
    name: "decideBordRequestAction",
    permission: "bord.decide",
    access: "staff",
    what: "review, approve, reject or record placement of a bord request",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ requestId: f.bordRequestId, version: 1, action: "review", note: "", expectedStatus: "submitted" }),
    // The page names every next step ("in behandeling nemen"), so the proof that nothing moved is
    // the spec's positive control: the rightful staff member's review with version 1 and
    // expectedStatus "submitted" succeeds afterwards.
    unchanged: (f) => [staffProbe((x) => `/beheer/borden/${x.bordRequestId}`, ["ingediend"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "dissolveGroupAction",
    permission: "group.dissolve_any",
    access: "staff",
    what: "dissolve any group of the municipality (staff)",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ groupId: f.groupId, version: 1, reason: "Opgeheven door iemand van buiten.", confirm: true }),
    unchanged: () => [publicGroupApi()],
  },
  {
    file: STAFF_ACTIONS,
    name: "recordBordMaintenanceAction",
    permission: "bord.maintain",
    access: "staff",
    what: "record maintenance (repaired, replaced) of a placed bord",
    encoding: "state_form",
    rightful: STAFF_ROLES,
    input: (f) => ({ bordId: f.bordId, version: 1, kind: "repaired", occurredOn: "2026-12-01", note: "Gekaapt" }),
    unchanged: (f) => [staffProbe((x) => `/beheer/geplaatste-borden/${x.bordId}`, ["staat er"], ["Gekaapt", "melding afgehandeld"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "recordBordRemovalAction",
    permission: "bord.maintain",
    access: "staff",
    what: "record that a placed bord was taken away",
    encoding: "state_form",
    rightful: STAFF_ROLES,
    input: (f) => ({ bordId: f.bordId, version: 1, occurredOn: "2026-12-01", note: "Gekaapt" }),
    unchanged: (f) => [staffProbe((x) => `/beheer/geplaatste-borden/${x.bordId}`, ["staat er"], ["Gekaapt", "weggehaald"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "updateBordDetailsAction",
    permission: "bord.maintain",
    access: "staff",
    what: "change owner, cost and who paid of a placed bord",
    encoding: "state_form",
    rightful: STAFF_ROLES,
    input: (f) => ({ bordId: f.bordId, version: 1, owner: "Gekaapt", cost: "1", paidBy: "" }),
    unchanged: (f) => [staffProbe((x) => `/beheer/geplaatste-borden/${x.bordId}`, ["staat er"], ["Gekaapt"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "updateBordLocationAction",
    permission: "bord.maintain",
    access: "staff",
    what: "change where a placed bord stands (description and map point)",
    encoding: "state_form",
    rightful: STAFF_ROLES,
    input: (f) => ({ bordId: f.bordId, version: 1, location: "Gekaapte plek", lat: "52,1", lng: "5,1" }),
    unchanged: (f) => [staffProbe((x) => `/beheer/geplaatste-borden/${x.bordId}`, ["staat er"], ["Gekaapte plek"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "runYearlyCheckAction",
    permission: "group.check",
    access: "staff",
    what: "run the yearly check now for the municipality",
    encoding: "form",
    rightful: STAFF_ROLES,
    input: (f) => ({ municipalityId: f.municipalityId }),
    // Returns nothing (a form action); a refused call records no run by the caller.
    unchanged: (f) => [staffProbe((x) => `/beheer/jaarcontrole?gemeente=${x.municipalityId}`, [AUTHZ_TARGET.groupName], ["door Wilhelmina Stadhuis", "door een medewerker"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "decideSharedAddressesAction",
    permission: "address.decide_shared",
    access: "staff",
    what: "decide which of two groups the addresses they share count for (overlap list)",
    encoding: "form",
    rightful: STAFF_ROLES,
    input: (f) => ({ municipalityId: f.municipalityId, groupId: f.groupId, otherGroupId: f.otherGroupId, countFor: "group" }),
    // Returns nothing (a form action); a refused call stores no decision, so the list shows none.
    unchanged: (f) => [staffProbe((x) => `/beheer/wijken?gemeente=${x.municipalityId}`, ["Gaten en overlap per wijk"], ["De gemeente besloot"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "keepGroupAction",
    permission: "group.check",
    access: "staff",
    what: "keep a group that did not confirm the yearly check (confirm on its admins' behalf)",
    encoding: "form",
    rightful: STAFF_ROLES,
    input: (f) => ({ groupId: f.groupId }),
    // Returns nothing (a form action); the group still shows "niet bevestigd".
    unchanged: (f) => [staffProbe((x) => `/beheer/groepen/${x.groupId}`, ["niet bevestigd", "Gevraagd op"], ["Laatst bevestigd op"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "saveAreaAction",
    permission: "area.edit",
    access: "staff",
    what: "create or change a wijk and its postcodes",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ areaId: f.areaId, name: "Gekaapte Wijk", code: "WK990101", postcodes: "9901", totalAddresses: "1", municipalityId: f.municipalityId }),
    unchanged: (f) => [{ as: "anonymous", url: "/api/v1/wijken/noorderhaven", contains: ['"name":"Noorderhaven"'], lacks: ["Gekaapte"] }, staffProbe((x) => `/beheer/wijken?gemeente=${x.municipalityId}`, ["Noorderhaven"], ["Gekaapte Wijk"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "importAreaBoundariesAction",
    permission: "area.edit",
    access: "staff",
    what: "import wijk boundaries (GeoJSON) for the maps",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({
      geojson: JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { wijkcode: "WK990101" },
            geometry: { type: "Polygon", coordinates: [[[5.4321, 52.1234], [5.4421, 52.1234], [5.4421, 52.1334], [5.4321, 52.1234]]] },
          },
        ],
      }),
      municipalityId: f.municipalityId,
    }),
    unchanged: () => [{ as: "anonymous", url: "/api/v1/wijkgrenzen?gemeente=GM9901", contains: ['"name":"Noorderhaven"'], lacks: ["5.4321"] }],
  },
  {
    file: STAFF_ACTIONS,
    name: "saveContactAction",
    permission: "area.edit",
    access: "staff",
    what: "create or change a wijkagent or wethouder contact",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ contactId: f.wijkagentContactId, kind: "wijkagent", name: "Gekaapte Agent", email: ATTACKER, phone: "", areaIds: [f.areaId], municipalityId: f.municipalityId }),
    unchanged: (f) => [staffProbe((x) => `/beheer/wijken?gemeente=${x.municipalityId}`, [wijkagent.email], ["Gekaapte Agent", ATTACKER])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "deleteContactAction",
    permission: "area.edit",
    access: "staff",
    what: "delete a contact",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ contactId: f.wethouderContactId, municipalityId: f.municipalityId }),
    unchanged: (f) => [staffProbe((x) => `/beheer/wijken?gemeente=${x.municipalityId}`, [AUTHZ_TARGET.wethouder.email])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "updateSettingsAction",
    permission: "settings.edit",
    access: "staff",
    what: "change the bord threshold and safety mailbox",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ bordThreshold: "1", safetyEmail: ATTACKER, municipalityId: f.municipalityId }),
    unchanged: (f) => [staffProbe((x) => `/beheer/instellingen?gemeente=${x.municipalityId}`, [VOORBEELDSTAD.safetyEmail], [ATTACKER])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "updateBordSettingsAction",
    permission: "settings.edit",
    access: "staff",
    what: "change the bord settings: borden per group, the group's contribution, the condition",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ bordsPerGroup: "1", contribution: "987,65", condition: "addresses", householdPercent: "", municipalityId: f.municipalityId }),
    unchanged: (f) => [staffProbe((x) => `/beheer/instellingen?gemeente=${x.municipalityId}`, ["Eigen bijdrage per bord"], ["987,65"])(f)],
  },
  {
    file: STAFF_ACTIONS,
    name: "inviteUserAction",
    permission: "users.manage",
    access: "staff",
    what: "give someone a staff or wijkagent account",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ name: "Indringer Account", email: ATTACKER, role: "staff", municipalityId: f.municipalityId }),
    unchanged: () => [{ as: "platformAdmin", url: "/beheer/gebruikers", contains: [staff.email], lacks: [ATTACKER] }, noMailTo(ATTACKER)],
  },
  {
    file: STAFF_ACTIONS,
    name: "changeUserRoleAction",
    permission: "users.manage",
    access: "staff",
    what: "change or remove a staff or wijkagent account's role",
    encoding: "json",
    rightful: STAFF_ROLES,
    input: (f) => ({ userId: f.users.wijkagent, role: "none" }),
    unchanged: () => [{ as: "wijkagent", url: "/wijkagent", contains: [AUTHZ_TARGET.groupName] }],
  },
  {
    file: "app/beheer/gemeenten/actions.ts",
    name: "createMunicipalityAction",
    permission: "municipality.manage",
    access: "platform_admin",
    what: "add a municipality",
    encoding: "json",
    rightful: ["platformAdmin"],
    input: () => ({ code: "GM9998", name: "Indringerstad", bordThreshold: "1", safetyEmail: ATTACKER }),
    unchanged: () => [{ as: "platformAdmin", url: "/beheer/gemeenten", contains: [VOORBEELDSTAD.name], lacks: ["Indringerstad"] }],
  },
  {
    file: "app/beheer/gemeenten/actions.ts",
    name: "updateMunicipalityAction",
    permission: "municipality.manage",
    access: "platform_admin",
    what: "change a municipality's code, name, threshold and safety mailbox",
    encoding: "json",
    rightful: ["platformAdmin"],
    input: (f) => ({ municipalityId: f.municipalityId, code: VOORBEELDSTAD.code, name: "Gekaapt", bordThreshold: "1", safetyEmail: ATTACKER }),
    unchanged: (f) => [{ as: "platformAdmin", url: `/beheer/gemeenten/${f.municipalityId}`, contains: [VOORBEELDSTAD.safetyEmail], lacks: [ATTACKER, "Gekaapt"] }],
  },
  {
    file: "app/beheer/gemeenten/actions.ts",
    name: "setMunicipalityEnabledAction",
    permission: "municipality.manage",
    access: "platform_admin",
    what: "disable or enable a municipality",
    encoding: "json",
    rightful: ["platformAdmin"],
    input: (f) => ({ municipalityId: f.municipalityId, enabled: false }),
    unchanged: (f) => [{ as: "platformAdmin", url: `/beheer/gemeenten/${f.municipalityId}`, contains: [VOORBEELDSTAD.name], lacks: ["Uitgezet: doet niet mee"] }],
  },
  {
    file: "app/beheer/privacy/actions.ts",
    name: "previewErasureAction",
    permission: "privacy.manage",
    access: "platform_admin",
    what: "what erasing an e-mail address would remove",
    encoding: "json",
    rightful: ["platformAdmin"],
    input: () => ({ email: owner.email }),
    unchanged: (f) => [staffProbe((x) => `/beheer/groepen/${x.groupId}`, [owner.email, owner.name])(f)],
  },
  {
    file: "app/beheer/privacy/actions.ts",
    name: "erasePersonalDataAction",
    permission: "privacy.manage",
    access: "platform_admin",
    what: "erase everything about an e-mail address",
    encoding: "json",
    rightful: ["platformAdmin"],
    input: () => ({ email: owner.email, confirm: true, dissolveSoleAdminGroups: true }),
    unchanged: (f) => [staffProbe((x) => `/beheer/groepen/${x.groupId}`, [owner.email, owner.name])(f), publicGroupApi()],
  },
  {
    file: "app/beheer/e-mail/actions.ts",
    name: "retryDeadMailAction",
    permission: "mailbox.dead_letters",
    access: "platform_admin",
    what: "send an undelivered e-mail again",
    encoding: "form",
    rightful: ["platformAdmin"],
    input: (f) => ({ id: String(f.deadMailId) }),
    // Returns nothing (a form action); the refusal shows only in what did not change.
    unchanged: () => [{ as: "platformAdmin", url: "/beheer/e-mail", contains: [AUTHZ_TARGET.deadMailSubject] }, noMailTo(AUTHZ_TARGET.deadMailTo)],
  },
];

/** The refusal code a wrong actor gets from an action (see lib/actions.ts). */
export function expectedRefusal(entry: ActionEntry, actor: AuthzActor): string {
  if (actor === "anonymous") return "unauthorized";
  return entry.refusal?.[actor] ?? "not_found";
}

/** What `actor` should get from a page entry. */
export function expectedPageOutcome(entry: PageEntry, actor: AuthzActor): "data" | "not_found" | "own_view" | "sign_in" {
  if (entry.rightful.includes(actor)) return "data";
  if (typeof entry.others === "string") {
    if (entry.others === "not_found" && actor === "anonymous" && entry.kind === "page") return "sign_in";
    return entry.others;
  }
  const specific = entry.others[actor];
  if (specific) return specific;
  if (actor === "anonymous") return entry.kind === "page" ? "sign_in" : "not_found";
  return "not_found";
}
