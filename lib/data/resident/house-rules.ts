/**
 * Consent on record: which version of the house rules a group admin accepted, and
 * accepting a new one. When HOUSE_RULES_VERSION goes up, an admin of an active group who has
 * not accepted it is sent to /mijn-groepen/huisregels before their group pages.
 */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { groupAdmins, groups, houseRulesAcceptances, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { HOUSE_RULES_VERSION } from "@/lib/domain";
import { hasAcceptedCurrentHouseRules, recordHouseRulesAcceptance } from "@/lib/data/internal/house-rules";

export interface HouseRulesStatus {
  currentVersion: number;
  /** The last acceptance on record, if any. */
  accepted: { version: number; at: Date } | null;
  /** An admin of an active group without an acceptance of the current version: must accept first. */
  mustAccept: boolean;
}

/** The actor's own consent: what they accepted last and whether they must accept the current version. */
export async function getHouseRulesStatus(actor: Actor): Promise<HouseRulesStatus> {
  requirePermission(actor, "group.manage");
  const [last] = await db
    .select({ version: houseRulesAcceptances.version, at: houseRulesAcceptances.acceptedAt })
    .from(houseRulesAcceptances)
    .where(eq(houseRulesAcceptances.userId, actor.id))
    .orderBy(desc(houseRulesAcceptances.version), desc(houseRulesAcceptances.acceptedAt))
    .limit(1);
  const current = last !== undefined && last.version >= HOUSE_RULES_VERSION;
  return {
    currentVersion: HOUSE_RULES_VERSION,
    accepted: last ?? null,
    mustAccept: !current && (await administersActiveGroup(actor.id)),
  };
}

async function administersActiveGroup(userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: groups.id })
    .from(groupAdmins)
    .innerJoin(groups, eq(groups.id, groupAdmins.groupId))
    .where(and(eq(groupAdmins.userId, userId), eq(groups.status, "active")))
    .limit(1);
  return rows.length > 0;
}

/** The actor accepts the current version of the house rules (once: a second call changes nothing). */
export async function acceptCurrentHouseRules(actor: Actor, now = new Date()): Promise<{ version: number }> {
  requirePermission(actor, "group.manage");
  await db.transaction(async (tx) => {
    // The account row is locked, so two clicks at once store one acceptance.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for("update");
    if (await hasAcceptedCurrentHouseRules(tx, actor.id)) return;
    await recordHouseRulesAcceptance(tx, { userId: actor.id, context: "new_version", now });
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "house_rules.accept",
      subjectType: "user",
      subjectId: actor.id,
      details: { version: HOUSE_RULES_VERSION },
    });
  });
  return { version: HOUSE_RULES_VERSION };
}
