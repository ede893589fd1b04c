/**
 * Placed borden without an actor: the record made when staff record a placement, and the
 * removal task made when a group with a standing bord is dissolved. Both run inside the
 * caller's transaction (which has already checked who acts).
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import { bordEvents, bords } from "@/db/schema";

export interface PlacementRecord {
  groupId: string;
  bordRequestId: string;
  placedOn: string;
  location: string;
  count: number;
  latitude: number | null;
  longitude: number | null;
  actorUserId: string | null;
}

export const REMOVAL_TASK_NOTE = "De groep is opgeheven. Het bord moet worden weggehaald.";

/** Makes the bord's record and its first history entry ("placed"). */
export async function createBordForPlacement(tx: Executor, placement: PlacementRecord): Promise<string> {
  const [bord] = await tx
    .insert(bords)
    .values({
      groupId: placement.groupId,
      bordRequestId: placement.bordRequestId,
      placedOn: placement.placedOn,
      location: placement.location,
      count: placement.count,
      latitude: placement.latitude,
      longitude: placement.longitude,
    })
    .returning({ id: bords.id });
  await tx.insert(bordEvents).values({
    bordId: bord.id,
    kind: "placed",
    actorUserId: placement.actorUserId,
    occurredOn: placement.placedOn,
    note: `${placement.count} ${placement.count === 1 ? "bord" : "borden"} geplaatst: ${placement.location}.`,
  });
  return bord.id;
}

/**
 * The group is dissolved: every bord of it that still stands becomes a removal task
 * (status removal_pending, a history entry). Returns how many.
 */
export async function createRemovalTasks(tx: Executor, groupId: string, actorUserId: string | null, now: Date): Promise<number> {
  const standing = await tx
    .select({ id: bords.id })
    .from(bords)
    .where(and(eq(bords.groupId, groupId), eq(bords.status, "standing")))
    .for("update");
  if (standing.length === 0) return 0;
  const ids = standing.map((s) => s.id);
  await tx.update(bords).set({ status: "removal_pending", updatedAt: now }).where(inArray(bords.id, ids));
  await tx.insert(bordEvents).values(ids.map((id) => ({ bordId: id, kind: "removal_task" as const, actorUserId, note: REMOVAL_TASK_NOTE })));
  return ids.length;
}
