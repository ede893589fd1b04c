/**
 * Export and erasure by e-mail address (AVG articles 15 and 17), for platform admins only.
 *
 * The full-dump test: the demo data plus one e-mail address in every place the application
 * stores one (account, sessions, linked provider, sign-in link, groups it administers alone and
 * with others, join requests open and handled, invitations to and from it, a wijkagent contact
 * entry, bord requests, e-mail to and about it, rate-limit counters, audit entries by, about and
 * mentioning it, free text), then erased: the address (any case), its local part, the person's
 * name and phone number appear nowhere. On PGlite every text, varchar and json(b) column of
 * every table (read from information_schema, so a new column is covered by itself) is searched;
 * on PostgreSQL that too, and the whole `pg_dump` of the database.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows, type Executor } from "@/db";
import {
  accounts,
  auditLog,
  groupAdminInvitations,
  groupAdmins,
  groups,
  joinRequests,
  mailOutbox,
  municipalities,
  rateLimits,
  sessions,
  staffInvitations,
  bordRequestEvents,
  users,
  verificationTokens,
  type Area,
  type User,
  houseRulesAcceptances,
} from "@/db/schema";
import { addresses, aContact, aGroup, aBordRequest, aUser } from "@/db/seed/builders";
import { inviteCoAdmin } from "@/lib/data/resident/invitations";
import { submitJoinRequest } from "@/lib/data/public/join";
import { HOUSE_RULES_VERSION } from "@/lib/domain";
import { emailDigest } from "@/lib/data/internal/privacy-person";
import { erasePersonalData } from "@/lib/data/platform/privacy-erasure";
import { exportPersonalData } from "@/lib/data/platform/privacy-export";
import { previewErasure } from "@/lib/data/platform/privacy-preview";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { privacyEraseSchema, privacyLookupSchema } from "@/lib/validation/privacy";
import { actorOf } from "@/tests/actors";
import { onPostgres, withTestDatabase } from "@/tests/db";

const database = withTestDatabase({ demo: true });
const savedEnv = { ...process.env };

const EMAIL = "zilver.reiger@voorbeeld-privacy.nl";
const TYPED = "  Zilver.Reiger@Voorbeeld-Privacy.NL ";
const LOCAL_PART = "zilver.reiger";
const NAME = "Zilverreiger Kwakman";
const PHONE = "+31687650001";

let platformAdmin: User;
let staff: User;
let area: Area;
let target: User;
let coAdmin: User;
let soloGroupId: string;
let sharedGroupId: string;

beforeAll(async () => {
  Object.assign(process.env, { APP_URL: "http://localhost:3996", AUTH_SECRET: "privacy-secret-".padEnd(48, "p"), LOG_LEVEL: "silent" });
  resetEnvForTests();
  const { db } = database.current.handle;
  [platformAdmin] = await db.select().from(users).where(eq(users.role, "platform_admin"));
  [staff] = await db.select().from(users).where(eq(users.role, "staff"));
  const [krimpen] = await db.select().from(municipalities);
  const { areas } = await import("@/db/schema");
  [area] = await db.select().from(areas).where(eq(areas.municipalityId, krimpen.id)).limit(1);
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Puts the address (and the person's name and phone) in every place the application stores one. */
async function seedEverywhere(): Promise<void> {
  const { db } = database.current.handle;
  const [krimpen] = await db.select().from(municipalities);
  target = await aUser(db, { email: EMAIL, name: NAME, phone: PHONE, birthDate: "1980-04-05", postcode: "2922AB", houseNumber: 99, emailVerified: new Date(), lastSignInAt: new Date() });
  coAdmin = await aUser(db, { name: "Mede Beheerder" });

  const solo = await aGroup(db, area, { admins: [target], addresses: addresses(4, "2923"), description: `Vragen? Mail ${EMAIL.toUpperCase()} of bel.` });
  const shared = await aGroup(db, area, { admins: [coAdmin, target], addresses: addresses(3, "2924") });
  const elsewhere = await aGroup(db, area, { admins: [coAdmin] });
  soloGroupId = solo.id;
  sharedGroupId = shared.id;

  await db.insert(sessions).values([
    { sessionToken: "privacy-session-live", userId: target.id, expires: new Date(Date.now() + 86_400_000) },
    { sessionToken: "privacy-session-old", userId: target.id, expires: new Date(Date.now() - 86_400_000) },
  ]);
  await db.insert(accounts).values({ userId: target.id, type: "oidc", provider: "oidc", providerAccountId: `sub-${LOCAL_PART}` });
  await db.insert(verificationTokens).values({ identifier: EMAIL, token: "d".repeat(64), expires: new Date(Date.now() + 600_000) });
  // An open invitation to a wijkagent role, with the name staff typed.
  await db.insert(staffInvitations).values({ municipalityId: krimpen.id, email: EMAIL, name: NAME, role: "wijkagent", tokenHash: "e".repeat(64), expiresAt: new Date(Date.now() + 86_400_000) });

  // A join request through the real form handling: mails to the admins and to the resident, a rate-limit counter.
  await submitJoinRequest(
    { groupSlug: elsewhere.slug, name: NAME, email: EMAIL, phone: PHONE, birthDate: "1980-04-05", address: { postcode: "2922AB", houseNumber: 99, addition: "" }, acceptHouseRules: true, honeypot: "" },
    { ip: "203.0.113.9", now: new Date() },
  );
  await db.insert(joinRequests).values({
    groupId: shared.id,
    status: "declined",
    name: NAME,
    email: EMAIL,
    phone: PHONE,
    postcode: "2922AB",
    houseNumber: 99,
    declineReason: `Al bekend via ${EMAIL}`,
    handledAt: new Date(),
    purgeAfter: new Date(Date.now() + 30 * 86_400_000),
  });

  // Invited as co-admin (a mail to the address), and inviting someone else (a mail naming the person).
  await inviteCoAdmin(actorOf(coAdmin), elsewhere.id, EMAIL);
  await inviteCoAdmin(actorOf(target), solo.id, "hulp.beheerder@voorbeeld-privacy.nl");

  // Also listed as a wijkagent contact of the wijk.
  await aContact(db, krimpen, "wijkagent", [area], { email: EMAIL, name: NAME, phone: PHONE });

  // Bord requests: one open (withdrawn when its group is dissolved), one placed; free text mentions the address.
  const open = await aBordRequest(db, solo, { requestedBy: target, note: `Contact: ${EMAIL}` });
  await db.insert(bordRequestEvents).values({ bordRequestId: open.id, actorUserId: target.id, toStatus: "submitted", note: `Gevraagd door ${EMAIL.toUpperCase()}` });
  await aBordRequest(db, shared, { status: "placed", requestedBy: target, decidedBy: staff, locationDescription: `Bij ${EMAIL}` });

  // E-mail to the address (one undeliverable, with the address in the error) and about it.
  await db.insert(mailOutbox).values([
    { idempotencyKey: `privacy-test:dead:${EMAIL}`, kind: "user_invited", toAddress: EMAIL, subject: "Welkom", text: "Hallo", status: "dead", lastError: `550 <${EMAIL}>: Recipient address rejected` },
    { idempotencyKey: "privacy-test:about", kind: "group_registered", toAddress: "wijkagent.elders@voorbeeld-privacy.nl", subject: "Nieuwe groep", text: `Beheerder: ${NAME}, ${EMAIL}, ${PHONE}`, html: `<p>${EMAIL}</p>` },
    { idempotencyKey: "privacy-test:link", kind: "sign_in_link", toAddress: "iemand.anders@voorbeeld-privacy.nl", subject: "Inloggen", text: `https://x.example/inloggen/bevestigen?email=${encodeURIComponent(EMAIL)}` },
  ]);
  await db.insert(rateLimits).values({ key: `sign_in_email:email:${EMAIL}`, points: 1, expire: new Date(Date.now() + 900_000) });

  // Audit entries by, about and mentioning the person.
  await db.insert(auditLog).values([
    { actorUserId: target.id, action: "auth.sign_in", subjectType: "user", subjectId: target.id, details: { method: "nodemailer" } },
    { actorUserId: staff.id, action: "user.disable", subjectType: "user", subjectId: target.id, details: { endedSessions: 1 } },
    { actorUserId: coAdmin.id, action: "group.remove_admin", subjectType: "group", subjectId: shared.id, details: { userId: target.id } },
    { actorUserId: staff.id, action: "group.dissolve", subjectType: "group", subjectId: elsewhere.id, details: { reason: `Op verzoek van ${EMAIL}` } },
  ]);
}

