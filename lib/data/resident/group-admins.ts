/** The admins of a group, as a fellow admin sees them, and removing one (or stepping down). */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { groupAdmins, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError, notFound } from "@/lib/errors";
import { isAdminOf, findAdminGroup, loadAdminGroup } from "@/lib/data/internal/group-access";

export interface GroupAdminRow {
  userId: string;
  name: string | null;
  email: string;
  phone: string | null;
  isMe: boolean;
}

/** The admins of the group (their contact details, for fellow admins only). */
export async function listGroupAdmins(actor: Actor, groupId: string): Promise<GroupAdminRow[] | null> {
  requirePermission(actor, "group.manage");
  const group = await findAdminGroup(db, actor, groupId);
  if (!group) return null;
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, phone: users.phone })
    .from(groupAdmins)
    .innerJoin(users, eq(users.id, groupAdmins.userId))
    .where(and(eq(groupAdmins.groupId, group.id), isAdminOf(actor, groupAdmins.groupId)))
    .orderBy(asc(groupAdmins.createdAt), asc(users.email));
  return rows.map((r) => ({ ...r, isMe: r.userId === actor.id }));
}

/**
 * Removes an admin (or, with the actor's own id, steps down). Never leaves a group without an
 * admin: the group row is locked while counting.
 */
export async function removeGroupAdmin(actor: Actor, groupId: string, userId: string): Promise<{ self: boolean }> {
  requirePermission(actor, "group.manage");
  return db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId, { lock: true });
    const admins = await tx.select({ userId: groupAdmins.userId }).from(groupAdmins).where(eq(groupAdmins.groupId, group.id));
    if (!admins.some((a) => a.userId === userId)) throw notFound("Deze persoon is geen beheerder van de groep.");
    if (admins.length <= 1) {
      throw new AppError(
        "unprocessable",
        "U bent de enige beheerder. Nodig eerst iemand anders uit als beheerder, of hef de groep op.",
      );
    }
    await tx.delete(groupAdmins).where(and(eq(groupAdmins.groupId, group.id), eq(groupAdmins.userId, userId)));
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: userId === actor.id ? "group.step_down" : "group.remove_admin",
      subjectType: "group",
      subjectId: group.id,
      municipalityId: group.municipalityId,
      details: { userId },
    });
    return { self: userId === actor.id };
  });
}
