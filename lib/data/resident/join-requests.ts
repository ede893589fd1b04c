import "server-only";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { joinRequests, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { formatAddress, normalizeAddress } from "@/lib/domain";
import { AppError, notFound } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { joinAcceptedMail } from "@/lib/mail/templates/join-accepted";
import { joinDeclinedMail } from "@/lib/mail/templates/join-declined";
import type { JoinRequestDecision } from "@/lib/validation";
import { placeAddresses } from "@/lib/data/internal/address-placement";
import { isAdminOf, findAdminGroup, loadAdminGroup } from "@/lib/data/internal/group-access";
import { isUuid } from "@/lib/domain/ids";
import { JOIN_REQUEST_RETENTION_DAYS, daysAfter } from "@/lib/domain/retention";
import { insertMemberAddresses } from "@/lib/data/internal/member-addresses";
import { joinRequestDetails } from "@/lib/data/internal/join-request-details";


export interface OpenJoinRequest {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  birthDate: string | null;
  address: string;
  createdAt: Date;
}

/** The active group when the actor may manage groups and is one of its admins; else null. */
async function managedGroup(actor: Actor, groupId: string) {
  requirePermission(actor, "group.manage");
  return findAdminGroup(db, actor, groupId);
}

/** The open join requests of a group with the resident's details (only for its admins). */
export async function listOpenJoinRequests(actor: Actor, groupId: string): Promise<OpenJoinRequest[] | null> {
  const group = await managedGroup(actor, groupId);
  if (!group) return null;
  const rows = await db
    .select({
      id: joinRequests.id,
      ...joinRequestDetails,
      createdAt: joinRequests.createdAt,
    })
    .from(joinRequests)
    .where(and(eq(joinRequests.groupId, group.id), eq(joinRequests.status, "open"), isAdminOf(actor, joinRequests.groupId)))
    .orderBy(asc(joinRequests.createdAt))
    .limit(500);
  await recordAudit(db, {
    actorUserId: actor.id,
    action: "group.view_join_requests",
    subjectType: "group",
    subjectId: group.id,
    municipalityId: group.municipalityId,
    details: { count: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name ?? "",
    email: r.email ?? "",
    phone: r.phone,
    birthDate: r.birthDate,
    address: r.postcode && r.houseNumber ? formatAddress({ postcode: r.postcode, houseNumber: r.houseNumber, addition: r.addition ?? "" }) : "",
    createdAt: r.createdAt,
  }));
}

export interface HandledJoinRequest {
  id: string;
  /** Null once the contact details were purged (JOIN_REQUEST_RETENTION_DAYS after handling). */
  name: string | null;
  address: string;
  status: "accepted" | "declined";
  handledAt: Date;
  handledBy: string | null;
}

/**
 * The group's handled join requests, newest first (only for its admins): who, which address,
 * accepted or declined, when and by which admin. Purged requests show without a name.
 */
export async function listHandledJoinRequests(actor: Actor, groupId: string, limit = 50): Promise<HandledJoinRequest[] | null> {
  const group = await managedGroup(actor, groupId);
  if (!group) return null;
  const rows = await db
    .select({
      id: joinRequests.id,
      name: joinRequests.name,
      postcode: joinRequests.postcode,
      houseNumber: joinRequests.houseNumber,
      addition: joinRequests.addition,
      status: joinRequests.status,
      handledAt: joinRequests.handledAt,
      handledBy: users.name,
    })
    .from(joinRequests)
    .leftJoin(users, eq(users.id, joinRequests.handledByUserId))
    .where(and(eq(joinRequests.groupId, group.id), ne(joinRequests.status, "open"), isAdminOf(actor, joinRequests.groupId)))
    .orderBy(desc(joinRequests.handledAt))
    .limit(Math.min(Math.max(1, limit), 200));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    address: r.postcode && r.houseNumber ? formatAddress({ postcode: r.postcode, houseNumber: r.houseNumber, addition: r.addition ?? "" }) : "",
    status: r.status === "accepted" ? "accepted" : "declined",
    handledAt: r.handledAt ?? new Date(0),
    handledBy: r.handledBy,
  }));
}

/**
 * Accepts or declines an open join request. Accepting adds the resident's address to the
 * group's member addresses and e-mails the next step (with the WhatsApp invite link when the
 * group stored one); declining sends a polite e-mail with the optional reason. The request's
 * contact details are purged JOIN_REQUEST_RETENTION_DAYS later. A request decided by another
 * admin meanwhile gives AppError conflict.
 */
export async function decideJoinRequest(
  actor: Actor,
  groupId: string,
  requestId: string,
  input: JoinRequestDecision,
  now = new Date(),
): Promise<{ status: "accepted" | "declined"; inMunicipality?: boolean }> {
  requirePermission(actor, "group.manage");
  if (!isUuid(requestId)) throw notFound("Deze aanmelding bestaat niet (meer).");
  const ref = await loadAdminGroup(db, actor, groupId);
  const [request] = await db
    .select()
    .from(joinRequests)
    .where(and(eq(joinRequests.id, requestId), eq(joinRequests.groupId, ref.id), isAdminOf(actor, joinRequests.groupId)));
  if (!request) throw notFound("Deze aanmelding bestaat niet (meer).");
  if (request.status !== "open") {
    throw new AppError("conflict", "Deze aanmelding is al afgehandeld, misschien door een andere beheerder. Laad de pagina opnieuw.");
  }
  const address =
    request.postcode && request.houseNumber
      ? normalizeAddress({ postcode: request.postcode, houseNumber: request.houseNumber, addition: request.addition ?? "" })
      : null;
  const placements =
    input.decision === "accept" && address ? await placeAddresses([address], { id: ref.municipalityId, code: ref.municipalityCode, name: ref.municipalityName }) : new Map();
  const purgeAfter = daysAfter(now, JOIN_REQUEST_RETENTION_DAYS);
  return db.transaction(async (tx) => {
    const group = await loadAdminGroup(tx, actor, groupId);
    const status = input.decision === "accept" ? "accepted" : "declined";
    const [updated] = await tx
      .update(joinRequests)
      .set({
        status,
        handledAt: now,
        handledByUserId: actor.id,
        purgeAfter,
        declineReason: status === "declined" ? input.message || null : null,
      })
      .where(and(eq(joinRequests.id, request.id), eq(joinRequests.status, "open")))
      .returning({ id: joinRequests.id });
    if (!updated) {
      throw new AppError("conflict", "Deze aanmelding is al afgehandeld, misschien door een andere beheerder. Laad de pagina opnieuw.");
    }
    let inMunicipality: boolean | undefined;
    if (status === "accepted" && address) {
      await insertMemberAddresses(tx, group, [address], placements, actor.id);
      inMunicipality = [...placements.values()][0]?.inMunicipality ?? false;
    }
    const residentName = request.name ?? "buurtbewoner";
    const mail =
      status === "accepted"
        ? joinAcceptedMail({ residentName, groupName: group.name, whatsappInviteUrl: group.whatsappInviteUrl, message: input.message })
        : joinDeclinedMail({ residentName, groupName: group.name, reason: input.message });
    if (request.email) {
      await enqueueMail(tx, {
        idempotencyKey: `join-${status}:${request.id}`,
        kind: status === "accepted" ? "join_accepted" : "join_declined",
        to: request.email,
        ...mail,
      });
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: status === "accepted" ? "join_request.accept" : "join_request.decline",
      subjectType: "join_request",
      subjectId: request.id,
      municipalityId: group.municipalityId,
      details: { groupId: group.id },
    });
    return { status, inMunicipality };
  });
}
