/**
 * Recording that someone accepted the house rules (lib/domain/house-rules.ts), for lib/data only:
 * it takes no actor. Its callers (registerGroup, acceptInvitation, submitJoinRequest,
 * acceptCurrentHouseRules) have checked the permission, and run it in their own transaction so
 * the consent is stored with the change it belongs to, or not at all.
 */
import "server-only";
import { and, eq, gte, max } from "drizzle-orm";
import type { Executor } from "@/db";
import { houseRulesAcceptances, type HouseRulesContext } from "@/db/schema";
import { HOUSE_RULES_VERSION } from "@/lib/domain";

export async function recordHouseRulesAcceptance(
  tx: Executor,
  entry: { userId?: string; joinRequestId?: string; groupId?: string | null; context: HouseRulesContext; now: Date },
): Promise<void> {
  await tx.insert(houseRulesAcceptances).values({
    userId: entry.userId ?? null,
    joinRequestId: entry.joinRequestId ?? null,
    groupId: entry.groupId ?? null,
    version: HOUSE_RULES_VERSION,
    context: entry.context,
    acceptedAt: entry.now,
  });
}

/** The highest version of the house rules this account accepted (null: never, on record). */
export async function acceptedHouseRulesVersion(executor: Executor, userId: string): Promise<number | null> {
  const [row] = await executor
    .select({ version: max(houseRulesAcceptances.version) })
    .from(houseRulesAcceptances)
    .where(eq(houseRulesAcceptances.userId, userId));
  return row?.version ?? null;
}

/** Whether this account accepted the current version (or a later one). */
export async function hasAcceptedCurrentHouseRules(executor: Executor, userId: string): Promise<boolean> {
  const rows = await executor
    .select({ id: houseRulesAcceptances.id })
    .from(houseRulesAcceptances)
    .where(and(eq(houseRulesAcceptances.userId, userId), gte(houseRulesAcceptances.version, HOUSE_RULES_VERSION)))
    .limit(1);
  return rows.length > 0;
}
