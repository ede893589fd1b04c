import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groupAdminInvitations, groupAdmins, groups, municipalities, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError, notFound } from "@/lib/errors";
import { maskEmail } from "@/lib/format";
import type { AdminDetails } from "@/lib/validation";
import { refuseIfRefused, placeAddresses } from "@/lib/data/internal/address-placement";
import { isAdminOf, loadAdminGroup } from "@/lib/data/internal/group-access";
import { fillMissingIdentity, identityForAccount } from "@/lib/data/internal/identity";
import { recordHouseRulesAcceptance } from "@/lib/data/internal/house-rules";
import { createInvitation, hashInvitationToken } from "@/lib/data/internal/invitations";
import { insertMemberAddresses } from "@/lib/data/internal/member-addresses";
import { lockGroupRow } from "@/lib/data/internal/group-lock";


/** Invites a co-admin by e-mail (from the group's admin page). */
export async function inviteCoAdmin(actor: Actor, groupId: string, email: string, now = new Date()): Promise<{ invitationId: string }> {
  requirePermission(actor, "group.manage");
  return db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId, { lock: true });
    const normalized = email.toLowerCase();
    const [already] = await tx
      .select({ userId: groupAdmins.userId })
      .from(groupAdmins)
      .innerJoin(users, eq(users.id, groupAdmins.userId))
      .where(and(eq(groupAdmins.groupId, group.id), sql`lower(${users.email}) = ${normalized}`));
    if (already) {
      throw new AppError("conflict", "Deze persoon is al beheerder van de groep.", {
        fieldErrors: { email: "Deze persoon is al beheerder van de groep." },
      });
    }
    const result = await createInvitation(tx, { groupId: group.id, groupName: group.name, email: normalized, invitedBy: actor, now });
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "group.invite_admin",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: group.municipalityId,
      details: { invitationId: result.invitationId },
    });
    return result;
  });
}

/** Withdraws an open invitation of the group. */
export async function cancelInvitation(actor: Actor, groupId: string, invitationId: string): Promise<void> {
  requirePermission(actor, "group.manage");
  await db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId);
    const deleted = await tx
      .delete(groupAdminInvitations)
      .where(
        and(
          eq(groupAdminInvitations.id, invitationId),
          eq(groupAdminInvitations.groupId, group.id),
          isNull(groupAdminInvitations.acceptedAt),
        ),
      )
      .returning({ id: groupAdminInvitations.id });
    if (deleted.length === 0) throw notFound("Deze uitnodiging bestaat niet (meer).");
  });
}

export type InvitationView =
  | { state: "invalid" }
  | { state: "expired"; groupName: string }
  | { state: "accepted"; groupId: string; groupName: string }
  | { state: "wrong_account"; groupName: string }
  | {
      state: "open";
      groupId: string;
      groupName: string;
      areaName: string;
      /** What the signed-in person stored before, to fill in the form. */
      prefill: { name: string; phone: string; birthDate: string; postcode: string; houseNumber: string; addition: string };
    };

async function findInvitation(executor: Executor, token: string) {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return undefined;
  const [row] = await executor
    .select({
      id: groupAdminInvitations.id,
      groupId: groupAdminInvitations.groupId,
      email: groupAdminInvitations.email,
      expiresAt: groupAdminInvitations.expiresAt,
      acceptedAt: groupAdminInvitations.acceptedAt,
      groupName: groups.name,
      groupStatus: groups.status,
      areaId: groups.areaId,
      municipalityId: groups.municipalityId,
    })
    .from(groupAdminInvitations)
    .innerJoin(groups, eq(groups.id, groupAdminInvitations.groupId))
    .where(eq(groupAdminInvitations.tokenHash, hashInvitationToken(token)));
  return row;
}

export interface InvitationPreview {
  groupName: string;
  areaName: string;
  invitedByName: string | null;
  /**
   * A hint of the invited address ("n…@voorbeeld.nl"), not the address: the link may have been
   * sent on, and the page is open to whoever holds it. The person signs in with the address the
   * e-mail came to.
   */
  emailHint: string;
  expiresAt: Date;
}

/**
 * What the invitation page shows before signing in, to whoever holds the link (the token was
 * e-mailed to the invited address): the group, its wijk, who invited, and the invited address
 * to sign in with. Null for an unknown, accepted or expired invitation, or a dissolved group:
 * the page then says only that the link does not work.
 */
