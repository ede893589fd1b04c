/**
 * Staff and wijkagent accounts as staff manage them (/beheer/gebruikers, permission
 * "users.manage"): staff within their own municipality, platform admins in any. The app has no
 * way to make someone a platform admin or to disable an account. Roles are read fresh from the
 * database at every request, so a change counts from the next request. Audited.
 */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { contacts, municipalities, users, type UserRole } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { userInvitedMail } from "@/lib/mail/templates/user-invited";
import { MANAGED_ROLE_LABELS, type ChangeUserRoleInput, type InviteUserInput } from "@/lib/validation/staff";
import { routes } from "@/lib/routes";
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

/**
 * Gives someone a staff or wijkagent account and tells them by e-mail. An existing resident
 * account is given the role; an account that already works for a municipality is refused.
 * A wijkagent contact with the same e-mail is linked to the account.
 */
export async function inviteUser(actor: Actor | null, input: InviteUserInput, executor: Executor = db): Promise<{ id: string }> {
  const staff = requireUserManager(actor);
  // Staff invite into their own municipality; naming another one is someone else's data.
  if (staff.role === "staff" && input.municipalityId && input.municipalityId !== staff.municipalityId) throw new AppError("not_found");
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
    const [existing] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`)
      .for("update");
    let id: string;
    if (existing) {
      if (existing.role !== "resident") {
        const message = "Dit e-mailadres heeft al een account als medewerker, wijkagent of beheerder.";
        throw new AppError("conflict", message, { fieldErrors: { email: message } });
      }
      await tx.update(users).set({ role: input.role, municipalityId, name: sql`coalesce(${users.name}, ${input.name})` }).where(eq(users.id, existing.id));
      id = existing.id;
    } else {
      const [created] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, municipalityId })
        .returning({ id: users.id });
      id = created.id;
    }
    if (input.role === "wijkagent") {
      await tx
        .update(contacts)
        .set({ userId: id })
        .where(and(eq(contacts.email, input.email), eq(contacts.kind, "wijkagent"), eq(contacts.municipalityId, municipalityId)));
    }
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: "user.invite",
      subjectType: "user",
      subjectId: id,
      municipalityId,
      details: { role: input.role, existingAccount: Boolean(existing) },
    });
    await enqueueMail(tx, {
      idempotencyKey: `user-invited:${id}:${input.role}:${Date.now()}`,
      kind: "user_invited",
      to: input.email,
      ...userInvitedMail({
        recipientName: input.name,
        roleLabel: MANAGED_ROLE_LABELS[input.role],
        municipalityName: municipality.name,
        signInUrl: `${getEnv().appUrl}${routes.signIn}`,
      }),
    });
    return { id };
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
    if (!current) throw new AppError("not_found", "Dit account bestaat niet, of hoort niet bij uw gemeente.");
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
