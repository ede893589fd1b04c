import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { bordRequestEvents, bordRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { isDomainError, nextBordRequestStatus, OPEN_BORD_REQUEST_STATUSES, type BordRequestStatus } from "@/lib/domain";
import { getEnv } from "@/lib/env";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { bordRequestReceivedMail } from "@/lib/mail/templates/bord-request-received";
import type { BordRequestInput } from "@/lib/validation";
import { routes } from "@/lib/routes";
import { getBordEligibility, type GroupBordEligibility } from "@/lib/data/internal/eligibility";
import { isAdminOf, findAdminGroup, loadAdminGroup } from "@/lib/data/internal/group-access";
import type { BordRequestFields } from "@/lib/data/internal/bord-request-fields";
import { isUuid } from "@/lib/domain/ids";

const ONE_OPEN = "Uw groep heeft al een bordaanvraag die nog loopt. U kunt een nieuwe aanvraag doen als die klaar is, of als u hem intrekt.";

export interface BordRequestEventView {
  fromStatus: BordRequestStatus | null;
  toStatus: BordRequestStatus;
  note: string;
  createdAt: Date;
}

export interface BordRequestView extends BordRequestFields {
  events: BordRequestEventView[];
}

export interface BordOverview {
  eligibility: GroupBordEligibility;
  /** The municipality's bord settings, for the page's text and the form's limit. */
  settings: {
    bordsPerGroup: number;
    contributionCents: number;
    condition: "addresses" | "household_share";
    householdPercent: number | null;
    /** Whether the threshold is the share of the wijk's households (false: the fixed number applies). */
    usesShare: boolean;
  };
  open: BordRequestView | null;
  history: BordRequestView[];
}

/** The bord page of a group: whether it may ask, the open request and all earlier ones with their history. */
export async function getBordOverview(actor: Actor, groupId: string): Promise<BordOverview | null> {
  requirePermission(actor, "bord.request");
  const group = await findAdminGroup(db, actor, groupId);
  if (!group) return null;
  const eligibility = (await getBordEligibility(group.id))!;
  const requests = await db
    .select()
    .from(bordRequests)
    .where(and(eq(bordRequests.groupId, group.id), isAdminOf(actor, bordRequests.groupId)))
    .orderBy(desc(bordRequests.createdAt))
    .limit(50);
  const events = requests.length
    ? await db
        .select()
        .from(bordRequestEvents)
        .where(inArray(bordRequestEvents.bordRequestId, requests.map((r) => r.id)))
        .orderBy(asc(bordRequestEvents.createdAt), asc(bordRequestEvents.id))
    : [];
  const views: BordRequestView[] = requests.map((r) => ({
    id: r.id,
    status: r.status,
    bordCount: r.bordCount,
    street: r.street,
    nearHouseNumber: r.nearHouseNumber,
    locationDescription: r.locationDescription,
    latitude: r.latitude,
    longitude: r.longitude,
    note: r.note,
    reason: r.reason,
    placedOn: r.placedOn,
    version: r.version,
    createdAt: r.createdAt,
    events: events
      .filter((e) => e.bordRequestId === r.id)
      .map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, createdAt: e.createdAt })),
  }));
  const openStatuses: readonly string[] = OPEN_BORD_REQUEST_STATUSES;
  return {
    eligibility,
    settings: {
      bordsPerGroup: group.bordsPerGroup,
      contributionCents: group.bordContributionCents,
      condition: group.bordCondition,
      householdPercent: group.bordHouseholdPercent,
      usesShare: group.bordCondition === "household_share" && group.bordHouseholdPercent !== null && (group.areaHouseholds ?? 0) > 0,
    },
    open: views.find((v) => openStatuses.includes(v.status)) ?? null,
    history: views.filter((v) => !openStatuses.includes(v.status)),
  };
}

/** A repeat of the same request by the same admin within this time returns the first request. */
const RESUBMIT_WINDOW_MS = 10 * 60 * 1000;

/**
 * Asks for one to four bords. Checks the threshold again (in the transaction), records the
 * request and its first history entry, and e-mails the municipality's safety mailbox.
 * One open request per group (unique index; the group row is locked, so concurrent requests
 * queue here): the same request sent again by the same admin shortly after (a double click, a
 * retry after a lost answer) returns the open request and sends nothing more; any other second
 * request gives AppError conflict with a Dutch message.
 */
