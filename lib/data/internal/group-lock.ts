/**
 * The group row as a lock. Every write that depends on a count or the state of a group (the
 * bord threshold at approval, "still active" when accepting a co-admin invitation, dissolving)
 * first takes `SELECT … FOR UPDATE` on the group row, so two such writes on one group run one
 * after the other and each sees what the other committed.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { groups, type GroupStatus } from "@/db/schema";

export interface LockedGroup {
  id: string;
  status: GroupStatus;
  version: number;
}

/** Locks the group row until the end of the transaction; undefined when there is no such group. */
export async function lockGroupRow(tx: Executor, groupId: string): Promise<LockedGroup | undefined> {
  const [row] = await tx
    .select({ id: groups.id, status: groups.status, version: groups.version })
    .from(groups)
    .where(eq(groups.id, groupId))
    .for("update");
  return row;
}