/** Every text-like column of every table, from the database's own catalogue. */
async function textColumns(executor: Executor): Promise<Array<{ schema: string; table: string; column: string }>> {
  return selectRows(
    executor,
    sql`select c.table_schema as schema, c.table_name as table, c.column_name as column
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where t.table_type = 'BASE TABLE'
          and c.table_schema not in ('pg_catalog', 'information_schema')
          and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
        order by 1, 2, 3`,
  );
}

/** The columns (schema.table.column) where `needle` occurs, case-insensitively. */
async function findEverywhere(executor: Executor, needle: string): Promise<string[]> {
  const found: string[] = [];
  const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  for (const { schema, table, column } of await textColumns(executor)) {
    const [row] = await selectRows<{ n: number }>(
      executor,
      sql`select count(*)::int as n from ${sql.identifier(schema)}.${sql.identifier(table)}
          where lower(${sql.identifier(column)}::text) like ${pattern}`,
    );
    if (Number(row.n) > 0) found.push(`${schema}.${table}.${column}`);
  }
  return found;
}

function pgDumpBinary(): string {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const candidate = `/usr/lib/postgresql/${v}/bin/pg_dump`;
    if (existsSync(candidate)) return candidate;
  }
  return "pg_dump";
}

describe(`export and erasure by e-mail address (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("the form's schema normalises the address and refuses wrong, too long, script and SQL input", () => {
    expect(privacyLookupSchema.parse({ email: TYPED })).toEqual({ email: EMAIL });
    const refused = ["", "geen-adres", "a@b", `${"x".repeat(250)}@voorbeeld.nl`, "<script>alert(1)</script>@x.nl", "x'; drop table users;--@voorbeeld.nl", "' or 1=1 --"];
    for (const email of refused) {
      const result = privacyLookupSchema.safeParse({ email });
      expect(result.success, email).toBe(false);
      expect(result.error!.issues[0].message).toMatch(/e-mailadres/i);
    }
    expect(privacyEraseSchema.safeParse({ email: EMAIL }).success).toBe(false);
    expect(privacyEraseSchema.parse({ email: EMAIL, confirm: "on" })).toEqual({ email: EMAIL, confirm: true, dissolveSoleAdminGroups: false });
  });

  it("does not exist for anyone but a platform admin", async () => {
    const { db } = database.current.handle;
    const resident = await aUser(db);
    // Not signed in: unauthorized; signed in with another role: not_found (requirePermission).
    for (const [actor, code] of [[null, "unauthorized"], [actorOf(resident), "not_found"], [actorOf(staff), "not_found"]] as const) {
      expect((await errorOf(exportPersonalData(actor, EMAIL))).code).toBe(code);
      expect((await errorOf(previewErasure(actor, EMAIL))).code).toBe(code);
      expect((await errorOf(erasePersonalData(actor, { email: EMAIL, dissolveSoleAdminGroups: true }))).code).toBe(code);
    }
  });

  it("exports everything about the address as JSON, and audits it without the address", async () => {
    const { db } = database.current.handle;
    await seedEverywhere();
    const data = await exportPersonalData(actorOf(platformAdmin), EMAIL);
    expect(data.about).toBe(EMAIL);
    expect(data.account).toMatchObject({ email: EMAIL, name: NAME, phone: PHONE, birthDate: "1980-04-05", address: "2922 AB 99", role: "resident" });
    expect(data.sessions).toEqual({ active: 1, expired: 1 });
    expect(data.signInLinksPending).toBe(1);
    expect(data.linkedSignInProviders).toEqual(["oidc"]);
    expect(data.groupsAdministered).toHaveLength(2);
    expect(data.joinRequests.map((r) => r.status).sort()).toEqual(["declined", "open"]);
    expect(data.joinRequests[0]).toMatchObject({ email: EMAIL, phone: PHONE });
    expect(data.adminInvitations).toHaveLength(1);
    expect(data.bordRequests).toHaveLength(2);
    // Consent on record: the house rules accepted for both groups (account) and with the join request.
    expect(data.houseRulesAcceptances.map((c) => `${c.via}:${c.context}:${c.version}:${c.group}`).sort()).toEqual(
      [
        `account:registration:${HOUSE_RULES_VERSION}:${(await db.select().from(groups).where(eq(groups.id, soloGroupId)))[0].name}`,
        `account:registration:${HOUSE_RULES_VERSION}:${(await db.select().from(groups).where(eq(groups.id, sharedGroupId)))[0].name}`,
        `join_request:join_request:${HOUSE_RULES_VERSION}:${data.joinRequests.find((r) => r.status === "open")!.group}`,
      ].sort(),
    );
    expect(data.contactRoles).toEqual([expect.objectContaining({ kind: "wijkagent", email: EMAIL, wijken: [area.name] })]);
    expect(data.emails.length).toBeGreaterThanOrEqual(3); // confirmation, invitation, the dead one
    // Signing in and inviting a co-admin (by), being disabled (about).
    expect(data.auditEntries.map((a) => `${a.as}:${a.action}`).sort()).toEqual(["actor:auth.sign_in", "actor:group.invite_admin", "subject:user.disable"]);
    expect(data.rateLimitCounters).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);

    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "privacy.export"));
    expect(entry).toMatchObject({ actorUserId: platformAdmin.id, subjectType: "person", subjectId: null });
    expect(entry.details.emailDigest).toBe(emailDigest(EMAIL));
    expect(JSON.stringify(entry.details)).not.toContain(LOCAL_PART);
  });

  it("refuses to erase an address that is the only admin of a group until told to dissolve it; nothing changes", async () => {
    const { db } = database.current.handle;
    const preview = await previewErasure(actorOf(platformAdmin), EMAIL);
    expect(preview).toMatchObject({ account: true, otherGroups: 1, joinRequests: 2, invitations: 2, contactRoles: 1 });
    expect(preview.soleAdminGroups.map((g) => g.id)).toEqual([soloGroupId]);

    const refusal = await errorOf(erasePersonalData(actorOf(platformAdmin), { email: EMAIL, dissolveSoleAdminGroups: false }));
    expect(refusal.code).toBe("unprocessable");
    const [solo] = await db.select().from(groups).where(eq(groups.id, soloGroupId));
    expect(refusal.message).toContain(solo.name);
    expect(await db.select().from(users).where(eq(users.email, EMAIL))).toHaveLength(1);
    expect(solo.status).toBe("active");
  });

  it("refuses one's own account and a municipality's safety mailbox", async () => {
    const { db } = database.current.handle;
    expect((await errorOf(erasePersonalData(actorOf(platformAdmin), { email: platformAdmin.email, dissolveSoleAdminGroups: true }))).code).toBe("unprocessable");
    const [krimpen] = await db.select().from(municipalities);
    const mailbox = await errorOf(erasePersonalData(actorOf(platformAdmin), { email: krimpen.safetyEmail, dissolveSoleAdminGroups: true }));
    expect(mailbox.code).toBe("unprocessable");
    expect(mailbox.fieldErrors?.email).toContain("team Veiligheid");
    expect(await db.select().from(users).where(eq(users.id, platformAdmin.id))).toHaveLength(1);
  });

  it("erases the address: afterwards it appears in no column of any table (full-dump test)", async () => {
    const { db } = database.current.handle;
    const before = await findEverywhere(db, EMAIL);
    // The seed reached the places it meant to (a sanity check of the test itself).
    for (const place of ["public.users.email", "public.join_requests.email", "public.group_admin_invitations.email", "public.staff_invitations.email", "public.contacts.email", "public.mail_outbox.to_address", "public.mail_outbox.text", "public.verification_tokens.identifier", "public.rate_limits.key", "public.audit_log.details", "public.bord_requests.note", "public.groups.description"]) {
      expect(before, place).toContain(place);
    }

    const report = await erasePersonalData(actorOf(platformAdmin), { email: TYPED.trim().toLowerCase(), dissolveSoleAdminGroups: true });
    expect(report).toMatchObject({ account: true, dissolvedGroups: 1, leftGroups: 1, joinRequests: 2, contactRoles: 1, signInLinks: 1 });

    if (onPostgres) {
      const url = database.current.config.kind === "postgres" ? database.current.config.url : "";
      const dump = execFileSync(pgDumpBinary(), ["--no-owner", "--no-privileges", url], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }).toLowerCase();
      expect(dump).toContain("krimpen aan den ijssel"); // the dump holds the data
      for (const needle of [EMAIL, LOCAL_PART, encodeURIComponent(EMAIL).toLowerCase(), NAME.toLowerCase(), PHONE]) {
        expect(dump.includes(needle), `pg_dump contains ${needle}`).toBe(false);
      }
    }

    for (const needle of [EMAIL, LOCAL_PART, encodeURIComponent(EMAIL), NAME, PHONE, PHONE.replace("+31", "0")]) {
      expect(await findEverywhere(db, needle), needle).toEqual([]);
    }

    // What belongs to others stays: the co-admin, the shared group, the demo accounts.
    const [shared] = await db.select().from(groups).where(eq(groups.id, sharedGroupId));
    expect(shared.status).toBe("active");
    expect(await db.select().from(groupAdmins).where(eq(groupAdmins.groupId, sharedGroupId))).toEqual([expect.objectContaining({ userId: coAdmin.id })]);
    // Their consent records went with the account and the join requests; the co-admin's stay.
    expect(await db.select().from(houseRulesAcceptances).where(eq(houseRulesAcceptances.userId, target.id))).toEqual([]);
    expect((await db.select().from(houseRulesAcceptances).where(eq(houseRulesAcceptances.userId, coAdmin.id))).length).toBeGreaterThan(0);
    const [solo] = await db.select().from(groups).where(eq(groups.id, soloGroupId));
    expect(solo).toMatchObject({ status: "dissolved", description: "" });
    expect((await db.select().from(users).where(eq(users.role, "platform_admin"))).length).toBeGreaterThan(0);
    expect(await db.select().from(users).where(eq(users.id, coAdmin.id))).toHaveLength(1);

    // The erasure is in the audit log, as a digest only.
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "privacy.erase"), eq(auditLog.actorUserId, platformAdmin.id)));
    expect(entry.details).toMatchObject({ emailDigest: emailDigest(EMAIL), dissolvedGroups: 1 });

    // Erasing again finds nothing left, and says so.
    expect(await erasePersonalData(actorOf(platformAdmin), { email: EMAIL, dissolveSoleAdminGroups: false })).toMatchObject({ account: false, joinRequests: 0, emails: 0 });
    expect(await db.select().from(groupAdminInvitations).where(eq(groupAdminInvitations.email, EMAIL))).toHaveLength(0);
  });
});
