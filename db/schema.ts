/**
 * The whole data model. Tables are plural and snake_case in SQL (drizzle `casing: "snake_case"`),
 * camelCase in TypeScript. Every rule the domain implies that a database can hold is also a
 * constraint here, so a bug in the application cannot store what the rules forbid.
 */
import { relations, sql } from "drizzle-orm";
import {
  customType,
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { BoundaryGeometry } from "../lib/domain/geo";

/** Postcode as stored: four digits (first not 0), two letters, never SA, SD or SS. */
const POSTCODE_SQL = `'^[1-9][0-9]{3}[A-Z]{2}$'`;
const POSTCODE_EXCLUDED_SQL = `'(SA|SD|SS)$'`;

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/**
 * Column builders the tables share: a random uuid primary key, and references to another
 * table's id (uuid, or text for users) with what happens on delete, required or not. Written
 * once here so each table states only what differs.
 */
type OnDelete = "cascade" | "restrict" | "set null";
const primaryId = () => uuid().primaryKey().defaultRandom();
const uuidRef = (target: () => AnyPgColumn, onDelete: OnDelete) => uuid().references(target, { onDelete });
const requiredUuidRef = (target: () => AnyPgColumn, onDelete: OnDelete) => uuid().notNull().references(target, { onDelete });
const textRef = (target: () => AnyPgColumn, onDelete: OnDelete) => text().references(target, { onDelete });
const requiredTextRef = (target: () => AnyPgColumn, onDelete: OnDelete) => text().notNull().references(target, { onDelete });

/**
 * What every invitation sent as an e-mail link holds: the SHA-256 of the token in the link (the
 * token itself is never stored), who invited, until when the link works, and when it was accepted.
 * A function, so that each table gets columns of its own.
 */
const invitationLink = () => ({
  tokenHash: text().notNull().unique(),
  invitedByUserId: textRef(() => users.id, "set null"),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  acceptedAt: timestamp({ withTimezone: true }),
});

// ---------------------------------------------------------------------------------------------
// Enums

export const userRoles = ["resident", "staff", "wijkagent", "platform_admin"] as const;
export type UserRole = (typeof userRoles)[number];
export const userRole = pgEnum("user_role", userRoles);

export const contactKinds = ["wijkagent", "wethouder"] as const;
export type ContactKind = (typeof contactKinds)[number];
export const contactKind = pgEnum("contact_kind", contactKinds);

export const groupStatuses = ["active", "dissolved"] as const;
export type GroupStatus = (typeof groupStatuses)[number];
export const groupStatus = pgEnum("group_status", groupStatuses);

/**
 * What a group needs for a bord, per municipality: a fixed number of distinct addresses
 * (`addresses`, the threshold) or a share of the households of the group's wijk (`household_share`).
 */
export const bordConditions = ["addresses", "household_share"] as const;
export type BordCondition = (typeof bordConditions)[number];
export const bordCondition = pgEnum("bord_condition", bordConditions);

export const joinRequestStatuses = ["open", "accepted", "declined"] as const;
export type JoinRequestStatus = (typeof joinRequestStatuses)[number];
export const joinRequestStatus = pgEnum("join_request_status", joinRequestStatuses);

export const bordRequestStatuses = [
  "submitted",
  "in_review",
  "approved",
  "placed",
  "rejected",
  "withdrawn",
] as const;
export type BordRequestStatusValue = (typeof bordRequestStatuses)[number];
export const bordRequestStatus = pgEnum("bord_request_status", bordRequestStatuses);

/** Where someone accepted the house rules: registering a group, accepting an invitation, asking to join, a new version. */
export const houseRulesContexts = ["registration", "invitation", "join_request", "new_version"] as const;
export type HouseRulesContext = (typeof houseRulesContexts)[number];
export const houseRulesContext = pgEnum("house_rules_context", houseRulesContexts);
/**
 * A member address checked against the address register (BAG via PDOK, or the demo register):
 * verified (it exists; only these count for a bord), unchecked ("niet gecontroleerd": the
 * register could not be reached; the re-check job tries again), not_found (a re-check found
 * that it does not exist).
 */
export const addressChecks = ["verified", "unchecked", "not_found"] as const;
export type AddressCheck = (typeof addressChecks)[number];
export const addressCheck = pgEnum("address_check", addressChecks);

/**
 * The yearly check of a group: open stages asked → reminded → unconfirmed → decision,
 * closed as confirmed (by an admin's link), kept (staff confirmed on the admins' behalf) or
 * dissolved.
 */
export const groupCheckStages = ["asked", "reminded", "unconfirmed", "decision", "confirmed", "kept", "dissolved"] as const;
export type GroupCheckStage = (typeof groupCheckStages)[number];
export const groupCheckStage = pgEnum("group_check_stage", groupCheckStages);

export const outboxStatuses = ["pending", "sending", "sent", "dead"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const outboxStatus = pgEnum("outbox_status", outboxStatuses);

// ---------------------------------------------------------------------------------------------
// Municipalities and their wijken

export const municipalities = pgTable(
  "municipalities",
  {
    id: primaryId(),
    /** CBS code, e.g. GM0542 (Krimpen aan den IJssel). */
    code: text().notNull().unique(),
    name: text().notNull(),
    slug: text().notNull().unique(),
    /** Distinct participating addresses inside the municipality needed for a bord. */
    bordThreshold: integer().notNull().default(50),
    /** Whether the fixed threshold applies, or a share of the households of the group's wijk. */
    bordCondition: bordCondition().notNull().default("addresses"),
    /**
     * With `household_share`: the percentage (1–100) of the wijk's addresses (areas.total_addresses)
     * a group needs; a wijk without a known total falls back to the fixed threshold.
     */
    bordHouseholdPercent: integer(),
    /** How many borden one group may ask for, 1–4 (bord_requests allows 4; the default keeps what the form always allowed). */
    bordsPerGroup: integer().notNull().default(4),
    /** The group's own contribution per bord, in euro cents; 0 when the municipality pays all. */
    bordContributionCents: integer().notNull().default(0),
    /** Team Veiligheid's mailbox: receives new bord requests. */
    safetyEmail: text().notNull(),
    /**
     * Set when a platform admin disabled the municipality (/beheer/gemeenten): its public pages
     * say it no longer takes part, no new groups or join requests, and its staff and
     * wijkagenten act as residents until it is enabled again. Nothing is deleted.
     */
    disabledAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check("municipalities_code_format", sql`${t.code} ~ '^GM[0-9]{4}$'`),
    check("municipalities_bord_threshold_range", sql`${t.bordThreshold} between 1 and 100000`),
    check("municipalities_bord_household_percent_range", sql`${t.bordHouseholdPercent} is null or ${t.bordHouseholdPercent} between 1 and 100`),
    check("municipalities_bord_household_percent_set", sql`${t.bordCondition} <> 'household_share' or ${t.bordHouseholdPercent} is not null`),
    check("municipalities_bords_per_group_range", sql`${t.bordsPerGroup} between 1 and 4`),
    check("municipalities_bord_contribution_range", sql`${t.bordContributionCents} between 0 and 1000000`),
    check("municipalities_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const areas = pgTable(
  "areas",
  {
    id: primaryId(),
    municipalityId: requiredUuidRef(() => municipalities.id, "restrict"),
    /** CBS wijk code, e.g. WK054201. */
    code: text().notNull().unique(),
    name: text().notNull(),
    slug: text().notNull().unique(),
    /** Total number of addresses in the wijk, for the coverage figure; null when unknown. */
    totalAddresses: integer(),
    /**
     * The wijk's outline: a GeoJSON Polygon or MultiPolygon in WGS84 (longitude, latitude),
     * simplified on import (lib/domain/geo.ts); null until a boundary file is imported.
     */
    boundary: jsonb().$type<BoundaryGeometry>(),
    ...timestamps,
  },
  (t) => [
    check("areas_code_format", sql`${t.code} ~ '^WK[0-9]{6}$'`),
    check(
      "areas_boundary_geojson",
      sql`${t.boundary} is null or (jsonb_typeof(${t.boundary}) = 'object' and ${t.boundary}->>'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(${t.boundary}->'coordinates') = 'array')`,
    ),
    check("areas_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("areas_total_addresses_range", sql`${t.totalAddresses} is null or ${t.totalAddresses} >= 0`),
    uniqueIndex("areas_municipality_name_unique").on(t.municipalityId, sql`lower(${t.name})`),
  ],
);

/**
 * Which postcodes belong to which wijk: either a 4-digit area (`2921`) or a full postcode
 * (`2921AB`). A full postcode wins over its 4-digit area when both are present.
 */
export const areaPostcodes = pgTable(
  "area_postcodes",
  {
    areaId: requiredUuidRef(() => areas.id, "cascade"),
    postcode: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.areaId, t.postcode] }),
    index("area_postcodes_postcode_idx").on(t.postcode),
    check(
      "area_postcodes_postcode_format",
      sql`${t.postcode} ~ '^[1-9][0-9]{3}([A-Z]{2})?$' and ${t.postcode} !~ ${sql.raw(POSTCODE_EXCLUDED_SQL)}`,
    ),
  ],
);

/**
 * The CBS buurten of a wijk (code BU + 8 digits, e.g. BU05420101 in wijk WK054201), as imported
 * from the municipality's wijk- en buurtenlijst (/beheer/wijken/import). Reference data: a buurt
 * belongs to one wijk of its municipality; a re-import replaces the municipality's buurten
 * (added, renamed, moved to another wijk, removed). Nothing else points at a buurt yet.
 */
export const neighbourhoods = pgTable(
  "neighbourhoods",
  {
    id: primaryId(),
    municipalityId: requiredUuidRef(() => municipalities.id, "cascade"),
    areaId: requiredUuidRef(() => areas.id, "cascade"),
    /** CBS buurt code, e.g. BU05420101; its digits 1–6 are those of its wijk's code. */
    code: text().notNull().unique(),
    name: text().notNull(),
  },
  (t) => [
    index("neighbourhoods_area_idx").on(t.areaId),
    index("neighbourhoods_municipality_idx").on(t.municipalityId),
    check("neighbourhoods_code_format", sql`${t.code} ~ '^BU[0-9]{8}$'`),
    check("neighbourhoods_name_length", sql`char_length(${t.name}) between 1 and 100`),
  ],
);

// ---------------------------------------------------------------------------------------------
// People: users (everyone who signs in) and Auth.js tables

export const users = pgTable(
  "users",
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Always stored in lower case; unique regardless of case. */
    email: text().notNull(),
    name: text(),
    /** E.164, e.g. +31612345678. */
    phone: text(),
    birthDate: date({ mode: "string" }),
    postcode: text(),
    houseNumber: integer(),
    addition: text().notNull().default(""),
    role: userRole().notNull().default("resident"),
    /** Staff and wijkagenten belong to one municipality. */
    municipalityId: uuidRef(() => municipalities.id, "restrict"),
    emailVerified: timestamp({ withTimezone: true, mode: "date" }),
    image: text(),
    disabledAt: timestamp({ withTimezone: true }),
    lastSignInAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    check(
      "users_role_municipality",
      sql`${t.role} not in ('staff', 'wijkagent') or ${t.municipalityId} is not null`,
    ),
    check(
      "users_postcode_format",
      sql`${t.postcode} is null or (${t.postcode} ~ ${sql.raw(POSTCODE_SQL)} and ${t.postcode} !~ ${sql.raw(POSTCODE_EXCLUDED_SQL)})`,
    ),
    check("users_house_number_range", sql`${t.houseNumber} is null or ${t.houseNumber} between 1 and 99999`),
    check("users_addition_length", sql`char_length(${t.addition}) <= 6`),
    index("users_municipality_role_idx").on(t.municipalityId, t.role),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: requiredTextRef(() => users.id, "cascade"),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index("accounts_user_idx").on(t.userId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text().primaryKey(),
    userId: requiredTextRef(() => users.id, "cascade"),
    expires: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expires)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] }), index("verification_tokens_expires_idx").on(t.expires)],
);

