/**
 * The second, clearly fictional municipality the authorisation matrix (e2e/security-authz.spec.ts)
 * works on: "Voorbeeldstad" (GM9901) with two wijken, two groups, staff, two wijkagenten, an open
 * join request, a pending co-admin invitation, a bord request and an undelivered e-mail.
 *
 * It is written into the embedded database of a second e2e server (its own port and data folder,
 * next to the demo servers the other specs use) by e2e/support/authz-seed.ts, run by
 * e2e/support/e2e-seed.ts before that server starts (PGlite cannot be shared with a running
 * server). Nothing of it is in the application: the demo seed and production never see it.
 *
 * The matrix signs in as these people with sessions the seed script stores (the session cookie
 * holds the token, as after a real sign-in); Krimpen's demo accounts serve as the staff of
 * another municipality and the platform admin.
 *
 * Pure data: imported by the seed script (tsx), the spec (Playwright) and the inventory test
 * (vitest).
 */

export const AUTHZ_FIXTURE_FILE = "authz-fixture.json";

/** The data folder of the matrix's own e2e server (playwright.config.ts). */
export const AUTHZ_DATA_DIR = ".e2e-authz-data";

/** Its port: E2E_AUTHZ_PORT, else E2E_PORT (default 3100) + 1000. */
export function authzPort(): number {
  return Number(process.env.E2E_AUTHZ_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1000);
}

export function authzBaseURL(): string {
  return `http://localhost:${authzPort()}`;
}

export const VOORBEELDSTAD = {
  code: "GM9901",
  name: "Voorbeeldstad",
  slug: "voorbeeldstad",
  safetyEmail: "veiligheid@voorbeeldstad.example",
  bordThreshold: 45,
} as const;

export interface AuthzPerson {
  email: string;
  name: string | null;
  phone: string | null;
}

/** Everyone the matrix acts as; `key` is how the spec names them. */
export const AUTHZ_PEOPLE = {
  /** Admin of the target group "Noorderhaven Waakt" (the rightful group admin). */
  owner: { email: "beheerder.noorderhaven@voorbeeldstad.example", name: "Geertruida Noorderhaven", phone: "+31687650001" },
  /** Second admin of the target group (the one a wrong actor tries to remove). */
  coOwner: { email: "mede.noorderhaven@voorbeeldstad.example", name: "Hendrikus Kademuur", phone: "+31687650002" },
  /** Admin of another group in the same municipality ("Zuiderhaven Alert"). */
  otherAdmin: { email: "beheerder.zuiderhaven@voorbeeldstad.example", name: "Cornelia Zuiderkaai", phone: "+31687650003" },
  /** A signed-in resident without any group. */
  resident: { email: "zonder.groep@voorbeeldstad.example", name: null, phone: null },
  /** Staff of Voorbeeldstad (the rightful staff). */
  staff: { email: "medewerker@voorbeeldstad.example", name: "Wilhelmina Stadhuis", phone: "+31101230000" },
  /** Wijkagent of Noorderhaven (the target group's wijk). */
  wijkagent: { email: "wijkagent.noorderhaven@voorbeeldstad.example", name: "Agent Bartholomeus Noord", phone: "+31900884401" },
  /** Wijkagent of Zuiderhaven (another wijk of the same municipality). */
  otherWijkagent: { email: "wijkagent.zuiderhaven@voorbeeldstad.example", name: "Agent Desiree Zuid", phone: "+31900884402" },
  /** The person the open co-admin invitation is for. */
  invitee: { email: "uitgenodigd@voorbeeldstad.example", name: null, phone: null },
  /** Krimpen's demo staff account: staff of ANOTHER municipality. */
  foreignStaff: { email: "medewerker@krimpen.example", name: null, phone: null },
  /** Krimpen's demo platform admin. */
  platformAdmin: { email: "platformbeheer@krimpen.example", name: null, phone: null },
} satisfies Record<string, AuthzPerson>;

export type AuthzPersonKey = keyof typeof AUTHZ_PEOPLE;

export const AUTHZ_TARGET = {
  groupName: "Noorderhaven Waakt",
  groupSlug: "noorderhaven-waakt",
  otherGroupName: "Zuiderhaven Alert",
  otherGroupSlug: "zuiderhaven-alert",
  /** The street of the target group's member addresses (private: only its admins see them). */
  street: "Geheimhoudersstraat",
  postcodeArea: "9901",
  otherPostcodeArea: "9902",
  addressCount: 55,
  joinRequest: { name: "Aanvrager Vertrouwelijk", email: "aanvrager.vertrouwelijk@voorbeeldstad.example", phone: "+31687659999" },
  invitationEmail: "uitgenodigd@voorbeeldstad.example",
  wethouder: { name: "Wethouder Ambrosius Raad", email: "wethouder@voorbeeldstad.example" },
  whatsappInviteUrl: "https://chat.whatsapp.com/GEHEIMnoorderhavenwaakt",
  deadMailTo: "onbestelbaar@voorbeeldstad.example",
  deadMailSubject: "Onbestelbaar bericht Voorbeeldstad",
} as const;

/**
 * Personal data of Voorbeeldstad that only the rightful roles may see. A response to anyone
 * else must contain none of these. (The admin of the other group is left out: the wijkagent of
 * that group's wijk may see their name and phone number.)
 */
export const AUTHZ_SECRETS: string[] = [
  ...Object.values(AUTHZ_PEOPLE)
    .filter((p) => p.email.endsWith("@voorbeeldstad.example") && p.email !== AUTHZ_PEOPLE.otherAdmin.email)
    .flatMap((p) => [p.email, p.name, p.phone])
    .filter((v): v is string => typeof v === "string"),
  AUTHZ_TARGET.street,
  AUTHZ_TARGET.joinRequest.name,
  AUTHZ_TARGET.joinRequest.email,
  AUTHZ_TARGET.joinRequest.phone,
  AUTHZ_TARGET.wethouder.email,
  AUTHZ_TARGET.whatsappInviteUrl,
  AUTHZ_TARGET.deadMailTo,
];

/** What the seed script writes into DATA_DIR/authz-fixture.json for the spec. */
/** Text inside the target bord's stored photo: the photo route's answer holds it. */
export const AUTHZ_PHOTO_MARK = "AUTHZ-BORDFOTO-7Q";

export interface AuthzFixture {
  municipalityId: string;
  areaId: string;
  otherAreaId: string;
  groupId: string;
  otherGroupId: string;
  /** A member address id of the target group. */
  addressId: number;
  joinRequestId: string;
  invitationId: string;
  /** The token of the invitation link (only its hash is stored). */
  invitationToken: string;
  bordRequestId: string;
  /** The target group's placed bord (its record, /beheer/geplaatste-borden/[id]). */
  bordId: string;
  wijkagentContactId: string;
  wethouderContactId: string;
  deadMailId: number;
  users: Record<AuthzPersonKey, string>;
  /** Session tokens (the value of the session cookie) per person. */
  sessions: Record<AuthzPersonKey, string>;
}
