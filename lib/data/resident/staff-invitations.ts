/**
 * Invitations to a staff or wijkagent role. Staff (or a platform admin)
 * invite an e-mail address into a municipality; that never changes or reads an existing
 * account: every address gets the same answer and the same e-mail with a link. The person
 * signs in with that address and accepts; only then the account gets the role.
 *
 * Rules on acceptance (the person sees only facts about their own account):
 * - only the account with the invited address (signed in) can accept;
 * - an account that already has a staff, wijkagent or platform-admin role is refused: its
 *   current municipality must end that role first (no municipality takes over another's);
 * - a staff or wijkagent account administers no buurtpreventiegroep: a group admin must say
 *   yes to stepping down (`leaveGroups`); the only admin of an active group is refused until
 *   someone else is admin or the group is dissolved (the group never loses its last admin).
 */
import "server-only";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contacts, groupAdmins, groups, municipalities, staffInvitations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError, notFound } from "@/lib/errors";
import { MANAGED_ROLE_LABELS, type ManagedRole } from "@/lib/validation/staff";
import { hashStaffInvitationToken as hashToken } from "@/lib/data/internal/staff-invitations";

const NOT_FOUND = "Deze uitnodiging bestaat niet (meer), of is voor een ander e-mailadres.";



export type StaffInvitationView =
  | { state: "invalid" }
  | { state: "wrong_account" }
  | { state: "expired"; municipalityName: string }
  | { state: "accepted"; municipalityName: string }
  | { state: "has_role"; municipalityName: string }
  | {
      state: "open";
      roleLabel: string;
      municipalityName: string;
      /** Groups the person administers with others: they step down when accepting. */
      groupsToLeave: string[];
      /** Active groups where the person is the only admin: accepting is refused while there are any. */
      soleAdminOf: string[];
    };

async function findByToken(executor: Executor, token: string) {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return undefined;
  const [row] = await executor
    .select({
      id: staffInvitations.id,
      email: staffInvitations.email,
      name: staffInvitations.name,
      role: staffInvitations.role,
      municipalityId: staffInvitations.municipalityId,
      municipalityName: municipalities.name,
      expiresAt: staffInvitations.expiresAt,
      acceptedAt: staffInvitations.acceptedAt,
    })
    .from(staffInvitations)
    .innerJoin(municipalities, eq(municipalities.id, staffInvitations.municipalityId))
    .where(eq(staffInvitations.tokenHash, hashToken(token)));
  return row;
}

/** The active groups the user administers, with the number of admins of each. */
async function adminGroupsOf(executor: Executor, userId: string, lock = false) {
  const query = executor
    .select({
      id: groups.id,
      name: groups.name,
      admins: sql<number>`(select count(*)::int from ${groupAdmins} ga where ga.group_id = ${groups.id})`.mapWith(Number),
    })
    .from(groups)
    .innerJoin(groupAdmins, and(eq(groupAdmins.groupId, groups.id), eq(groupAdmins.userId, userId)))
    .where(eq(groups.status, "active"))
    .orderBy(asc(groups.name));
  return lock ? query.for("update", { of: groups }) : query;
}

/** What the invitation page shows the signed-in `actor` for `token`. */
export async function getStaffInvitation(actor: Actor, token: string, now = new Date()): Promise<StaffInvitationView> {
  requirePermission(actor, "account.accept_role_invitation");
  const row = await findByToken(db, token);
  if (!row) return { state: "invalid" };
  // Someone else's invitation: nothing about it (not even the municipality).
  if (row.email !== actor.email.toLowerCase()) return { state: "wrong_account" };
  if (row.acceptedAt) return { state: "accepted", municipalityName: row.municipalityName };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired", municipalityName: row.municipalityName };
  const [account] = await db.select({ role: users.role }).from(users).where(eq(users.id, actor.id));
  if (!account || account.role !== "resident") return { state: "has_role", municipalityName: row.municipalityName };
  const adminOf = await adminGroupsOf(db, actor.id);
  return {
    state: "open",
    roleLabel: MANAGED_ROLE_LABELS[row.role as ManagedRole],
    municipalityName: row.municipalityName,
    groupsToLeave: adminOf.filter((g) => g.admins > 1).map((g) => g.name),
    soleAdminOf: adminOf.filter((g) => g.admins <= 1).map((g) => g.name),
  };
}