/**
 * An invitation to a staff or wijkagent role of a municipality. Inviting
 * never changes an account: the person signs in with the invited address and accepts; only
 * then the role is given. Every address gets the same invitation, account or not.
 */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: primaryId(),
    municipalityId: requiredUuidRef(() => municipalities.id, "cascade"),
    /** Always stored in lower case. */
    email: text().notNull(),
    /** The name staff typed, for the greeting of the e-mail; given to the account only if it has none. */
    name: text(),
    role: userRole().notNull(),
    ...invitationLink(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("staff_invitations_open_unique")
      .on(t.municipalityId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null`),
    index("staff_invitations_email_idx").on(sql`lower(${t.email})`),
    check("staff_invitations_email_lower", sql`${t.email} = lower(${t.email})`),
    check("staff_invitations_role", sql`${t.role} in ('staff', 'wijkagent')`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Contacts: wijkagenten and wethouders, per wijk

export const contacts = pgTable(
  "contacts",
  {
    id: primaryId(),
    municipalityId: requiredUuidRef(() => municipalities.id, "restrict"),
    kind: contactKind().notNull(),
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
    /** The account this contact signs in with (a wijkagent's view of their wijken). */
    userId: textRef(() => users.id, "set null"),
    ...timestamps,
  },
  (t) => [
    index("contacts_municipality_idx").on(t.municipalityId, t.kind),
    index("contacts_user_idx").on(t.userId),
    check("contacts_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export const contactAreas = pgTable(
  "contact_areas",
  {
    contactId: requiredUuidRef(() => contacts.id, "cascade"),
    areaId: requiredUuidRef(() => areas.id, "cascade"),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.areaId] }), index("contact_areas_area_idx").on(t.areaId)],
);

/**
 * The demo address register: made-up addresses that play the role of the BAG when no
 * ADDRESS_LOOKUP_URL is set (lib/data/internal/address-register.ts). Seeded with the demo;
 * empty in production, where an address then stays "niet gecontroleerd".
 */
export const registerAddresses = pgTable(
  "register_addresses",
  {
    postcode: text().notNull(),
    houseNumber: integer().notNull(),
    addition: text().notNull().default(""),
    street: text().notNull(),
    town: text().notNull(),
    /** CBS municipality code, e.g. GM0542. */
    municipalityCode: text().notNull(),
    municipalityName: text().notNull(),
    /** CBS wijk code when known. */
    areaCode: text(),
  },
  (t) => [
    primaryKey({ columns: [t.postcode, t.houseNumber, t.addition] }),
    index("register_addresses_street_idx").on(sql`lower(${t.street})`, t.houseNumber),
    check("register_addresses_municipality_code", sql`${t.municipalityCode} ~ '^GM[0-9]{4}$'`),
    check(
      "register_addresses_postcode_format",
      sql`${t.postcode} ~ ${sql.raw(POSTCODE_SQL)} and ${t.postcode} !~ ${sql.raw(POSTCODE_EXCLUDED_SQL)}`,
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Groups, their admins and member addresses

export const groups = pgTable(
  "groups",
  {
    id: primaryId(),
    municipalityId: requiredUuidRef(() => municipalities.id, "restrict"),
    areaId: requiredUuidRef(() => areas.id, "restrict"),
    slug: text().notNull().unique(),
    name: text().notNull(),
    /**
     * The name's confusable skeleton (lib/domain/group-name.ts: TR39, case, width and spaces
     * folded), so that look-alike names are refused by the database too. Set with every name;
     * null only for a row a migration found but could not fill (see db/migrate.ts).
     */
    nameSkeleton: text(),
    /** Free description of the streets the group covers. */
    description: text().notNull().default(""),
    status: groupStatus().notNull().default("active"),
    /** The WhatsApp invite link; shown only to the group's admins and sent to accepted residents. */
    whatsappInviteUrl: text(),
    /** The group says it is also registered on wabp.nl (the national WhatsApp buurtpreventie list). */
    wabpRegistered: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    ...timestamps,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dissolvedAt: timestamp({ withTimezone: true }),
    /** When an admin (or staff on their behalf) last confirmed the group is still active; null: never (the yearly check counts from createdAt). */
    lastConfirmedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    /** Names are unique among active groups: a dissolved group's name can be used again. */
    uniqueIndex("groups_municipality_name_unique")
      .on(t.municipalityId, sql`lower(${t.name})`)
      .where(sql`${t.status} = 'active'`),
    /** Nor may an active group's name look like another's (Cyrillic "О" for "O", fullwidth…). */
    uniqueIndex("groups_municipality_name_skeleton_unique")
      .on(t.municipalityId, t.nameSkeleton)
      .where(sql`${t.status} = 'active'`),
    index("groups_area_status_idx").on(t.areaId, t.status),
    index("groups_municipality_status_idx").on(t.municipalityId, t.status, t.createdAt),
    /**
     * The staff groups list sorted by name (its default), a page at a time by keyset: across all
     * municipalities (the platform admin) the first page reads 51 rows of this index instead of
     * sorting every group (docs/performance.md).
     */
    index("groups_name_sort_idx").on(sql`lower(${t.name})`, t.id),
    check("groups_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("groups_name_length", sql`char_length(${t.name}) between 3 and 80`),
    check(
      "groups_dissolved_at",
      sql`(${t.status} = 'dissolved') = (${t.dissolvedAt} is not null)`,
    ),
  ],
);

export const groupAdmins = pgTable(
  "group_admins",
  {
    groupId: requiredUuidRef(() => groups.id, "cascade"),
    userId: requiredTextRef(() => users.id, "cascade"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("group_admins_user_idx").on(t.userId)],
);

/** An invitation to become co-admin, accepted through a link sent by e-mail. */
export const groupAdminInvitations = pgTable(
  "group_admin_invitations",
  {
    id: primaryId(),
    groupId: requiredUuidRef(() => groups.id, "cascade"),
    email: text().notNull(),
    ...invitationLink(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("group_admin_invitations_open_unique")
      .on(t.groupId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null`),
  ],
);

