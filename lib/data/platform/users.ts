/**
 * Accounts across the platform: ending sessions, one's own (permission "session.end_own",
 * every role) or someone else's ("users.manage_any", platform admins; for anyone else the user does not exist).
 * Staff manage the staff and wijkagent accounts of their own municipality in
 * lib/data/staff/users.ts ("users.manage"). Every change is in the audit log.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import { signOutEverywhere } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";
import { notFound } from "@/lib/errors";

/**
 * Ends every session of a user: of oneself (anyone signed in), or of someone else (platform
 * admins). Returns how many sessions ended.
 */
export async function endAllSessions(actor: Actor | null, userId: string): Promise<number> {
  requirePermission(actor, actor?.id === userId ? "session.end_own" : "users.manage_any");
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
