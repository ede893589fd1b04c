/**
 * Accounts across the platform: any role, disabling, ending sessions. Only platform admins
 * (permission "users.manage_any"); for anyone else the user does not exist. Staff manage the
 * staff and wijkagent accounts of their own municipality in lib/data/staff/users.ts
 * ("users.manage"). Every change is in the audit log. Roles are read fresh at each request (lib/auth/session.ts), so a changed
 * role counts from the next request; disabling also ends every session at once.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { municipalities, users, type UserRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import { signOutEverywhere } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";
import { AppError, notFound } from "@/lib/errors";
import type { UserRoleChange } from "@/lib/validation";

function requireUserManager(actor: Actor | null): Actor {
  if (!actor || !can(actor, "users.manage_any")) throw notFound();
  return actor;
}

function refuseSelf(actor: Actor, userId: string, message: string): void {
  if (actor.id === userId) throw new AppError("unprocessable", message);
}

export interface UserRoleChangeResult {
  userId: string;
  from: UserRole;
  to: UserRole;
}

/** Gives a user another role (and municipality). Refuses one's own account (no lock-out). */
export async function changeUserRole(actor: Actor | null, input: UserRoleChange): Promise<UserRoleChangeResult> {
  const manager = requireUserManager(actor);
  refuseSelf(manager, input.userId, "U kunt uw eigen rol niet wijzigen. Vraag een andere platformbeheerder.");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ role: users.role, municipalityId: users.municipalityId })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!current) throw notFound();
    if (input.municipalityId) {
      const [municipality] = await tx
        .select({ id: municipalities.id })
        .from(municipalities)
        .where(eq(municipalities.id, input.municipalityId));
      if (!municipality) {
        throw new AppError("bad_request", undefined, {
          fieldErrors: { municipalityId: "Kies een gemeente uit de lijst." },
        });
      }
    }
    await tx
      .update(users)
      .set({ role: input.role, municipalityId: input.municipalityId })
      .where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorUserId: manager.id,
      action: "user.change_role",
      subjectType: "user",
      subjectId: input.userId,
      municipalityId: input.municipalityId ?? current.municipalityId,
      details: {
        from: current.role,
        to: input.role,
        fromMunicipalityId: current.municipalityId,
        toMunicipalityId: input.municipalityId,
      },
    });
    return { userId: input.userId, from: current.role, to: input.role };
  });
}

/**
 * Disables an account (its sessions end at once, and it gets no sign-in links) or enables it
 * again. Refuses one's own account.
 */
export async function setUserDisabled(actor: Actor | null, userId: string, disabled: boolean): Promise<void> {
  const manager = requireUserManager(actor);
  refuseSelf(manager, userId, "U kunt uw eigen account niet uitschakelen.");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null })
      .where(eq(users.id, userId))
      .returning({ municipalityId: users.municipalityId });
    if (!row) throw notFound();
    const endedSessions = disabled ? await signOutEverywhere(userId, tx) : 0;
    await recordAudit(tx, {
      actorUserId: manager.id,
      action: disabled ? "user.disable" : "user.enable",
      subjectType: "user",
      subjectId: userId,
      municipalityId: row.municipalityId,
      details: disabled ? { endedSessions } : {},
    });
  });
}

/**
 * Ends every session of a user: of oneself (anyone signed in), or of someone else (platform
 * admins). Returns how many sessions ended.
 */
export async function endAllSessions(actor: Actor | null, userId: string): Promise<number> {
  if (!actor) throw new AppError("unauthorized");
  if (actor.id !== userId) requireUserManager(actor);
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ municipalityId: users.municipalityId })
      .from(users)
      .where(eq(users.id, userId));
    if (!target) throw notFound();
    const ended = await signOutEverywhere(userId, tx);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "auth.sign_out_everywhere",
      subjectType: "user",
      subjectId: userId,
      municipalityId: target.municipalityId,
      details: { endedSessions: ended },
    });
    return ended;
  });
}
