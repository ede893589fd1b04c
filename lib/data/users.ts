/**
 * Accounts across the platform: ending sessions, one's own (anyone) or someone else's (only
 * platform admins, permission "users.manage_any"; for anyone else the user does not exist).
 * Staff manage the staff and wijkagent accounts of their own municipality in
 * lib/data/staff/users.ts ("users.manage"). Every change is in the audit log.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import { signOutEverywhere } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";
import { AppError, notFound } from "@/lib/errors";

function requireUserManager(actor: Actor | null): Actor {
  if (!actor || !can(actor, "users.manage_any")) throw notFound();
  return actor;
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