export async function requestBord(actor: Actor, groupId: string, input: BordRequestInput, now = new Date()): Promise<{ id: string }> {
  requirePermission(actor, "bord.request");
  try {
    return await db.transaction(async (tx) => {
      const group = await loadAdminGroup(tx, actor, groupId, { lock: true });
      const [open] = await tx
        .select()
        .from(bordRequests)
        .where(and(eq(bordRequests.groupId, group.id), inArray(bordRequests.status, [...OPEN_BORD_REQUEST_STATUSES])));
      if (open) {
        if (isRepeatOf(open, actor, input, now)) return { id: open.id };
        throw new AppError("conflict", ONE_OPEN);
      }
      if (input.bordCount > group.bordsPerGroup) {
        const message =
          group.bordsPerGroup === 1
            ? "De gemeente plaatst 1 bord per groep. Vul 1 in."
            : `De gemeente plaatst hooguit ${group.bordsPerGroup} borden per groep. Vul een getal in van 1 tot en met ${group.bordsPerGroup}.`;
        throw new AppError("bad_request", message, { fieldErrors: { bordCount: message } });
      }
      const eligibility = (await getBordEligibility(group.id, tx))!;
      if (!eligibility.eligible) {
        throw new AppError(
          "unprocessable",
          `Uw groep heeft nog ${eligibility.missing} adressen in de gemeente nodig voor een bord (${eligibility.counted} van ${eligibility.threshold}).`,
        );
      }
      const [row] = await tx
        .insert(bordRequests)
        .values({
          groupId: group.id,
          status: "submitted",
          bordCount: input.bordCount,
          street: input.street,
          nearHouseNumber: input.nearHouseNumber ?? null,
          locationDescription: input.description,
          latitude: input.point?.lat ?? null,
          longitude: input.point?.lng ?? null,
          note: input.note,
          requestedByUserId: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: bordRequests.id });
      await tx.insert(bordRequestEvents).values({ bordRequestId: row.id, actorUserId: actor.id, fromStatus: null, toStatus: "submitted", note: "", createdAt: now });
      await enqueueMail(tx, {
        idempotencyKey: `bord-request-received:${row.id}`,
        kind: "bord_request_received",
        to: group.safetyEmail,
        ...bordRequestReceivedMail({
          groupName: group.name,
          areaName: group.areaName,
          bordCount: input.bordCount,
          street: input.street,
          nearHouseNumber: input.nearHouseNumber ?? null,
          description: input.description,
          point: input.point,
          note: input.note,
          counted: eligibility.counted,
          threshold: eligibility.threshold,
          reviewUrl: `${getEnv().appUrl}${routes.staff.bord(row.id)}`,
        }),
      });
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: "sign_request.submit",
        subjectType: "sign_request",
        subjectId: row.id,
        municipalityId: group.municipalityId,
        details: { groupId: group.id, signCount: input.bordCount },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, "bord_requests_one_open_per_group")) throw new AppError("conflict", ONE_OPEN);
    throw error;
  }
}

function isRepeatOf(open: typeof bordRequests.$inferSelect, actor: Actor, input: BordRequestInput, now: Date): boolean {
  return (
    open.status === "submitted" &&
    open.requestedByUserId === actor.id &&
    now.getTime() - open.createdAt.getTime() < RESUBMIT_WINDOW_MS &&
    open.bordCount === input.bordCount &&
    open.street === input.street &&
    open.nearHouseNumber === (input.nearHouseNumber ?? null) &&
    open.locationDescription === input.description &&
    open.latitude === (input.point?.lat ?? null) &&
    open.longitude === (input.point?.lng ?? null) &&
    open.note === input.note
  );
}

/** Withdraws the group's request before a decision (submitted or in review). */
export async function withdrawBordRequest(actor: Actor, groupId: string, requestId: string, now = new Date()): Promise<void> {
  requirePermission(actor, "bord.request");
  if (!isUuid(requestId)) throw notFound("Deze bordaanvraag bestaat niet.");
  await db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId);
    const [request] = await tx
      .select({ id: bordRequests.id, status: bordRequests.status, version: bordRequests.version })
      .from(bordRequests)
      .where(and(eq(bordRequests.id, requestId), eq(bordRequests.groupId, group.id)));
    if (!request) throw notFound("Deze bordaanvraag bestaat niet.");
    let to: BordRequestStatus;
    try {
      to = nextBordRequestStatus(request.status, "withdraw", "group_admin");
    } catch (error) {
      if (isDomainError(error)) throw new AppError("conflict", error.message);
      throw error;
    }
    const [updated] = await tx
      .update(bordRequests)
      .set({ status: to, version: sql`${bordRequests.version} + 1`, updatedAt: now })
      .where(and(eq(bordRequests.id, request.id), eq(bordRequests.status, request.status), eq(bordRequests.version, request.version)))
      .returning({ id: bordRequests.id });
    if (!updated) throw new AppError("conflict", "De aanvraag is net gewijzigd door de gemeente. Laad de pagina opnieuw om de laatste stand te zien.");
    await tx.insert(bordRequestEvents).values({ bordRequestId: request.id, actorUserId: actor.id, fromStatus: request.status, toStatus: to, note: "", createdAt: now });
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "sign_request.withdraw",
      subjectType: "sign_request",
      subjectId: request.id,
      municipalityId: group.municipalityId,
      details: { groupId: group.id },
    });
  });
}
