/**
 * The accounts the specs act as. e2e/support/e2e-seed.ts gives each a database session before
 * the demo server starts (the session cookie holds the token, as after a real sign-in), so a
 * spec is signed in by setting the cookie (e2e/support/test.ts) instead of going through
 * /inloggen and the demo mailbox. The real e-mail link flow is tested in e2e/sign-in.spec.ts
 * only, with its own sessions (and its own staff account for "sign out on all devices", which
 * ends every session of the account).
 *
 * Pure data: imported by the seed script (tsx) and the fixtures (Playwright).
 */

/** Demo accounts of the seed (db/seed/demo.ts). */
export const GROUP_ADMIN = "groepsbeheerder@krimpen.example";
export const CO_ADMIN = "medebeheerder@krimpen.example";
/** Admin of "Buurtpreventie Kortland Vogelbuurt". */
export const RESIDENT_ADMIN = "bewoner@krimpen.example";
/** Admin of "Lansingh-Zuid Let Op Elkaar". */
export const LANSINGH_ADMIN = "lansingh@krimpen.example";
/** Admin of "Boveneind Alert", whose acceptance of the house rules is not on record: accepts them at sign-in. */
export const RULES_ADMIN = "boveneind@krimpen.example";
export const STAFF = "medewerker@krimpen.example";
export const WIJKAGENT = "wijkagent.langeland@krimpen.example";
export const PLATFORM_ADMIN = "platformbeheer@krimpen.example";

export const DEMO_ACCOUNTS_WITH_SESSIONS = [GROUP_ADMIN, CO_ADMIN, RESIDENT_ADMIN, LANSINGH_ADMIN, RULES_ADMIN, STAFF, WIJKAGENT, PLATFORM_ADMIN] as const;

// Accounts that do not exist in the demo (see NEW_RESIDENTS).

/** e2e/register-group.spec.ts: registers a group. */
export const NEW_RESIDENT = "nieuw@bewoner.example";
/** e2e/register-group.spec.ts: opens an invitation meant for someone else. */
export const SOMEONE_ELSE = "iemand.anders@bewoner.example";
/** e2e/register-group.spec.ts: the invited co-admin of the new group. */
export const NEW_CO_ADMIN = "medebeheerder.nieuw@bewoner.example";
/** e2e/keyboard.spec.ts: registers a group with the keyboard. */
export const KEYBOARD_ADMIN = "toetsenbord.beheerder@bewoner.example";
/** e2e/xss.spec.ts: registers the group the samples go through. */
export const XSS_ADMIN = "xss.beheerder@bewoner.example";
/** e2e/privacy-admin.spec.ts: the person whose data is exported and erased. */
export const PRIVACY_PERSON = "privacy.e2e@voorbeeld.nl";
/** e2e/staff-invitation.spec.ts: accepts an invitation to become wijkagent. */
export const STAFF_INVITEE = "word.wijkagent@bewoner.example";
/** e2e/sign-in.spec.ts: signs out at /uitloggen, which ends the seeded session. */
export const SIGN_OUT_RESIDENT = "uitloggen.bewoner@bewoner.example";

/**
 * e2e/my-group.spec.ts dissolves a group. Not one of the demo's: each of those is needed by other
 * specs (Lansingh-Zuid Let Op Elkaar, which it dissolved before, has the demo's placed bord that
 * e2e/placed-bords.spec.ts reports and repairs: on a server where my-group.spec.ts had run first,
 * placed-bords.spec.ts found the group gone). e2e/support/e2e-seed.ts adds this group in the wijk
 * Lansingh-Zuid, with its admin (and the admin's session), for that test alone.
 */
export const DISSOLVE_ADMIN = "opheffen.beheerder@bewoner.example";
export const DISSOLVE_GROUP = { name: "Buurtpreventie De Hofjes", slug: "buurtpreventie-de-hofjes", area: "Lansingh-Zuid", adminName: "Otto Opheffer" } as const;

/**
 * Created by the seed as a first sign-in creates them (the e-mail address, verified; a resident
 * without any details), each with a session.
 */
export const NEW_RESIDENTS = [NEW_RESIDENT, SOMEONE_ELSE, NEW_CO_ADMIN, KEYBOARD_ADMIN, XSS_ADMIN, PRIVACY_PERSON, SIGN_OUT_RESIDENT, STAFF_INVITEE] as const;

/**
 * A staff account of Krimpen for e2e/sign-in.spec.ts alone: it signs out on all devices, which
 * ends every session of the account (so not the demo staff account, whose seeded session other
 * specs use). The seed gives it three sessions, one per "device" (SIGN_OUT_DEVICES).
 */
export const SIGN_OUT_STAFF = { email: "uitloggen.medewerker@krimpen.example", name: "Ulla Uitlog" } as const;

/** The keys of SIGN_OUT_STAFF's seeded sessions in the sessions file: three devices. */
export const SIGN_OUT_DEVICES = [`${SIGN_OUT_STAFF.email}#1`, `${SIGN_OUT_STAFF.email}#2`, `${SIGN_OUT_STAFF.email}#3`] as const;

export type SeededAccount = (typeof DEMO_ACCOUNTS_WITH_SESSIONS)[number] | (typeof NEW_RESIDENTS)[number] | (typeof SIGN_OUT_DEVICES)[number] | typeof DISSOLVE_ADMIN;
