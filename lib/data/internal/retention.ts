/**
 * Retention: the jobs that remove personal data when its time is up (docs/data-inventory.md).
 * Every function takes the moment to act for (`now`), so tests move the clock instead of
 * waiting, and the schedule in lib/server/retention-job.ts runs them all (runRetention).
 *
 * - handled join requests: contact details removed JOIN_REQUEST_RETENTION_DAYS after handling
 *   (purge_after, set when the request is handled)
 * - sign-in tokens: removed once expired (they expire after 15 minutes)
 * - sessions: removed once expired
 * - rate-limit counters: removed once their window has passed
 * - dissolved groups: member addresses, join requests, invitations, admin links, description
 *   and WhatsApp link removed at dissolving (and swept here, should one have been missed)
 * - audit log: after AUDIT_RETENTION_DAYS (default 365) the actor and personal values go
 */
import "server-only";
import { and, eq, exists, inArray, isNotNull, isNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  auditLog,
  groupAdminInvitations,
  groupAdmins,
  groups,
  joinRequests,
  memberAddresses,
  rateLimits,
  sessions,
  bordRequestEvents,
  bordRequests,
  users,
  verificationTokens,
} from "@/db/schema";

import { DAY_MS } from "@/lib/domain/retention";

/**
 * Removes the contact details of handled join requests whose retention has passed
 * (purge_after <= now): name, e-mail, phone, birth date, address and reason become null and
 * purged_at is set. The request itself (group, status, dates) stays as an anonymous record.
 * Returns how many requests were purged.
 */
export async function purgeHandledJoinRequests(now: Date, executor: Executor = db): Promise<number> {
  const purged = await executor
    .update(joinRequests)
    .set({
      name: null,
      email: null,
      phone: null,
      birthDate: null,
      postcode: null,
      houseNumber: null,
      addition: null,
      declineReason: null,
      purgedAt: now,
    })
    .where(
      and(
        ne(joinRequests.status, "open"),
        isNotNull(joinRequests.purgeAfter),
        lte(joinRequests.purgeAfter, now),
        isNull(joinRequests.purgedAt),
      ),
    )
    .returning({ id: joinRequests.id });
  return purged.length;
}

/** Removes sign-in tokens (the one-time links) that have expired. Returns how many. */
export async function purgeExpiredSignInTokens(now: Date, executor: Executor = db): Promise<number> {
  const deleted = await executor
    .delete(verificationTokens)
    .where(lte(verificationTokens.expires, now))
    .returning({ identifier: verificationTokens.identifier });
  return deleted.length;
}

/** Removes sessions that have expired (an expired session signs nobody in). Returns how many. */
export async function purgeExpiredSessions(now: Date, executor: Executor = db): Promise<number> {
  const deleted = await executor
    .delete(sessions)
    .where(lte(sessions.expires, now))
    .returning({ userId: sessions.userId });
  return deleted.length;
}

/**
 * Removes rate-limit counters whose window has passed. Their keys hold IP addresses and
 * e-mail addresses; an expired counter no longer limits anything.
 */
export async function purgeExpiredRateLimits(now: Date, executor: Executor = db): Promise<number> {
  const deleted = await executor
    .delete(rateLimits)
    .where(and(isNotNull(rateLimits.expire), lte(rateLimits.expire, now)))
    .returning({ key: rateLimits.key });
  return deleted.length;
}

export interface RemovedGroupData {
  addresses: number;
  joinRequests: number;
  invitations: number;
  admins: number;
  /** Former admins whose own details (phone, date of birth, address) were removed. */
  adminProfilesCleared: number;
}

/**
 * Removes the personal data of a dissolved group, inside the caller's transaction: member
 * addresses, join requests, invitations, the links to its admins, the description and the
 * WhatsApp link; bord requests and their history lose who asked. The group row stays as an
 * anonymous record (name, wijk, dates, bord history) for the figures.
 *
 * A former admin who is no longer an admin of any active group keeps their account (they can
 * still sign in) but loses what they gave as admin: name, phone, date of birth and address.
 */
