/**
 * Team Veiligheid's decisions on bord requests: review, approve, reject, place. Staff decide in
 * their own municipality, platform admins in every municipality; a request elsewhere does not
 * exist for them (not_found).
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { areas, groups, bordRequestEvents, bordRequests } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit";
import { getBordEligibility } from "@/lib/data/internal/eligibility";
import { lockGroupRow } from "@/lib/data/internal/group-lock";
import { decisionMails } from "@/lib/data/internal/bord-request-recipients";
import { createBordForPlacement } from "@/lib/data/internal/bords";
import { municipalityCondition, staffScope } from "@/lib/data/internal/staff-scope";
import { isDomainError, nextBordRequestStatus, type BordRequestStatus } from "@/lib/domain";
import { AppError, notFound } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import type { BordDecision } from "@/lib/validation/staff";

export const CHANGED_BY_SOMEONE_ELSE = "Deze aanvraag is net door iemand anders gewijzigd.";

export interface DecisionOutcome {
  id: string;
  status: BordRequestStatus;
  version: number;
  /** E-mails queued by this decision. */
  mailsQueued: number;
}

/**
 * Takes one staff decision on a bord request: review, approve, reject or place. One
 * transaction: the guarded update (`where id and version and status` as the staff member saw
 * them), the history entry, the audit entry and the e-mails. A request that changed meanwhile
 * gives conflict "Deze aanvraag is net door iemand anders gewijzigd." and nothing changes.
 * Approval counts the addresses again and refuses (unprocessable) below the threshold.
 */
export async function decideBordRequest(actor: Actor | null, decision: BordDecision, executor: Executor = db): Promise<DecisionOutcome> {
  requirePermission(actor, "bord.decide");
  const staff = staffScope(actor);
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select({
        id: bordRequests.id,
        status: bordRequests.status,
        version: bordRequests.version,
        bordCount: bordRequests.bordCount,
        street: bordRequests.street,
        latitude: bordRequests.latitude,
        longitude: bordRequests.longitude,
        groupId: groups.id,
        groupName: groups.name,
        groupSlug: groups.slug,
        groupStatus: groups.status,
        areaId: groups.areaId,
        areaName: areas.name,
        municipalityId: groups.municipalityId,
      })
      .from(bordRequests)
      .innerJoin(groups, eq(groups.id, bordRequests.groupId))
      .innerJoin(areas, eq(areas.id, groups.areaId))
      .where(and(eq(bordRequests.id, decision.requestId), municipalityCondition(staff, groups.municipalityId)));
    if (!current) throw notFound("Deze aanvraag bestaat niet (meer), of hoort niet bij uw gemeente.");

    if (current.version !== decision.version || (decision.expectedStatus && decision.expectedStatus !== current.status)) {
      throw new AppError("conflict", CHANGED_BY_SOMEONE_ELSE);
    }
    // The group row is locked before the state and the address count are checked, so an
    // address removal (which takes the same lock) lands either before the recount or after
    // the decision, never in between.
    const group = await lockGroupRow(tx, current.groupId);
    if (!group || group.status !== "active") {
      throw new AppError("unprocessable", "Deze groep is opgeheven. Er kan geen besluit meer over de aanvraag worden genomen.");
    }
    let to: BordRequestStatus;
    try {
      to = nextBordRequestStatus(current.status, decision.action, "staff");
    } catch (error) {
      if (isDomainError(error)) throw new AppError("conflict", error.message);
      throw error;
    }

    if (decision.action === "approve") {
      const eligibility = await getBordEligibility(current.groupId, tx);
      if (!eligibility || !eligibility.eligible) {
        const counted = eligibility?.counted ?? 0;
        const threshold = eligibility?.threshold ?? 0;
        throw new AppError(
          "unprocessable",
          `Deze groep heeft nu ${counted} adressen in de gemeente. Voor een bord zijn er ${threshold} nodig, dus de aanvraag kan niet worden goedgekeurd. U kunt de aanvraag afwijzen of wachten tot de groep groter is.`,
        );
      }
    }

    const now = new Date();
    const decided = decision.action === "approve" || decision.action === "reject" || decision.action === "place";
    const updated = await tx
      .update(bordRequests)
      .set({
        status: to,
        version: sql`${bordRequests.version} + 1`,
        updatedAt: now,
        ...(decided ? { decidedByUserId: staff.id, decidedAt: now } : {}),
        ...(decision.action === "reject" ? { reason: decision.note } : {}),
        ...(decision.action === "place"
          ? { placedOn: decision.placedOn!, placedLocation: decision.placedLocation!, placedCount: decision.placedCount! }
          : {}),
      })
      .where(
        and(
          eq(bordRequests.id, current.id),
          eq(bordRequests.version, decision.version),
          eq(bordRequests.status, current.status),
        ),
      )
      .returning({ version: bordRequests.version });
    if (updated.length === 0) throw new AppError("conflict", CHANGED_BY_SOMEONE_ELSE);

    if (decision.action === "place") {
      await createBordForPlacement(tx, {
        groupId: current.groupId,
        bordRequestId: current.id,
        placedOn: decision.placedOn!,
        location: decision.placedLocation!,
        count: decision.placedCount!,
        latitude: current.latitude,
        longitude: current.longitude,
        actorUserId: staff.id,
      });
    }

    const placementNote =
      decision.action === "place"
        ? `Geplaatst op ${decision.placedOn}, ${decision.placedLocation}, ${decision.placedCount} ${decision.placedCount === 1 ? "bord" : "borden"}.`
        : "";
    await tx.insert(bordRequestEvents).values({
      bordRequestId: current.id,
      actorUserId: staff.id,
      fromStatus: current.status,
      toStatus: to,
      note: [decision.note, placementNote].filter(Boolean).join("\n"),
    });
    await recordAudit(tx, {
      actorUserId: staff.id,
      action: `sign_request.${decision.action}`,
      subjectType: "sign_request",
      subjectId: current.id,
      municipalityId: current.municipalityId,
      details: { from: current.status, to, groupId: current.groupId },
    });

    const mails = await decisionMails(tx, decision, current);
    const mailsQueued = await enqueueMail(tx, mails);
    return { id: current.id, status: to, version: updated[0].version, mailsQueued };
  });
}