export async function getInvitationPreview(token: string, now = new Date()): Promise<InvitationPreview | null> {
  const row = await findInvitation(db, token);
  if (!row || row.groupStatus !== "active" || row.acceptedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  const [details] = await db
    .select({ areaName: areas.name, invitedByName: users.name })
    .from(groupAdminInvitations)
    .innerJoin(areas, eq(areas.id, row.areaId))
    .leftJoin(users, eq(users.id, groupAdminInvitations.invitedByUserId))
    .where(eq(groupAdminInvitations.id, row.id));
  return { groupName: row.groupName, areaName: details?.areaName ?? "", invitedByName: details?.invitedByName ?? null, emailHint: maskEmail(row.email), expiresAt: row.expiresAt };
}

/**
 * What the invitation page shows for `token` to the signed-in `actor`. The invitation only
 * works for the account with the invited e-mail address.
 */
export async function getInvitation(actor: Actor, token: string, now = new Date()): Promise<InvitationView> {
  requirePermission(actor, "group.manage");
  const row = await findInvitation(db, token);
  if (!row || row.groupStatus !== "active") return { state: "invalid" };
  if (row.email.toLowerCase() !== actor.email.toLowerCase()) return { state: "wrong_account", groupName: row.groupName };
  if (row.acceptedAt) return { state: "accepted", groupId: row.groupId, groupName: row.groupName };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired", groupName: row.groupName };
  const [user] = await db
    .select({ name: users.name, phone: users.phone, birthDate: users.birthDate, postcode: users.postcode, houseNumber: users.houseNumber, addition: users.addition })
    .from(users)
    .where(eq(users.id, actor.id));
  const [area] = await db.select({ name: areas.name }).from(areas).where(eq(areas.id, row.areaId));
  return {
    state: "open",
    groupId: row.groupId,
    groupName: row.groupName,
    areaName: area?.name ?? "",
    prefill: {
      name: user?.name ?? "",
      phone: user?.phone ?? "",
      birthDate: user?.birthDate ?? "",
      postcode: user?.postcode ?? "",
      houseNumber: user?.houseNumber ? String(user.houseNumber) : "",
      addition: user?.addition ?? "",
    },
  };
}

/**
 * Accepts the invitation: the actor (signed in with the invited e-mail) gives their admin
 * details and becomes admin of the group; their address joins the group's member addresses.
 */
export async function acceptInvitation(
  actor: Actor,
  token: string,
  details: Omit<AdminDetails, "email">,
  now = new Date(),
): Promise<{ groupId: string }> {
  requirePermission(actor, "group.manage");
  const preview = await findInvitation(db, token);
  if (!preview || preview.groupStatus !== "active" || preview.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw notFound("Deze uitnodiging bestaat niet, of is voor een ander e-mailadres.");
  }
  const [municipality] = await db
    .select({ id: municipalities.id, code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, preview.municipalityId));
  const admin = await identityForAccount(db, actor.id, details);
  const placements = await placeAddresses([admin.address], municipality);
  refuseIfRefused(admin.address, placements, "address.postcode");
  return db.transaction(async (tx) => {
    // The group row is locked and checked again: dissolving takes the same lock, so an admin
    // is never added to a group that was dissolved after the invitation was read.
    const group = await lockGroupRow(tx, preview.groupId);
    if (!group || group.status !== "active") {
      throw notFound("Deze uitnodiging bestaat niet, of is voor een ander e-mailadres.");
    }
    const accepted = await tx
      .update(groupAdminInvitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(groupAdminInvitations.id, preview.id),
          isNull(groupAdminInvitations.acceptedAt),
          gt(groupAdminInvitations.expiresAt, now),
        ),
      )
      .returning({ id: groupAdminInvitations.id });
    if (accepted.length === 0) {
      const alreadyAdmin = await tx
        .select({ groupId: groupAdmins.groupId })
        .from(groupAdmins)
        .where(and(eq(groupAdmins.groupId, preview.groupId), eq(groupAdmins.userId, actor.id)));
      if (alreadyAdmin.length > 0) return { groupId: preview.groupId };
      throw new AppError("unprocessable", "Deze uitnodiging is verlopen. Vraag de beheerder om een nieuwe uitnodiging.");
    }
    // The account's identity is never overwritten by this form: it only fills what is missing.
    await fillMissingIdentity(tx, actor.id, admin);
    await tx.insert(groupAdmins).values({ groupId: preview.groupId, userId: actor.id }).onConflictDoNothing();
    // The invitation form shows the house rules and requires acceptHouseRules (the action's schema).
    await recordHouseRulesAcceptance(tx, { userId: actor.id, groupId: preview.groupId, context: "invitation", now });
    await insertMemberAddresses(tx, { id: preview.groupId }, [admin.address], placements, actor.id);
    await tx.update(groups).set({ updatedAt: now }).where(eq(groups.id, preview.groupId));
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "group.accept_admin_invitation",
      subjectType: "group",
      subjectId: preview.groupId,
      municipalityId: preview.municipalityId,
      details: { invitationId: preview.id },
    });
    return { groupId: preview.groupId };
  });
}

/** Open invitations of a group, for its admins. */
export async function listOpenInvitations(actor: Actor, groupId: string) {
  requirePermission(actor, "group.manage");
  return db
    .select({ id: groupAdminInvitations.id, email: groupAdminInvitations.email, expiresAt: groupAdminInvitations.expiresAt })
    .from(groupAdminInvitations)
    .where(and(eq(groupAdminInvitations.groupId, groupId), isNull(groupAdminInvitations.acceptedAt), isAdminOf(actor, groupAdminInvitations.groupId)))
    .orderBy(groupAdminInvitations.createdAt);
}
