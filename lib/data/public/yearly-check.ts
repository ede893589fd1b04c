/**
 * The one-click "De groep is nog actief" link of the yearly check, used without
 * signing in: the token in the link is the authority, for one admin and one check only.
 *
 * - It confirms that check and nothing else: no session, no other group, no other action.
 * - Only a current admin's link works (an admin removed since is refused), only while the
 *   group is active and the check is open, and for CHECK_LINK_VALID_DAYS at most.
 * - Idempotent: a second click (or a second admin) finds the check confirmed and is thanked again.
 * - The page (GET) shows a button; only its POST confirms, so mail scanners that open links do
 *   not confirm anything.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groupAdmins, groupCheckTokens, groupChecks, groups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { hashCheckToken } from "@/lib/data/internal/yearly-check";
import { lockGroupRow } from "@/lib/data/internal/group-lock";

export type CheckLinkView =
  | { state: "invalid" }
  | { state: "expired"; groupName: string }
  | { state: "confirmed"; groupName: string }
  | { state: "open"; groupName: string; areaName: string };

export const CHECK_LINK_INVALID = "Deze link werkt niet. Misschien is hij niet helemaal overgenomen, of bent u geen beheerder van deze groep meer.";
export const CHECK_LINK_EXPIRED = "Deze link is verlopen. Log in en kijk bij uw groep, of neem contact op met de gemeente.";

/** A token as the e-mail carries it: 43 characters of base64url (32 random bytes). */
export function isPlausibleCheckToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

async function findLink(executor: Executor, token: string) {
  const [row] = await executor
    .select({
      tokenId: groupCheckTokens.id,
      userId: groupCheckTokens.userId,
      expiresAt: groupCheckTokens.expiresAt,
      checkId: groupChecks.id,
      stage: groupChecks.stage,
      groupId: groups.id,
      groupName: groups.name,
      groupStatus: groups.status,
      municipalityId: groups.municipalityId,
      areaName: areas.name,
      isAdmin: sql<boolean>`exists (select 1 from ${groupAdmins} where ${groupAdmins.groupId} = ${groups.id} and ${groupAdmins.userId} = ${groupCheckTokens.userId})`,
    })
    .from(groupCheckTokens)
    .innerJoin(groupChecks, eq(groupChecks.id, groupCheckTokens.checkId))
    .innerJoin(groups, eq(groups.id, groupChecks.groupId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .where(eq(groupCheckTokens.tokenHash, hashCheckToken(token)));
  return row;
}

function viewOf(row: Awaited<ReturnType<typeof findLink>>, now: Date): CheckLinkView {
  if (!row || row.groupStatus !== "active" || !row.isAdmin || row.stage === "dissolved") return { state: "invalid" };
  if (row.stage === "confirmed" || row.stage === "kept") return { state: "confirmed", groupName: row.groupName };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired", groupName: row.groupName };
  return { state: "open", groupName: row.groupName, areaName: row.areaName };
}

/** What the link's page shows (reads only; a GET never confirms). */
export async function getCheckLink(token: string, now = new Date()): Promise<CheckLinkView> {
  if (!isPlausibleCheckToken(token)) return { state: "invalid" };
  return viewOf(await findLink(db, token), now);
}

/**
 * Confirms that the group is still active (the button on the link's page). Closes the check,
 * starts the next twelve months from now, and records who confirmed. A link of a check that
 * is already confirmed answers "confirmed" and changes nothing.
 */
export async function confirmGroupByLink(token: string, now = new Date()): Promise<{ state: "confirmed"; groupName: string }> {
  if (!isPlausibleCheckToken(token)) throw notFound(CHECK_LINK_INVALID);
  const preview = await findLink(db, token);
  if (!preview) throw notFound(CHECK_LINK_INVALID);
  return db.transaction(async (tx) => {
    // The group row first, as dissolving does: a group dissolved meanwhile is not confirmed.
    await lockGroupRow(tx, preview.groupId);
    const view = viewOf(await findLink(tx, token), now);
    if (view.state === "invalid") throw notFound(CHECK_LINK_INVALID);
    if (view.state === "expired") throw new AppError("unprocessable", CHECK_LINK_EXPIRED);
    if (view.state === "confirmed") return { state: "confirmed" as const, groupName: view.groupName };
    const closed = await tx
      .update(groupChecks)
      .set({ stage: "confirmed", stageAt: now, closedAt: now, closedByUserId: preview.userId })
      .where(and(eq(groupChecks.id, preview.checkId), isNull(groupChecks.closedAt)))
      .returning({ id: groupChecks.id });
    if (closed.length === 0) return { state: "confirmed" as const, groupName: view.groupName };
    await tx.update(groups).set({ lastConfirmedAt: now }).where(eq(groups.id, preview.groupId));
    await tx.update(groupCheckTokens).set({ usedAt: now }).where(eq(groupCheckTokens.id, preview.tokenId));
    await recordAudit(tx, {
      actorUserId: preview.userId,
      action: "group_check.confirm",
      subjectType: "group",
      subjectId: preview.groupId,
      municipalityId: preview.municipalityId,
      details: { checkId: preview.checkId, via: "link" },
    });
    return { state: "confirmed" as const, groupName: view.groupName };
  });
}
