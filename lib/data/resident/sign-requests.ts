import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { signRequestEvents, signRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { isDomainError, nextSignRequestStatus, OPEN_SIGN_REQUEST_STATUSES, type SignRequestStatus } from "@/lib/domain";
import { getEnv } from "@/lib/env";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { bordRequestReceivedMail } from "@/lib/mail/templates/bord-request-received";
import type { SignRequestInput } from "@/lib/validation";
import { routes } from "@/lib/routes";
import { getSignEligibility, type GroupSignEligibility } from "@/lib/data/internal/eligibility";
import { isAdminOf, findAdminGroup, loadAdminGroup } from "@/lib/data/internal/group-access";
import type { SignRequestFields } from "@/lib/data/internal/sign-request-fields";
import { isUuid } from "@/lib/domain/ids";

const ONE_OPEN = "Uw groep heeft al een bordaanvraag die nog loopt. U kunt een nieuwe aanvraag doen als die klaar is, of als u hem intrekt.";

export interface SignRequestEventView {
  fromStatus: SignRequestStatus | null;
  toStatus: SignRequestStatus;
  note: string;
  createdAt: Date;
}

export interface SignRequestView extends SignRequestFields {
  events: SignRequestEventView[];
}

export interface BordOverview {
  eligibility: GroupSignEligibility;
  /** The municipality's bord settings, for the page's text and the form's limit. */
  settings: {
    signsPerGroup: number;
    contributionCents: number;
    condition: "addresses" | "household_share";
    householdPercent: number | null;
    /** Whether the threshold is the share of the wijk's households (false: the fixed number applies). */
    usesShare: boolean;
  };
  open: SignRequestView | null;
  history: SignRequestView[];
}

/** The bord page of a group: whether it may ask, the open request and all earlier ones with their history. */
export async function getBordOverview(actor: Actor, groupId: string): Promise<BordOverview | null> {
  requirePermission(actor, "bord.request");
  const group = await findAdminGroup(db, actor, groupId);
  if (!group) return null;
  const eligibility = (await getSignEligibility(group.id))!;
  const requests = await db
    .select()
    .from(signRequests)
    .where(and(eq(signRequests.groupId, group.id), isAdminOf(actor, signRequests.groupId)))
    .orderBy(desc(signRequests.createdAt))
    .limit(50);
  const events = requests.length
    ? await db
        .select()
        .from(signRequestEvents)
        .where(inArray(signRequestEvents.signRequestId, requests.map((r) => r.id)))
        .orderBy(asc(signRequestEvents.createdAt), asc(signRequestEvents.id))
    : [];
  const views: SignRequestView[] = requests.map((r) => ({
    id: r.id,
    status: r.status,
    signCount: r.signCount,
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
      .filter((e) => e.signRequestId === r.id)
      .map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, createdAt: e.createdAt })),
  }));
  const openStatuses: readonly string[] = OPEN_SIGN_REQUEST_STATUSES;
  return {
    eligibility,
    settings: {
      signsPerGroup: group.bordSignsPerGroup,
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
export async function requestBord(actor: Actor, groupId: string, input: SignRequestInput, now = new Date()): Promise<{ id: string }> {
  requirePermission(actor, "bord.request");
  try {
    return await db.transaction(async (tx) => {
      const group = await loadAdminGroup(tx, actor, groupId, { lock: true });
      const [open] = await tx
        .select()
        .from(signRequests)
        .where(and(eq(signRequests.groupId, group.id), inArray(signRequests.status, [...OPEN_SIGN_REQUEST_STATUSES])));
      if (open) {
        if (isRepeatOf(open, actor, input, now)) return { id: open.id };
        throw new AppError("conflict", ONE_OPEN);
      }
      if (input.signCount > group.bordSignsPerGroup) {
        const message =
          group.bordSignsPerGroup === 1
            ? "De gemeente plaatst 1 bord per groep. Vul 1 in."
            : `De gemeente plaatst hooguit ${group.bordSignsPerGroup} borden per groep. Vul een getal in van 1 tot en met ${group.bordSignsPerGroup}.`;
        throw new AppError("bad_request", message, { fieldErrors: { signCount: message } });
      }
      const eligibility = (await getSignEligibility(group.id, tx))!;
      if (!eligibility.eligible) {
        throw new AppError(
          "unprocessable",
          `Uw groep heeft nog ${eligibility.missing} adressen in de gemeente nodig voor een bord (${eligibility.counted} van ${eligibility.threshold}).`,
        );
      }
      const [row] = await tx
        .insert(signRequests)
        .values({
          groupId: group.id,
          status: "submitted",
          signCount: input.signCount,
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
        .returning({ id: signRequests.id });
      await tx.insert(signRequestEvents).values({ signRequestId: row.id, actorUserId: actor.id, fromStatus: null, toStatus: "submitted", note: "", createdAt: now });
      await enqueueMail(tx, {
        idempotencyKey: `bord-request-received:${row.id}`,
        kind: "bord_request_received",
        to: group.safetyEmail,
        ...bordRequestReceivedMail({
          groupName: group.name,
          areaName: group.areaName,
          signCount: input.signCount,
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
        details: { groupId: group.id, signCount: input.signCount },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, "sign_requests_one_open_per_group")) throw new AppError("conflict", ONE_OPEN);
    throw error;
  }
}

function isRepeatOf(open: typeof signRequests.$inferSelect, actor: Actor, input: SignRequestInput, now: Date): boolean {
  return (
    open.status === "submitted" &&
    open.requestedByUserId === actor.id &&
    now.getTime() - open.createdAt.getTime() < RESUBMIT_WINDOW_MS &&
    open.signCount === input.signCount &&
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
      .select({ id: signRequests.id, status: signRequests.status, version: signRequests.version })
      .from(signRequests)
      .where(and(eq(signRequests.id, requestId), eq(signRequests.groupId, group.id)));
    if (!request) throw notFound("Deze bordaanvraag bestaat niet.");
    let to: SignRequestStatus;
    try {
      to = nextSignRequestStatus(request.status, "withdraw", "group_admin");
    } catch (error) {
      if (isDomainError(error)) throw new AppError("conflict", error.message);
      throw error;
    }
    const [updated] = await tx
      .update(signRequests)
      .set({ status: to, version: sql`${signRequests.version} + 1`, updatedAt: now })
      .where(and(eq(signRequests.id, request.id), eq(signRequests.status, request.status), eq(signRequests.version, request.version)))
      .returning({ id: signRequests.id });
    if (!updated) throw new AppError("conflict", "De aanvraag is net gewijzigd door de gemeente. Laad de pagina opnieuw om de laatste stand te zien.");
    await tx.insert(signRequestEvents).values({ signRequestId: request.id, actorUserId: actor.id, fromStatus: request.status, toStatus: to, note: "", createdAt: now });
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
