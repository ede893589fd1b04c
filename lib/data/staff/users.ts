/**
 * Staff and wijkagent accounts as staff manage them (/beheer/gebruikers, permission
 * "users.manage"): staff within their own municipality, platform admins in any. The app has no
 * way to make someone a platform admin or to disable an account. Inviting makes an invitation
 * the person accepts (lib/data/resident/staff-invitations.ts), never a direct change. Roles are read fresh from the
 * database at every request, so a change counts from the next request. Audited.
 */
import "server-only";
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contacts, municipalities, staffInvitations, users, type UserRole } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import type { ChangeUserRoleInput, InviteUserInput } from "@/lib/validation/staff";
import { createStaffInvitation } from "../internal/staff-invitations";
import { municipalityCondition, staffScope, type StaffActor } from "../internal/staff-scope";

/** The actor as someone who manages accounts ("users.manage"), or not_found. */
function requireUserManager(actor: Actor | null): StaffActor {
  requirePermission(actor, "users.manage");
  return staffScope(actor);
}

export interface ManagedUser {
  id: string;
  name: string | null;
  email: string;
  role: UserRole;
  municipalityName: string | null;
  lastSignInAt: Date | null;
  disabled: boolean;
}

export async function listUsersForStaff(actor: Actor | null, executor: Executor = db): Promise<ManagedUser[]> {
  const staff = requireUserManager(actor);
  const rows = await executor
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      municipalityName: municipalities.name,
      lastSignInAt: users.lastSignInAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .leftJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(
      staff.role === "platform_admin"
        ? inArray(users.role, ["staff", "wijkagent", "platform_admin"])
        : and(inArray(users.role, ["staff", "wijkagent"]), municipalityCondition(staff, users.municipalityId)),
    )
    .orderBy(asc(municipalities.name), asc(users.role), asc(users.email))
    .limit(2000);
  return rows.map(({ disabledAt, ...r }) => ({ ...r, disabled: disabledAt !== null }));
}

export interface OpenStaffInvitation {
  id: string;
  name: string | null;
  email: string;
  role: UserRole;
  municipalityName: string;
  expiresAt: Date;
}

/**
 * The invitations of the actor's municipality (every municipality for a platform admin) that
 * are neither accepted nor expired: whom staff invited themselves, so nothing about existing
 * accounts.
 */
export async function listOpenStaffInvitations(actor: Actor | null, now = new Date(), executor: Executor = db): Promise<OpenStaffInvitation[]> {
  const staff = requireUserManager(actor);
  return executor
    .select({
      id: staffInvitations.id,
      name: staffInvitations.name,
      email: staffInvitations.email,
      role: staffInvitations.role,
      municipalityName: municipalities.name,
      expiresAt: staffInvitations.expiresAt,
    })
    .from(staffInvitations)
    .innerJoin(municipalities, eq(municipalities.id, staffInvitations.municipalityId))
    .where(
      and(
        isNull(staffInvitations.acceptedAt),
        gt(staffInvitations.expiresAt, now),
        staff.role === "platform_admin" ? undefined : municipalityCondition(staff, staffInvitations.municipalityId),
      ),
    )
    .orderBy(asc(municipalities.name), asc(staffInvitations.email))
    .limit(2000);
}

/**
 * Invites someone to a staff or wijkagent role of a municipality. Looks at
 * no account and changes none: every address gets the same answer and the same e-mail with a
 * link; the person signs in with that address and accepts (lib/data/resident/staff-invitations.ts).
 * So staff cannot learn whether an address has an account, or which role it has, and cannot
 * take over an account of another municipality.
 */
export async function inviteUser(actor: Actor | null, input: InviteUserInput, executor: Executor = db): Promise<{ invited: true }> {
  const staff = requireUserManager(actor);
  // Staff invite into their own municipality; naming another one is someone else's data.
  if (staff.role === "staff" && input.municipalityId && input.municipalityId !== staff.municipalityId) throw notFound();
  const municipalityId = staff.role === "staff" ? staff.municipalityId! : input.municipalityId;
  if (!municipalityId) {
    throw new AppError("bad_request", undefined, { fieldErrors: { municipalityId: "Kies de gemeente van dit account." } });
  }
  return executor.transaction(async (tx) => {
    const [municipality] = await tx
      .select({ id: municipalities.id, name: municipalities.name })
      .from(municipalities)
      .where(and(eq(municipalities.id, municipalityId), municipalityCondition(staff, municipalities.id)));
    if (!municipality) {
      throw new AppError("bad_request", undefined, { fieldErrors: { municipalityId: "Kies een gemeente uit de lijst." } });
    }
    const { invitationId } = await createStaffInvitation(tx, {
      municipality,
      email: input.email,
      name: input.name,
      role: input.role,
      invitedByUserId: staff.id,
      now: new Date(),
    });
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "user.invite",
      subjectType: "staff_invitation",
      subjectId: invitationId,
      municipalityId,
      details: { role: input.role },
    });
    return { invited: true as const };
  });
}

/** Changes a staff or wijkagent account's role, or removes it ("none": a resident again). */
export async function changeManagedRole(actor: Actor | null, input: ChangeUserRoleInput, executor: Executor = db): Promise<void> {
  const staff = requireUserManager(actor);
  if (input.userId === staff.id) {
    throw new AppError("unprocessable", "U kunt uw eigen rol niet wijzigen. Vraag een collega.");
  }
  await executor.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: users.id, role: users.role, municipalityId: users.municipalityId })
      .from(users)
      .where(
        and(eq(users.id, input.userId), inArray(users.role, ["staff", "wijkagent"]), municipalityCondition(staff, users.municipalityId)),
      )
      .for("update");
    if (!current) throw notFound("Dit account bestaat niet, of hoort niet bij uw gemeente.");
    const to: UserRole = input.role === "none" ? "resident" : input.role;
    await tx
      .update(users)
      .set({ role: to, municipalityId: to === "resident" ? null : current.municipalityId })
      .where(eq(users.id, current.id));
    if (current.role === "wijkagent" && to !== "wijkagent") {
      await tx.update(contacts).set({ userId: null }).where(eq(contacts.userId, current.id));
    }
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "user.change_role",
      subjectType: "user",
      subjectId: current.id,
      municipalityId: current.municipalityId,
      details: { from: current.role, to },
    });
  });
}