export async function removeGroupPersonalData(tx: Executor, groupId: string): Promise<RemovedGroupData> {
  const addresses = await tx.delete(memberAddresses).where(eq(memberAddresses.groupId, groupId)).returning({ id: memberAddresses.id });
  const requests = await tx.delete(joinRequests).where(eq(joinRequests.groupId, groupId)).returning({ id: joinRequests.id });
  const invitations = await tx
    .delete(groupAdminInvitations)
    .where(eq(groupAdminInvitations.groupId, groupId))
    .returning({ id: groupAdminInvitations.id });
  const admins = await tx.delete(groupAdmins).where(eq(groupAdmins.groupId, groupId)).returning({ userId: groupAdmins.userId });
  const adminIds = admins.map((a) => a.userId);

  const requestIds = tx.select({ id: bordRequests.id }).from(bordRequests).where(eq(bordRequests.groupId, groupId));
  await tx.update(bordRequests).set({ requestedByUserId: null }).where(eq(bordRequests.groupId, groupId));
  if (adminIds.length > 0) {
    // The admins' own steps in the bord history (asking, withdrawing) no longer say who.
    await tx
      .update(bordRequestEvents)
      .set({ actorUserId: null })
      .where(and(inArray(bordRequestEvents.bordRequestId, requestIds), inArray(bordRequestEvents.actorUserId, adminIds)));
  }
  await tx.update(groups).set({ description: "", whatsappInviteUrl: null }).where(eq(groups.id, groupId));

  let adminProfilesCleared = 0;
  if (adminIds.length > 0) {
    const stillAdmin = tx
      .select({ userId: groupAdmins.userId })
      .from(groupAdmins)
      .innerJoin(groups, eq(groups.id, groupAdmins.groupId))
      .where(and(eq(groups.status, "active"), inArray(groupAdmins.userId, adminIds)));
    const cleared = await tx
      .update(users)
      .set({ name: null, phone: null, birthDate: null, postcode: null, houseNumber: null, addition: "" })
      .where(and(inArray(users.id, adminIds), eq(users.role, "resident"), notInArray(users.id, stillAdmin)))
      .returning({ id: users.id });
    adminProfilesCleared = cleared.length;
  }
  return {
    addresses: addresses.length,
    joinRequests: requests.length,
    invitations: invitations.length,
    admins: adminIds.length,
    adminProfilesCleared,
  };
}

/**
 * Dissolved groups that still hold personal data (dissolved before this rule existed, or by a
 * path that missed it) get it removed. Returns how many groups were cleaned.
 */
export async function purgeDissolvedGroups(executor: Executor = db, limit = 200): Promise<number> {
  const holding = or(
    exists(executor.select({ one: sql`1` }).from(memberAddresses).where(eq(memberAddresses.groupId, groups.id))),
    exists(executor.select({ one: sql`1` }).from(joinRequests).where(eq(joinRequests.groupId, groups.id))),
    exists(executor.select({ one: sql`1` }).from(groupAdminInvitations).where(eq(groupAdminInvitations.groupId, groups.id))),
    exists(executor.select({ one: sql`1` }).from(groupAdmins).where(eq(groupAdmins.groupId, groups.id))),
    ne(groups.description, ""),
    isNotNull(groups.whatsappInviteUrl),
  );
  const rows = await executor
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.status, "dissolved"), holding))
    .limit(limit);
  for (const row of rows) {
    await executor.transaction(async (tx) => {
      await removeGroupPersonalData(tx, row.id);
    });
  }
  return rows.length;
}

/**
 * String values in audit details that are codes, not personal data, and survive anonymising.
 * Numbers and booleans (counts, flags) always survive; everything else (user ids, free text
 * such as a reason, nested lists) goes.
 */
export const AUDIT_SAFE_STRING_KEYS = ["method", "role", "via", "from", "to", "kind", "status", "groupId"] as const;
/** Subject types whose subject id identifies a person. */
export const AUDIT_PERSON_SUBJECTS = ["user", "person"] as const;

/**
 * Anonymises audit entries older than `retentionDays`: the actor goes, a subject that is a
 * person goes, and details keep only counts, flags and codes (AUDIT_SAFE_STRING_KEYS), plus
 * `anonymised: true`. What happened, when and in which municipality stays, for the figures.
 * Returns how many entries were anonymised.
 */
export async function anonymiseAuditLog(now: Date, retentionDays: number, executor: Executor = db): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const safeKeys = sql.join(AUDIT_SAFE_STRING_KEYS.map((k) => sql`${k}`), sql`, `);
  const personSubjects = sql.join(AUDIT_PERSON_SUBJECTS.map((k) => sql`${k}`), sql`, `);
  const updated = await executor
    .update(auditLog)
    .set({
      actorUserId: null,
      subjectId: sql`case when ${auditLog.subjectType} in (${personSubjects}) then null else ${auditLog.subjectId} end`,
      details: sql`(
        select coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb)
        from jsonb_each(${auditLog.details}) as d
        where jsonb_typeof(d.value) in ('number', 'boolean')
           or (jsonb_typeof(d.value) = 'string' and d.key in (${safeKeys}))
      ) || '{"anonymised": true}'::jsonb`,
    })
    .where(and(lt(auditLog.createdAt, cutoff), sql`${auditLog.details}->>'anonymised' is null`))
    .returning({ id: auditLog.id });
  return updated.length;
}

export interface RetentionReport {
  joinRequests: number;
  signInTokens: number;
  sessions: number;
  rateLimits: number;
  dissolvedGroups: number;
  auditEntries: number;
}

/** Runs every retention rule once, for the moment `now`. */
export async function runRetention(now: Date, options: { auditRetentionDays: number; executor?: Executor }): Promise<RetentionReport> {
  const executor = options.executor ?? db;
  return {
    joinRequests: await purgeHandledJoinRequests(now, executor),
    signInTokens: await purgeExpiredSignInTokens(now, executor),
    sessions: await purgeExpiredSessions(now, executor),
    rateLimits: await purgeExpiredRateLimits(now, executor),
    dissolvedGroups: await purgeDissolvedGroups(executor),
    auditEntries: await anonymiseAuditLog(now, options.auditRetentionDays, executor),
  };
}
