/** A group admin dissolves their group. */
import "server-only";
import { db } from "@/db";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { loadAdminGroup } from "@/lib/data/internal/group-access";
import { dissolveGroupCommand } from "@/lib/data/internal/dissolve";

/**
 * Dissolves the group as its admin, through the one dissolve command (lib/data/internal/dissolve.ts):
 * addresses, join requests, invitations and admin links go, an anonymous record stays, the
 * wijkagent(s) and (for a bord) team Veiligheid are told.
 * `confirmName` must match the group's name (case and spaces do not matter).
 */
export async function dissolveGroup(actor: Actor, groupId: string, confirmName: string, now = new Date()): Promise<void> {
  requirePermission(actor, "group.manage");
  await db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId, { lock: true });
    const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
    if (norm(confirmName) !== norm(group.name)) {
      const message = `Typ precies de naam van de groep: ${group.name}`;
      throw new AppError("bad_request", message, { fieldErrors: { confirmName: message } });
    }
    await dissolveGroupCommand(tx, { groupId: group.id, actorUserId: actor.id, via: "resident", now });
  });
}