/**
 * A participating address. Only the address is stored: no names or phone numbers of members.
 * The address is normalised (postcode `1234AB`, addition upper case without spaces) and unique
 * per group, so a count of rows is the count of distinct addresses.
 */
export const memberAddresses = pgTable(
  "member_addresses",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    groupId: requiredUuidRef(() => groups.id, "cascade"),
    postcode: text().notNull(),
    houseNumber: integer().notNull(),
    addition: text().notNull().default(""),
    street: text(),
    town: text(),
    /** Wijk the address lies in, when known (from the area-postcode table or the address service). */
    areaId: uuidRef(() => areas.id, "set null"),
    /** Whether the address lies inside the group's municipality (only those count for a bord). */
    inMunicipality: boolean().notNull().default(true),
    /** Checked against the address register (BAG via PDOK, or the demo register). */
    verification: addressCheck().notNull().default("unchecked"),
    /** When an unchecked address is due for the re-check job (also its claim: lib/data/internal/address-recheck.ts). */
    nextCheckAt: timestamp({ withTimezone: true }),
    addedByUserId: textRef(() => users.id, "set null"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("member_addresses_group_address_unique").on(t.groupId, t.postcode, t.houseNumber, t.addition),
    index("member_addresses_lookup_idx").on(t.postcode, t.houseNumber, t.addition),
    /** The public figures of one municipality or wijk count the addresses that lie in its wijken (lib/data/public/areas.ts). */
    index("member_addresses_area_idx").on(t.areaId),
    /** Only verified addresses inside the municipality count for a bord. */
    index("member_addresses_group_counted_idx")
      .on(t.groupId)
      .where(sql`${t.inMunicipality} and ${t.verification} = 'verified'`),
    index("member_addresses_recheck_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.verification} = 'unchecked'`),
    check(
      "member_addresses_postcode_format",
      sql`${t.postcode} ~ ${sql.raw(POSTCODE_SQL)} and ${t.postcode} !~ ${sql.raw(POSTCODE_EXCLUDED_SQL)}`,
    ),
    check("member_addresses_house_number_range", sql`${t.houseNumber} between 1 and 99999`),
    check(
      "member_addresses_addition_format",
      sql`char_length(${t.addition}) <= 6 and ${t.addition} = upper(${t.addition}) and ${t.addition} !~ '\\s'`,
    ),
  ],
);

/**
 * Staff's decision on an address that several active groups list: it counts for the
 * bord of this group instead of the one it joined first. One decision per address; it only
 * takes effect while this group is active and lists the address (verified, inside the
 * municipality), else the first-joined rule applies again. Who decided and when are kept here
 * and in the audit log.
 */
export const sharedAddressDecisions = pgTable(
  "shared_address_decisions",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: requiredUuidRef(() => municipalities.id, "cascade"),
    postcode: text().notNull(),
    houseNumber: integer().notNull(),
    addition: text().notNull().default(""),
    /** The group the address counts for. */
    groupId: requiredUuidRef(() => groups.id, "cascade"),
    decidedByUserId: textRef(() => users.id, "set null"),
    decidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("shared_address_decisions_address_unique").on(t.postcode, t.houseNumber, t.addition),
    index("shared_address_decisions_group_idx").on(t.groupId),
    check(
      "shared_address_decisions_postcode_format",
      sql`${t.postcode} ~ ${sql.raw(POSTCODE_SQL)} and ${t.postcode} !~ ${sql.raw(POSTCODE_EXCLUDED_SQL)}`,
    ),
    check("shared_address_decisions_house_number_range", sql`${t.houseNumber} between 1 and 99999`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Join requests (aanmeldingen)

export const joinRequests = pgTable(
  "join_requests",
  {
    id: primaryId(),
    groupId: requiredUuidRef(() => groups.id, "cascade"),
    status: joinRequestStatus().notNull().default("open"),
    /** Contact details: kept only until handled plus the retention period, then set to null. */
    name: text(),
    email: text(),
    phone: text(),
    birthDate: date({ mode: "string" }),
    postcode: text(),
    houseNumber: integer(),
    addition: text(),
    declineReason: text(),
    handledByUserId: textRef(() => users.id, "set null"),
    handledAt: timestamp({ withTimezone: true }),
    /** When the contact details of a handled request are removed. */
    purgeAfter: timestamp({ withTimezone: true }),
    purgedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("join_requests_group_status_idx").on(t.groupId, t.status, t.createdAt),
    index("join_requests_purge_idx").on(t.purgeAfter).where(sql`${t.purgedAt} is null`),
    /** One open request per e-mail address per group: a resent form does not create a second. */
    uniqueIndex("join_requests_open_unique")
      .on(t.groupId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'open'`),
    check(
      "join_requests_postcode_format",
      sql`${t.postcode} is null or (${t.postcode} ~ ${sql.raw(POSTCODE_SQL)} and ${t.postcode} !~ ${sql.raw(POSTCODE_EXCLUDED_SQL)})`,
    ),
    check("join_requests_house_number_range", sql`${t.houseNumber} is null or ${t.houseNumber} between 1 and 99999`),
    check(
      "join_requests_handled",
      sql`(${t.status} = 'open') = (${t.handledAt} is null)`,
    ),
    check(
      "join_requests_contact_present",
      sql`${t.purgedAt} is not null or (${t.name} is not null and ${t.email} is not null)`,
    ),
  ],
);

// ---------------------------------------------------------------------------------------------
// Consent: who accepted which version of the house rules (lib/domain/house-rules.ts), and when

/**
 * One acceptance of the house rules: by an account (a group admin: registering, accepting an
 * invitation, or a new version at sign-in) or by a join request (a resident without account).
 * Deleted with the account or the join request (erasure); never updated.
 */
export const houseRulesAcceptances = pgTable(
  "house_rules_acceptances",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: textRef(() => users.id, "cascade"),
    joinRequestId: uuidRef(() => joinRequests.id, "cascade"),
    /** The group it was accepted for, when there was one (not for a new version at sign-in). */
    groupId: uuidRef(() => groups.id, "set null"),
    version: integer().notNull(),
    context: houseRulesContext().notNull(),
    acceptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("house_rules_acceptances_user_idx").on(t.userId, t.version),
    index("house_rules_acceptances_join_request_idx").on(t.joinRequestId),
    check("house_rules_acceptances_version", sql`${t.version} >= 1`),
    check("house_rules_acceptances_one_subject", sql`(${t.userId} is null) <> (${t.joinRequestId} is null)`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Bord requests (bordaanvragen) and their history

export const bordRequests = pgTable(
  "bord_requests",
  {
    id: primaryId(),
    groupId: requiredUuidRef(() => groups.id, "cascade"),
    status: bordRequestStatus().notNull().default("submitted"),
    bordCount: integer().notNull().default(1),
    street: text().notNull(),
    nearHouseNumber: integer(),
    locationDescription: text().notNull().default(""),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    note: text().notNull().default(""),
    /** Reason for a rejection (required then). */
    reason: text(),
    placedOn: date({ mode: "string" }),
    placedLocation: text(),
    placedCount: integer(),
    version: integer().notNull().default(1),
    requestedByUserId: textRef(() => users.id, "set null"),
    decidedByUserId: textRef(() => users.id, "set null"),
    decidedAt: timestamp({ withTimezone: true }),
    ...timestamps,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bord_requests_status_idx").on(t.status, t.createdAt, t.id),
    index("bord_requests_group_idx").on(t.groupId, t.createdAt),
    /** The staff list of all requests, newest (or oldest) first, a page at a time by keyset. */
    index("bord_requests_created_idx").on(t.createdAt, t.id),
    /** One open request per group at a time. */
    uniqueIndex("bord_requests_one_open_per_group")
      .on(t.groupId)
      .where(sql`${t.status} in ('submitted', 'in_review', 'approved')`),
    check("bord_requests_bord_count_range", sql`${t.bordCount} between 1 and 4`),
    check("bord_requests_placed_count_range", sql`${t.placedCount} is null or ${t.placedCount} between 1 and 20`),
    check(
      "bord_requests_near_house_number_range",
      sql`${t.nearHouseNumber} is null or ${t.nearHouseNumber} between 1 and 99999`,
    ),
    check(
      "bord_requests_point",
      sql`(${t.latitude} is null and ${t.longitude} is null) or (${t.latitude} between 50.7 and 53.7 and ${t.longitude} between 3.2 and 7.3)`,
    ),
    check(
      "bord_requests_rejection_reason",
      sql`${t.status} <> 'rejected' or char_length(coalesce(${t.reason}, '')) > 0`,
    ),
    check("bord_requests_placed", sql`${t.status} <> 'placed' or ${t.placedOn} is not null`),
  ],
);

/** Append-only history of a bord request: who moved it from which status to which, and why. */
export const bordRequestEvents = pgTable(
  "bord_request_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    bordRequestId: requiredUuidRef(() => bordRequests.id, "cascade"),
    actorUserId: textRef(() => users.id, "set null"),
    fromStatus: bordRequestStatus(),
    toStatus: bordRequestStatus().notNull(),
    note: text().notNull().default(""),
    ...timestamps,
  },
  (t) => [index("bord_request_events_request_idx").on(t.bordRequestId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Placed borden: one record per placement, damage reports and the history

export const bordStatuses = ["standing", "removal_pending", "removed"] as const;
export const bordStatus = pgEnum("bord_status", bordStatuses);
export const bordReportKinds = ["damaged", "missing"] as const;
export const bordReportKind = pgEnum("bord_report_kind", bordReportKinds);
export const bordEventKinds = ["placed", "reported", "repaired", "replaced", "removal_task", "removed", "details"] as const;
export const bordEventKind = pgEnum("bord_event_kind", bordEventKinds);

/**
 * A placed bord: made when staff record a placement (one record per placement; `count` borden
 * at that spot). Owner, cost and who paid are optional. `removal_pending`: the group was
 * dissolved while the bord stood; staff see it in the list of borden to remove.
 */
export const bords = pgTable(
  "bords",
  {
    id: primaryId(),
    groupId: requiredUuidRef(() => groups.id, "cascade"),
    bordRequestId: uuid()
      .notNull()
      .unique()
      .references(() => bordRequests.id, { onDelete: "cascade" }),
    status: bordStatus().notNull().default("standing"),
    count: integer().notNull().default(1),
    location: text().notNull(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    placedOn: date({ mode: "string" }).notNull(),
    owner: text().notNull().default(""),
    costCents: integer(),
    paidBy: text().notNull().default(""),
    removedOn: date({ mode: "string" }),
    version: integer().notNull().default(1),
    ...timestamps,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bords_group_idx").on(t.groupId),
    index("bords_status_idx").on(t.status, t.placedOn),
    check("bords_count_range", sql`${t.count} between 1 and 20`),
    check("bords_cost_range", sql`${t.costCents} is null or ${t.costCents} between 0 and 100000000`),
    check("bords_removed", sql`${t.status} <> 'removed' or ${t.removedOn} is not null`),
  ],
);

/** A resident's report of a damaged or missing bord (no account; no personal data asked). */
/** Binary data (bytea); PGlite gives a Uint8Array, postgres.js a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType() {
    return "bytea";
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});

/**
 * The photo of a placed bord (optional, one per bord). Stored after a check of its
 * first bytes and a re-encode that drops all metadata (EXIF, GPS): lib/data/staff/bord-photos.ts.
 */
export const bordPhotos = pgTable(
  "bord_photos",
  {
    bordId: uuid()
      .primaryKey()
      .references(() => bords.id, { onDelete: "cascade" }),
    contentType: text().notNull(),
    data: bytea().notNull(),
    byteSize: integer().notNull(),
    uploadedByUserId: textRef(() => users.id, "set null"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("bord_photos_content_type", sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check("bord_photos_size", sql`${t.byteSize} between 1 and 10485760 and octet_length(${t.data}) = ${t.byteSize}`),
  ],
);

export const bordReports = pgTable(
  "bord_reports",
  {
    id: primaryId(),
    bordId: requiredUuidRef(() => bords.id, "cascade"),
    kind: bordReportKind().notNull(),
    description: text().notNull().default(""),
    handledAt: timestamp({ withTimezone: true }),
    handledByUserId: textRef(() => users.id, "set null"),
    ...timestamps,
  },
  (t) => [index("bord_reports_open_idx").on(t.bordId, t.createdAt).where(sql`${t.handledAt} is null`)],
);

/** Append-only history of a placed bord: placement, reports, maintenance, removal task, removal. */
export const bordEvents = pgTable(
  "bord_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    bordId: requiredUuidRef(() => bords.id, "cascade"),
    kind: bordEventKind().notNull(),
    actorUserId: textRef(() => users.id, "set null"),
    /** The day it happened (maintenance, removal), when that is not the day it was recorded. */
    occurredOn: date({ mode: "string" }),
    note: text().notNull().default(""),
    ...timestamps,
  },
  (t) => [index("bord_events_bord_idx").on(t.bordId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// The yearly check: is the group still active?

/**
 * One round of the yearly check of a group. At most one open round per group (a partial unique
 * index), and one per group and due date, so two servers running the job never start two.
 * Each step is a conditional update on `stage`: the server whose update matched sends the mail.
 */
export const groupChecks = pgTable(
  "group_checks",
  {
    id: primaryId(),
    groupId: requiredUuidRef(() => groups.id, "cascade"),
    municipalityId: requiredUuidRef(() => municipalities.id, "restrict"),
    /** Twelve months after registration or the last confirmation. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    /** When the admins were first asked; the reminder and the next steps count from here. */
    startedAt: timestamp({ withTimezone: true }).notNull(),
    stage: groupCheckStage().notNull().default("asked"),
    /** When the current stage began. */
    stageAt: timestamp({ withTimezone: true }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
    /** The admin who confirmed, or the staff member who decided; null for the system. */
    closedByUserId: textRef(() => users.id, "set null"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("group_checks_open_unique").on(t.groupId).where(sql`${t.closedAt} is null`),
    uniqueIndex("group_checks_group_due_unique").on(t.groupId, t.dueAt),
    index("group_checks_municipality_stage_idx").on(t.municipalityId, t.stage),
    check(
      "group_checks_closed",
      sql`(${t.stage} in ('confirmed', 'kept', 'dissolved')) = (${t.closedAt} is not null)`,
    ),
  ],
);

/**
 * A one-click "De groep is nog actief" link for one admin and one check. Only the SHA-256 of
 * the token is stored. It confirms that one check and nothing else (it does not sign in).
 */
export const groupCheckTokens = pgTable(
  "group_check_tokens",
  {
    id: primaryId(),
    checkId: requiredUuidRef(() => groupChecks.id, "cascade"),
    userId: requiredTextRef(() => users.id, "cascade"),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("group_check_tokens_check_idx").on(t.checkId)],
);

/** Runs of the jobs inside the server (the yearly check): when, who started it, what it did. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    job: text().notNull(),
    /** The municipality a staff member ran it for; null: every municipality (the schedule). */
    municipalityId: uuidRef(() => municipalities.id, "cascade"),
    triggeredByUserId: textRef(() => users.id, "set null"),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
    report: jsonb().$type<Record<string, number>>().notNull().default({}),
    failed: boolean().notNull().default(false),
  },
  (t) => [index("job_runs_job_started_idx").on(t.job, t.startedAt)],
);

// ---------------------------------------------------------------------------------------------
// E-mail outbox, audit log, rate limits, application metadata

/** Every e-mail goes through here: written in the transaction of the change that causes it. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Unique per message: the same event never queues the same e-mail twice. */
    idempotencyKey: text().notNull().unique(),
    kind: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    /** "smtp" or "mailbox" (the demo mailbox). */
    transport: text(),
    ...timestamps,
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("mail_outbox_status_idx").on(t.status, t.createdAt),
    check("mail_outbox_attempts", sql`${t.attempts} >= 0`),
  ],
);

/** Append-only record of who did what to which subject, including views of personal data. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorUserId: textRef(() => users.id, "set null"),
    /** e.g. "auth.sign_in", "group.view_admins", "sign_request.approve". */
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    municipalityId: uuidRef(() => municipalities.id, "set null"),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    index("audit_log_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_log_municipality_idx").on(t.municipalityId, t.createdAt),
    index("audit_log_actor_idx").on(t.actorUserId, t.createdAt),
  ],
);

/** Counters for rate limits (sign-in links, join requests, API), shared by all server processes. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true }),
});

/** Small facts about this installation, e.g. when the demo data was seeded. */
export const appMeta = pgTable("app_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// Relations (for drizzle's relational queries)

export const municipalitiesRelations = relations(municipalities, ({ many }) => ({
  areas: many(areas),
  groups: many(groups),
  contacts: many(contacts),
}));

export const areasRelations = relations(areas, ({ one, many }) => ({
  municipality: one(municipalities, { fields: [areas.municipalityId], references: [municipalities.id] }),
  postcodes: many(areaPostcodes),
  groups: many(groups),
  contactAreas: many(contactAreas),
}));

export const areaPostcodesRelations = relations(areaPostcodes, ({ one }) => ({
  area: one(areas, { fields: [areaPostcodes.areaId], references: [areas.id] }),
}));

export const contactsRelations = relations(contacts, ({ one, many }) => ({
  municipality: one(municipalities, { fields: [contacts.municipalityId], references: [municipalities.id] }),
  user: one(users, { fields: [contacts.userId], references: [users.id] }),
  areas: many(contactAreas),
}));

export const contactAreasRelations = relations(contactAreas, ({ one }) => ({
  contact: one(contacts, { fields: [contactAreas.contactId], references: [contacts.id] }),
  area: one(areas, { fields: [contactAreas.areaId], references: [areas.id] }),
}));

export const groupsRelations = relations(groups, ({ one, many }) => ({
  municipality: one(municipalities, { fields: [groups.municipalityId], references: [municipalities.id] }),
  area: one(areas, { fields: [groups.areaId], references: [areas.id] }),
  admins: many(groupAdmins),
  addresses: many(memberAddresses),
  joinRequests: many(joinRequests),
  bordRequests: many(bordRequests),
}));

export const groupAdminsRelations = relations(groupAdmins, ({ one }) => ({
  group: one(groups, { fields: [groupAdmins.groupId], references: [groups.id] }),
  user: one(users, { fields: [groupAdmins.userId], references: [users.id] }),
}));

export const memberAddressesRelations = relations(memberAddresses, ({ one }) => ({
  group: one(groups, { fields: [memberAddresses.groupId], references: [groups.id] }),
  area: one(areas, { fields: [memberAddresses.areaId], references: [areas.id] }),
}));

export const joinRequestsRelations = relations(joinRequests, ({ one }) => ({
  group: one(groups, { fields: [joinRequests.groupId], references: [groups.id] }),
}));

export const bordRequestsRelations = relations(bordRequests, ({ one, many }) => ({
  group: one(groups, { fields: [bordRequests.groupId], references: [groups.id] }),
  events: many(bordRequestEvents),
}));

export const bordRequestEventsRelations = relations(bordRequestEvents, ({ one }) => ({
  bordRequest: one(bordRequests, { fields: [bordRequestEvents.bordRequestId], references: [bordRequests.id] }),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  municipality: one(municipalities, { fields: [users.municipalityId], references: [municipalities.id] }),
  groupAdmins: many(groupAdmins),
}));

export type Municipality = typeof municipalities.$inferSelect;
export type Area = typeof areas.$inferSelect;
export type User = typeof users.$inferSelect;
export type Group = typeof groups.$inferSelect;
export type MemberAddress = typeof memberAddresses.$inferSelect;
export type JoinRequest = typeof joinRequests.$inferSelect;
export type BordRequest = typeof bordRequests.$inferSelect;
export type BordRequestEvent = typeof bordRequestEvents.$inferSelect;
export type OutboxMessage = typeof mailOutbox.$inferSelect;
export type StaffInvitation = typeof staffInvitations.$inferSelect;
export type HouseRulesAcceptance = typeof houseRulesAcceptances.$inferSelect;
export type GroupCheck = typeof groupChecks.$inferSelect;