/**
 * Accepts the invitation for the signed-in account with the invited address: the account gets
 * the role in the invitation's municipality (see the rules at the top). One transaction.
 */
export async function acceptStaffInvitation(
  actor: Actor,
  input: { token: string; leaveGroups: boolean },
  now = new Date(),
): Promise<{ role: ManagedRole; municipalityName: string }> {
  requirePermission(actor, "account.accept_role_invitation");
  return db.transaction(async (tx) => {
    const row = await findByToken(tx, input.token);
    if (!row || row.email !== actor.email.toLowerCase()) throw notFound(NOT_FOUND);
    const [account] = await tx
      .select({ id: users.id, role: users.role, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, actor.id))
      .for("update");
    if (!account || account.email.toLowerCase() !== row.email) throw notFound(NOT_FOUND);
    if (row.acceptedAt || row.expiresAt.getTime() <= now.getTime()) {
      throw new AppError("unprocessable", "Deze uitnodiging is verlopen of al gebruikt. Vraag de gemeente om een nieuwe uitnodiging.");
    }
    if (account.role !== "resident") {
      throw new AppError(
        "unprocessable",
        "Uw account heeft al een rol als medewerker, wijkagent of beheerder. Vraag de gemeente waarvoor u nu werkt om die rol eerst te beëindigen.",
      );
    }
    const adminOf = await adminGroupsOf(tx, account.id, true);
    const sole = adminOf.filter((g) => g.admins <= 1);
    if (sole.length > 0) {
      const names = sole.map((g) => g.name).join(", ");
      throw new AppError(
        "unprocessable",
        `U bent de enige beheerder van: ${names}. Een medewerker of wijkagent beheert geen groep. Maak eerst iemand anders beheerder, of hef de groep op. Open daarna deze link opnieuw.`,
      );
    }
    if (adminOf.length > 0 && !input.leaveGroups) {
      const message = "Vink aan dat u stopt als beheerder van uw groepen.";
      throw new AppError("bad_request", message, { fieldErrors: { leaveGroups: message } });
    }
    const accepted = await tx
      .update(staffInvitations)
      .set({ acceptedAt: now })
      .where(and(eq(staffInvitations.id, row.id), isNull(staffInvitations.acceptedAt), gt(staffInvitations.expiresAt, now)))
      .returning({ id: staffInvitations.id });
    if (accepted.length === 0) {
      throw new AppError("unprocessable", "Deze uitnodiging is verlopen of al gebruikt. Vraag de gemeente om een nieuwe uitnodiging.");
    }
    if (adminOf.length > 0) {
      await tx.delete(groupAdmins).where(and(eq(groupAdmins.userId, account.id), inArray(groupAdmins.groupId, adminOf.map((g) => g.id))));
      await recordAudit(
        tx,
        adminOf.map((g) => ({
          actorUserId: account.id,
          action: "group.step_down",
          subjectType: "group",
          subjectId: g.id,
          details: { via: "staff_invitation" },
        })),
      );
    }
    const role = row.role as ManagedRole;
    await tx
      .update(users)
      .set({ role, municipalityId: row.municipalityId, name: account.name ?? row.name })
      .where(eq(users.id, account.id));
    // Other open invitations of this address (other municipalities) end: one role at a time.
    await tx.delete(staffInvitations).where(and(sql`lower(${staffInvitations.email}) = ${row.email}`, isNull(staffInvitations.acceptedAt)));
    if (role === "wijkagent") {
      await tx
        .update(contacts)
        .set({ userId: account.id })
        .where(and(eq(contacts.email, row.email), eq(contacts.kind, "wijkagent"), eq(contacts.municipalityId, row.municipalityId)));
    }
    await recordAudit(tx, {
      actorUserId: account.id,
      action: "user.accept_invitation",
      subjectType: "user",
      subjectId: account.id,
      municipalityId: row.municipalityId,
      details: { role, leftGroups: adminOf.length },
    });
    return { role, municipalityName: row.municipalityName };
  });
}
